import { pino, type Logger } from 'pino';

export type { Logger };

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
  const serialized = pino.stdSerializers.err(error as Error);
  let json = JSON.stringify(serialized);
  if (json === undefined) return serialized;
  for (const name of SECRET_VARIABLES) {
    const secret = process.env[name];
    if (secret && secret.length >= 4)
      json = json.split(JSON.stringify(secret).slice(1, -1)).join('[redacted]');
  }
  return JSON.parse(json) as unknown;
}

/** Creates the one logger of the process. Logs go to stderr so stdout stays clean for `--json`. */
export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError },
      base: null,
    },
    options.destination ?? pino.destination(2),
  );
}

/** Removes a secret (e.g. the bot token inside a URL) from a message before it is logged or shown. */
export function scrubSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('[redacted]');
}
