import { randomBytes } from 'node:crypto';

/** Telegram rejects callback_data longer than 64 bytes (UTF-8). */
export const CALLBACK_DATA_LIMIT = 64;

/**
 * Button payloads, e.g. `fb:up:12`, `ctx:<chunk id>`, `ask:<question>`. A payload that would not fit
 * in 64 bytes is parked in a bounded in-memory map under a short key (`~<key>`); such buttons stop
 * working after a restart or once evicted, and the user is told to ask again.
 */
export interface CallbackCodec {
  encode(kind: string, value: string): string;
  decode(data: string): { kind: string; value: string } | undefined;
}

/** Creates a codec that keeps at most `capacity` parked payloads (oldest evicted first). */
export function createCallbackCodec(capacity = 5000): CallbackCodec {
  const parked = new Map<string, { kind: string; value: string }>();
  return {
    encode(kind, value) {
      const direct = `${kind}:${value}`;
      if (Buffer.byteLength(direct, 'utf8') <= CALLBACK_DATA_LIMIT) return direct;
      const key = randomBytes(8).toString('base64url');
      parked.set(key, { kind, value });
      if (parked.size > capacity) parked.delete(parked.keys().next().value as string);
      return `~${key}`;
    },
    decode(data) {
      if (data.startsWith('~')) return parked.get(data.slice(1));
      const at = data.indexOf(':');
      if (at <= 0) return undefined;
      return { kind: data.slice(0, at), value: data.slice(at + 1) };
    },
  };
}
