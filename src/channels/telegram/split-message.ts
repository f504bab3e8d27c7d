/**
 * Splits Telegram HTML into messages under Telegram's 4096-character limit. Cuts prefer paragraph,
 * then line, then sentence, then word boundaries; a tag or entity is never cut in half, and tags
 * open at a cut are closed at the end of one part and reopened at the start of the next.
 */

/** Telegram's limit for one message's text. */
export const TELEGRAM_TEXT_LIMIT = 4096;

type Token = { raw: string; kind: 'open' | 'close' | 'text'; name?: string };
type OpenTag = { raw: string; name: string };
type Candidate = { tokenIndex: number; length: number; stack: OpenTag[] };

const TOKEN = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^>]*)?>|&(?:#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);|[\s\S]/gu;
const SENTENCE_END = /^[。！？；.!?;]$/u;
// Break priorities: a cut at a higher one is taken when it keeps the part at least this full.
const PRIORITIES = ['paragraph', 'line', 'sentence', 'space'] as const;
const MIN_FILL = 0.4;

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  for (const [raw] of html.matchAll(TOKEN)) {
    const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(raw);
    if (tag) tokens.push({ raw, kind: tag[1] ? 'close' : 'open', name: (tag[2] ?? '').toLowerCase() });
    else tokens.push({ raw, kind: 'text' });
  }
  return tokens;
}

const closing = (stack: OpenTag[]) =>
  stack
    .slice()
    .reverse()
    .map((t) => `</${t.name}>`)
    .join('');

function apply(stack: OpenTag[], token: Token): OpenTag[] {
  if (token.kind === 'open') return [...stack, { raw: token.raw, name: token.name ?? '' }];
  if (token.kind === 'close') {
    const at = stack.map((t) => t.name).lastIndexOf(token.name ?? '');
    return at < 0 ? stack : stack.slice(0, at);
  }
  return stack;
}

function breakKind(tokens: Token[], i: number): (typeof PRIORITIES)[number] | undefined {
  const raw = tokens[i]?.raw ?? '';
  if (raw === '\n') return tokens[i - 1]?.raw === '\n' ? 'paragraph' : 'line';
  if (SENTENCE_END.test(raw)) return 'sentence';
  if (/^\s$/u.test(raw)) return 'space';
  return undefined;
}

/** Splits `html` into parts of at most `limit` characters (markup included), each well-formed. */
export function splitHtml(html: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const tokens = tokenize(html);
  const parts: string[] = [];
  let start = 0;
  let prefix: OpenTag[] = [];
  while (start < tokens.length) {
    const cut = takePart(tokens, start, prefix, limit);
    const part = cut.text.trim();
    if (toVisible(part).trim() !== '') parts.push(part);
    start = cut.next;
    prefix = cut.stack;
    while (start < tokens.length && /^\s$/u.test(tokens[start]?.raw ?? '')) start++;
  }
  return parts;
}

function takePart(
  tokens: Token[],
  start: number,
  prefix: OpenTag[],
  limit: number,
): { text: string; next: number; stack: OpenTag[] } {
  let text = prefix.map((t) => t.raw).join('');
  let stack = prefix;
  const best = new Map<string, Candidate>();
  let i = start;
  for (; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const nextStack = apply(stack, token);
    if (text.length + token.raw.length + closing(nextStack).length > limit) break;
    text += token.raw;
    stack = nextStack;
    const kind = breakKind(tokens, i);
    if (kind) best.set(kind, { tokenIndex: i + 1, length: text.length, stack });
  }
  if (i >= tokens.length) return { text: text + closing(stack), next: i, stack: [] };
  if (i === start) throw new Error(`splitHtml: limit ${limit} is too small for the markup at token ${i}`);
  const chosen = PRIORITIES.map((p) => best.get(p)).find((c) => c && c.length >= limit * MIN_FILL);
  if (!chosen) return { text: text + closing(stack), next: i, stack };
  return {
    text: text.slice(0, chosen.length) + closing(chosen.stack),
    next: chosen.tokenIndex,
    stack: chosen.stack,
  };
}

/** The text a user sees: tags removed, entities counted as one character. */
export function toVisible(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(?:#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, '_');
}
