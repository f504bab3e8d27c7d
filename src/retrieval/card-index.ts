import type { EntitlementCard } from '../knowledge/types.js';
import { Bm25Index, type Bm25Parts, type WeightedTerm } from './bm25.js';
import { segment, tokensOf } from './tokenizer.js';

/**
 * BM25 over whole entitlement cards. A question is matched against everything a card says — its
 * title, question, sample phrasings, everyday keywords, answer, conditions, the law's own words and
 * the English text — with the naming fields counted again as a title field, so a card that is *about*
 * the asked thing outranks one that merely mentions it. Cards are few (hundreds), but segmenting
 * them is slow, so the built index also exists as plain data (`CardIndexData`) to keep between runs.
 */

export interface CardHit {
  card: EntitlementCard;
  score: number;
}

/** BM25 settings of the card index; the defaults are tuned on the cards' own sample phrasings. */
export interface CardIndexOptions {
  /** How much a match in the naming fields (title, question, phrasings, keywords) adds. */
  namingWeight?: number;
  k1?: number;
  b?: number;
}

const DEFAULTS: Required<CardIndexOptions> = { namingWeight: 0.6, k1: 1.2, b: 0.75 };

export const namingText = (card: EntitlementCard): string =>
  [card.title, card.question, ...card.phrasings, ...card.keywords, card.titleEn].join(' ');

/** What a card says besides its naming fields. */
const restText = (card: EntitlementCard): string =>
  [
    card.answer,
    card.answerEn,
    card.who,
    card.exceptions,
    card.where,
    card.whereEn,
    card.bring,
    card.local,
    ...card.basis.map((b) => `${b.law} ${b.quote}`),
  ]
    .filter(Boolean)
    .join(' ');

export const bodyText = (card: EntitlementCard): string => `${namingText(card)} ${restText(card)}`;

/**
 * A card index as plain data, for the derived cache: the BM25 index as its parts (see Bm25Parts), each card's
 * distinct tokens as ids into one term list, and the cards' dictionary words. Loading it needs no
 * jieba and no BM25 build (together a few hundred ms for ~330 cards).
 */
export interface CardIndexData {
  bm25: Bm25Parts;
  /** Every distinct token of the cards. */
  terms: string[];
  /** Each card's distinct token ids, ascending, concatenated in card order. */
  cardTerms: Uint32Array;
  /** Where each card's ids start in `cardTerms`, plus the end: cards + 1 entries. */
  offsets: Uint32Array;
  /** The dictionary words of all cards' non-naming fields (no bigrams), first-seen order. */
  words: string[];
}

/** Segments and indexes the cards (jieba and BM25: the slow part). */
export function buildCardIndexData(
  cards: readonly EntitlementCard[],
  options: CardIndexOptions = {},
): CardIndexData {
  const { namingWeight, k1, b } = { ...DEFAULTS, ...options };
  const words = new Set<string>();
  const docs = cards.map((card) => {
    // The naming fields are segmented once and count in both fields.
    const naming = tokensOf(segment(namingText(card)));
    const rest = segment(restText(card));
    for (const word of rest.words) words.add(word);
    return { body: [...naming, ...tokensOf(rest)], title: naming };
  });
  const termIds = new Map<string, number>();
  const perCard = docs.map((d) => {
    const ids = new Set<number>();
    for (const token of [...d.body, ...d.title]) {
      let id = termIds.get(token);
      if (id === undefined) termIds.set(token, (id = termIds.size));
      ids.add(id);
    }
    return [...ids].sort((x, y) => x - y);
  });
  const offsets = new Uint32Array(cards.length + 1);
  perCard.forEach((ids, i) => (offsets[i + 1] = (offsets[i] ?? 0) + ids.length));
  return {
    bm25: Bm25Index.build(docs, { titleWeight: namingWeight, k1, b }).toParts(),
    terms: [...termIds.keys()],
    cardTerms: Uint32Array.from(perCard.flat()),
    offsets,
    words: [...words],
  };
}

export class CardIndex {
  private constructor(
    readonly cards: readonly EntitlementCard[],
    private readonly bm25: Bm25Index,
    private readonly termIds: ReadonlyMap<string, number>,
    /** Each card's distinct token ids, ascending (see CardIndexData). */
    private readonly data: Pick<CardIndexData, 'cardTerms' | 'offsets'>,
    private readonly position: ReadonlyMap<EntitlementCard, number>,
    private readonly docFreq: Uint32Array,
    /** The dictionary words of all cards (no bigrams): the vocabulary typos are corrected to. */
    readonly words: ReadonlySet<string>,
  ) {}

  static build(cards: readonly EntitlementCard[], options: CardIndexOptions = {}): CardIndex {
    return CardIndex.fromData(cards, buildCardIndexData(cards, options));
  }

  /** The index over `buildCardIndexData(cards)` output (e.g. kept in a cache). Throws when they disagree. */
  static fromData(cards: readonly EntitlementCard[], data: CardIndexData): CardIndex {
    if (data.offsets.length !== cards.length + 1 || data.bm25.meta.docCount !== cards.length)
      throw new Error(`card index data for ${data.offsets.length - 1} cards, given ${cards.length}`);
    const docFreq = new Uint32Array(data.terms.length);
    for (const id of data.cardTerms) docFreq[id] = (docFreq[id] ?? 0) + 1;
    return new CardIndex(
      cards,
      Bm25Index.fromParts(data.bm25),
      new Map(data.terms.map((term, id) => [term, id])),
      data,
      new Map(cards.map((card, i) => [card, i])),
      docFreq,
      new Set(data.words),
    );
  }

  /** The card with this id. */
  card(id: string): EntitlementCard | undefined {
    return this.cards.find((c) => c.id === id);
  }

  get size(): number {
    return this.cards.length;
  }

  /** The `k` best cards for the weighted query terms, best first. */
  search(terms: WeightedTerm[], k: number): CardHit[] {
    return this.bm25
      .search(terms, k)
      .map((hit) => ({ card: this.cards[hit.index] as EntitlementCard, score: hit.score }));
  }

  /** Number of cards that hold the token (0: no card uses it). */
  df(token: string): number {
    const id = this.termIds.get(token);
    return id === undefined ? 0 : (this.docFreq[id] ?? 0);
  }

  /** Inverse card frequency of a token (BM25's form: rare tokens weigh more). */
  idf(token: string): number {
    const df = this.df(token);
    return Math.log(1 + (this.cards.length - df + 0.5) / (df + 0.5));
  }

  /** True when the card holds the token in any field. */
  holds(card: EntitlementCard, token: string): boolean {
    const id = this.termIds.get(token);
    const i = this.position.get(card);
    if (id === undefined || i === undefined) return false;
    const { cardTerms, offsets } = this.data;
    // Binary search in the card's ascending ids.
    let lo = offsets[i] ?? 0;
    let hi = (offsets[i + 1] ?? 0) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = cardTerms[mid] ?? 0;
      if (at === id) return true;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}
