/**
 * Sentence spans and their grouping into quotable chunks. Spans are offsets into the original
 * text, so every chunk is cut verbatim from the document.
 */

export interface Span {
  start: number;
  end: number;
}

/** Sentence enders; a closing quote or bracket right after one stays with its sentence. */
const ENDERS = '。！？!?；;';
const CLOSERS = '”’」』）)》"\'';
/** A span needs at least one letter or digit: a line of only `**` or `——` is no sentence. */
const WORDY = /[\p{L}\p{N}]/u;

/** Chunk sizes in characters: merge sentences up to TARGET; SHORT ones may grow up to MAX. */
export const CHUNK_TARGET = 120;
export const CHUNK_MAX = 220;
const CHUNK_SHORT = 40;

/** Trims whitespace off a span; undefined when nothing wordy is left. */
function trimSpan(text: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return s < e && WORDY.test(text.slice(s, e)) ? { start: s, end: e } : undefined;
}

/** True when the English full stop at `i` ends a sentence (`end. Next`), not `1.5` or `e.g`. */
function isEnglishStop(text: string, i: number): boolean {
  return text[i] === '.' && /\s/.test(text[i + 1] ?? ' ') && /[A-Za-z)"']/.test(text[i - 1] ?? '');
}

/**
 * Splits `text[start, end)` into sentence spans at 。！？；(and ASCII forms) and line breaks.
 * Each span also records whether a blank line (a paragraph break) precedes it.
 */
export function sentenceSpans(text: string, start: number, end: number): (Span & { paragraph: boolean })[] {
  const spans: (Span & { paragraph: boolean })[] = [];
  let from = start;
  let breaks = 0;
  const push = (to: number): void => {
    const span = trimSpan(text, from, to);
    if (span) spans.push({ ...span, paragraph: breaks > 1 });
    if (span) breaks = 0;
    from = to;
  };
  for (let i = start; i < end; i++) {
    const ch = text[i] ?? '';
    if (ch === '\n') {
      push(i);
      breaks++;
    } else if (ENDERS.includes(ch) || isEnglishStop(text, i)) {
      let j = i + 1;
      while (j < end && CLOSERS.includes(text[j] ?? '')) j++;
      push(j);
      i = j - 1;
    }
  }
  push(end);
  return spans;
}

/** Splits a span longer than CHUNK_MAX at commas into pieces of at most CHUNK_MAX where possible. */
export function splitLongSpan(text: string, span: Span): Span[] {
  if (span.end - span.start <= CHUNK_MAX) return [span];
  const pieces: Span[] = [];
  let pieceStart = span.start;
  let lastComma = -1;
  for (let i = span.start; i < span.end; i++) {
    if (i - pieceStart >= CHUNK_MAX && lastComma > pieceStart) {
      pieces.push({ start: pieceStart, end: lastComma });
      pieceStart = lastComma;
    }
    if (text[i] === '，' || text[i] === ',') lastComma = i + 1;
  }
  pieces.push({ start: pieceStart, end: span.end });
  return pieces.map((p) => trimSpan(text, p.start, p.end) ?? p);
}

/**
 * Groups sentence spans into chunk spans of about 1–3 sentences: a sentence joins the current chunk
 * while the chunk stays within CHUNK_TARGET characters (or CHUNK_MAX when the chunk so far is short,
 * like a heading sentence). Paragraph breaks always start a new chunk.
 */
export function groupSpans(text: string, sentences: readonly (Span & { paragraph: boolean })[]): Span[] {
  const chunks: Span[] = [];
  let current: Span | undefined;
  for (const sentence of sentences) {
    for (const piece of splitLongSpan(text, sentence)) {
      const paragraph = sentence.paragraph && piece.start === sentence.start;
      if (current && !paragraph) {
        const length = piece.end - current.start;
        const short = current.end - current.start < CHUNK_SHORT;
        if (length <= CHUNK_TARGET || (short && length <= CHUNK_MAX)) {
          current = { start: current.start, end: piece.end };
          continue;
        }
      }
      if (current) chunks.push(current);
      current = piece;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}
