/**
 * "网上祭扫达20000余人": a number followed by 余 or 多 in its source sentence is a lower bound, not
 * an exact count. Every screen that shows the figure keeps the mark, so nothing sounds more exact
 * than the document.
 */
export type Approximation = '余' | '多';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The 余/多 written right after `value` in `quote` (thousands separators ignored), if any. */
export function approximationIn(value: number | null, quote: string): Approximation | undefined {
  if (value === null) return undefined;
  const plain = quote.replace(/[，,](?=\d{3})/g, '');
  // Not part of a longer number: 1000 must not match inside "11000余".
  const match = new RegExp(`(?<![\\d.])${escapeRegExp(String(value))}(余|多)`).exec(plain);
  return match?.[1] as Approximation | undefined;
}
