import type { ExtractedFigure } from '../../knowledge/types.js';
import { normaliseForMatch } from '../../knowledge/normalise.js';
import { segment } from '../../retrieval/tokenizer.js';
import type { TermWeight } from './relevance.js';

/**
 * Whether a figure's subject is what the question names: the words of the subject the asker uses,
 * and how a shared head word is qualified.
 */

/** Words of a figure's subject that name nothing of their own: the whole report is about them. */
/** Below this weight a word is in most of the report (退役军人 ≈ 1.0, 工作): it names no kind. */
export const GENERAL_WEIGHT = 1.5;

/** The figure's subject names a kind of its own (最美 of 最美退役军人) besides the general words. */
export const narrowerSubject = (subject: string, weight: TermWeight): boolean =>
  segment(subject).words.some(
    (w) =>
      Array.from(w).length >= 2 &&
      /[\u3400-\u9fff]/.test(w) &&
      !GENERIC_SUBJECT_WORDS.has(w) &&
      weight(w) >= GENERAL_WEIGHT,
  );

const GENERIC_SUBJECT_WORDS = new Set(['退役军人', '全市', '全局', '我局', '工作', '人员', '年度', '全年']);

/**
 * "未公开" says the asked figure exists but is masked: the question must name something of the
 * masked figure's subject besides the words every figure shares. "2022年安置了多少名退役军人" names
 * 安置 of “退役军人安置任务”; "全市现在一共有多少退役军人" names nothing of it but 退役军人 (the
 * report never gives the city's total), and "在编工作人员有多少" nothing of “科级干部”.
 */
export function namesSubjectOf(f: ExtractedFigure, askedText: string, weight: TermWeight): boolean {
  const asked = normaliseForMatch(askedText);
  const words = withSingleCharactersJoined(segment(f.subject).words).filter(
    (w) =>
      Array.from(w).length >= 2 &&
      /[\u3400-\u9fff]/.test(w) &&
      ![...GENERIC_SUBJECT_WORDS].some((generic) => generic.includes(w)),
  );
  return (
    words.length === 0 || words.some((w) => asked.includes(w) && !qualifiedOtherwise(w, asked, f, weight))
  );
}

/**
 * A word the tokenizer does not know comes out as single characters (奖补资金 → 奖 补 资金): joined
 * again, they name the subject as the report writes it (奖补).
 */
function withSingleCharactersJoined(words: readonly string[]): string[] {
  const joined: string[] = [];
  let run = '';
  for (const w of words) {
    if (/^[\u3400-\u9fff]$/.test(w)) {
      run += w;
      continue;
    }
    if (run) joined.push(run);
    run = '';
    joined.push(w);
  }
  if (run) joined.push(run);
  return joined;
}

/**
 * "优抚资金发放了多少" of “奖补资金**万元”: the shared head word (资金) with a qualifier the figure's
 * sentence does not have names another subject.
 */
function qualifiedOtherwise(word: string, asked: string, f: ExtractedFigure, weight: TermWeight): boolean {
  const words = segment(asked).words;
  const at = words.indexOf(word);
  // The word right before the head, when the documents use it (优抚, not 上门来 of "上门来咨询").
  const qualifier = at > 0 ? words[at - 1] : undefined;
  return (
    qualifier !== undefined &&
    Array.from(qualifier).length >= 2 &&
    /^[\u3400-\u9fff]+$/.test(qualifier) &&
    !weight.unseen(qualifier) &&
    !f.subject.startsWith(word) &&
    !normaliseForMatch(f.quote).includes(qualifier)
  );
}
