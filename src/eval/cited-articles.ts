import type { Answer } from '../assistant/answer.js';
import { parseChineseNumeral } from '../knowledge/chinese-numerals.js';

/**
 * Which law articles an answer cites, as `law#article` keys (退役军人保障法#15), read from the answer
 * text and its citations' titles and sections: `《退役军人保障法》第十五条、第十六条`, `第十五条`
 * after a law named earlier in the same citation. A law is named by its short title.
 */
export function citedArticles(answer: Pick<Answer, 'answer' | 'citations'>): Set<string> {
  const found = new Set<string>();
  const texts = [answer.answer, ...answer.citations.map((c) => `${c.title} ${c.section}`)];
  for (const text of texts) {
    let law: string | undefined;
    const pattern = /《(?:中华人民共和国)?([^》]+)》|第([零〇一二两三四五六七八九十百]+)条/g;
    for (const m of text.matchAll(pattern)) {
      if (m[1]) law = m[1];
      else if (m[2] && law) {
        const n = parseChineseNumeral(m[2]);
        if (n !== undefined) found.add(`${law}#${n}`);
      }
    }
  }
  return found;
}

/** The answer says plainly that the documents do not state something. */
const NOT_STATED =
  /没有(写明|规定|列明|明确|说明|具体规定|提到|涉及|找到)|(法律|条例|法规|规定|这条)(都)?没(有)?写|未(作|做)?(规定|写明|列明|明确|说明)|不列具体|资料(中|里)?没有|does not (say|state|specify|set|cover|list)|doesn.t (say|state|specify|cover|list)|not (stated|specified|set out|covered|listed)|no (rule|provision)/i;

/** The answer says who sets what the law leaves open (an amount, a procedure). */
const LEFT_TO_OTHERS =
  /以(国家和)?(当地|地方)(的)?规定为准|由.{0,20}(规定|制定|确定)|set (locally|by)|local rules/i;

/**
 * True when the answer says the documents do not state something; for a question the law leaves to
 * other rules (`local_rule`), saying who sets it also counts.
 */
export const saysNotStated = (text: string, reason?: string): boolean =>
  NOT_STATED.test(text) || (reason === 'local_rule' && LEFT_TO_OTHERS.test(text));
