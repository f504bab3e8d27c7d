/**
 * Text normalisation for matching. Everything here maps one UTF-16 code unit to exactly one code
 * unit, so an index found in the normalised text is the same index in the original: quotes and
 * number mentions can always be cut from the original text verbatim.
 */

/** Full-width forms block (！ … ～) is the ASCII block shifted by this offset. */
const FULL_WIDTH_OFFSET = 0xfee0;
const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const IDEOGRAPHIC_SPACE = 0x3000;

/**
 * Converts full-width ASCII variants (digits, Latin letters, `％`, `．`, `，`, `（）`, `－`, `＊`…) and the
 * ideographic space to their half-width forms. Chinese punctuation without an ASCII twin (`。`, `、`,
 * `“”`) is kept. The result has the same length as the input, character for character.
 */
export function toHalfWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) out += String.fromCharCode(code - FULL_WIDTH_OFFSET);
    else if (code === IDEOGRAPHIC_SPACE) out += ' ';
    else out += text[i];
  }
  return out;
}

/**
 * Canonical form for comparing texts: half-width, lower case, whitespace runs collapsed to one space
 * and trimmed. Only for matching — quotes shown to users keep the original text.
 */
export function normaliseForMatch(text: string): string {
  return toHalfWidth(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Characters the public version of a document uses in place of withheld digits. */
export const MASK_CHARS = '*＊×';

const MASKED = /^[*＊×]+(?:余|多)?/;
const HAS_DIGIT = /[0-9０-９]/;

/**
 * True when `raw` is a number whose digits were masked in the public version of the document:
 * a run of `*`, `＊` or `×` (e.g. `**`, `＊＊`, `××`), optionally followed by `余`/`多`, a unit or `％`
 * (`***余人次`, `**％`). A partly masked number (`1**`) also counts: its value is unknown.
 */
export function isMaskedNumber(raw: string): boolean {
  const trimmed = raw.trim();
  if (!MASKED.test(trimmed)) return /^[0-9０-９]+[*＊×]+/.test(trimmed);
  // `**2` is markdown bold around a real number, not a masked one.
  return !HAS_DIGIT.test(trimmed);
}
