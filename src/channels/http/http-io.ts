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
    } = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Largest JSON body accepted; a question is at most a few thousand characters. */
export const MAX_BODY_BYTES = 16 * 1024;

/** Reads the request body as UTF-8, failing with 413 as soon as it passes `limit` bytes. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(limit: number): HttpError {
  return new HttpError(
    413,
    `Request body is larger than ${limit} bytes; send a shorter question or comment.`,
    {
      headers: { connection: 'close' },
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

/** Sends a JSON response (never cached: answers and figures change with KPI updates). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(payload);
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
