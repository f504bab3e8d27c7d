import type { KnowledgeBase } from '../../knowledge/types.js';
import { findNumbers } from '../../knowledge/numbers.js';
import type { Language } from '../answer.js';
import { uniqueCitations, type CiteQuote } from './cite.js';
import { draft, type Draft } from './draft.js';
import { heldShare } from './char-pairs.js';

/**
 * "稿子写“为全市10家企业发放奖补资金”，数字对吗？": a journalist or an auditor quotes a claim and
 * asks whether the report says so. The claim is found where the report words it most alike (a
 * stray word, unit or number changed still leaves most of its characters), and the answer is the
 * report's own wording, with the numbers that differ said plainly. A claim the report words nowhere
 * alike is left to the other composers.
 */

/** A quoted claim: long enough to be a statement, not a name ("返乡第一课"). */
const QUOTED_CLAIM = /[“"]([^”"]{8,60})[”"]/;
/** "报告说移交安置工作在省考中排名全省第一，原文是…": a claim told without quotes. */
const TOLD_CLAIM =
  /(?:报告|总结|稿子|稿件|材料|文章|脚本|片子)(?:里|中|上)?(?:说|写|称|提到)(?:的是)?[：:]?([^，,。？?]{8,40})[，,]/;
/** Asks whether the report says so, or what it says instead. */
const CHECKS =
  /(是这么|是这样)(写|表述|说)|原文|对(吗|不对|得上)|准确(吗|不)|(是不是|有没有)(写错|错了|这么)|写错|核对|报告里是|总结里是|报告(里|中)?(定的|写的)?是(多少|几)|\b(is (this|that|it) (right|correct|accurate)|does the report say|what does the report (actually )?say)\b/i;
/** Share of the claim's character pairs the report's wording must hold to be the claimed passage. */
const ALIKE = 0.45;
const MAX_CLAUSES = 3;

interface Wording {
  doc: string;
  /** The first-level heading the wording is under. */
  heading: string;
  text: string;
  share: number;
}

/** Runs of one to three clauses of the reports that word the claim alike, most alike first. */
function alikeWordings(claim: string, kb: KnowledgeBase): Wording[] {
  const found: Wording[] = [];
  for (const doc of kb.documents.filter((d) => d.kind === 'report' || d.kind === 'other')) {
    let heading = '';
    for (const line of doc.text.split('\n')) {
      // The part of the report a line is in ("三、2023年工作打算"): its plan or its record.
      if (/^[一二三四五六七八九十]+、/.test(line.trim())) heading = line.trim();
      for (const sentence of line.split('。')) {
        const clauses = sentence.split(/[，；]/).filter((c) => c.trim().length > 0);
        for (let i = 0; i < clauses.length; i++)
          for (let n = 1; n <= MAX_CLAUSES && i + n <= clauses.length; n++) {
            const text = clauses
              .slice(i, i + n)
              .join('，')
              .trim();
            // Shorter runs win ties: the claim's own clause, not its neighbours.
            const share = heldShare(claim, text) - n * 0.001;
            if (share >= ALIKE) found.push({ doc: doc.id, heading, text, share });
          }
      }
    }
  }
  return found.sort((a, b) => b.share - a.share);
}

/** A year written in a claim or a heading ("2022年…", "三、2023年工作打算"). */
const YEAR = /(19|20)\d\d(?=年)/g;

export function composeClaimCheck(
  question: string,
  kb: KnowledgeBase,
  language: Language,
  cite: CiteQuote,
): Draft | undefined {
  const claim = QUOTED_CLAIM.exec(question)?.[1] ?? TOLD_CLAIM.exec(question)?.[1];
  if (!claim || !CHECKS.test(question)) return undefined;
  // The year a claim names places it: the report's sentences rarely repeat it, but a wording under
  // a heading of another year (三、2023年工作打算 for a claim about 2022) is not the claim's.
  const claimYears: string[] = claim.match(YEAR) ?? [];
  const otherYear = (heading: string) =>
    claimYears.length > 0 && (heading.match(YEAR) ?? []).some((y) => !claimYears.includes(y));
  const cited = alikeWordings(claim.replace(/(19|20)\d\d年度?/g, ''), kb)
    .filter((w) => !otherYear(w.heading))
    .map((w) => ({ found: w, citation: cite(w.doc, w.text) }))
    .find((c) => c.citation !== undefined);
  if (!cited?.citation) return undefined;
  const { found, citation } = cited;
  const where = citation.section
    ? language === 'zh'
      ? `「${citation.section}」`
      : ` (${citation.section})`
    : '';
  // Numbers the claim states that the report's wording does not (10家 where it says 9家).
  const halfWidth = (text: string) => text.replace(/％/g, '%');
  const stated = findNumbers(found.text).map((m) => halfWidth(m.raw));
  // The year a claim names ("2022年…") places it; the report's year is its own.
  const differing = findNumbers(claim)
    .map((m) => m.raw)
    .filter((raw) => !/^(19|20)\d\d年?$/.test(raw))
    .filter((raw) => !stated.includes(halfWidth(raw)) && !halfWidth(found.text).includes(halfWidth(raw)));
  const zh = language === 'zh';
  const lines = [
    zh
      ? `总结原文${where}是这样写的：“${found.text}”`
      : `The report${where} words it this way (in Chinese): “${found.text}”`,
  ];
  if (differing.length > 0)
    lines.push(
      zh
        ? `与您引用的说法不一致：总结里没有“${differing.join('、')}”这个数字，以原文为准。`
        : `This differs from the quoted claim: the report does not give ${differing.join(', ')}; the report's own wording stands.`,
    );
  return draft('answered', lines.join('\n'), {
    citations: uniqueCitations([citation]),
    topic: citation.section.split(' › ')[0] ?? '',
  });
}
