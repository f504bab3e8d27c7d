/**
 * Small text helpers for hand-written SVG. Every string that reaches an SVG comes from documents,
 * staff or models, so it is always escaped; widths are estimated because resvg lays out text
 * itself and we need to wrap and truncate before that.
 */

/** Escapes a string for SVG/XML text content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Estimated advance of one character in em: CJK and full-width forms are square, Latin about half. */
function charWidthEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x2e80 || (code >= 0x3000 && code <= 0x30ff)) return 1;
  if (/[A-Z0-9%]/.test(ch)) return 0.62;
  if (/[il.,:;'|!]/.test(ch)) return 0.3;
  return 0.55;
}

/** Estimated rendered width in px of `text` at `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charWidthEm(ch);
  return em * fontSize;
}

/**
 * Cuts `text` to fit `maxWidth` in rendered width, ending with an ellipsis when it was cut. Not
 * telegram/html.ts's `truncate`, which counts characters against Telegram's length limits.
 */
export function truncateToWidth(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, fontSize) > maxWidth) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * Breaks text where a line may break: between Chinese characters, and between Latin words (a word
 * with its trailing spaces is one piece), so "Telegram" or "/api/admin" is never cut in two.
 */
const PIECES = /[^\u2e80-\uffff]+?(?:\s+|(?=[\u2e80-\uffff])|$)|[^]/gu;

/** Wraps `text` into at most `maxLines` lines of `maxWidth`; the last line is truncated if needed. */
export function wrap(text: string, fontSize: number, maxWidth: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const piece of splitPieces(text, fontSize, maxWidth)) {
    if (line && textWidth((line + piece).trimEnd(), fontSize) > maxWidth) {
      lines.push(line.trimEnd());
      line = '';
      if (lines.length === maxLines) break;
    }
    line += line ? piece : piece.trimStart();
    used += piece.length;
  }
  if (lines.length < maxLines && line.trim()) lines.push(line.trimEnd());
  if (used < text.length && lines.length > 0) {
    const last = lines.length - 1;
    lines[last] = truncateToWidth(`${lines[last]}${text.slice(used)}`, fontSize, maxWidth);
  }
  return lines;
}

/** The break pieces of `text`; a piece wider than a whole line is split into characters. */
function splitPieces(text: string, fontSize: number, maxWidth: number): string[] {
  return (text.match(PIECES) ?? []).flatMap((piece) =>
    textWidth(piece.trimEnd(), fontSize) > maxWidth ? [...piece] : [piece],
  );
}

/** One `<text>` element with escaped content. */
export function svgText(
  x: number,
  y: number,
  text: string,
  attrs: { size: number; fill?: string; weight?: number; anchor?: 'start' | 'middle' | 'end' },
): string {
  const anchor = attrs.anchor && attrs.anchor !== 'start' ? ` text-anchor="${attrs.anchor}"` : '';
  const weight = attrs.weight ? ` font-weight="${attrs.weight}"` : '';
  return `<text x="${x}" y="${y}" font-size="${attrs.size}" fill="${attrs.fill ?? '#1f2933'}"${weight}${anchor}>${escapeXml(text)}</text>`;
}
