import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
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
/** Days to keep rows; 0 keeps them forever. */
const retentionDays = (fallback: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a whole number of days (0 keeps them forever)' })
      .int('must be a whole number of days (0 keeps them forever)')
      .min(0, 'must be 0 (keep forever) or more days')
      .default(fallback),
  );

const EnvSchema = z.object({
  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  PORT: port(3000),
  KNOWLEDGE_DIR: z.preprocess(emptyToUndefined, z.string().default('knowledge')),
  CACHE_DIR: z.preprocess(emptyToUndefined, z.string().default('.cache')),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('data')),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\/[^\s]+$/,
        'must be a PostgreSQL URL, postgres://user:password@host:5432/database (or empty: the SQLite file in DATA_DIR)',
      )
      .optional(),
  ),
  DATABASE_POOL_SIZE: positiveInt(10),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  ADMIN_TOKEN: optionalString,
  HTTP_RATE_LIMIT_PER_MINUTE: positiveInt(60),
  TRUST_PROXY: optionalString,
  SESSION_RETENTION_DAYS: retentionDays(1),
  QUESTION_LOG_RETENTION_DAYS: retentionDays(180),
  FEEDBACK_RETENTION_DAYS: retentionDays(0),
  SESSION_IDLE_MINUTES: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a whole number of minutes, e.g. 30' })
      .int('must be a whole number of minutes, e.g. 30')
      .positive('must be at least 1 minute')
      .default(30),
  ),

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
  CHART_FONT: z.preprocess(emptyToUndefined, z.enum(['bundled', 'system']).default('bundled')),
  LLM_TIMEOUT_MS: positiveInt(30_000),
  LLM_MAX_TOOL_ROUNDS: positiveInt(4),
  LLM_MAX_TOKENS: positiveInt(1200),
});

/** Every environment variable the service reads (each must be documented in .env.example). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(EnvSchema.shape);

export type TelegramMode =
  { kind: 'polling' } | { kind: 'webhook'; url: string; secretToken: string; port: number };

/** How long the store keeps each kind of row, in days; undefined keeps them forever. */
export interface RetentionPolicy {
  sessionDays: number | undefined;
  questionLogDays: number | undefined;
  feedbackDays: number | undefined;
}

export interface Config {
  readonly http: {
    host: string;
    port: number;
    adminToken: string | undefined;
    rateLimitPerMinute: number;
    /** Addresses (or CIDR ranges) of reverse proxies whose X-Forwarded-For is believed. */
    trustedProxies: readonly string[];
  };
  readonly retention: RetentionPolicy;
  /** A conversation quiet for longer than this starts afresh (web, CLI chat and Telegram alike). */
  readonly sessionIdleMs: number;
  readonly paths: { knowledgeDir: string; cacheDir: string; dataDir: string };
  /** PostgreSQL shared by every replica; undefined keeps the SQLite file in paths.dataDir. */
  readonly database: undefined | { url: string; poolSize: number };
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
  /** The font chart PNGs are drawn with: Noto Sans SC installed by npm, or the system's Noto Sans CJK. */
  readonly chartFont: 'bundled' | 'system';
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
      adminToken: e.ADMIN_TOKEN === undefined ? undefined : requireStrongAdminToken(e.ADMIN_TOKEN),
      rateLimitPerMinute: e.HTTP_RATE_LIMIT_PER_MINUTE,
      trustedProxies: parseTrustedProxies(e.TRUST_PROXY),
    },
    retention: {
      sessionDays: e.SESSION_RETENTION_DAYS || undefined,
      questionLogDays: e.QUESTION_LOG_RETENTION_DAYS || undefined,
      feedbackDays: e.FEEDBACK_RETENTION_DAYS || undefined,
    },
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    paths: { knowledgeDir: e.KNOWLEDGE_DIR, cacheDir: e.CACHE_DIR, dataDir: e.DATA_DIR },
    database: e.DATABASE_URL ? { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE } : undefined,
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
    chartFont: e.CHART_FONT,
  };
  return Object.freeze(config);
}

/** RFC 6750 token characters: what an `Authorization: Bearer …` header carries unchanged. */
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
const MIN_ADMIN_TOKEN_LENGTH = 24;

/**
 * A short admin token can be guessed, and one with spaces or other characters a Bearer header
 * cannot carry would start fine and never match: both are refused at start.
 */
function requireStrongAdminToken(token: string): string {
  const problem =
    token.length < MIN_ADMIN_TOKEN_LENGTH
      ? `is ${token.length} characters long; it must be at least ${MIN_ADMIN_TOKEN_LENGTH}`
      : !BEARER_TOKEN.test(token)
        ? 'contains characters an "Authorization: Bearer" header cannot carry (spaces, quotes, non-ASCII…); use only A-Z a-z 0-9 - . _ ~ + / and trailing ='
        : undefined;
  if (problem === undefined) return token;
  throw new ConfigError(
    `ADMIN_TOKEN ${problem}. Generate one with: openssl rand -base64 32 (or leave ADMIN_TOKEN empty to turn the admin API off).`,
  );
}

/** `10.0.0.1, 10.1.0.0/16` → ['10.0.0.1', '10.1.0.0/16']; throws ConfigError naming a bad entry. */
function parseTrustedProxies(value: string | undefined): readonly string[] {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const version = isIP(address);
    const bits = version === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (version === 0 || !prefixOk || extra !== undefined) {
      throw new ConfigError(
        `TRUST_PROXY: "${entry}" is not an IP address or CIDR range. List your reverse proxies' addresses, e.g. TRUST_PROXY=127.0.0.1 or TRUST_PROXY=10.0.0.5,10.1.0.0/16.`,
      );
    }
  }
  return Object.freeze(entries);
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
