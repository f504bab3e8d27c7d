import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Telegram Bot API on 127.0.0.1 for driving the real telegraf client in tests. It holds
 * getUpdates (long poll), honours `offset` (confirmation), records every call, enforces Telegram's
 * 4096-character text, 1024-character caption and 64-byte callback_data limits and its HTML rules,
 * can enforce flood limits (429) and injects 429 / 500 / dropped connections / HTML rejections on
 * request.
 */

export interface FakeUser {
  id: number;
  first_name: string;
  username?: string;
  language_code?: string;
  is_bot?: boolean;
}
export interface FakeChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
}
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
  outcome: 'ok' | '400' | '401' | '404' | '429' | '500' | 'drop';
  /** The apiRoot path the client used before /bot<token>/ (tells replicas apart), '' for none. */
  via: string;
}
/** One POST of an update to a webhook target (a replica), as webhook delivery made it. */
export interface WebhookDelivery {
  updateId: number;
  target: string;
  /** HTTP status, or 'refused' when the replica could not be reached. */
  status: number | 'refused';
  /** A retry after a failed or unanswered delivery, or a duplicate sent beside the first. */
  kind: 'first' | 'retry' | 'duplicate';
}
export interface WebhookDeliveryOptions {
  /** The replicas' webhook URLs; an update goes to one, its retry to the next. */
  targets: string[];
  secret: string;
  /** Pause before a retry (Telegram waits longer; tests keep it short). */
  retryMs?: number;
  /** The 200 of the first delivery of these updates is "lost": Telegram retries on another replica. */
  loseReply?: (updateId: number) => boolean;
  /** These updates are also sent, at once, to another replica (Telegram's duplicates). */
  duplicate?: (updateId: number) => boolean;
}
/** A message the bot sent. */
export interface SentMessage {
  message_id: number;
  chat_id: number;
  method: string;
  text: string;
  parse_mode?: string;
  reply_markup?: { inline_keyboard: { text: string; callback_data?: string }[][] };
  reply_to?: number;
  photoBytes?: number;
  at: number;
}
export type Fault =
  { kind: '429'; retryAfter: number } | { kind: '500' } | { kind: 'drop' } | { kind: 'badHtml' };

export interface FakeTelegramOptions {
  token: string;
  bot?: { id: number; username: string; first_name: string };
  /** Reject sends above Telegram's flood limits with 429 (counted in `floodRejections`). */
  flood?: { globalPerSecond: number; perChatPerSecond: number; retryAfter?: number };
}

const ALLOWED_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'a',
  'code',
  'pre',
  'blockquote',
  'tg-emoji',
]);

/** Mirrors Telegram's HTML check: known tags, balanced, valid entities. Returns an error or undefined. */
export function checkTelegramHtml(text: string): string | undefined {
  const stack: string[] = [];
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|<|&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);|&/g;
  for (const m of text.matchAll(re)) {
    const [whole, slash, name, , entity] = m;
    if (whole === '<')
      return `Bad Request: can't parse entities: Unsupported start tag at byte offset ${m.index}`;
    if (whole === '&')
      return `Bad Request: can't parse entities: Character '&' is reserved at byte offset ${m.index}`;
    if (entity !== undefined) {
      if (!entity.startsWith('#') && !['lt', 'gt', 'amp', 'quot'].includes(entity)) {
        return `Bad Request: can't parse entities: Unsupported HTML entity "&${entity};"`;
      }
      continue;
    }
    const tag = (name ?? '').toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) return `Bad Request: can't parse entities: Unsupported start tag "${tag}"`;
    if (slash) {
      if (stack.pop() !== tag)
        return `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${tag}"`;
    } else stack.push(tag);
  }
  if (stack.length > 0)
    return `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${stack.at(-1)}"`;
  return undefined;
}

/** Visible text after HTML parsing (what Telegram counts against the limits). */
export function visibleText(text: string, parseMode: string | undefined): string {
  if (parseMode !== 'HTML') return text;
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

type Json = Record<string, unknown>;
class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: Json,
  ) {
    super(description);
  }
}

export class FakeTelegramServer {
  readonly calls: ApiCall[] = [];
  readonly sent: SentMessage[] = [];
  readonly commands: { language_code?: string; commands: { command: string; description: string }[] }[] = [];
  /** Highest offset any getUpdates call confirmed (updates below it are gone). */
  confirmedOffset = 0;
  floodRejections = 0;
  /** Of those, how many hit the per-chat limit (the rest hit the global one). */
  floodRejectionsPerChat = 0;
  readonly bot: { id: number; username: string; first_name: string };
  private readonly server: Server;
  private updates: Json[] = [];
  private nextUpdateId = 1000;
  private nextMessageId = 1;
  private waiters = new Set<() => void>();
  private faults = new Map<string, Fault[]>();
  private sendTimes: { at: number; chat: number }[] = [];
  private changeListeners = new Set<() => void>();
  private sockets = new Set<import('node:net').Socket>();
  private webhook: WebhookDeliveryOptions | undefined;
  private chatDeliveries = new Map<number, Promise<void>>();
  private closed = false;
  private viaOf = new WeakMap<ServerResponse, string>();
  /** Each getUpdates as it arrives (calls are recorded when answered, a long poll seconds later). */
  readonly pollStarts: { via: string; at: number }[] = [];
  /** Every webhook POST made, in order. */
  readonly webhookDeliveries: WebhookDelivery[] = [];
  url = '';

  constructor(private readonly options: FakeTelegramOptions) {
    this.bot = options.bot ?? { id: 999000, username: 'veterans_test_bot', first_name: '退役军人助手' };
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Starts listening on a random port; `url` is then the apiRoot for telegraf. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.url;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const wake of this.waiters) wake();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `times` calls of `method` fail with `fault`. */
  failNext(method: string, fault: Fault, times = 1): void {
    const list = this.faults.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.faults.set(method, list);
  }

  /** Queues an update for getUpdates, or for webhook delivery once that is on; returns its update_id. */
  pushUpdate(update: Json): number {
    const update_id = this.nextUpdateId++;
    if (this.webhook) {
      this.deliverInChatOrder({ update_id, ...update });
      return update_id;
    }
    this.updates.push({ update_id, ...update });
    for (const wake of this.waiters) wake();
    return update_id;
  }

  /**
   * Webhook mode from now on: each update is POSTed to a replica until one answers 200, as Telegram
   * does — a failed or refused delivery (or one whose 200 is "lost") is retried on the next target,
   * and some updates are sent twice. Like Telegram, a chat's next update is sent only once its
   * previous one was accepted, so a chat's updates reach the service in order.
   */
  deliverByWebhook(options: WebhookDeliveryOptions): void {
    this.webhook = options;
  }

  /** Resolves when every update pushed so far was accepted by some replica. */
  async webhookIdle(): Promise<void> {
    let before: Promise<void>[] = [];
    do {
      before = [...this.chatDeliveries.values()];
      await Promise.all(before);
    } while ([...this.chatDeliveries.values()].some((p) => !before.includes(p)));
  }

  private deliverInChatOrder(update: Json): void {
    const chatId = chatIdOf(update);
    const previous = this.chatDeliveries.get(chatId) ?? Promise.resolve();
    this.chatDeliveries.set(
      chatId,
      previous.then(() => this.deliver(update)),
    );
  }

  private async deliver(update: Json): Promise<void> {
    const options = this.webhook!;
    const updateId = update.update_id as number;
    const post = async (target: string, kind: WebhookDelivery['kind']) => {
      let status: WebhookDelivery['status'];
      try {
        const reply = await fetch(target, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': options.secret },
          body: JSON.stringify(update),
        });
        await reply.arrayBuffer();
        status = reply.status;
      } catch {
        status = 'refused';
      }
      this.webhookDeliveries.push({ updateId, target, status, kind });
      return status;
    };
    const targets = options.targets;
    for (let attempt = 0; !this.closed; attempt++) {
      const target = targets[(updateId + attempt) % targets.length]!;
      const status = await post(target, attempt === 0 ? 'first' : 'retry');
      if (options.duplicate?.(updateId) && attempt === 0)
        void post(targets[(updateId + 1) % targets.length]!, 'duplicate');
      const lost = attempt === 0 && options.loseReply?.(updateId) === true;
      if (status === 200 && !lost) return;
      await new Promise((resolve) => setTimeout(resolve, options.retryMs ?? 20));
    }
  }

  /** A user sends `text` (entities for /commands and @mentions added as Telegram does). */
  sendText(from: FakeUser, text: string, options: { chat?: FakeChat; replyTo?: SentMessage } = {}): number {
    const chat = options.chat ?? { id: from.id, type: 'private' };
    return this.pushUpdate({
      message: { ...this.baseMessage(from, chat, options.replyTo), text, entities: entitiesOf(text) },
    });
  }

  /** A user sends a non-text message, e.g. `{ sticker: {...} }`. */
  sendOther(from: FakeUser, content: Json, options: { chat?: FakeChat } = {}): number {
    const chat = options.chat ?? { id: from.id, type: 'private' };
    return this.pushUpdate({ message: { ...this.baseMessage(from, chat, undefined), ...content } });
  }

  /** A user presses an inline button of a message the bot sent. */
  clickButton(from: FakeUser, message: SentMessage, callbackData: string): number {
    return this.pushUpdate({
      callback_query: {
        id: `cb${this.nextUpdateId}`,
        from,
        chat_instance: 'ci',
        data: callbackData,
        message: {
          message_id: message.message_id,
          date: Math.floor(message.at / 1000),
          chat: { id: message.chat_id, type: message.chat_id < 0 ? 'group' : 'private' },
          from: { ...this.bot, is_bot: true },
          text: message.text,
        },
      },
    });
  }

  /** Messages the bot sent to a chat, in order. */
  messagesTo(chatId: number): SentMessage[] {
    return this.sent.filter((m) => m.chat_id === chatId);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Updates not yet confirmed by an offset. */
  get pendingUpdates(): number {
    return this.updates.length;
  }

  /** Resolves when `predicate` holds (checked on every recorded call), rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.changeListeners.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.changeListeners.delete(check);
        reject(new Error(`FakeTelegramServer: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.changeListeners.add(check);
    });
  }

  private baseMessage(from: FakeUser, chat: FakeChat, replyTo: SentMessage | undefined): Json {
    return {
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: chat.type === 'private' ? { ...chat, first_name: from.first_name } : chat,
      from: { is_bot: false, ...from },
      ...(replyTo && {
        reply_to_message: {
          message_id: replyTo.message_id,
          date: Math.floor(replyTo.at / 1000),
          chat,
          from: { ...this.bot, is_bot: true },
          text: replyTo.text,
        },
      }),
    };
  }

  private record(method: string, payload: Json, outcome: ApiCall['outcome'], via = ''): void {
    this.calls.push({ method, payload, at: Date.now(), outcome, via });
    for (const listener of [...this.changeListeners]) listener();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^(\/[\w-]+)?\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
    const payload = await readPayload(req);
    if (!match) return this.reply(res, 'unknown', payload, new ApiError(404, 'Not Found'));
    const [, via = '', token, method = ''] = match;
    this.viaOf.set(res, via);
    if (method === 'getUpdates') this.pollStarts.push({ via, at: Date.now() });
    if (token !== this.options.token)
      return this.reply(res, method, payload, new ApiError(401, 'Unauthorized'));
    const fault = this.faults.get(method)?.shift();
    if (fault?.kind === 'drop') {
      this.record(method, payload, 'drop', via);
      req.socket.destroy();
      return;
    }
    if (fault?.kind === '429') {
      return this.reply(
        res,
        method,
        payload,
        new ApiError(429, `Too Many Requests: retry after ${fault.retryAfter}`, {
          retry_after: fault.retryAfter,
        }),
      );
    }
    if (fault?.kind === '500')
      return this.reply(res, method, payload, new ApiError(500, 'Internal Server Error'));
    try {
      const result = await this.execute(method, payload, req, fault);
      if (res.destroyed) return;
      this.reply(res, method, payload, undefined, result);
    } catch (error) {
      this.reply(res, method, payload, error instanceof ApiError ? error : new ApiError(500, String(error)));
    }
  }

  private reply(
    res: ServerResponse,
    method: string,
    payload: Json,
    error?: ApiError,
    result?: unknown,
  ): void {
    if (error) {
      this.record(method, payload, String(error.status) as ApiCall['outcome'], this.viaOf.get(res));
      // Like Telegram: 5xx come with an HTML-ish body telegraf does not parse; others are JSON.
      res.writeHead(error.status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          ok: false,
          error_code: error.status,
          description: error.description,
          ...(error.parameters && { parameters: error.parameters }),
        }),
      );
      return;
    }
    this.record(method, payload, 'ok', this.viaOf.get(res));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, result }));
  }

  private async execute(
    method: string,
    p: Json,
    req: IncomingMessage,
    fault: Fault | undefined,
  ): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return {
          ...this.bot,
          is_bot: true,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        };
      case 'getUpdates':
        return this.getUpdates(p, req);
      case 'deleteWebhook':
      case 'setWebhook':
      case 'sendChatAction':
      case 'answerCallbackQuery':
        return true;
      case 'setMyCommands':
        this.commands.push({
          commands: p.commands as never,
          ...(typeof p.language_code === 'string' && { language_code: p.language_code }),
        });
        return true;
      case 'sendMessage':
      case 'sendPhoto':
        return this.send(method, p, fault);
      default:
        throw new ApiError(404, `Not Found: method ${method} is not faked`);
    }
  }

  private async getUpdates(p: Json, req: IncomingMessage): Promise<Json[]> {
    const offset = Number(p.offset ?? 0);
    if (offset > 0) {
      this.confirmedOffset = Math.max(this.confirmedOffset, offset);
      this.updates = this.updates.filter((u) => (u.update_id as number) >= offset);
    }
    const limit = Number(p.limit ?? 100);
    const available = () => this.updates.filter((u) => (u.update_id as number) >= offset).slice(0, limit);
    const timeoutMs = Number(p.timeout ?? 0) * 1000;
    if (available().length === 0 && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, timeoutMs);
        this.waiters.add(wake);
        req.socket.once('close', wake);
      });
    }
    return available();
  }

  private send(method: string, p: Json, fault: Fault | undefined): Json {
    const chatId = Number(p.chat_id);
    const parseMode = typeof p.parse_mode === 'string' ? p.parse_mode : undefined;
    const text = String(method === 'sendPhoto' ? (p.caption ?? '') : (p.text ?? ''));
    const limit = method === 'sendPhoto' ? 1024 : 4096;
    if (method === 'sendMessage' && text.trim() === '')
      throw new ApiError(400, 'Bad Request: message text is empty');
    if (parseMode === 'HTML') {
      const problem =
        fault?.kind === 'badHtml' ? "Bad Request: can't parse entities: injected" : checkTelegramHtml(text);
      if (problem) throw new ApiError(400, problem);
    }
    if (visibleText(text, parseMode).length > limit) {
      throw new ApiError(
        400,
        method === 'sendPhoto'
          ? 'Bad Request: message caption is too long'
          : 'Bad Request: message is too long',
      );
    }
    const markup = parseMarkup(p.reply_markup);
    for (const row of markup?.inline_keyboard ?? []) {
      for (const button of row) {
        const bytes = Buffer.byteLength(button.callback_data ?? '', 'utf8');
        if (bytes < 1 || bytes > 64) throw new ApiError(400, 'Bad Request: BUTTON_DATA_INVALID');
      }
    }
    this.enforceFlood(chatId);
    const replyTo = parseMarkup(p.reply_parameters) as { message_id?: number } | undefined;
    const message: SentMessage = {
      message_id: this.nextMessageId++,
      chat_id: chatId,
      method,
      text,
      at: Date.now(),
      ...(parseMode !== undefined && { parse_mode: parseMode }),
      ...(markup && { reply_markup: markup }),
      ...(replyTo?.message_id !== undefined && { reply_to: replyTo.message_id }),
      ...(typeof p.photo === 'object' &&
        p.photo !== null && { photoBytes: (p.photo as { bytes: number }).bytes }),
    };
    this.sent.push(message);
    return {
      message_id: message.message_id,
      date: Math.floor(message.at / 1000),
      chat: { id: chatId, type: chatId < 0 ? 'group' : 'private' },
      from: { ...this.bot, is_bot: true },
      text: visibleText(text, parseMode),
    };
  }

  private enforceFlood(chatId: number): void {
    const flood = this.options.flood;
    if (!flood) return;
    const now = Date.now();
    this.sendTimes = this.sendTimes.filter((s) => now - s.at < 1000);
    const perChat = this.sendTimes.filter((s) => s.chat === chatId).length;
    if (this.sendTimes.length >= flood.globalPerSecond || perChat >= flood.perChatPerSecond) {
      this.floodRejections++;
      if (perChat >= flood.perChatPerSecond) this.floodRejectionsPerChat++;
      const retry = flood.retryAfter ?? 1;
      throw new ApiError(429, `Too Many Requests: retry after ${retry}`, { retry_after: retry });
    }
    this.sendTimes.push({ at: now, chat: chatId });
  }
}

/** Creates and starts a fake Bot API server. */
export async function startFakeTelegram(options: FakeTelegramOptions): Promise<FakeTelegramServer> {
  const server = new FakeTelegramServer(options);
  await server.listen();
  return server;
}

function entitiesOf(text: string): Json[] {
  const entities: Json[] = [];
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const m of text.matchAll(/(?<![\w/])@[A-Za-z0-9_]{3,}/g)) {
    entities.push({ type: 'mention', offset: m.index, length: m[0].length });
  }
  return entities;
}

function parseMarkup(
  value: unknown,
): { inline_keyboard: { text: string; callback_data?: string }[][] } | undefined {
  if (value === undefined || value === null) return undefined;
  return (typeof value === 'string' ? JSON.parse(value) : value) as never;
}

async function readPayload(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json'))
    return body.length ? (JSON.parse(body.toString('utf8')) as Json) : {};
  const boundary = /boundary=(.+)$/.exec(type)?.[1];
  return boundary ? parseMultipart(body, boundary) : {};
}

/** Minimal multipart/form-data reader: text fields as strings, files as `{ bytes }`. */
function parseMultipart(body: Buffer, boundary: string): Json {
  const result: Json = {};
  const parts = body.toString('latin1').split(`--${boundary}`);
  for (const part of parts) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    const name = /name="([^"]+)"/.exec(headers)?.[1];
    if (!name) continue;
    const raw = part.slice(headerEnd + 4).replace(/\r\n$/, '');
    result[name] = /filename="/.test(headers)
      ? { bytes: Buffer.byteLength(raw, 'latin1') }
      : Buffer.from(raw, 'latin1').toString('utf8');
  }
  return result;
}

function chatIdOf(update: Json): number {
  const message = (update.message ?? (update.callback_query as Json | undefined)?.message) as
    { chat: { id: number } } | undefined;
  return message?.chat.id ?? 0;
}
