import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema } from '../src/assistant/answer.js';

interface LogLine {
  level: number;
  msg: string;
  url?: string;
  [key: string]: unknown;
}

interface Service {
  child: ChildProcess;
  url: string;
  logs: LogLine[];
  /** Raw stderr, for failure messages and lines that are not JSON. */
  stderr: () => string;
  exited: Promise<number | null>;
}

const READY_TIMEOUT_MS = 60_000;

/** Environment of the service: the parent's, minus anything that would switch on Telegram or the LLM. */
function serviceEnv(dir: string, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env))
    if (/^(TELEGRAM_|OPENAI_|EMBEDDINGS|ADMIN_|USER_HASH_SALT)/.test(key)) delete env[key];
  return {
    ...env,
    HOST: '127.0.0.1',
    // PORT=0 is a valid number for src/config.ts: the OS picks a free port (no race with a probe
    // port) and the "assistant ready" line carries the URL.
    PORT: '0',
    KNOWLEDGE_DIR: 'knowledge',
    CACHE_DIR: path.join(dir, 'cache'),
    DATA_DIR: path.join(dir, 'data'),
    LOG_LEVEL: 'info',
    ...extra,
  };
}

/** Spawns `node --import tsx src/main.ts` and resolves once it logs "assistant ready" (rejects on exit or timeout). */
async function startService(dir: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Service> {
  // `node --import tsx`, not the `tsx` CLI: the CLI relays SIGTERM to its child and SIGKILLs it
  // when the child does not confirm within 30 ms, which under load made the exit code 143, not
  // main.ts's 0. This way the signal reaches main.ts's own handler, as under a process manager.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.resolve('.'),
    env: serviceEnv(dir, extraEnv),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let raw = '';
  const logs: LogLine[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "assistant ready" within 60 s:\n${raw}`)),
      READY_TIMEOUT_MS,
    );
    let pending = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      raw += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const parsed = parseLogLine(line);
        if (!parsed) continue;
        logs.push(parsed);
        if (parsed.msg.startsWith('assistant ready') && parsed.url) {
          clearTimeout(timer);
          resolve(parsed.url);
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code} before it was ready:\n${raw}`));
    });
  });
  return { child, url, logs, stderr: () => raw, exited };
}

function parseLogLine(line: string): LogLine | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as LogLine;
  } catch {
    return undefined;
  }
}

async function postJson(
  url: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const reply = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: reply.status, json: (await reply.json()) as Record<string, unknown> };
}

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

/** A port on 127.0.0.1 that nothing listens on (bound once by us, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
