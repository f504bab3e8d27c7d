import type { IncomingMessage, ServerResponse } from 'node:http';

/** An expected HTTP failure; the message is shown to the client, so it must say how to fix the request. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: {
      field?: string;
      headers?: Record<string, string>;
      /** More JSON fields for the client, e.g. the valid choices. */
      details?: Record<string, unknown>;
      /** Send the response now but end it (closing the connection) only when this settles. */
      endAfter?: Promise<void>;
    } = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Largest JSON body accepted; a question is at most a few thousand characters. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * How much of a refused body is read and dropped after the 413. Browsers and fetch send the whole
 * body before they read the response: a server that answers and closes mid-upload gives them a
 * broken pipe instead of the 413. Past this many bytes the connection is closed anyway.
 */
export const MAX_DISCARD_BYTES = 10 * 1024 * 1024;

/**
 * Reads the request body as UTF-8. Past `limit` bytes it fails with 413 at once; the 413 carries
 * `endAfter`, the end of the rest of the body (read and dropped, up to MAX_DISCARD_BYTES), so the
 * response goes out now and the connection closes only when the client has finished sending.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    // Too large to be worth reading: answer and close at once.
    const rest = declared > MAX_DISCARD_BYTES ? Promise.resolve() : discardRest(req, 0);
    return Promise.reject(tooLarge(limit, rest));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      reject(tooLarge(limit, discardRest(req, size)));
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
    // A client that gives up mid-body: nobody reads the answer, but the handler must not hang.
    req.once('close', () => {
      if (!req.complete) reject(new HttpError(400, 'The request body was cut off before its end.'));
    });
  });
}

/**
 * Reads and drops the rest of a refused body (`read` bytes of it came already): resolves at its
 * end, when the client goes away, or once MAX_DISCARD_BYTES have come in all.
 */
function discardRest(req: IncomingMessage, read: number): Promise<void> {
  if (req.complete) return Promise.resolve();
  return new Promise((resolve) => {
    let total = read;
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > MAX_DISCARD_BYTES) done();
    };
    const done = () => {
      req.off('data', onData);
      resolve();
    };
    req.on('data', onData);
    req.once('end', done);
    req.once('close', done);
    req.resume();
  });
}

function tooLarge(limit: number, endAfter: Promise<void>): HttpError {
  return new HttpError(
    413,
    `Request body is larger than ${limit} bytes; send a shorter question or comment.`,
    {
      headers: { connection: 'close' },
      endAfter,
    },
  );
}

/** Reads and parses a JSON body; 415 for another content type, 400 for malformed JSON. */
export async function readJson(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, 'Send the body as JSON with the header "Content-Type: application/json".');
  }
  const text = await readBody(req, limit);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.', { field: 'body' });
  }
}

/**
 * Sends a JSON response (never cached: answers and figures change with KPI updates). With
 * `endAfter`, the whole response is written at once and ended when the promise settles.
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  endAfter?: Promise<void>,
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
    ...headers,
  });
  if (!endAfter) return void res.end(payload);
  res.write(payload);
  void endAfter.finally(() => res.end());
}

/** Sends a text or binary body with an explicit content type. */
export function sendBody(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': typeof body === 'string' ? Buffer.byteLength(body) : body.length,
    ...headers,
  });
  res.end(body);
}
