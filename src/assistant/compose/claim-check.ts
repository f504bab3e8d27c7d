import type { KnowledgeBase } from '../../knowledge/types.js';
import { findNumbers } from '../../knowledge/numbers.js';
import type { Language } from '../answer.js';
import { uniqueCitations, type CiteQuote } from './cite.js';
import { draft, type Draft } from './draft.js';

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
  /(?:报告|总结|稿子|稿件|材料|文章|脚本|片子)(?:里|中|上)?(?:说|写|称|提到)(?:的是)?[：:]?([^，,。？?“”]{8,40})[，,]/;
/** Asks whether the report says so, or what it says instead. */
const CHECKS =
  /(是这么|是这样)(写|表述|说)|原文|对(吗|不对|得上)|准确(吗|不)|(是不是|有没有)(写错|错了|这么)|写错|核对|报告里是|总结里是|报告(里|中)?(定的|写的)?是(多少|几)|\b(is (this|that|it) (right|correct|accurate)|does the report say|what does the report (actually )?say)\b/i;
/** Share of the claim's character pairs the report's wording must hold to be the claimed passage. */
const ALIKE = 0.5;
const MAX_CLAUSES = 3;

const pairs = (text: string): string[] => {
  const chars = Array.from(text.replace(/％/g, '%').replace(/[^\p{L}\p{N}%]/gu, ''));
  return chars.slice(0, -1).map((ch, i) => `${ch}${chars[i + 1]}`);
};

/** Share of the claim's character pairs found in `text`. */
function heldShare(claim: string, text: string): number {
  const claimed = pairs(claim);
  const held = new Set(pairs(text));
  return claimed.length === 0 ? 0 : claimed.filter((p) => held.has(p)).length / claimed.length;
}

interface Wording {
  doc: string;
  text: string;
  share: number;
}

/** The run of one to three clauses of a report that words the claim most alike. */
function mostAlike(claim: string, kb: KnowledgeBase): Wording | undefined {
  let best: Wording | undefined;
  for (const doc of kb.documents.filter((d) => d.kind === 'report' || d.kind === 'other')) {
    for (const sentence of doc.text.split(/[。\n]/)) {
      const clauses = sentence.split(/[，；]/).filter((c) => c.trim().length > 0);
      for (let i = 0; i < clauses.length; i++)
        for (let n = 1; n <= MAX_CLAUSES && i + n <= clauses.length; n++) {
          const text = clauses
            .slice(i, i + n)
            .join('，')
            .trim();
          // Shorter runs win ties: the claim's own clause, not its neighbours.
          const share = heldShare(claim, text) - n * 0.01;
          if (!best || share > best.share) best = { doc: doc.id, text, share };
        }
    }
  }
  return best && best.share >= ALIKE ? best : undefined;
}

export function composeClaimCheck(
  question: string,
  kb: KnowledgeBase,
  language: Language,
  cite: CiteQuote,
): Draft | undefined {
  const claim = QUOTED_CLAIM.exec(question)?.[1] ?? TOLD_CLAIM.exec(question)?.[1];
  if (!claim || !CHECKS.test(question)) return undefined;
  const found = mostAlike(claim, kb);
  if (!found) return undefined;
  const citation = cite(found.doc, found.text);
  if (!citation) return undefined;
  // Numbers the claim states that the report's wording does not (10家 where it says 9家).
  const stated = findNumbers(found.text).map((m) => m.raw);
  const differing = findNumbers(claim)
    .map((m) => m.raw)
    .filter((raw) => !stated.includes(raw) && !found.text.includes(raw));
  const zh = language === 'zh';
  const lines = [
    zh ? `总结原文是这样写的：“${found.text}”` : `The report words it this way (in Chinese): “${found.text}”`,
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
