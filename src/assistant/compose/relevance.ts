import { segment } from '../../retrieval/tokenizer.js';
import { normaliseForMatch } from '../../knowledge/normalise.js';

/** Words that say how something is asked, not what about: they must not count as evidence. */
const QUESTION_WORDS = new Set(
  (
    '多少 什么 怎么 怎么样 怎么回事 怎样 咋样 咋 啥 哪些 哪个 哪里 哪儿 几个 几回 有没有 没有 是否 是不是 情况 一下 请问 问下 想问 知道 ' +
    '告诉 介绍 如何 为什么 可以 能 能不能 可不可以 要 需要 一些 具体 主要 相关 关于 方面 工作 去年 今年 明年 局里 本局 ' +
    '一般 通常 一下子 不要 要不要 用不用 需不需要 我们 你们 他们 这个 那个 这块 那块 一块 这几年 几年 算不算 算 行不行 行吗 管不管 有用 咋办 要带 带啥 办啥 怎么办 做 干 搞 弄 给 了 吗 呢 啊 吧 的 是 有 在 和 与 我 你 他 这 那 还 都 也 就 ' +
    '完成 年度 一年 全年 一共 总共 多 少 分别 哪 几 个 次 人 回 里 ' +
    // How exact the asker wants it ("大概几千人"), not what about.
    '大概 大约 大致 大体 差不多 左右 估计 约 约莫 粗略 ' +
    // Where it is written ("总结里…"), not what about: every passage is in the summary.
    '总结 总结里 报告 报告里 ' +
    'what how many much is are was were the a an of in on for to and or do does did about which who ' +
    'can could should would will there their your my me i tell please get got'
  ).split(/\s+/),
);

/** "快不快", "算不算", "几场": asking words. */
const ASKING = /^(.)不\1$|^(几|多少|哪|多长|多久|多大)/;

/** A question's word and the official term the glossary reads it as: one term, either counts. */
export interface Translation {
  term: string;
  variant: string;
}

/**
 * A term is a word, or alternatives joined by `|`: "军休服务机构|军休总站" is found in a passage
 * that says either (the report names 军休总站 itself; the glossary's official term covers 军休所).
 */
export const alternativesOf = (term: string): string[] => term.split('|');

/** True when the (normalised) text holds the term or one of its alternatives. */
export const holdsTerm = (haystack: string, term: string): boolean =>
  alternativesOf(term).some((alt) => haystack.includes(alt));

/**
 * The terms of a question that carry its meaning. A word the glossary translated (当兵 → 服役)
 * stands with its official term as one term with two alternatives; official terms the question
 * writes as such stand alone.
 */
export function contentTerms(question: string, translations: readonly Translation[] = []): string[] {
  const englishOnly = !/[\u3400-\u9fff]/.test(question);
  const variants = translations.filter((t) => t.variant !== t.term).map((t) => t.variant);
  const replaced = (w: string) => variants.some((v) => v.includes(w));
  // "1000来座": a number the asker only heard roughly finds passages holding that number, not the topic.
  const rough = new Set([...question.matchAll(/(\d+)(?:来|多|余)/g)].map((m) => m[1]));
  const own = segment(question).words.filter(
    (w) =>
      !QUESTION_WORDS.has(w) &&
      !ASKING.test(w) &&
      !replaced(w) &&
      !rough.has(w) &&
      (w.length >= 2 || /^\d+$/.test(w)),
  );
  // An English question's own words never occur in Chinese documents; only its translations count.
  const kept = englishOnly ? own.filter((w) => /\d/.test(w)) : own;
  const official = [...new Set(translations.map((t) => normaliseForMatch(t.term)))].map((term) => {
    // "军休" matched inside "军休干部" as written is no alternative: it would find every 军休所.
    const chinese = translations
      .map((t) => ({ official: normaliseForMatch(t.term), variant: normaliseForMatch(t.variant) }))
      .filter(
        ({ official, variant }) =>
          official === term && !official.includes(variant) && /[\u3400-\u9fff]/.test(variant),
      )
      .map(({ variant }) => variant);
    return [term, ...new Set(chinese)].join('|');
  });
  return [...new Set([...kept, ...official])].filter((w) => !/^20\d\d$/.test(w));
}

/** How much a term says: rare terms (and terms the documents never use) weigh more. */
export interface TermWeight {
  (term: string): number;
  /** True when no chunk holds the term at all. */
  unseen(term: string): boolean;
}

/**
 * Inverse document frequency over the chunks, computed per term on first use. A term no chunk
 * holds gets the highest weight: a question whose key word the documents never use is likely not
 * answered by them.
 */
export function createTermWeight(texts: readonly string[]): TermWeight {
  // Normalised on the first weighed term: a one-shot answer that weighs none does not pay for it.
  let haystacks: string[] | undefined;
  const cache = new Map<string, number>();
  const df = (term: string): number => {
    let count = cache.get(term);
    if (count === undefined) {
      haystacks ??= texts.map(normaliseForMatch);
      count = haystacks.reduce((n, text) => n + (holdsTerm(text, term) ? 1 : 0), 0);
      cache.set(term, count);
    }
    return count;
  };
  const weight = (term: string) => Math.log(1 + texts.length / (1 + df(term)));
  return Object.assign(weight, { unseen: (term: string) => df(term) === 0 });
}

const uniform: TermWeight = Object.assign(() => 1, { unseen: () => false });

/**
 * Weighted share of the question's terms that occur in the text (0..1). A longer term that is not
 * found whole earns half when a two-character piece of it is there (烈士幕 → 烈士: a typo, a variant).
 */
export function coverage(terms: readonly string[], text: string, weight: TermWeight = uniform): number {
  if (terms.length === 0) return 0;
  const haystack = normaliseForMatch(text);
  let found = 0;
  let total = 0;
  for (const term of terms) {
    const w = weight(term);
    total += w;
    if (holdsTerm(haystack, term)) found += w;
    else if (
      alternativesOf(term).some(
        (alt) =>
          alt.length >= 3 && /[\u3400-\u9fff]/.test(alt) && pieces(alt).some((p) => haystack.includes(p)),
      )
    )
      found += w / 2;
  }
  return total === 0 ? 0 : found / total;
}

const pieces = (term: string): string[] =>
  Array.from({ length: term.length - 1 }, (_, i) => term.slice(i, i + 2));
