import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
/** Spawned CLIs compile with tsx and may build an index on a busy machine. */
export const CLI_TIMEOUT_MS = 90_000;

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A CLI under src/ as a real child process (tsx over the source, as `npm run …` runs it built). */
export function runCli(script: string, args: string[], env: Record<string, string>): Promise<RunResult> {
  return runProcess(TSX, [path.join(ROOT, script), ...args], env);
}

/** Any command as a child process in the project root, with `env` over this process's environment. */
export function runProcess(command: string, args: string[], env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
