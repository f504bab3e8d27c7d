import type { EntitlementCard } from '../../knowledge/types.js';
import { namingText, type CardIndex } from '../../retrieval/card-index.js';
import { nounsOf } from '../../retrieval/nouns.js';
import type { Citation, Language } from '../answer.js';
import { draft, type Draft } from '../compose/draft.js';
import { askingText } from '../understand/clauses.js';
import { askedAspects, asksOnlyAnAspect } from './aspects.js';
import { MATCH_PARAMS, SECOND_CARD_MARGIN, type MatchParams } from './calibration.js';
import { unstatedParts, type BeyondTheLaws } from './beyond-the-laws.js';
import { composeCardAnswer, gapLine, statesAmount } from './card-answer.js';
import { cardForAskedRank, rankMismatchLine } from './rank-fit.js';
import { namesOutsideRelative, relationMismatchLine } from './relation-fit.js';
import { disabilityVerdictLine } from './disability-verdict.js';
import { serviceYearsVerdictLine } from './service-years-verdict.js';
import { groupFactor } from './card-groups.js';
import { relatedCardForPart } from './related-part.js';
import { BROAD, composeOverview, withDetailsNotStated } from './broad-answer.js';
import { confidenceFor, missingFocus, readCards, type CardReading } from './match-cards.js';

/**
 * The benefits route: which cards answer a veteran's question, and the answer built from them —
 * one card, two cards for a two-part question, a short list for a broad question, and a plain
 * statement for any asked part no card covers. Returns undefined when no card is a confident match
 * (the caller then tries the reports, or says "not found").
 */

export interface BenefitsContext {
  /** The card index, built on first use (a start that answers nothing should not pay for it). */
  cards: () => CardIndex;
  articleCitation: (law: string, article: number) => Citation | undefined;
  params?: MatchParams;
}

export interface BenefitsQuestion {
  text: string;
  language: Language;
  /** Official terms the glossary found for the question's words. */
  boostTerms: readonly string[];
  /** The question's words the glossary translated into those terms (下士 → 军士). */
  glossedWords?: readonly string[];
  /** Cards the previous answer was built from, for follow-ups ("要带什么材料？"). */
  previousCards?: readonly string[];
}

export interface BenefitsAnswer {
  draft: Draft;
  /** Confidence of the card the answer leads with. */
  confidence: number;
}

/** Above the bar by less than this, a card may match the topic but not the asked specifics. */
const MARGINAL = 0.2;

export function answerBenefits(q: BenefitsQuestion, ctx: BenefitsContext): BenefitsAnswer | undefined {
  const params = ctx.params ?? MATCH_PARAMS;
  const index = ctx.cards();
  const reading = readCards(q.text, q.boostTerms, index, params);
  const top = reading.matches[0];
  const aspects = askedAspects(askingText(reading.clauses.map((c) => c.clause)), hasContext(reading), q.text);
  const byId = (id: string) => index.card(id);

  // "要带什么材料？" after a card answer: the same card, the asked aspect.
  const previous = (q.previousCards ?? []).map(byId).filter((c): c is EntitlementCard => c !== undefined);
  if (previous.length > 0 && asksOnlyAnAspect(q.text)) {
    const d = composeCardAnswer({
      cards: previous.slice(0, 1),
      gaps: [],
      aspects,
      language: q.language,
      articleCitation: ctx.articleCitation,
      card: byId,
    });
    // The conversation names the entitlement: as sure as the previous answer was.
    return { draft: d, confidence: 1 };
  }
  if (!top || top.confidence < params.minConfidence) {
    return undefined;
  }

  // "办信用卡有啥优惠": a broad question about something no card names is not a topic overview.
  // The subject may sit in a clause that tells rather than asks ("退伍兵办信用卡 银行有啥优惠没").
  const namesUnknown =
    missingFocus(q.text, [], q.boostTerms, index, {
      specific: false,
      glossedWords: q.glossedWords ?? [],
    }).length > 0;
  // "烈士的孙子孙女有啥优待": a relative no card is for gets the closest card with that said, not
  // an overview of what others get.
  if (BROAD.test(q.text) && !namesUnknown && !namesOutsideRelative(q.text)) {
    const overview = composeOverview(reading, q.language, ctx);
    if (overview)
      return { draft: withDetailsNotStated(overview, reading, q.language), confidence: top.confidence };
  }

  const cards: EntitlementCard[] = [
    preferStatedAmount(reading, aspects.amount, askingText(reading.clauses.map((c) => c.clause))),
  ];
  const gaps: string[] = [];
  const asking = reading.clauses.filter((c) => c.clause.asks);
  for (const part of asking) {
    // A part is covered by a chosen card that explains it about as well as the part's own best
    // card does ("档案转到哪？户口去哪落？": the files card mentions 户口, the hukou card is about it).
    const ownBest = part.best && asking.length > 1 ? part.best.confidence : 0;
    // The part's own best card already chosen covers it (its confidence with the asker's
    // circumstances is not comparable with confidenceFor's, which reads the clause alone).
    const covered =
      (part.best !== undefined && cards.includes(part.best.card)) ||
      cards.some((card) => {
        const c = confidenceFor(card, part.clause.text, index, params);
        return c >= params.minConfidence && c >= ownBest * params.partCoverShare;
      });
    // A later part may fit a card the lead names as related better than the card it was given.
    const lead = cards[0];
    const relatedFit =
      asking.length > 1 && cards.length < 2 && lead
        ? relatedCardForPart(part, lead, index, params, q, { asking, chosen: cards })
        : undefined;
    if (relatedFit) {
      cards.push(relatedFit);
      continue;
    }
    if (covered || isAspectOnly(part.clause.text)) {
      // The card is about the clause, but the clause may ask for something the card does not say
      // ("退役金要交个人所得税吗"): that part is named as not stated.
      // A confident card answers the clause's specifics too; a marginal one may not.
      // A later part rides on the card the first part chose: its own specifics must be there.
      const specific =
        top.confidence < params.minConfidence + MARGINAL || (asking.length > 1 && part !== asking[0]);
      // The office-hours line already says the hours are not stated (每天几点关门).
      const missing = missingFocus(part.clause.text, cards, q.boostTerms, index, {
        specific,
        glossedWords: q.glossedWords ?? [],
      }).filter((word) => !(aspects.hours && OFFICE_HOURS.test(word)));
      if (missing.length > 0) gaps.push(missing.join('、'));
      continue;
    }
    const own = part.best;
    // A second card must be a clear match on its own: a loose one would answer a question not asked.
    // One the first card names as related needs only an ordinary match ("报到有期限吗？晚了会怎样"
    // → the deadline, then what happens when it is missed).
    const related = own !== undefined && cards.some((card) => card.related.includes(own.card.id));
    const margin = related ? 0 : SECOND_CARD_MARGIN;
    if (asking.length > 1 && own && own.confidence >= params.minConfidence + margin && cards.length < 2) {
      cards.push(own.card);
      // The part's own card may still not say what it names ("学校校服费能免不": no card has 校服).
      const unsaid = missingFocus(part.clause.text, [own.card], q.boostTerms, index, {
        specific: false,
        glossedWords: q.glossedWords ?? [],
      });
      if (unsaid.length > 0) gaps.push(unsaid.join('、'));
      continue;
    }
    // "这样行吗", "是真的吗" lean on the rest of the question; only a part that names something the
    // chosen cards do not say is a gap ("党组织关系又咋转": other cards may mention it, these don't).
    const missing = missingFocus(part.clause.text, cards, q.boostTerms, index, {
      specific: asking.length > 1,
      glossedWords: q.glossedWords ?? [],
    });
    if (missing.length > 0) gaps.push(missing.join('、'));
  }
  // "光荣牌…旧了坏了能不能换个新的", "停的那些能补发吗": parts no card states.
  for (const part of unstatedParts(q.text, cards)) gaps.push(part[q.language]);
  // One question whose asked thing no card states: say so first, then what the card does say.
  const gapFirst = asking.length === 1 && gaps.length > 0;
  // A near-tie is uncertainty: the runner-up is shown briefly rather than guessed away.
  const alsoCard = reading.matches.find(
    (m) =>
      !cards.includes(m.card) &&
      m.score >= (reading.matches[0]?.score ?? 0) * ALSO_SHOWN &&
      m.confidence >= params.minConfidence &&
      !m.card.id.endsWith('-overview'),
  )?.card;
  const lead = cards[0];
  const rankLine = lead && rankMismatchLine(lead, q.text, q.language);
  const caveat =
    rankLine ||
    (lead && relationMismatchLine(lead, q.text, q.language)) ||
    (lead && disabilityVerdictLine(lead, q.text, q.language)) ||
    (lead && serviceYearsVerdictLine(lead, q.text, q.language));
  // The card is not for the asker's rank: the best card that is goes beside it.
  const forTheRank = rankLine && lead ? cardForAskedRank(lead, index.cards, q.text) : undefined;
  const also = forTheRank ?? alsoCard;
  const d = composeCardAnswer({
    cards,
    ...(also && cards.length === 1 && !gapFirst ? { also } : {}),
    gaps,
    gapFirst,
    ...(caveat ? { caveat } : {}),
    aspects,
    language: q.language,
    articleCitation: ctx.articleCitation,
    card: byId,
  });
  return { draft: d, confidence: top.confidence };
}

/** Cards scoring within this share of the best are near-equal alternatives. */
const NEAR_EQUAL = 0.85;
/** A runner-up this close to the best card is shown too, in one line. */
const ALSO_SHOWN = 0.8;

/**
 * "护理费给多少": of near-equal cards, the one that states an amount answers a how-much question
 * (the standard) better than the one that names the entitlement (who gets it).
 */
function preferStatedAmount(reading: CardReading, amountAsked: boolean, askedText: string): EntitlementCard {
  const [top, ...rest] = reading.matches;
  if (!top) throw new Error('preferStatedAmount needs a match');
  if (!amountAsked || statesAmount(top.card.answer)) return top.card;
  // The alternative must be about the asked thing: "抚恤金多少钱" is not answered by the nursing-fee
  // rate, which only mentions 抚恤金 in passing — an asked noun the top card is about, it must be about.
  const about = (card: EntitlementCard) => `${namingText(card)} ${card.answer}`;
  const asked = nounsOf(askedText).filter((noun) => about(top.card).includes(noun));
  // Nor for another group: "参战老兵的补助一个月多少钱" is not answered by the funeral allowance
  // paid after one dies, though it states a number of months.
  const alternative = rest.find(
    (m) =>
      m.score >= top.score * NEAR_EQUAL &&
      statesAmount(m.card.answer) &&
      groupFactor(m.card, askedText) >= 1 &&
      asked.every((noun) => about(m.card).includes(noun)),
  );
  return alternative?.card ?? top.card;
}

const hasContext = (reading: CardReading): boolean => reading.clauses.some((c) => !c.clause.asks);

const OFFICE_HOURS = /^(开门|关门|上班|下班|营业|办公)$/;

/**
 * "要带什么材料", "去哪办", "报到的地方几点上班": a clause that asks only for an aspect of the
 * entitlement already found.
 */
const isAspectOnly = (clause: string): boolean =>
  /^(那|还有|另外|再|请问|想问)?(要|需要|得)?(带|准备)?(什么|啥|哪些)?(材料|证件|证明|手续|资料)|^(去|到|在)?哪(里|儿)?(办|领|申请|交)|^找谁|^(要|需要)?多久|^怎么(办|申请|领)|(几点|什么时候|啥时候)(开门|关门|上班|下班|营业|办公)[吗呢？?]*$/.test(
    clause.trim(),
  );

/**
 * "战友借钱不还，局里能帮我要回来吗": what the laws do not govern is said first, then the card that
 * helps (legal aid) when there is one; "not found", since the question itself is not answered.
 */
export function composeBeyondTheLaws(beyond: BeyondTheLaws, language: Language, ctx: BenefitsContext): Draft {
  const label = language === 'zh' ? beyond.label.zh : beyond.label.en;
  const index = ctx.cards();
  const related = beyond.relatedCard ? index.card(beyond.relatedCard) : undefined;
  if (!related) return draft('not_found', gapLine(label, language));
  return composeCardAnswer({
    cards: [related],
    gaps: [label],
    gapFirst: true,
    aspects: askedAspects('', false),
    language,
    articleCitation: ctx.articleCitation,
    card: (id) => index.card(id),
  });
}
