import { tokenize } from '../../retrieval/tokenizer.js';
import { normaliseForMatch } from '../../knowledge/normalise.js';

/** Words that say how something is asked, not what about: they must not count as evidence. */
const QUESTION_WORDS = new Set(
  (
    '多少 什么 怎么 怎么样 怎样 哪些 哪个 哪里 哪儿 几个 有没有 是否 是不是 情况 一下 请问 问下 想问 知道 ' +
    '告诉 介绍 如何 为什么 吗 呢 啊 吧 了 的 是 有 在 和 与 我 我们 你 你们 他 她 它 这 那 还 都 也 就 ' +
    '可以 能 能不能 可不可以 要 需要 一些 具体 主要 相关 关于 方面 工作 去年 今年 明年 局里 本局 ' +
    'what how many much is are was were the a an of in on for to and or do does did about which who ' +
    'can could should would will there their your my me i tell please'
  ).split(/\s+/),
);

/** The terms of a question that carry its meaning, plus official terms from the glossary. */
export function contentTerms(question: string, boostTerms: readonly string[]): string[] {
  const terms = tokenize(question).filter((term) => {
    if (QUESTION_WORDS.has(term)) return false;
    if (/^[\u3400-\u9fff]$/.test(term)) return false; // single characters are too weak alone
    return term.length >= 2 || /^\d+$/.test(term);
  });
  const englishOnly = !/[\u3400-\u9fff]/.test(question);
  // An English question's own words never occur in Chinese documents; only its translations count.
  const own = englishOnly ? terms.filter((term) => /\d/.test(term)) : terms;
  return [...new Set([...own, ...boostTerms.map(normaliseForMatch)])];
}

/** Share of the question's terms that occur in the text (0..1). */
export function coverage(terms: readonly string[], text: string): number {
  if (terms.length === 0) return 0;
  const haystack = normaliseForMatch(text);
  const found = terms.filter((term) => haystack.includes(term)).length;
  return found / terms.length;
}
