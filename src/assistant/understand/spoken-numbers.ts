import { parseChineseNumeral } from '../../knowledge/chinese-numerals.js';

/**
 * "迁烈士墓是一千零四十一座吧", "送喜报是不是两百五十多次": askers write numbers in characters,
 * the reports in digits. A numeral of two or more characters with a place unit (十百千万) becomes
 * digits, so a checked or rounded figure is read like a written one. Single characters (七个确保,
 * 四强, 一次性) and unit-less strings are names, not counts, and stay, as do congresses and sessions (二十大,
 * 十四届); 九三零 is Martyrs' Day, written 9·30.
 */
const NUMERAL =
  /(?<![第零〇一二两三四五六七八九十百千万亿])[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]+(?![大届])/g;

/** 十万火急, 万一: fixed words that look like numerals. */
const IDIOMS = /十万火急|一百个放心|十全十美|三百六十行|九九八十一/;

/** "一万二" is 12 000 and "两千五" 2 500 in speech: a last digit after a unit counts in the unit below. */
const NEXT_UNIT_DOWN: Readonly<Record<string, string>> = { 万: '千', 千: '百', 百: '十' };

/** Martyrs' Day said aloud ("九三零那次"): the reports write it “9·30”. */
const MARTYRS_DAY = /九[·.．]?三[零〇]/g;

export function spokenNumbersAsDigits(text: string): string {
  if (IDIOMS.test(text)) return text;
  return text.replace(MARTYRS_DAY, '9·30').replace(NUMERAL, (numeral) => {
    if (!/[十百千万]/.test(numeral)) return numeral;
    const colloquial = /([万千百])([一二两三四五六七八九])$/.exec(numeral);
    const written = colloquial ? `${numeral}${NEXT_UNIT_DOWN[colloquial[1] as string]}` : numeral;
    const value = parseChineseNumeral(written);
    return value === undefined ? numeral : String(value);
  });
}
