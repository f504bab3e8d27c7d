import type { Telegram } from 'telegraf';
import { TelegramError } from 'telegraf';
import type { Logger } from '../../logger.js';
import { scrubSecret } from '../../logger.js';
import { systemClock, type Clock } from '../../clock.js';

/**
 * Outgoing Telegram calls go through here: paced to stay under Telegram's flood limits and retried
 * on 429 (after `retry_after`), 5xx and network errors with capped exponential backoff. Telegraf
 * builds a new Telegram instance per update (ctx.telegram), so every instance is wrapped, not only
 * bot.telegram.
 */
export interface PacingOptions {
  /** Minimum gap between messages to one private chat (Telegram: about 1/s). */
  perChatIntervalMs: number;
  /** Minimum gap between messages to one group (Telegram: 20/min). */
  perGroupIntervalMs: number;
  /** Most messages in any sliding second, over all chats (Telegram: 30/s); 0 = unlimited. */
  globalPerSecond: number;
  maxAttempts: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** A retry_after above this is not waited for; the call fails instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_PACING: PacingOptions = {
  perChatIntervalMs: 1000,
  perGroupIntervalMs: 3000,
  // Below 30: requests leave a little bunched when the event loop is busy, and arrive that way.
  globalPerSecond: 28,
  maxAttempts: 6,
  baseBackoffMs: 250,
  maxBackoffMs: 5000,
  maxRetryAfterMs: 120_000,
};

// Methods that post something into a chat and count against Telegram's flood limits.
const PACED = new Set([
  'sendMessage',
  'sendPhoto',
  'sendDocument',
  'sendMediaGroup',
  'copyMessage',
  'forwardMessage',
  'editMessageText',
  'editMessageCaption',
  'editMessageReplyMarkup',
]);
const WRAPPED = Symbol('paced-telegram');

type CallApi = Telegram['callApi'];
type ChatId = number | string;

const isGroup = (chatId: ChatId) => String(chatId).startsWith('-') || String(chatId).startsWith('@');

export interface TelegramGateway {
  /** Routes `telegram.callApi` through pacing and retries; safe to call twice on one instance. */
  wrap<T extends Telegram>(telegram: T): T;
  /** Counters for logs and tests. */
  readonly stats: { retries: number; rateLimited: number; failures: number };
}

/** Creates the gateway; `token` is only used to scrub it from error messages. */
export function createTelegramGateway(
  token: string,
  logger: Logger,
  options: Partial<PacingOptions> = {},
  clock: Clock = systemClock,
): TelegramGateway {
  const o: PacingOptions = { ...DEFAULT_PACING, ...options };
  const chatNext = new Map<ChatId, number>();
  const stats = { retries: 0, rateLimited: 0, failures: 0 };

  // Global limit over the actual send times of the last second; a FIFO chain keeps it fair.
  const recentSends: number[] = [];
  let globalChain: Promise<void> = Promise.resolve();
  const globalSlot = (): Promise<void> => {
    if (o.globalPerSecond <= 0) return Promise.resolve();
    const slot = globalChain.then(async () => {
      for (;;) {
        const now = clock.now();
        while (recentSends.length > 0 && now - (recentSends[0] ?? 0) >= 1000) recentSends.shift();
        // Also keep an even gap from the last send: after an event-loop stall, waiting messages
        // would otherwise leave in one burst that arrives as a flood.
        const gap = (recentSends.at(-1) ?? 0) + 1000 / o.globalPerSecond - now;
        if (recentSends.length < o.globalPerSecond && gap <= 0) return void recentSends.push(now);
        await clock.sleep(
          Math.max(
            gap,
            recentSends.length < o.globalPerSecond ? 0 : (recentSends[0] ?? now) + 1000 - now + 1,
          ),
        );
      }
    });
    globalChain = slot;
    return slot;
  };

  async function pace(chatId: ChatId | undefined): Promise<void> {
    const interval = chatId === undefined ? 0 : isGroup(chatId) ? o.perGroupIntervalMs : o.perChatIntervalMs;
    if (chatId !== undefined) {
      const at = Math.max(clock.now(), chatNext.get(chatId) ?? 0);
      chatNext.set(chatId, at + interval);
      await clock.sleep(at - clock.now());
    }
    await globalSlot();
    if (chatId !== undefined)
      chatNext.set(chatId, Math.max(chatNext.get(chatId) ?? 0, clock.now() + interval));
    if (chatNext.size > 10_000) prune();
  }

  function prune(): void {
    const now = clock.now();
    for (const [id, next] of chatNext) if (next < now) chatNext.delete(id);
  }

  function retryDelay(error: unknown, attempt: number): number | undefined {
    if (error instanceof TelegramError) {
      if (error.code === 429) {
        stats.rateLimited++;
        const ms = (error.parameters?.retry_after ?? 1) * 1000;
        return ms <= o.maxRetryAfterMs ? ms : undefined;
      }
      if (error.code < 500) return undefined;
    } else if ((error as Error)?.name !== 'FetchError') {
      return undefined;
    }
    return Math.min(o.maxBackoffMs, o.baseBackoffMs * 2 ** (attempt - 1));
  }

  async function call(original: CallApi, method: string, payload: Record<string, unknown>, extra: unknown) {
    const chatId = PACED.has(method) ? (payload.chat_id as ChatId | undefined) : undefined;
    for (let attempt = 1; ; attempt++) {
      if (PACED.has(method)) await pace(chatId);
      try {
        return await (original as (...args: unknown[]) => Promise<unknown>)(method, payload, extra);
      } catch (error) {
        if (error instanceof Error) {
          // The URL in a network error's message (and so in its stack) carries the token.
          error.message = scrubSecret(error.message, token);
          if (error.stack) error.stack = scrubSecret(error.stack, token);
        }
        const delay = attempt < o.maxAttempts ? retryDelay(error, attempt) : undefined;
        if (delay === undefined) {
          if ((error as Error)?.name !== 'AbortError') stats.failures++;
          throw error;
        }
        stats.retries++;
        if (chatId !== undefined)
          chatNext.set(chatId, Math.max(chatNext.get(chatId) ?? 0, clock.now() + delay));
        logger.warn({ method, attempt, delayMs: delay, err: error }, 'Telegram call failed, retrying');
        await clock.sleep(delay);
      }
    }
  }

  return {
    stats,
    wrap(telegram) {
      const marked = telegram as unknown as Record<symbol, boolean>;
      if (marked[WRAPPED]) return telegram;
      marked[WRAPPED] = true;
      const original = telegram.callApi.bind(telegram) as CallApi;
      telegram.callApi = ((method: string, payload: Record<string, unknown>, extra: unknown) =>
        call(original, method, payload ?? {}, extra)) as CallApi;
      return telegram;
    },
  };
}
