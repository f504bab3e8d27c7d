/**
 * Chinese numerals (四, 两, 十二, 一百零五, 三千, 二〇二二) to numbers. Arabic numbers with a
 * Chinese multiplier (`1.2万`) are handled in numbers.ts.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Units below 万: they multiply the digit before them inside one 万-group. */
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Every character a Chinese numeral may contain. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** Characters a Chinese numeral may start with (a bare 百/千/万 is a word, not a count). */
export const CHINESE_NUMERAL_STARTS = '零〇一二两三四五六七八九十';

/** Digit-by-digit form used for years: 二〇二二 → 2022. */
function parseDigitString(text: string): number | undefined {
  let value = 0;
  for (const ch of text) {
    const digit = DIGITS[ch];
    if (digit === undefined) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Parses a Chinese numeral: 四 → 4, 两 → 2, 十 → 10, 十二 → 12, 二十 → 20, 一百零五 → 105,
 * 三千 → 3000, 十万 → 100000, 一亿二千万 → 120000000, 二〇二二 → 2022.
 * Returns undefined for empty input or anything that is not a well-formed numeral
 * (e.g. 二三十, or text with other characters).
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  if (!/[十百千万亿]/.test(text)) return text.length === 1 ? DIGITS[text] : parseDigitString(text);
  let total = 0; // completed 亿/万 groups
  let group = 0; // current group below 万
  let digit: number | undefined; // pending digit not yet multiplied
  let previousWasDigit = false;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      // 二三 inside a positional numeral is malformed; 零 may precede a digit (一百零五).
      if (previousWasDigit && digit !== 0) return undefined;
      digit = d;
      previousWasDigit = true;
      continue;
    }
    previousWasDigit = false;
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      // A bare 十 (十二) or 百 means one ten / one hundred.
      group += (digit === undefined || (digit === 0 && group === 0) ? 1 : digit) * small;
      digit = undefined;
    } else if (ch === '万') {
      total += (group + (digit ?? 0)) * 10_000;
      group = 0;
      digit = undefined;
    } else if (ch === '亿') {
      total = (total + group + (digit ?? 0)) * 100_000_000;
      group = 0;
      digit = undefined;
    } else return undefined;
  }
  return total + group + (digit ?? 0);
}
