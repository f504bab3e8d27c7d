import { afterEach, describe, expect, it } from 'vitest';
import { hashUserId } from '../../../src/storage/user-hash.js';
import { post, startTestServer, type TestServer } from './start-test-server.js';

/**
 * The test client connects from 127.0.0.1, so with TRUST_PROXY=127.0.0.1 it plays the reverse
 * proxy (nginx appending $remote_addr to X-Forwarded-For). Two requests a minute per client.
 */
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = async (env: Record<string, string>) => {
  server = await startTestServer({ env: { HTTP_RATE_LIMIT_PER_MINUTE: '2', ...env } });
  return server;
};
const from = async (s: TestServer, forwardedFor: string) =>
  (await fetch(`${s.url}/api/sources`, { headers: { 'x-forwarded-for': forwardedFor } })).status;

describe('TRUST_PROXY', () => {
  it('gives each client behind a trusted proxy its own rate-limit bucket and user key', async () => {
    const s = await start({ TRUST_PROXY: '127.0.0.1' });
    expect([
      await from(s, '203.0.113.1'),
      await from(s, '203.0.113.1'),
      await from(s, '203.0.113.1'),
    ]).toEqual([200, 200, 429]);
    expect([await from(s, '203.0.113.2'), await from(s, '203.0.113.2')]).toEqual([200, 200]);
    const reply = await post(
      `${s.url}/api/feedback`,
      { question: 'q', rating: 'down' },
      { 'x-forwarded-for': '198.51.100.7' },
    );
    expect(reply.status).toBe(201);
    expect((await s.store.latestNegativeFeedback(1))[0]?.userKey).toBe(
      hashUserId('http:198.51.100.7', 'veterans-assistant'),
    );
  });

  it('uses the hop the proxy added, never addresses the client wrote to the left of it', async () => {
    const s = await start({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' });
    // The client sent "X-Forwarded-For: 1.1.1.1" itself; nginx appended its address, an inner proxy its own.
    const spoofing = ['1.1.1.1, 203.0.113.9, 10.0.0.2', '2.2.2.2, 203.0.113.9, 10.0.0.2'];
    expect([await from(s, spoofing[0]!), await from(s, spoofing[1]!), await from(s, spoofing[0]!)]).toEqual([
      200, 200, 429,
    ]);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY, or from a peer that is not a listed proxy', async () => {
    for (const env of [{}, { TRUST_PROXY: '10.0.0.1' }]) {
      const s = await start(env);
      expect([
        await from(s, '203.0.113.1'),
        await from(s, '203.0.113.2'),
        await from(s, '203.0.113.3'),
      ]).toEqual([200, 200, 429]);
      await s.close();
      server = undefined;
    }
  });
});
