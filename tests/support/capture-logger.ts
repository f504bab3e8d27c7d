import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger.js';

/** A real pino logger writing into memory, for tests that assert on what was (not) logged. */
export function captureLogger(level = 'info'): {
  logger: Logger;
  /** Everything written, as one string (to scan for secrets). */
  raw: () => string;
  /** The JSON log lines written so far. */
  lines: () => { level: number; msg: string }[];
} {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return {
    logger: createLogger({ level, destination }),
    raw: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { level: number; msg: string }),
  };
}
