// Thin client for the JSON API. Errors carry the HTTP status so the page can say the right thing.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function check(response) {
  if (response.ok) return response;
  let message = `HTTP ${response.status}`;
  try {
    message = (await response.json()).error ?? message;
  } catch {
    // not JSON: keep the status line
  }
  throw new ApiError(response.status, message);
}

/** GET a JSON resource. */
export async function getJson(path) {
  return (await check(await fetch(path, { headers: { accept: 'application/json' } }))).json();
}

/** POST JSON, returning the parsed reply and the response (for headers). */
export async function postJson(path, body) {
  const response = await check(
    await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  return { data: await response.json(), response };
}

/** Splits a Server-Sent Events buffer into complete events; returns the unparsed rest. */
function takeEvents(buffer, onEvent) {
  let rest = buffer;
  let end;
  while ((end = rest.indexOf('\n\n')) >= 0) {
    const block = rest.slice(0, end);
    rest = rest.slice(end + 2);
    let event = 'message';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    onEvent(event, JSON.parse(data));
  }
  return rest;
}

/**
 * Asks a question; streams text through onChunk when the server answers with SSE (LLM mode),
 * otherwise the plain JSON Answer arrives at once. Resolves { answer, questionId }.
 */
export async function ask(body, onChunk) {
  const response = await check(
    await fetch('/api/ask?stream=1', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream, application/json' },
      body: JSON.stringify(body),
    }),
  );
  if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    const id = response.headers.get('x-question-id');
    return { answer: await response.json(), questionId: id ? Number(id) : undefined };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let result = { answer: undefined, questionId: undefined };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer = takeEvents(buffer + value, (event, data) => {
      if (event === 'chunk') onChunk(data.text);
      else if (event === 'meta') result.questionId = data.questionId ?? undefined;
      else if (event === 'answer') result.answer = data;
      else if (event === 'error') throw new ApiError(500, data.error);
    });
  }
  if (!result.answer) throw new ApiError(500, 'stream ended without an answer');
  return result;
}
