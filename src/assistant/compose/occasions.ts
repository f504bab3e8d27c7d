/** Occasions a figure may belong to, each with the ways askers and the report name it. */
const OCCASIONS: readonly RegExp[] = [
  /春节|过年|年关/,
  /清明/,
  /9·30|9月30日|九三零|烈士纪念日|september 30|martyrs'? day/i,
  /八一|8月1日|建军节|army day/i,
  /元旦|new year/i,
  /中秋/,
  /国庆/,
  /端午/,
];

/**
 * "春节走访慰问困难退役军人发了多少慰问金" of “完成“9·30”祭英烈活动…发放慰问金12000元”: the
 * question names one occasion and the figure's sentence only others, so it is not that occasion's
 * figure.
 */
/** The question names an occasion (only then is a figure's sentence worth looking up). */
export const namesAnOccasion = (asked: string): boolean => OCCASIONS.some((o) => o.test(asked));

export function anotherOccasion(asked: string, sentence: string): boolean {
  const named = OCCASIONS.filter((o) => o.test(asked));
  if (named.length === 0 || named.some((o) => o.test(sentence))) return false;
  return OCCASIONS.some((o) => o.test(sentence));
}

/** The sentence of `text` that holds `quote` (the quote itself when it is not found). */
export function sentenceAround(text: string, quote: string): string {
  const at = text.indexOf(quote);
  if (at < 0) return quote;
  const start = Math.max(text.lastIndexOf('。', at), text.lastIndexOf('\n', at)) + 1;
  const stops = [text.indexOf('。', at + quote.length), text.indexOf('\n', at + quote.length)].filter(
    (i) => i >= 0,
  );
  return text.slice(start, stops.length > 0 ? Math.min(...stops) : text.length);
}
