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

/** Creates the one logger of the process. Logs go to stderr so stdout stays clean for `--json`. */
export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
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
