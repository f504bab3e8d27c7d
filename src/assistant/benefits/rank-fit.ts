import type { EntitlementCard } from '../../knowledge/types.js';
import type { Language } from '../answer.js';

/**
 * Officers, sergeants and conscripts are placed differently: the lump-sum discharge pay is for
 * sergeants and conscripts, monthly retirement pay for officers and long-serving sergeants. When
 * the question names one of them and the card is written for the others ("我是军官退下来的，能不能
 * 也领那个一次性退伍费"), the answer says so before the card, instead of leaving the veteran to read
 * the 适用 line against their own case.
 */
type Rank = 'officer' | 'sergeant' | 'conscript';

const RANK_WORDS: Record<Rank, RegExp> = {
  officer: /军官|干部转业|转业干部|(连|营|团|师|旅)(长|职)|\bofficers?\b/i,
  sergeant: /军士|士官|\bsergeants?\b|\bNCOs?\b/i,
  conscript: /义务兵|两年兵|\bconscripts?\b|\bprivates?\b/i,
};

const RANK_NAMES: Record<Rank, { zh: string; en: string; enPlural: string }> = {
  officer: { zh: '军官', en: 'an officer', enPlural: 'officers' },
  sergeant: { zh: '军士（士官）', en: 'a sergeant', enPlural: 'sergeants' },
  conscript: { zh: '义务兵', en: 'a conscript', enPlural: 'conscripts' },
};

const ranksIn = (text: string): Rank[] =>
  (Object.keys(RANK_WORDS) as Rank[]).filter((rank) => RANK_WORDS[rank].test(text));

/** The one rank a question names (none when it names several: "军官和士官有什么区别"). */
function askedRank(question: string): Rank | undefined {
  const ranks = ranksIn(question);
  return ranks.length === 1 ? ranks[0] : undefined;
}

/** A line saying the card is not for the named rank, or undefined when it is (or names none). */
export function rankMismatchLine(
  card: EntitlementCard,
  question: string,
  language: Language,
): string | undefined {
  const rank = askedRank(question);
  const cardRanks = ranksIn(card.who ?? '');
  if (!rank || cardRanks.length === 0 || cardRanks.includes(rank)) return undefined;
  return language === 'zh'
    ? `按您说的（${RANK_NAMES[rank].zh}），这项待遇对您不适用：它适用于${(card.who ?? '').replace(/。$/, '')}。`
    : `From what you say (${RANK_NAMES[rank].en}), this does not apply to you: it is for ${cardRanks
        .map((r) => RANK_NAMES[r].enPlural)
        .join(' and ')}.`;
}

/**
 * The card of the same topic written for the asker's rank, its title naming the rank (退役军官的安置
 * 方式 beside the conscripts' lump sum): the first in the topic's file, where the general card stands.
 */
export function cardForAskedRank(
  lead: EntitlementCard,
  cards: readonly EntitlementCard[],
  question: string,
): EntitlementCard | undefined {
  const rank = askedRank(question);
  if (!rank) return undefined;
  return cards.find((c) => c !== lead && c.topic === lead.topic && RANK_WORDS[rank].test(c.title));
}
