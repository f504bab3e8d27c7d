import type { EntitlementCard } from '../../knowledge/types.js';
import type { WeightedTerm } from '../../retrieval/bm25.js';
import type { CardIndex } from '../../retrieval/card-index.js';
import { getJieba, segment, tokenize, tokensOf } from '../../retrieval/tokenizer.js';
import { isVerbAndMeasure } from '../../retrieval/nouns.js';
import { splitClauses, type Clause } from '../understand/clauses.js';
import { MATCH_PARAMS, type MatchParams } from './calibration.js';
import { groupFactor } from './card-groups.js';
import { CONTENT_TAGS, VAGUE, wordsTagged } from './named-words.js';
import { articlePosterior, cardPrior } from './article-prior.js';

/**
 * Which entitlement cards a question is about, and how sure that is.
 *
 * Ranking is BM25 over whole cards with the question's words weighted by where they stand: words
 * of the asking clauses fully, words of clauses that describe the asker ("我是…，去年…退伍") less,
 * glossary terms a little less.
 *
 * Confidence is the share of the asked, known words (idf-weighted) the card holds. The asker's
 * circumstances are conditions, not the subject: a circumstance the card mentions raises it, one it
 * does not mention never lowers it. Nouns of an asking clause that no card uses ("个税", "利率")
 * lower it — they are likely what is asked, and no card answers them — and so, a little, do other
 * unknown words of asking clauses (a question made mostly of them is about nothing a card covers).
 * A two-part question is as answerable as its best part; the other part is read on its own.
 */

export interface CardMatch {
  card: EntitlementCard;
  score: number;
  /** 0..1: how much of the question the card explains (see the module comment). */
  confidence: number;
}

export interface ClauseReading {
  clause: Clause;
  /** The best card for this asking clause (with the question's circumstances). */
  best: CardMatch | undefined;
  /** Nouns of the clause that no card uses. */
  unknownNouns: string[];
}

export interface CardReading {
  /** One reading per clause; only asking clauses have a `best`. */
  clauses: ClauseReading[];
  /** Cards for the whole question, best first. */
  matches: CardMatch[];
  /** Nouns of the asking clauses no card uses. */
  unknownNouns: string[];
}

const CANDIDATES = 8;
/** Share of the question's known words a part must carry to stand for the question. */
const SUBSTANTIAL_PART = 0.4;
/** Weight of an earlier asking part's words when a later part is read (see toQuery). */
const EARLIER_PART_WEIGHT = 0.3;

/** A question's words as the matcher weighs them. */
interface Query {
  /** Asking clauses' tokens (weight 1) and glossary terms. */
  asked: WeightedTerm[];
  /** Circumstance clauses' tokens. */
  context: WeightedTerm[];
  unknownNouns: string[];
}

export function readCards(
  question: string,
  boostTerms: readonly string[],
  index: CardIndex,
  params: MatchParams = MATCH_PARAMS,
): CardReading {
  const clauses = splitClauses(question);
  const asking = clauses.filter((c) => c.asks);
  const context = clauses.filter((c) => !c.asks);
  const whole = toQuery(asking, context, boostTerms, index, params);
  const wholeMass = knownMass(whole, index);
  const readings = clauses.map((clause) => {
    if (!clause.asks)
      return { clause, best: undefined, unknownNouns: [], substantial: false, alone: undefined };
    const alone = toQuery([clause], context, [], index, params);
    // "给多少" alone matches anything with 多少: only a part that carries much of the question counts.
    const substantial = knownMass(alone, index) >= wholeMass * SUBSTANTIAL_PART;
    const earlier = asking.slice(0, asking.indexOf(clause));
    const own = earlier.length > 0 ? toQuery([clause], context, [], index, params, earlier) : alone;
    // The borrowed words help choose the card, not say how sure it is: that is the part's own.
    const prior = articlePosterior(clause.text);
    const chosen = rank(own, index, params, question, prior)[0];
    const best = chosen && { ...chosen, confidence: confidenceOf(chosen.card, alone, index, params) };
    // The part stands for the whole question on its own words, not on those it borrowed.
    const aloneBest = own === alone ? best : rank(alone, index, params, question, prior)[0];
    return { clause, best, unknownNouns: own.unknownNouns, substantial, alone: aloneBest };
  });
  const matches = rank(whole, index, params, question, articlePosterior(question));
  // A two-part question is as answerable as its best part.
  const top = matches[0];
  const bestPart = readings.reduce<CardMatch | undefined>(
    (best, r) => (r.substantial && r.alone && r.alone.confidence > (best?.confidence ?? 0) ? r.alone : best),
    undefined,
  );
  if (top && bestPart && bestPart.confidence > top.confidence && asking.length > 1) {
    const rest = matches.filter((m) => m.card !== bestPart.card);
    return {
      clauses: readings.map(withoutFlag),
      matches: [bestPart, ...rest],
      unknownNouns: whole.unknownNouns,
    };
  }
  return { clauses: readings.map(withoutFlag), matches, unknownNouns: whole.unknownNouns };
}

const withoutFlag = ({
  clause,
  best,
  unknownNouns,
}: ClauseReading & { substantial: boolean; alone: CardMatch | undefined }): ClauseReading => ({
  clause,
  best,
  unknownNouns,
});

/** The idf-weighted mass of the asked words some card uses. */
const knownMass = (query: Query, index: CardIndex): number =>
  query.asked.filter((t) => index.df(t.term) > 0).reduce((sum, t) => sum + t.weight * index.idf(t.term), 0);

/** How much of one asking clause a given card explains (the same measure as a match's confidence). */
export function confidenceFor(
  card: EntitlementCard,
  clause: string,
  index: CardIndex,
  params: MatchParams = MATCH_PARAMS,
): number {
  return confidenceOf(card, toQuery([{ text: clause, asks: true }], [], [], index, params), index, params);
}

/**
 * Cards by BM25 score and confidence, weighed by how their group fits the question, how much of
 * the asked words their title holds, and how likely their articles are to be what such questions
 * ask about (see article-prior.ts).
 */
function rank(
  query: Query,
  index: CardIndex,
  params: MatchParams,
  question: string,
  articles: ReadonlyMap<string, number>,
): CardMatch[] {
  const weight = (card: EntitlementCard) =>
    groupFactor(card, question) *
    (1 + TITLE_WEIGHT * titleShare(card, query, index)) *
    (1 + params.articlePriorWeight * cardPrior(card, articles));
  return index
    .search([...query.asked, ...query.context], CANDIDATES)
    .map((hit) => ({ ...hit, confidence: confidenceOf(hit.card, query, index, params) }))
    .map((m) => ({ m, key: m.score * weight(m.card) * (0.5 + m.confidence) }))
    .sort((a, b) => b.key - a.key)
    .map(({ m }) => m);
}

/**
 * A card's title names its entitlement: "退伍了该去哪报到" is about 【退役后到哪报到】 more than
 * about the preferential card whose phrasings also say 报到.
 */
const TITLE_WEIGHT = 0.3;
const titleTokens = new WeakMap<EntitlementCard, Set<string>>();

/** The share of the asked words' weight the card's title holds. */
function titleShare(card: EntitlementCard, query: Query, index: CardIndex): number {
  let tokens = titleTokens.get(card);
  if (!tokens) {
    tokens = new Set(tokenize(card.title));
    titleTokens.set(card, tokens);
  }
  const known = query.asked.filter((t) => index.df(t.term) > 0);
  const total = known.reduce((sum, t) => sum + t.weight * index.idf(t.term), 0);
  const held = known
    .filter((t) => tokens.has(t.term))
    .reduce((sum, t) => sum + t.weight * index.idf(t.term), 0);
  return total === 0 ? 0 : held / total;
}

function confidenceOf(card: EntitlementCard, query: Query, index: CardIndex, params: MatchParams): number {
  const mass = (terms: readonly WeightedTerm[]) =>
    terms.reduce((sum, t) => sum + t.weight * index.idf(t.term), 0);
  const known = query.asked.filter((t) => index.df(t.term) > 0);
  const heldAsked = mass(known.filter((t) => index.holds(card, t.term)));
  const heldContext = mass(query.context.filter((t) => index.holds(card, t.term)));
  const rarest = index.idf('\u0000');
  // English function words ("does", "when") are not content the cards lack; Chinese tokens are.
  const unknownTokens = query.asked.filter(
    (t) => t.weight >= params.glossaryWeight && index.df(t.term) === 0 && /[\u3400-\u9fff]/.test(t.term),
  ).length;
  const penalty =
    rarest *
    (query.unknownNouns.length * params.unknownNounWeight + unknownTokens * params.unknownTokenWeight);
  const total = mass(known) + heldContext + penalty;
  return total === 0 ? 0 : (heldAsked + heldContext) / total;
}

function toQuery(
  asking: readonly Clause[],
  context: readonly Clause[],
  boostTerms: readonly string[],
  index: CardIndex,
  params: MatchParams,
  earlierParts: readonly Clause[] = [],
): Query {
  const asked = weighTokens(
    asking.map((c) => c.text),
    1,
    params,
  );
  for (const term of boostTerms)
    for (const token of tokenize(term)) {
      if (!asked.some((t) => t.term === token)) asked.push({ term: token, weight: params.glossaryWeight });
    }
  const contextTerms = weighTokens(
    context.map((c) => c.text),
    params.contextWeight,
    params,
  ).filter((term) => !asked.some((t) => t.term === term.term));
  // "烈士褒扬金发给谁？是按啥标准给的？": a later part is read with what the parts before it
  // name, more lightly than its own words, so a part that leans on them finds their topic.
  for (const term of weighTokens(
    earlierParts.map((c) => c.text),
    params.contextWeight * EARLIER_PART_WEIGHT,
    params,
  )) {
    if (!asked.some((t) => t.term === term.term) && !contextTerms.some((t) => t.term === term.term))
      contextTerms.push(term);
  }
  return {
    asked,
    context: contextTerms,
    unknownNouns: asking.flatMap((c) => unknownNounsOf(c.text, index)),
  };
}

/** Tokens that say how something is asked (去哪, 怎么, 多少), not what about. */
const ASKING_FORM =
  /[哪啥谁吗呢嘛]|什么|怎|咋|多少|几|多长|多久|^长时$|^时间$|能不能|是不是|可不可|要不要|\b(what|how|where|when|who|which|why)\b/i;

/**
 * Dictionary words at full weight; character bigrams that are not words (兵的, 过兵) only catch
 * variants and typos, so they count `bigramWeight` as much; tokens of the asking form
 * ("户口去哪落": 去哪, 哪落) count `formWeight` as much — the aspect asked is read separately.
 */
function weighTokens(texts: readonly string[], weight: number, params: MatchParams): WeightedTerm[] {
  const weights = new Map<string, number>();
  for (const text of texts) {
    const segmented = segment(text);
    const words = new Set(segmented.words);
    for (const token of tokensOf(segmented)) {
      const base = words.has(token) ? weight : weight * params.bigramWeight;
      const w = ASKING_FORM.test(token) ? base * params.formWeight : base;
      weights.set(token, Math.max(weights.get(token) ?? 0, w));
    }
  }
  return [...weights].map(([term, w]) => ({ term, weight: w }));
}

const NAMING_TAGS = new Set(['n', 'nz', 'nt']);

/** A word held by fewer than this share of cards is specific: a card that lacks it does not answer it. */
const SPECIFIC_SHARE = 0.05;

/**
 * The things a clause asks about that none of the chosen cards mention: nouns no card uses
 * ("公积金"), and with `specific`, nouns only a few cards use and these do not ("个人所得税" on the
 * retirement-pay card). A noun the glossary translates is covered by its official term.
 */
export function missingFocus(
  clause: string,
  cards: readonly EntitlementCard[],
  boostTerms: readonly string[],
  index: CardIndex,
  options: { specific: boolean; glossedWords?: readonly string[] } = { specific: false },
): string[] {
  const glossedWords = options.glossedWords ?? [];
  const heldByCards = (token: string) => cards.some((card) => index.holds(card, token));
  // A word the glossary translated (下士 → 军士) is covered by its official term.
  const glossed = (word: string) =>
    boostTerms.some((term) => term.includes(word) || word.includes(term)) ||
    glossedWords.some((variant) => variant.includes(word) || word.includes(variant));
  // jieba files some phrases as idioms (退回去, 是不是): only long ones name a thing; organisations
  // (nt: 党组织) are asked about as much as things are.
  const nouns = getJieba()
    .tag(clause.toLowerCase(), true)
    .filter((t) => (NAMING_TAGS.has(t.tag) || (t.tag === 'l' && t.word.length >= 4)) && t.word.length >= 2)
    .map((t) => t.word)
    .filter((word) => /[\u3400-\u9fff]/.test(word) && !VAGUE.has(word) && !isVerbAndMeasure(word))
    // "少交点税", "多给点": a verb and 点 ("a bit"), which jieba reads as 交点 (a point where lines cross).
    .filter((word) => !(word.endsWith('点') && new RegExp(`[少多再省]${word}`).test(clause)));
  return nouns.filter((word) => {
    // The word itself must be there: 个人所得税 is not covered by a card that says 个人.
    if (heldByCards(word) || glossed(word)) return false;
    const unknown = index.df(word) === 0;
    const specific = index.df(word) <= index.size * SPECIFIC_SHARE;
    return unknown || (options.specific && specific);
  });
}

/** Nouns of a clause that no card holds (places, people, dates and vague words excluded). */
function unknownNounsOf(text: string, index: CardIndex): string[] {
  return wordsTagged(text, CONTENT_TAGS).filter((word) =>
    tokenize(word).every((token) => index.df(token) === 0),
  );
}
