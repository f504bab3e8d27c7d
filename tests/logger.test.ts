import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), text: () => lines.join('') };
}

const saved = process.env.TELEGRAM_BOT_TOKEN;
afterEach(() => {
  if (saved === undefined) delete process.env.TELEGRAM_BOT_TOKEN;
  else process.env.TELEGRAM_BOT_TOKEN = saved;
});

describe('logged errors', () => {
  it('keep their stack and causes, with secrets from the environment cut out', () => {
    process.env.TELEGRAM_BOT_TOKEN = '123:secret-token';
    const { logger, text } = capture();
    const cause = new Error('request to https://api.telegram.org/bot123:secret-token/getMe failed');
    logger.error({ err: new Error('getUpdates failed', { cause }) }, 'polling failed');
    const line = JSON.parse(text()) as { err: { message: string; stack: string; type: string } };
    expect(line.err.type).toBe('Error');
    expect(line.err.stack).toContain('logger.test.ts');
    expect(text()).toContain('/bot[redacted]/getMe');
    expect(text()).not.toContain('secret-token');
  });
});
