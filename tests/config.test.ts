import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

describe('loadConfig', () => {
  it('defaults to an offline assistant on 127.0.0.1:3000 with no bot and no LLM', () => {
    const config = loadConfig({});
    expect(config.http).toMatchObject({ host: '127.0.0.1', port: 3000 });
    expect(config.telegram).toBeUndefined();
    expect(config.llm).toBeUndefined();
    expect(config.embeddings).toEqual({ kind: 'local' });
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
