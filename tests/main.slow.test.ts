import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema } from '../src/assistant/answer.js';
import { postJson, READY_TIMEOUT_MS, startService, type Service } from './support/service-process.js';

/** The real service as `npm start` runs it: no Telegram token, no OpenAI key, fresh cache and data dirs. */
describe('src/main.ts (the composition root)', () => {
  let dir: string;
  let service: Service;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'va-main-'));
    service = await startService(dir);
  }, READY_TIMEOUT_MS + 5_000);

  afterAll(async () => {
    if (service?.child.exitCode === null) service.child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('serves /healthz in offline mode', async () => {
    const reply = await fetch(`${service.url}/healthz`);
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({ status: 'ok', mode: 'offline' });
  });

  it('answers a figure question over the real knowledge base, with a citation', async () => {
    const reply = await postJson(`${service.url}/api/ask`, { question: '去年迁移了多少座散葬烈士墓？' });
    expect(reply.status).toBe(200);
    const answer = AnswerSchema.parse(reply.json);
    expect(answer.answer).toContain('1041');
    expect(answer.mode).toBe('offline');
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it('answers a bad body with 400 naming the field', async () => {
    const reply = await postJson(`${service.url}/api/ask`, { question: 42 });
    expect(reply.status).toBe(400);
    expect(reply.json.field).toBe('body.question');
    expect(String(reply.json.error)).toContain('body.question');
  });

  it('says once that it runs without the Telegram bot, and never logs an OpenAI mode', () => {
    const telegram = service.logs.filter((l) => l.msg.includes('TELEGRAM_BOT_TOKEN not set'));
    expect(telegram).toHaveLength(1);
    expect(telegram[0]?.level).toBe(30); // info, not a warning: running without the bot is allowed
    expect(service.logs.filter((l) => l.msg.startsWith('answer mode:')).map((l) => l.mode)).toEqual([
      'offline',
    ]);
  });

  it('warns once that the bureau contacts in knowledge/bureau.yaml are placeholders, and how to fill them', () => {
    const warnings = service.logs.filter((l) => l.msg.includes('bureau.yaml'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.level).toBe(40);
    expect(warnings[0]?.msg).toMatch(/knowledge\/bureau\.yaml still holds placeholder contacts/);
    expect(warnings[0]?.msg).toMatch(/set placeholder: false/);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    service.child.kill('SIGTERM');
    const code = await Promise.race([
      service.exited,
      new Promise<string>((resolve) => setTimeout(resolve, 15_000, 'still running after 15 s')),
    ]);
    expect(code, service.stderr()).toBe(0);
    expect(service.logs.some((l) => l.msg.startsWith('shutting down'))).toBe(true);
  });
});

/** LLM mode with an endpoint nobody listens on: the service still starts, warns once and answers offline. */
describe('src/main.ts with OPENAI_API_KEY and a dead endpoint', () => {
  const key = 'sk-main-test-key-0123456789';
  let dir: string;
  let service: Service;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'va-main-llm-'));
    const closed = await closedPort();
    service = await startService(dir, {
      OPENAI_API_KEY: key,
      OPENAI_BASE_URL: `http://127.0.0.1:${closed}/v1`,
      LLM_TIMEOUT_MS: '5000',
    });
  }, READY_TIMEOUT_MS + 5_000);

  afterAll(async () => {
    if (service?.child.exitCode === null) service.child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('reports llm mode, answers offline with a notice, warns once and never logs the key', async () => {
    const health = (await (await fetch(`${service.url}/healthz`)).json()) as { mode: string };
    expect(health.mode).toBe('llm');
    const reply = await postJson(`${service.url}/api/ask`, { question: '去年迁移了多少座散葬烈士墓？' });
    const answer = AnswerSchema.parse(reply.json);
    expect(answer.mode).toBe('offline');
    expect(answer.notice).toBeTruthy();
    expect(answer.answer).toContain('1041');
    expect(service.logs.filter((l) => l.msg.startsWith('answer mode:')).map((l) => l.mode)).toEqual(['llm']);
    expect(service.logs.filter((l) => l.msg.startsWith('LLM endpoint unusable'))).toHaveLength(1);
    expect(service.stderr()).not.toContain(key);

    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
  });
});

describe('src/main.ts with a weak ADMIN_TOKEN', () => {
  it('refuses to start, naming the variable and how to generate a token', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'va-main-token-'));
    try {
      await expect(startService(dir, { ADMIN_TOKEN: 'a' })).rejects.toThrow(
        /exited with 1 before it was ready:\n.*ADMIN_TOKEN is 1 characters long.*openssl rand -base64 32/s,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** A port on 127.0.0.1 that nothing listens on (bound once by us, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
