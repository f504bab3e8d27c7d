/**
 * Cleans a raw question from any channel: control characters stripped, whitespace collapsed,
 * length bounded. Long questions are cut at a sentence boundary and answered in part (the answer
 * says so) rather than refused, since the first sentence usually carries the question.
 */
export const MAX_QUESTION_CHARS = 1000;

export type SanitizedQuestion =
  { kind: 'empty' } | { kind: 'ok'; text: string; truncated: boolean; originalLength: number };

// C0/C1 controls, zero-width and bidi-override characters; newlines and tabs become spaces first.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function sanitizeQuestion(raw: unknown): SanitizedQuestion {
  if (typeof raw !== 'string') return { kind: 'empty' };
  const text = raw
    .replace(/[\r\n\t]+/g, ' ')
    .replace(CONTROL, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length === 0) return { kind: 'empty' };
  if (text.length <= MAX_QUESTION_CHARS)
    return { kind: 'ok', text, truncated: false, originalLength: text.length };
  return {
    kind: 'ok',
    text: cutAtSentence(text, MAX_QUESTION_CHARS),
    truncated: true,
    originalLength: text.length,
  };
}

function cutAtSentence(text: string, limit: number): string {
  const head = text.slice(0, limit);
  const lastStop = Math.max(...['。', '？', '！', '?', '!', '.', '；'].map((p) => head.lastIndexOf(p)));
  return lastStop > limit / 4 ? head.slice(0, lastStop + 1) : head;
}
