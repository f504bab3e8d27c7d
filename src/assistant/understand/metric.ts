import { unitFit } from './asked-units.js';
import type { Kpi } from '../../knowledge/types.js';
import { normaliseForMatch } from '../../knowledge/normalise.js';
import { segment } from '../../retrieval/tokenizer.js';

/**
 * Finds the curated indicator a question is about. Each indicator "explains" the question's
 * content words that occur in its names and aliases; the one that explains the most wins, a whole
 * alias in the question adds a bonus, and a unit the question asks for (多少钱, 几家, 几座…) must
 * fit the indicator's unit. Words every indicator shares (退役军人, 工作, 全市) and words that only
 * say how something is asked (多少, 了) explain nothing.
 */
export interface MetricMatch {
  kpi: Kpi;
  score: number;
}

const GENERIC = new Set(
  (
    '退役 军人 退役军人 退伍军人 退伍 老兵 干部 人次 工作 全市 全省 我局 局里 本局 市 年度 一共 总共 总数 数量 人数 数 情况 开展 完成 目标 实际 ' +
    '多少 几 了 的 吗 呢 啊 是 有 什么 怎么 哪些 哪 个 去年 今年 明年 达到 达 到 为 给 发 没 没有 ' +
    'how many much what was were is are the of in for and to a an veteran bureau number rate total year did do does get got ' +
    'who work key all that with by from our your its their there which when where ' +
    'target actual last this 2022 2023 ' +
    'receive received receives pay paid give given gave have has had will would can could must should ' +
    'after before under over him her his them they we us about much many'
  ).split(/\s+/),
);

/** Single characters that carry no subject. */
const FUNCTION_CHAR =
  /^[了的吗呢啊吧是有在和与也都就还又才把被给让向从到对为以及或而但多少几个些么啥谁哪怎样去来上下里中年月日次人名]$/;

/** "几场", "多少次", "快不快": how a number is asked for, never what it is about. */
const ASKING = /^(几|多少|哪)|^(.)不\2$/;

const MIN_EXPLAINED_SHARE = 0.34;
const MIN_EXPLAINED_SHARE_EN = 0.3;

export function findMetric(question: string, kpis: readonly Kpi[]): MetricMatch | undefined {
  const q = normaliseForMatch(question);
  const sequence = segment(q).words;
  const words = [...new Set(sequence)].filter(
    (w) =>
      !GENERIC.has(w) &&
      !ASKING.test(w) &&
      (w.length >= 2 || /[a-z\u3400-\u9fff]/.test(w)) &&
      !FUNCTION_CHAR.test(w),
  );
  // The share counts the Chinese words of a Chinese question; an English question's own words
  // count too ("How many years must a sergeant serve before a job is arranged" is not the
  // employment-rate indicator because its aliases say "job").
  const chinese = words.filter((w) => /[\u3400-\u9fff]/.test(w));
  const pool = chinese.length > 0 ? chinese : words.filter((w) => w.length >= 3);
  const total = pool.reduce((sum, w) => sum + weight(w), 0);
  let best: MetricMatch | undefined;
  for (const kpi of kpis) {
    const share = total === 0 ? 1 : explained(pool, kpi) / total;
    // An indicator must account for at least half of what the question is about: "培训补贴" is
    // not the indicator 创业补贴 just because both say 补贴. English says more words around it.
    if (share < (chinese.length > 0 ? MIN_EXPLAINED_SHARE : MIN_EXPLAINED_SHARE_EN)) continue;
    if (qualifiedOtherwise(sequence, kpi)) continue;
    const score = unitFit(q, kpi.unit) * (explained(words, kpi) + wholeAliasBonus(q, kpi));
    if (score > 0 && (!best || score > best.score)) best = { kpi, score };
  }
  return best;
}

/**
 * "优抚资金一共发了多少" is not the indicator 创业奖补资金: the word before the shared head word
 * (资金) qualifies it otherwise, and the indicator's names never use that qualifier.
 */
function qualifiedOtherwise(sequence: readonly string[], kpi: Kpi): boolean {
  const vocabulary = vocabularyOf(kpi);
  const explains = (w: string) => vocabulary.words.has(w) || vocabulary.text.includes(w);
  return sequence.some((head, i) => {
    const qualifier = sequence[i - 1];
    return (
      qualifier !== undefined &&
      /^[\u3400-\u9fff]{2,}$/.test(qualifier) &&
      /^[\u3400-\u9fff]{2,}$/.test(head) &&
      !GENERIC.has(qualifier) &&
      !GENERIC.has(head) &&
      explains(head) &&
      !explains(qualifier) &&
      !vocabulary.text.includes(qualifier + head) &&
      HEAD_NOUNS.test(head)
    );
  });
}

/** Head nouns a qualifier narrows to one kind: 资金, 补贴, 慰问金… */
const HEAD_NOUNS = /^(资金|经费|补贴|补助|奖金|慰问金|奖补|费用|款项)$/;

function explained(words: string[], kpi: Kpi): number {
  const vocabulary = vocabularyOf(kpi);
  return words.reduce(
    (sum, w) => sum + (vocabulary.words.has(w) || vocabulary.text.includes(w) ? weight(w) : 0),
    0,
  );
}

/** Chinese words count by length; an English word like a two- or three-character Chinese one. */
const weight = (w: string): number => {
  if (/[a-z]/.test(w)) return w.length >= 6 ? 15 : 8;
  // A lone character ("迁" in "迁了多少烈士墓") only tips the balance between close indicators.
  return w.length === 1 ? 3 : w.length * 5;
};

function wholeAliasBonus(q: string, kpi: Kpi): number {
  let bonus = 0;
  for (const name of [kpi.nameZh, ...kpi.aliases]) {
    const alias = normaliseForMatch(name);
    if (alias.length >= 2 && /[\u3400-\u9fff]/.test(alias) && q.includes(alias))
      bonus = Math.max(bonus, alias.length * 2.5);
  }
  return bonus;
}

const vocabularies = new WeakMap<Kpi, { words: Set<string>; text: string }>();

function vocabularyOf(kpi: Kpi): { words: Set<string>; text: string } {
  let vocabulary = vocabularies.get(kpi);
  if (!vocabulary) {
    const names = [kpi.nameZh, kpi.nameEn, ...kpi.aliases].map(normaliseForMatch);
    vocabulary = { words: new Set(names.flatMap((n) => segment(n).words)), text: names.join(' | ') };
    vocabularies.set(kpi, vocabulary);
  }
  return vocabulary;
}
