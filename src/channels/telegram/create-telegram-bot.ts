import { randomBytes } from 'node:crypto';
import { Telegraf, type Context } from 'telegraf';
import type { Assistant, KnowledgeTools } from '../../assistant/ports.js';
import type { Config } from '../../config.js';
import type { BureauContact } from '../../knowledge/types.js';
import type { Logger } from '../../logger.js';
import { scrubSecret } from '../../logger.js';
import type { Store } from '../../storage/store.js';
import { registerAdminHandlers } from './admin-handlers.js';
import type { BotRuntime } from './bot-runtime.js';
import { createCallbackCodec } from './callback-data.js';
import { createChatQueue } from './chat-queue.js';
import { registerCommandHandlers } from './command-handlers.js';
import { isAddressedToBot } from './group-filter.js';
import { registerQuestionHandlers } from './question-handlers.js';
import { registerMenuHandlers } from './menus.js';
import { createPendingKpiUpdates } from './pending-kpi-updates.js';
import { createRateLimiter } from '../rate-limit.js';
import { createTelegramGateway, type PacingOptions, type TelegramGateway } from './telegram-gateway.js';
import { commandList, uiText, languageOf } from './texts.js';
import { createPollingSource, createWebhookSource } from './update-source.js';
import { createUpdateDelivery } from './update-delivery.js';
import { createMemoryInbox, type UpdateInbox } from './update-inbox.js';
import { createSoleLeadership, type Leadership } from './leadership.js';
import { systemClock, type Clock } from '../../clock.js';

export interface TelegramDeps {
  /** token, apiRoot, mode, adminUserIds, rateLimitPerMinute */
  config: NonNullable<Config['telegram']>;
  assistant: Assistant;
  tools: KnowledgeTools;
  store: Store;
  reindex(): Promise<{ documents: number; chunks: number; figures: number }>;
  /** /help shows it (placeholders flagged). */
  bureau: BureauContact | undefined;
  userHashSalt: string;
  logger: Logger;
  /** When present, /stats sends this picture with the summary as caption (≤ 1024 chars). */
  renderStatsPng?: (language: 'zh' | 'en') => Promise<Buffer>;
  /** Overrides of the outgoing pacing (tests, a self-hosted Bot API server without limits). */
  pacing?: Partial<PacingOptions>;
  /** Long-poll timeout in seconds (default 50). */
  pollTimeoutSeconds?: number;
  /** Interface the webhook server listens on (default 0.0.0.0). */
  webhookHost?: string;
  /** How long stop() waits for answers in flight (default 60 s). */
  drainTimeoutMs?: number;
  /** Replicas sharing the bot (PostgreSQL): the shared inbox and the lead; one process when absent. */
  coordination?: { inbox: UpdateInbox; leadership: Leadership };
  /** The time for pacing, retries and the per-user rate limit (a fake clock in tests). */
  clock?: Clock;
}

export interface TelegramBotHandle {
  bot: Telegraf;
  /** Registers commands and starts polling or the webhook; resolves once updates are flowing. */
  start(): Promise<void>;
  /** Stops taking updates, finishes the answers in flight, confirms the update offset. */
  stop(reason: string): Promise<void>;
  /** Retry/429 counters of the outgoing gateway. */
  readonly gateway: TelegramGateway;
}

const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** Telegraf resolves method URLs relative to apiRoot, so a root with a path needs a trailing slash. */
export function normalizeApiRoot(apiRoot: string): string {
  return apiRoot.endsWith('/') ? apiRoot : `${apiRoot}/`;
}

const newErrorId = () => randomBytes(4).toString('hex').toUpperCase();

/**
 * Builds the Telegram channel: a telegraf bot whose handlers only translate between Telegram and
 * the assistant/tools/store, behind a per-chat queue and a paced, retrying Telegram client.
 */
export function createTelegramBot(deps: TelegramDeps): TelegramBotHandle {
  const { config, logger } = deps;
  const token = config.token;
  const bot = new Telegraf(token, {
    handlerTimeout: 120_000,
    ...(config.apiRoot !== undefined && { telegram: { apiRoot: normalizeApiRoot(config.apiRoot) } }),
  });
  const clock = deps.clock ?? systemClock;
  const gateway = createTelegramGateway(token, logger, deps.pacing, clock);
  gateway.wrap(bot.telegram);
  const rt: BotRuntime = {
    assistant: deps.assistant,
    tools: deps.tools,
    store: deps.store,
    logger,
    codec: createCallbackCodec(),
    limiter: createRateLimiter({ perMinute: config.rateLimitPerMinute, now: clock.now }),
    now: clock.now,
    adminUserIds: config.adminUserIds,
    userHashSalt: deps.userHashSalt,
    bureau: deps.bureau,
    reindex: deps.reindex,
    renderStatsPng: deps.renderStatsPng,
    answered: new Map(),
    rateNotified: new Map(),
    pendingKpiUpdates: createPendingKpiUpdates(),
  };

  const apologize = async (
    telegram: Telegraf['telegram'],
    chatId: number | undefined,
    language: 'zh' | 'en',
    id: string,
  ) => {
    if (chatId === undefined) return;
    await telegram.sendMessage(chatId, uiText(language).apology(id)).catch((error: unknown) => {
      logger.error(
        { errorId: id, err: scrubSecret(String((error as Error).message), token) },
        'Apology failed too',
      );
    });
  };

  bot.catch(async (error, ctx) => {
    const errorId = newErrorId();
    logger.error(
      {
        errorId,
        updateId: ctx.update.update_id,
        err: scrubSecret(String((error as Error)?.stack ?? error), token),
      },
      'Telegram handler failed',
    );
    await apologize(ctx.telegram, ctx.chat?.id, languageOf(ctx.from?.language_code), errorId);
  });

  installMiddleware(bot, rt, gateway);
  registerCommandHandlers(bot, rt);
  registerMenuHandlers(bot, rt);
  registerAdminHandlers(bot, rt);
  registerQuestionHandlers(bot, rt);

  const queue = createChatQueue((error, key) => {
    const errorId = newErrorId();
    logger.error(
      { errorId, chat: key, err: scrubSecret(String((error as Error)?.stack ?? error), token) },
      'Queued update failed',
    );
    const chatId = Number(key);
    void apologize(bot.telegram, Number.isFinite(chatId) ? chatId : undefined, 'zh', errorId);
  });
  const delivery = createUpdateDelivery({
    bot,
    mode: config.mode.kind,
    createSource: (accept) =>
      config.mode.kind === 'webhook'
        ? createWebhookSource(bot.telegram, accept, logger, {
            url: config.mode.url,
            secretToken: config.mode.secretToken,
            port: config.mode.port,
            host: deps.webhookHost ?? '0.0.0.0',
            allowedUpdates: ALLOWED_UPDATES,
          })
        : createPollingSource(bot.telegram, accept, logger, {
            allowedUpdates: ALLOWED_UPDATES,
            ...(deps.pollTimeoutSeconds !== undefined && { timeoutSeconds: deps.pollTimeoutSeconds }),
          }),
    queue,
    inbox: deps.coordination?.inbox ?? createMemoryInbox(),
    leadership: deps.coordination?.leadership ?? createSoleLeadership(),
    logger,
    token,
    drainTimeoutMs: deps.drainTimeoutMs ?? 60_000,
  });

  let state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  return {
    bot,
    gateway,
    async start() {
      if (state !== 'new') throw new Error(`Telegram bot cannot start: it is ${state}. Create a new one.`);
      state = 'running';
      bot.botInfo = await bot.telegram.getMe();
      await registerCommands(bot, logger);
      await delivery.start();
      logger.info({ bot: bot.botInfo.username, mode: config.mode.kind }, 'Telegram bot started');
    },
    async stop(reason) {
      if (state !== 'running') return;
      state = 'stopping';
      await delivery.stop(reason);
      state = 'stopped';
      logger.info({ reason }, 'Telegram bot stopped');
    },
  };
}

function installMiddleware(bot: Telegraf, rt: BotRuntime, gateway: TelegramGateway): void {
  // ctx.telegram is a fresh Telegram per update: pace and retry it too.
  bot.use((ctx, next) => {
    gateway.wrap(ctx.telegram);
    return next();
  });
  bot.use(async (ctx: Context, next) => {
    const msg = ctx.message;
    if (msg && ctx.chat && !isAddressedToBot(msg, ctx.chat.type, { id: ctx.botInfo.id, username: ctx.me }))
      return;
    const data = ctx.callbackQuery && 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined;
    if (data?.startsWith('~')) {
      const decoded = rt.codec.decode(data);
      if (!decoded)
        return void (await ctx.answerCbQuery(uiText(languageOf(ctx.from?.language_code)).buttonExpired));
      (ctx.callbackQuery as { data: string }).data = `${decoded.kind}:${decoded.value}`;
    }
    return next();
  });
}

async function registerCommands(bot: Telegraf, logger: Logger): Promise<void> {
  try {
    await bot.telegram.setMyCommands(commandList('zh'));
    await bot.telegram.setMyCommands(commandList('zh'), { language_code: 'zh' });
    await bot.telegram.setMyCommands(commandList('en'), { language_code: 'en' });
  } catch (error) {
    // The menu is a convenience; the bot works without it.
    logger.warn({ err: error }, 'setMyCommands failed; the command menu may be stale');
  }
}
