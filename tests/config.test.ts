import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

describe('loadConfig', () => {
  it('defaults to an offline assistant on 127.0.0.1:3000 with no bot and no LLM', () => {
    const config = loadConfig({});
    expect(config.http).toMatchObject({ host: '127.0.0.1', port: 3000 });
    expect(config.telegram).toBeUndefined();
    expect(config.llm).toBeUndefined();
    expect(config.embeddings).toEqual({ kind: 'local' });
    expect(config.chartFont).toBe('bundled');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '', OPENAI_API_KEY: '  ', PORT: '' }).telegram).toBeUndefined();
  });

  it('names the bad variable and how to fix it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: 'x', ADMIN_USER_IDS: 'alice' })).toThrow(/ADMIN_USER_IDS/);
    expect(() => loadConfig({ EMBEDDINGS: 'openai' })).toThrow(/OPENAI_API_KEY/);
    expect(() => loadConfig({ CHART_FONT: 'noto' })).toThrow(/CHART_FONT/);
    expect(loadConfig({ CHART_FONT: 'system' }).chartFont).toBe('system');
  });

  it('requires a webhook secret in webhook mode', () => {
    expect(() =>
      loadConfig({ TELEGRAM_BOT_TOKEN: 't', TELEGRAM_WEBHOOK_URL: 'https://bot.example/hook' }),
    ).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: 't',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example/hook',
      TELEGRAM_WEBHOOK_SECRET: 's3cret',
      ADMIN_USER_IDS: '1, 2',
    });
    expect(config.telegram?.mode).toMatchObject({ kind: 'webhook', secretToken: 's3cret' });
    expect(config.telegram?.adminUserIds).toEqual([1, 2]);
  });
});

describe('DATABASE_URL', () => {
  it('is unset by default (the SQLite file in DATA_DIR) and selects PostgreSQL with a pool size', () => {
    expect(loadConfig({}).database).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: '' }).database).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgres://a:b@db:5432/assistant' }).database).toEqual({
      url: 'postgres://a:b@db:5432/assistant',
      poolSize: 10,
    });
    expect(
      loadConfig({ DATABASE_URL: 'postgresql://db/assistant', DATABASE_POOL_SIZE: '4' }).database?.poolSize,
    ).toBe(4);
  });

  it.each(['mysql://db/assistant', 'db.example:5432', 'sqlite:data/assistant.db'])(
    'refuses %j, saying what a PostgreSQL URL looks like',
    (value) => {
      expect(() => loadConfig({ DATABASE_URL: value })).toThrow(
        /DATABASE_URL: must be a PostgreSQL URL, postgres:\/\//,
      );
    },
  );
});

describe('ADMIN_TOKEN', () => {
  it.each([
    ['a', /ADMIN_TOKEN is 1 characters long; it must be at least 24/],
    ['short-token-0123456789', /ADMIN_TOKEN is 22 characters long/],
    ['a token with spaces 0123456789', /ADMIN_TOKEN contains characters .*Bearer.* header cannot carry/],
    ['令牌令牌令牌令牌令牌令牌令牌令牌令牌令牌令牌令牌', /ADMIN_TOKEN contains characters/],
  ])('refuses %j at start, naming the variable and how to generate one', (token, reason) => {
    expect(() => loadConfig({ ADMIN_TOKEN: token })).toThrow(ConfigError);
    expect(() => loadConfig({ ADMIN_TOKEN: token })).toThrow(reason);
    expect(() => loadConfig({ ADMIN_TOKEN: token })).toThrow(/openssl rand -base64 32/);
  });

  it('accepts a generated token (base64 with + / =) and an unset one (admin API off)', () => {
    const token = 'q3J+7yX/0pLk2mN9vB4cT8wZ1eR6uI5o=';
    expect(loadConfig({ ADMIN_TOKEN: token }).http.adminToken).toBe(token);
    expect(loadConfig({ ADMIN_TOKEN: '' }).http.adminToken).toBeUndefined();
  });
});

describe('TRUST_PROXY', () => {
  it('is empty by default: X-Forwarded-For is believed from nobody', () => {
    expect(loadConfig({}).http.trustedProxies).toEqual([]);
  });

  it('lists addresses and CIDR ranges', () => {
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.1.0.0/16,::1' }).http.trustedProxies).toEqual([
      '127.0.0.1',
      '10.1.0.0/16',
      '::1',
    ]);
  });

  it.each(['nginx', '10.0.0.0/33', '10.0.0.1/8/2', 'localhost'])(
    'refuses %j naming the variable',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(
        /TRUST_PROXY: ".*" is not an IP address or CIDR range/,
      );
    },
  );
});

describe('retention settings', () => {
  it('default to sessions 1 day, question log 180 days, feedback kept', () => {
    expect(loadConfig({}).retention).toEqual({
      sessionDays: 1,
      questionLogDays: 180,
      feedbackDays: undefined,
    });
  });

  it('take whole days, 0 keeping rows forever, and name a bad variable', () => {
    const retention = loadConfig({
      SESSION_RETENTION_DAYS: '0',
      QUESTION_LOG_RETENTION_DAYS: '30',
      FEEDBACK_RETENTION_DAYS: '365',
    }).retention;
    expect(retention).toEqual({ sessionDays: undefined, questionLogDays: 30, feedbackDays: 365 });
    expect(() => loadConfig({ QUESTION_LOG_RETENTION_DAYS: 'half a year' })).toThrow(
      /QUESTION_LOG_RETENTION_DAYS: must be a whole number of days/,
    );
    expect(() => loadConfig({ SESSION_RETENTION_DAYS: '-1' })).toThrow(/SESSION_RETENTION_DAYS/);
  });
});

describe('session idle time', () => {
  it('is 30 minutes by default and read in whole minutes', () => {
    expect(loadConfig({}).sessionIdleMs).toBe(30 * 60_000);
    expect(loadConfig({ SESSION_IDLE_MINUTES: '5' }).sessionIdleMs).toBe(5 * 60_000);
  });

  it('names the variable when the value is not a positive whole number of minutes', () => {
    for (const bad of ['0', '-3', 'half an hour', '2.5'])
      expect(() => loadConfig({ SESSION_IDLE_MINUTES: bad })).toThrow(
        /SESSION_IDLE_MINUTES: must be (a whole number of minutes|at least 1 minute)/,
      );
  });
});

describe('.env.example', () => {
  it('documents every variable the service reads, with a comment above it', async () => {
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync('.env.example', 'utf8').split('\n');
    for (const name of CONFIG_VARIABLES) {
      const at = lines.findIndex((line) => line.startsWith(`${name}=`));
      expect(at, name).toBeGreaterThan(0);
      const above = lines.slice(0, at).reverse();
      const comment = above.find((line) => !/^[A-Z_]+=/.test(line));
      expect(comment, name).toMatch(/^# /);
    }
  });

  it('starts the service as it is (copied to .env, every value valid)', async () => {
    const { parseEnv } = await import('node:util');
    const { readFileSync } = await import('node:fs');
    expect(() => loadConfig(parseEnv(readFileSync('.env.example', 'utf8')))).not.toThrow();
  });
});

describe('loadDotEnv', () => {
  it('reads a .env file without overriding variables already set', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadDotEnv } = await import('../src/config.js');
    const file = join(mkdtempSync(join(tmpdir(), 'dotenv-')), '.env');
    writeFileSync(file, 'VA_TEST_FROM_FILE=file\nVA_TEST_BOTH=file\n');
    process.env.VA_TEST_BOTH = 'environment';
    loadDotEnv(file);
    expect(process.env.VA_TEST_FROM_FILE).toBe('file');
    expect(process.env.VA_TEST_BOTH).toBe('environment');
    loadDotEnv(join(tmpdir(), 'no-such-dir', '.env')); // a missing file is fine
  });
});
