import type { Language } from '../answer.js';
import { uniqueCitations } from '../compose/cite.js';
import { draft, type Draft } from '../compose/draft.js';
import { askedAspects } from './aspects.js';
import type { BenefitsContext } from './answer-benefits.js';
import { basisLine, gapLine, statesAmount, statesFee, statesTime } from './card-answer.js';
import type { CardReading } from './match-cards.js';

/**
 * A broad benefits question ("退伍了有什么待遇"): the best few cards of the leading topic, one line
 * each with its basis, and plainly what a detail asked beside it the overview does not state.
 */

/** "退伍了有什么待遇", "看病有啥优待": asks for the entitlements of a topic, not one of them. */
export const BROAD =
  /有(什么|哪些|啥)(待遇|优待|政策|照顾|好处|补贴|补助|扶持|帮扶|保障|福利|优惠)|什么(政策|待遇|优待|好处|福利)|都有(什么|啥|哪些)|能(领|享受|拿)(什么|啥|哪些)|what (benefits|support|help)|which benefits/i;
const MAX_OVERVIEW = 4;
/** Cards within this share of the best score are alternatives for a broad question. */
const CLOSE = 0.75;

/** A broad question: the best few cards of the leading topic, each in one line with its basis. */
export function composeOverview(
  reading: CardReading,
  language: Language,
  ctx: BenefitsContext,
): Draft | undefined {
  const top = reading.matches[0];
  if (!top) return undefined;
  const chosen = reading.matches
    .filter((m) => m.card.topic === top.card.topic && m.score >= top.score * CLOSE)
    .slice(0, MAX_OVERVIEW);
  if (chosen.length < 2) return undefined;
  const zh = language === 'zh';
  const lines = [
    zh ? '主要有这些（每项可单独再问）：' : 'The main ones (ask about any of them for details):',
  ];
  for (const m of chosen) {
    const first = firstSentence(zh ? m.card.answer : m.card.answerEn);
    lines.push(`· ${zh ? m.card.title : m.card.titleEn}：${first}`);
    lines.push(`  ${basisLine(m.card.basis, language)}`);
  }
  const citations = uniqueCitations(
    chosen.flatMap((m) => m.card.basis.map((b) => ctx.articleCitation(b.law, b.article))),
  );
  return {
    ...draft('answered', lines.join('\n'), { citations, topic: top.card.topic }),
    cardIds: chosen.map((m) => m.card.id),
    suggestions: chosen.slice(0, 2).map((m) => (zh ? m.card.question : m.card.titleEn)),
  };
}

/**
 * "创业园区对退伍兵有啥照顾？房租能减多少？": the overview answers the broad part; a part that asks
 * an amount, a fee or a time the overview does not state is said plainly not to be stated.
 */
export function withDetailsNotStated(overview: Draft, reading: CardReading, language: Language): Draft {
  const unstated = reading.clauses
    .filter((c) => c.clause.asks && !BROAD.test(c.clause.text))
    .map((c) => c.clause.text)
    .filter((text) => {
      const asked = askedAspects(text, false);
      return (
        (asked.amount && !statesAmount(overview.answer)) ||
        (asked.fee && !statesFee(overview.answer)) ||
        (asked.when && !statesTime(overview.answer))
      );
    });
  if (unstated.length === 0) return overview;
  const lines = unstated.map((text) => gapLine(text.replace(/[？?。！!]+$/, ''), language));
  return { ...overview, answer: [overview.answer, ...lines].join('\n') };
}

/** The first sentence that says something: a bare verdict (有。 能。 Yes.) is skipped. */
const firstSentence = (text: string): string => {
  const sentences = text.trim().match(/[^。！？!?]+[。！？!?]?|[^.!?]+[.!?]?/g) ?? [text];
  const said = sentences.find((s) => s.replace(/[。！？.!?\s]/g, '').length > 6) ?? sentences[0] ?? text;
  return said.trim();
};
