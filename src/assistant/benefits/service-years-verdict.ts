import type { EntitlementCard } from '../../knowledge/types.js';
import type { Language } from '../answer.js';
import { parseChineseNumeral } from '../../knowledge/chinese-numerals.js';

/**
 * Years of service decide several entitlements (军士服现役满12年 安排工作, 满10年 选择安置地). A veteran
 * who states theirs and asks whether it counts ("我干了11年半士官，算满12年吗") gets the verdict first,
 * when the card states one such threshold, instead of being left to compare the numbers.
 */

/** The card's one threshold of years served: "服现役满12年", "累计满10年". */
const THRESHOLD = /满(\d{1,2})年/g;
/** The asker's own years: "干了11年半", "服役十三年", "当了8年兵", "兵龄12年多". */
const STATED =
  /(?:干了|当了|服役了?|服现役|在部队(?:干|待|呆)了?|兵龄|军龄)\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:个)?年(半|多)?/;
/** The question asks whether the years count. */
const ASKS_IF_ENOUGH = /算不算|算满|够不够|够了吗|满了吗|满没满|能不能|可以吗|行不行|符合|算.{0,6}吗/;

/** "11", "十一", "二十" → 11, 11, 20. */
const yearsOf = (raw: string): number | undefined =>
  /^\d+$/.test(raw) ? Number(raw) : parseChineseNumeral(raw);

export function serviceYearsVerdictLine(
  card: EntitlementCard,
  question: string,
  language: Language,
): string | undefined {
  const thresholds = [...new Set([...card.answer.matchAll(THRESHOLD)].map((m) => Number(m[1])))];
  if (thresholds.length !== 1 || !ASKS_IF_ENOUGH.test(question)) return undefined;
  const stated = STATED.exec(question);
  const years = stated ? yearsOf(stated[1] ?? '') : undefined;
  const needed = thresholds[0];
  if (years === undefined || needed === undefined) return undefined;
  // 11年半 and 11年多 are more than 11 years and less than 12: short of 12, enough for 11.
  const more = stated?.[2] !== undefined;
  const enough = years >= needed;
  const said = `${years}年${stated?.[2] ?? ''}`;
  if (language === 'zh')
    return enough
      ? `按您说的（服役${said}），满了${needed}年。`
      : `按您说的（服役${said}），不满${needed}年，够不上这个条件。`;
  const saidEn = `${years}${more ? '-plus' : ''} years`;
  return enough
    ? `From what you say (${saidEn} of service), you have served the ${needed} years.`
    : `From what you say (${saidEn} of service), you have not served the full ${needed} years this requires.`;
}
