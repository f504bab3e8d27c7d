import type { Context } from 'telegraf';
import type { Language } from '../../assistant/answer.js';
import type { Assistant, KnowledgeTools } from '../../assistant/ports.js';
import type { Logger } from '../../logger.js';
import type { BureauContact } from '../../knowledge/types.js';
import type { Store } from '../../storage/store.js';
import { hashUserId } from '../../storage/user-hash.js';
import type { CallbackCodec } from './callback-data.js';
import type { PendingKpiUpdates } from './pending-kpi-updates.js';
import type { RateLimiter } from '../rate-limit.js';
import { languageOf } from './texts.js';

/** What the handlers share; built once by createTelegramBot. */
export interface BotRuntime {
  assistant: Assistant;
  tools: KnowledgeTools;
  store: Store;
  logger: Logger;
  codec: CallbackCodec;
  limiter: RateLimiter;
  /** Milliseconds since the epoch, from the bot's clock (the rate-limit notice's cool-down). */
  now: () => number;
  adminUserIds: readonly number[];
  userHashSalt: string;
  bureau: BureauContact | undefined;
  reindex(): Promise<{ documents: number; chunks: number; figures: number }>;
  renderStatsPng: ((language: 'zh' | 'en') => Promise<Buffer>) | undefined;
  /** Recently answered questions by log id, so 👍/👎 can store what was asked and answered. */
  answered: Map<number, { question: string; answer: string }>;
  /** When each user was last told they are rate limited (to say it once per cool-down). */
  rateNotified: Map<string, number>;
  /** /setkpi updates waiting for the admin's confirmation. */
  pendingKpiUpdates: PendingKpiUpdates;
}

/** The assistant session of a chat: its follow-ups, ended by /start. */
export const sessionOf = (chatId: number): string => `tg:${chatId}`;

/** The UI language of the user behind an update. */
export const languageOfCtx = (ctx: Context): Language => languageOf(ctx.from?.language_code);

/** True when the sender is listed in ADMIN_USER_IDS. */
export const isAdminCtx = (rt: BotRuntime, ctx: Context): boolean =>
  ctx.from !== undefined && rt.adminUserIds.includes(ctx.from.id);

/** Keyed hash of the sender's id; raw Telegram ids are never stored. */
export const userKeyOf = (rt: BotRuntime, ctx: Context): string | undefined =>
  ctx.from ? hashUserId(ctx.from.id, rt.userHashSalt) : undefined;

const ANSWERED_CAPACITY = 5000;

/** Remembers a logged question for the feedback buttons (bounded; oldest dropped first). */
export function rememberAnswered(rt: BotRuntime, id: number, question: string, answer: string): void {
  rt.answered.set(id, { question, answer });
  if (rt.answered.size > ANSWERED_CAPACITY) rt.answered.delete(rt.answered.keys().next().value as number);
}
