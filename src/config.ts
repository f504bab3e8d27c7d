import { existsSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from './errors.js';

/**
 * Configuration is parsed once, at start, from the environment. Every variable is documented in
 * `.env.example`; a bad value names the variable and how to fix it.
 */
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());
const port = (fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(fallback));
const positiveInt = (fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().positive().default(fallback));

const EnvSchema = z.object({
  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  PORT: port(3000),
  KNOWLEDGE_DIR: z.preprocess(emptyToUndefined, z.string().default('knowledge')),
  CACHE_DIR: z.preprocess(emptyToUndefined, z.string().default('.cache')),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('data')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  ADMIN_TOKEN: optionalString,
  HTTP_RATE_LIMIT_PER_MINUTE: positiveInt(60),

  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_API_ROOT: optionalString.pipe(z.url().optional()),
  TELEGRAM_WEBHOOK_URL: optionalString.pipe(z.url().optional()),
  TELEGRAM_WEBHOOK_SECRET: optionalString,
  TELEGRAM_WEBHOOK_PORT: port(8443),
  ADMIN_USER_IDS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(
        /^\s*\d+(\s*,\s*\d+)*\s*$/,
        'must be comma-separated numeric Telegram user ids, e.g. 12345,67890',
      )
      .optional(),
  ),
  RATE_LIMIT_PER_MINUTE: positiveInt(20),
  USER_HASH_SALT: optionalString,

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
  OPENAI_MODEL: z.preprocess(emptyToUndefined, z.string().default('gpt-4o-mini')),
  OPENAI_EMBEDDING_MODEL: z.preprocess(emptyToUndefined, z.string().default('text-embedding-3-small')),
  EMBEDDINGS: z.preprocess(emptyToUndefined, z.enum(['local', 'openai']).default('local')),
  LLM_TIMEOUT_MS: positiveInt(30_000),
  LLM_MAX_TOOL_ROUNDS: positiveInt(4),
  LLM_MAX_TOKENS: positiveInt(1200),
});

export type TelegramMode =
  { kind: 'polling' } | { kind: 'webhook'; url: string; secretToken: string; port: number };

export interface Config {
  readonly http: { host: string; port: number; adminToken: string | undefined; rateLimitPerMinute: number };
  readonly paths: { knowledgeDir: string; cacheDir: string; dataDir: string };
  readonly logLevel: string;
  readonly telegram:
    | undefined
    | {
        token: string;
        apiRoot: string | undefined;
        mode: TelegramMode;
        adminUserIds: readonly number[];
        rateLimitPerMinute: number;
      };
  readonly userHashSalt: string;
  readonly llm:
    | undefined
    | {
        apiKey: string;
        baseURL: string | undefined;
        model: string;
        timeoutMs: number;
        maxToolRounds: number;
        maxTokens: number;
      };
  readonly embeddings: { kind: 'local' } | { kind: 'openai'; model: string };
}

/** Parses the environment into a frozen Config. Throws ConfigError naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(
      `Invalid configuration. Fix these environment variables (see .env.example):\n  ${lines.join('\n  ')}`,
    );
  }
  const e = parsed.data;
  if (e.EMBEDDINGS === 'openai' && !e.OPENAI_API_KEY) {
    throw new ConfigError('EMBEDDINGS=openai needs OPENAI_API_KEY. Set the key, or set EMBEDDINGS=local.');
  }
  const telegramMode: TelegramMode = e.TELEGRAM_WEBHOOK_URL
    ? {
        kind: 'webhook',
        url: e.TELEGRAM_WEBHOOK_URL,
        secretToken: requireWebhookSecret(e.TELEGRAM_WEBHOOK_SECRET),
        port: e.TELEGRAM_WEBHOOK_PORT,
      }
    : { kind: 'polling' };
  const config: Config = {
    http: {
      host: e.HOST,
      port: e.PORT,
      adminToken: e.ADMIN_TOKEN,
      rateLimitPerMinute: e.HTTP_RATE_LIMIT_PER_MINUTE,
    },
    paths: { knowledgeDir: e.KNOWLEDGE_DIR, cacheDir: e.CACHE_DIR, dataDir: e.DATA_DIR },
    logLevel: e.LOG_LEVEL,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT,
          mode: telegramMode,
          adminUserIds: (e.ADMIN_USER_IDS ?? '')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
            .map(Number),
          rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
        }
      : undefined,
    // The salt only has to differ from other deployments; a fixed default keeps hashes stable.
    userHashSalt: e.USER_HASH_SALT ?? 'veterans-assistant',
    llm: e.OPENAI_API_KEY
      ? {
          apiKey: e.OPENAI_API_KEY,
          baseURL: e.OPENAI_BASE_URL,
          model: e.OPENAI_MODEL,
          timeoutMs: e.LLM_TIMEOUT_MS,
          maxToolRounds: e.LLM_MAX_TOOL_ROUNDS,
          maxTokens: e.LLM_MAX_TOKENS,
        }
      : undefined,
    embeddings:
      e.EMBEDDINGS === 'openai' ? { kind: 'openai', model: e.OPENAI_EMBEDDING_MODEL } : { kind: 'local' },
  };
  return Object.freeze(config);
}

function requireWebhookSecret(secret: string | undefined): string {
  if (!secret || !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
    throw new ConfigError(
      'TELEGRAM_WEBHOOK_URL is set, so TELEGRAM_WEBHOOK_SECRET must be set too: 1-256 characters of A-Z a-z 0-9 _ -.',
    );
  }
  return secret;
}

/**
 * Reads `.env` (git-ignored; see `.env.example`) into process.env when it exists. Variables already
 * set in the environment win, so a deployment's own settings are never overridden by the file.
 */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
