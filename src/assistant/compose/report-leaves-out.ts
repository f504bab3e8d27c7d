/**
 * What a report states about its work and what it leaves out: it counts things it does not name
 * ("全省获得四项表彰的市州仅3个") and states results without their causes. A question for the
 * names or the cause gets that said, with the passage cited, and no card answers instead
 * (`settled`): "安置任务为什么能提前完成" is not answered by the placement-deadline card.
 */
import type { Language } from '../answer.js';
import type { Passage } from '../ports.js';
import type { CiteQuote } from './cite.js';
import { draft, type Draft } from './draft.js';
import { contentTerms } from './relevance.js';

const WHICH_ONES = /([\u4e00-\u9fa5]{2})(?:是|都是|分别是)?哪(?:两|三|四|五|几)(?:个|家|位|项)/;
const ASKS_WHY = /为什么|为啥|什么原因|原因是|啥原因|为何|\bwhy\b|\bwhat (was|were) the reasons?\b/i;
const GIVES_A_CAUSE = /因为|由于|得益于|原因|通过|依靠|因此|所以|在于/;

/** "另外两个市州是哪两个": the clause that counts the asked thing lists no names (no 、 run, no quotes). */
function namesNone(question: string, passage: string): boolean {
  const thing = WHICH_ONES.exec(question)?.[1];
  if (!thing) return false;
  const clause = passage.split(/[，。；]/).find((c) => c.includes(thing));
  return clause !== undefined && !/、|“/.test(clause);
}

/** The refusal for a question the best passage answers only with what the report leaves out. */
export function leftOutOfReport(
  question: string,
  best: Passage | undefined,
  language: Language,
  cite: CiteQuote,
): Draft | undefined {
  if (!best) return undefined;
  const zh = language === 'zh';
  const text = namesNone(question, best.quote)
    ? zh
      ? '总结只写了数量，没有列出具体是哪些，我不作猜测。'
      : "The report gives the number but does not name them, and I won't guess."
    : ASKS_WHY.test(question) && !GIVES_A_CAUSE.test(best.quote)
      ? zh
        ? '总结写了这项工作的结果，没有写原因，我不作猜测。'
        : "The report states the result but not the reasons, and I won't guess."
      : undefined;
  if (!text) return undefined;
  return draft('not_found', text, {
    citations: [cite(best.doc, best.quote)].flatMap((c) => c ?? []),
    settled: true,
  });
}

/** "网上祭扫和实地擦碑加起来一共多少人": two things joined, then a total asked. */
const TOTAL_OF_TWO =
  /([\u4e00-\u9fa5]{2,12})(?:和|与|及|跟|加上)([\u4e00-\u9fa5]{2,12}?)(?:加起来|加在一起|合计|一共|总共|共计)/;

/**
 * A total of two things the report states apart: the answer must rest on a quote that holds both,
 * else the report gives no total (its figure for one of them is not the sum).
 */
export function totalNotGiven(question: string, answer: Draft, language: Language): Draft | undefined {
  const m = TOTAL_OF_TWO.exec(question);
  if (!m || (answer.status !== 'answered' && answer.status !== 'undisclosed') || answer.figures.length === 0)
    return undefined;
  const sides = [m[1] ?? '', m[2] ?? ''].map((side) => contentTerms(side, []));
  const holdsBoth = answer.citations.some((c) =>
    sides.every((terms) => terms.length === 0 || terms.some((t) => c.quote.includes(t))),
  );
  if (holdsBoth) return undefined;
  const text =
    language === 'zh'
      ? '总结分别写了各项，没有给出合计数，我不作猜测；可以分别问每一项。'
      : "The report gives these separately and states no total, and I won't guess; ask about each one.";
  return draft('not_found', text, { settled: true });
}
