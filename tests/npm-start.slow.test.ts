import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READY_TIMEOUT_MS, startService, type Service } from './support/service-process.js';

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * `npm start` as a process manager runs it (Docker, systemd, `timeout`): the signal goes to npm,
 * and must reach the server, which shuts down cleanly instead of living on as an orphan.
 */
describe('npm start under a process manager', () => {
  let dir: string;
  let service: Service;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'va-npm-start-'));
    // The first `npm start` after a change rebuilds dist/ (a few seconds) before the server starts.
    service = await startService(dir, {}, { command: ['npm', 'start'] });
  }, READY_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    // Whatever happened, leave no server behind.
    if (service && isRunning(service.pid)) process.kill(service.pid, 'SIGKILL');
    if (service?.child.exitCode === null) service.child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('a SIGTERM to npm stops the server with it, through its own clean shutdown', async () => {
    expect(service.pid).not.toBe(service.child.pid);
    expect(isRunning(service.pid)).toBe(true);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    // npm waits for its child; with the server as that child, it is gone once npm is.
    expect(isRunning(service.pid)).toBe(false);
    expect(service.logs.some((l) => l.msg.startsWith('shutting down') && l.signal === 'SIGTERM')).toBe(true);
  });
});
