import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';

export interface LogLine {
  level: number;
  msg: string;
  url?: string;
  pid?: number;
  [key: string]: unknown;
}

/** The service as a real process: its log lines (pino JSON on stderr) as they come. */
export interface Service {
  child: ChildProcess;
  url: string;
  /** The pid the service logged in "assistant ready" (the node process, not npm's). */
  pid: number;
  logs: LogLine[];
  /** Raw stderr, for failure messages and lines that are not JSON. */
  stderr: () => string;
  exited: Promise<number | null>;
}

export const READY_TIMEOUT_MS = 60_000;

/** Environment of the service: the parent's, minus anything that would switch on Telegram or the LLM. */
export function serviceEnv(dir: string, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env))
    if (/^(TELEGRAM_|OPENAI_|EMBEDDINGS|ADMIN_|USER_HASH_SALT|TRUST_PROXY|npm_)/.test(key)) delete env[key];
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

/**
 * Spawns the service and resolves once it logs "assistant ready" (rejects on exit or timeout).
 * By default `node --import tsx src/main.ts`, not the `tsx` CLI: the CLI relays SIGTERM to its
 * child and SIGKILLs it when the child does not confirm within 30 ms, which under load made the
 * exit code 143, not main.ts's 0. This way the signal reaches main.ts's own handler.
 */
export async function startService(
  dir: string,
  extraEnv: NodeJS.ProcessEnv = {},
  options: { command?: [string, ...string[]]; spawn?: SpawnOptions } = {},
): Promise<Service> {
  const [command, ...args] = options.command ?? [process.execPath, '--import', 'tsx', 'src/main.ts'];
  const child = spawn(command, args, {
    cwd: path.resolve('.'),
    env: serviceEnv(dir, extraEnv),
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options.spawn,
  });
  let raw = '';
  const logs: LogLine[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await new Promise<LogLine>((resolve, reject) => {
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
          resolve(parsed);
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code} before it was ready:\n${raw}`));
    });
  });
  return { child, url: ready.url ?? '', pid: ready.pid ?? -1, logs, stderr: () => raw, exited };
}

function parseLogLine(line: string): LogLine | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as LogLine;
  } catch {
    return undefined;
  }
}

export async function postJson(
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
