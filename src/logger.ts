import { createRequire } from 'node:module';
import type { Logger } from 'pino';

export type { Logger };

type Pino = typeof import('pino');
let pinoModule: Pino | undefined;
/** pino and its dependencies (~30 ms to load), required when a line is first logged. */
const loadPino = (): Pino => (pinoModule ??= createRequire(import.meta.url)('pino') as Pino);

/** pino's default levels: methods below the logger's level are no-ops, so they need no pino. */
const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };
const noop = (): void => undefined;

/**
 * Paths redacted from every log line. Secrets come from the environment and must never reach logs,
 * even when a config object or an HTTP request is logged whole.
 */
export const REDACT_PATHS = [
  'token',
  'botToken',
  'apiKey',
  'adminToken',
  'config.telegram.token',
  'config.llm.apiKey',
  'config.http.adminToken',
  'config.database.url',
  'databaseUrl',
  'req.headers.authorization',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'headers.authorization',
  '*.token',
  '*.apiKey',
];

/** Environment variables holding secrets: their values are cut out of every logged error. */
const SECRET_VARIABLES = [
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_WEBHOOK_SECRET',
  'OPENAI_API_KEY',
  'ADMIN_TOKEN',
  'USER_HASH_SALT',
];

/**
 * pino's error serializer (message, stack, causes, own fields), with secrets removed: library
 * errors carry request URLs (the bot token is in Telegram's) and providers echo keys back, in the
 * stack and the causes as well as the message. Secrets are read when an error is logged, so a
 * .env loaded after the logger was made still counts.
 */
function serializeError(error: unknown): unknown {
  const serialized = loadPino().stdSerializers.err(error as Error);
  let json = JSON.stringify(serialized);
  if (json === undefined) return serialized;
  for (const name of SECRET_VARIABLES) {
    const secret = process.env[name];
    if (secret && secret.length >= 4)
      json = json.split(JSON.stringify(secret).slice(1, -1)).join('[redacted]');
  }
  return JSON.parse(json) as unknown;
}

/**
 * Creates the one logger of the process. Logs go to stderr so stdout stays clean for `--json`.
 * pino itself is made on first use other than a call below the level: a one-shot `npm run ask`
 * logs nothing at its default level (warn), and loading pino was ~30 ms of it.
 */
export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? 'info';
  let logger: Logger | undefined;
  const real = (): Logger => {
    const { pino } = loadPino();
    logger ??= pino(
      {
        level,
        redact: { paths: REDACT_PATHS, censor: '[redacted]' },
        serializers: { err: serializeError },
        base: null,
      },
      options.destination ?? pino.destination(2),
    );
    return logger;
  };
  const threshold = level === 'silent' ? Infinity : LEVELS[level];
  // A level pino would reject (or a custom one) is pino's to report, at once.
  if (threshold === undefined) return real();
  return new Proxy({} as Logger, {
    get(_target, property) {
      if (!logger) {
        if (property === 'level') return level;
        const rank = typeof property === 'string' ? LEVELS[property] : undefined;
        if (rank !== undefined && rank < threshold) return noop;
      }
      const target = real();
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
    set: (_target, property, value) => Reflect.set(real(), property, value),
    has: (_target, property) => Reflect.has(real(), property),
  });
}

/** Removes a secret (e.g. the bot token inside a URL) from a message before it is logged or shown. */
export function scrubSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('[redacted]');
}
