import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../src/channels/http/http-io.js';
import { post, startTestServer, type TestServer } from './start-test-server.js';

const MB = 1024 * 1024;

/**
 * fetch (like a browser) sends the whole body before it reads the response: a server that answers
 * 413 and closes mid-upload gives it a broken pipe instead of the 413.
 */
describe('a request body over the limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('a 2 MB body sent with fetch gets the 413 and its message', async () => {
    const body = JSON.stringify({ question: 'x'.repeat(2 * MB) });
    const response = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toContain(
      `larger than ${MAX_BODY_BYTES} bytes`,
    );
  });

  it('so does a 2 MB body streamed without a Content-Length', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 2 * MB) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${server.url}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('gets its 413 at once, and the connection stays open until the client has sent the rest', async () => {
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    const errors: string[] = [];
    socket.on('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
    let response = '';
    let responded: () => void = () => undefined;
    const firstResponse = new Promise<void>((resolve) => (responded = resolve));
    socket.setEncoding('utf8').on('data', (text: string) => {
      response += text;
      if (response.includes('bytes; send a shorter')) responded();
    });
    let endedCleanly = false;
    socket.once('end', () => (endedCleanly = true));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const write = (data: string) =>
      new Promise<void>((resolve) =>
        socket.write(data, (error) => {
          if (error) errors.push(error.message);
          resolve();
        }),
      );
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const total = 2 * MB;
    const part = 64 * 1024;
    await write(
      `POST /api/ask HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: ${total}\r\n\r\n`,
    );
    await write('x'.repeat(part));
    // The 413 comes while the upload goes on, as with a slow uplink or a browser still sending.
    await firstResponse;
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    for (let sent = part; sent < total; sent += part) await write('x'.repeat(part));
    await closed;
    expect(errors).toEqual([]);
    expect(endedCleanly).toBe(true);
  });

  it('and the server keeps answering afterwards', async () => {
    const reply = await post(`${server.url}/api/ask`, { question: '网上祭扫' });
    expect(reply.status).toBe(200);
  });
});
