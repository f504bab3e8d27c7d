/**
 * Likeness by character pairs (bigrams), for matching a question's or a claim's wording to the
 * report's when the words differ a little (a unit, a number, 的): no segmentation needed.
 */

/** The text's character pairs, letters and digits only (full-width ％ read as %). */
const characterPairs = (text: string): string[] => {
  const chars = Array.from(text.replace(/％/g, '%').replace(/[^\p{L}\p{N}%]/gu, ''));
  return chars.slice(0, -1).map((ch, i) => `${ch}${chars[i + 1]}`);
};

/** Share of `wording`'s character pairs found in `text`. */
export function heldShare(wording: string, text: string): number {
  const wanted = characterPairs(wording);
  const held = new Set(characterPairs(text));
  return wanted.length === 0 ? 0 : wanted.filter((p) => held.has(p)).length / wanted.length;
}
