import type { SessionTurn } from '../ports.js';

/**
 * Turns a follow-up ("那2022年呢？", "慰问金呢？", "what about 2022?") into a standalone question by
 * carrying over what the previous turn was about: its indicator when the new question names only a
 * year, its year when the new question names only an indicator, its topic otherwise.
 *
 * A message is a follow-up by meaning, not by length: one that names a subject of its own (an
 * entitlement, a benefits term, a topic of the documents) is a new question however short
 * ("老兵", "我退伍了能领什么钱？"); one that names only a year, an aspect or nothing ("那2023年呢",
 * "要带什么材料", "还有呢") takes its subject from the previous turn.
 */
export interface FollowUpInput {
  text: string;
  metricId: string | undefined;
  years: number[];
  previous: SessionTurn | undefined;
  /** The message names a subject other than an indicator (an entitlement card, a glossary term). */
  ownSubject?: boolean;
}

export interface FollowUpResult {
  isFollowUp: boolean;
  /** The question as it should be understood on its own. */
  resolvedText: string;
  metricId: string | undefined;
  years: number[];
}

const FOLLOW_UP_MARKER =
  /^(那|那么|那个|还有|另外|再问|and\b|what about|how about|same for)|呢\s*[？?]?\s*$|还差|实际(完成|达到)?(了)?多少|同比|比上一?年|and the actual|how far/i;
/** Very short questions ("2021年？", "and 2022?") only make sense in context. */
const VERY_SHORT = 10;

const looksLikeFollowUp = (text: string): boolean =>
  FOLLOW_UP_MARKER.test(text.trim()) || text.trim().length <= VERY_SHORT;

export function resolveFollowUp(input: FollowUpInput): FollowUpResult {
  const { text, previous } = input;
  const unchanged = { isFollowUp: false, resolvedText: text, metricId: input.metricId, years: input.years };
  if (!previous || !looksLikeFollowUp(text)) return unchanged;
  // A subject of its own makes a new question, unless it is an indicator named without a year
  // ("慰问金呢？" after a 2022 figure keeps the year).
  if (input.ownSubject && !input.metricId) return unchanged;

  if (!input.metricId && previous.metricId) {
    return {
      isFollowUp: true,
      resolvedText: `${previous.resolvedQuestion} ${text}`,
      metricId: previous.metricId,
      years: input.years.length > 0 ? input.years : previous.year === undefined ? [] : [previous.year],
    };
  }
  if (input.metricId && input.years.length === 0 && previous.year !== undefined) {
    return { isFollowUp: true, resolvedText: text, metricId: input.metricId, years: [previous.year] };
  }
  if (!input.metricId && text.length <= 16) {
    return {
      isFollowUp: true,
      resolvedText: `${previous.resolvedQuestion} ${text}`,
      metricId: undefined,
      years: input.years,
    };
  }
  return unchanged;
}
