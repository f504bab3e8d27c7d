import { isAskedUnit } from '../understand/asked-units.js';
import { findNumbers } from '../../knowledge/numbers.js';
import { normaliseForMatch } from '../../knowledge/normalise.js';
import { holdsTerm, type TermWeight } from './relevance.js';
import { subWords } from '../../retrieval/nouns.js';

/**
 * Signs that the documents do not hold the answer, checked before a passage is offered: an
 * extractive assistant must say "not found" rather than quote something merely nearby.
 */

/** A count stated as nothing happened: 零记录, 零发生, 零事故. */
export const ZERO_RECORD = /零(记录|发生|事故|差错|投诉|伤亡|失误|上访|非访)/;
const COUNTING_UNITS = ['起', '次', '件', '例', '个', '人', '回'];

/** True when the text states (or masks) a number in the asked unit. */

export function holdsNumberIn(
  text: string,
  unit: RegExp,
  options: { disclosed?: boolean; fullScoreAnswers?: boolean } = {},
): boolean {
  // A full score (满分) is a score even without digits, unless the asker already has it and asks
  // how many points that is ("满分具体是多少分").
  if (unit.test('分') && text.includes('满分') && options.fullScoreAnswers !== false) return true;
  // "赴省进京非访…保持零记录": none happened, a count of zero in whatever was counted.
  if (ZERO_RECORD.test(text) && COUNTING_UNITS.some((u) => unit.test(u))) return true;
  // `disclosed`: a masked number ("全市**名") does not count.
  return findNumbers(text).some((m) => (!options.disclosed || m.value !== null) && isAskedUnit(unit, m.unit));
}

/** Nouns that name no subject of their own ("什么时候", "局里", "回家"). */
const VAGUE_NOUNS = new Set(
  '检查一下 核实一下 核对一下 确认一下 查一下 准确 确切 准数 多次 那阵子 这阵子 那会儿 那段时间 那时候 那次 局机关 机关 本年度 上一年度 上年度 名次 位次 档次 档位 人数 名额 数量 数字 个数 次数 时候 时间 事情 东西 地方 家里 回家 局里 本局 专门 情况 问题 办法 事儿 样子 好不好 怎么回事 手续 大家 咱们 我们 牌子 那件事 这件事 那个事 这个事 那事 这事 那块 这块 摊子 那摊子 这摊子 活儿 那活 这活 层面 方面 这方面 那方面 是不是 对不对 是吧 对吧 有没有 全称 名称 简称 小伙子 小伙 大伙 大伙儿 老家 回老家 百分比 百分率 占比 比重'.split(
    ' ',
  ),
);

/** "那件事", "活儿": a noun that points at something without naming it. */
export const isVagueNoun = (noun: string): boolean => VAGUE_NOUNS.has(noun);

/**
 * A noun of the question occurs in no document, nor do its parts, and the best passage doesn't
 * even hold its characters close together: "局长叫什么名字" (名字), "退伍费交个人所得税吗"
 * (所得税), "买车有补贴吗" (买车). Words the glossary translated are exempt: their official term
 * stands for them; so are compounds of known words (干部作风 = 干部 + 作风).
 */
export function focusTermMissing(
  nouns: readonly string[],
  exempt: readonly string[],
  weight: TermWeight,
  bestPassage: string | undefined,
  question = '',
): boolean {
  const haystack = normaliseForMatch(bestPassage ?? '');
  // "承诺书签了几份" cut as 承诺/书签: a noun that starts inside a known term is no word of its own.
  const straddles = (noun: string) =>
    exempt.some((e) => e.length >= 2 && e.endsWith(noun[0] ?? '') && question.includes(e + noun.slice(1)));
  return nouns.some(
    (noun) =>
      !VAGUE_NOUNS.has(noun) &&
      !straddles(noun) &&
      !levelNamedInPassage(noun, haystack) &&
      !/^(多|几|哪|什么)/.test(noun) &&
      !exempt.some((e) => e.includes(noun) || noun.includes(e)) &&
      weight.unseen(noun) &&
      !madeOfKnownWords(noun, weight) &&
      !charactersClose(noun, haystack),
  );
}

/** "县里的军休所": 县里 is the county level, named in a passage about "**县军休所". */
const levelNamedInPassage = (noun: string, passage: string): boolean => {
  const level = /^([省市县区镇乡村])(?:里|上)$/.exec(noun)?.[1];
  return level !== undefined && passage.includes(level);
};

/** 干部作风 = 干部 + 作风, both in the documents; 个人所得税 leaves 税 unexplained. */
function madeOfKnownWords(noun: string, weight: TermWeight): boolean {
  const known = subWords(noun).filter((w) => !weight.unseen(w));
  return Array.from(noun).every((ch) => known.some((w) => w.includes(ch)));
}

/** All characters of `term` within a few characters of each other: 擦碑 in "为墓碑擦拭". */
function charactersClose(term: string, text: string, window = 4): boolean {
  const chars = Array.from(term);
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== chars[0]) continue;
    const around = text.slice(Math.max(0, i - window), i + window + 1);
    if (chars.every((ch) => around.includes(ch))) return true;
  }
  return false;
}

/**
 * The question's heaviest terms (glossary terms included; ties all count) are in the text; with
 * `need: 'one'`, one of them is — for English questions, whose few glossary translations often
 * give several terms of equal weight for one phrase.
 */
export function holdsFocusTerm(
  terms: readonly string[],
  weight: TermWeight,
  text: string,
  need: 'all' | 'one' = 'all',
): boolean {
  // Words no document uses can't be required (focusTermMissing judges those).
  const seen = terms.filter((t) => !weight.unseen(t));
  const heaviest = Math.max(0, ...seen.map((t) => weight(t)));
  const haystack = normaliseForMatch(text);
  const focus = seen.filter((t) => weight(t) >= heaviest * 0.9);
  return need === 'all'
    ? focus.every((t) => holdsTerm(haystack, t))
    : seen.length === 0 || focus.some((t) => holdsTerm(haystack, t));
}

const ASKS_A_NAME = /(叫|是)(什么|啥)(名字|名称)?|(名字|名称)(是|叫)(什么|啥)/;

/**
 * "品牌叫什么名字": the name is what is asked for, not a subject the documents must name, when
 * the passage gives a quoted name right beside a noun of the question (打造“…”党建品牌).
 */
export function askedNotSubject(question: string, nouns: readonly string[], passage = ''): string[] {
  if (!ASKS_A_NAME.test(question)) return [];
  const named = nouns.some((noun) => {
    const word = noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return (
      !/^(名字|名称)$/.test(noun) &&
      new RegExp(`”[^，。；“]{0,4}${word}|${word}[^，。；”]{0,4}“`).test(passage)
    );
  });
  return named ? ['名字', '名称'] : [];
}
