import type { EntitlementCard } from '../knowledge/types.js';
import { Bm25Index, type WeightedTerm } from './bm25.js';
import { segment, tokensOf } from './tokenizer.js';

/**
 * BM25 over whole entitlement cards. A question is matched against everything a card says — its
 * title, question, sample phrasings, everyday keywords, answer, conditions, the law's own words and
 * the English text — with the naming fields counted again as a title field, so a card that is *about*
 * the asked thing outranks one that merely mentions it. Cards are few (hundreds): the index is built
 * in memory on load, never cached.
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

export class CardIndex {
  private constructor(
    readonly cards: readonly EntitlementCard[],
    private readonly bm25: Bm25Index,
    /** The distinct tokens of each card, for coverage. */
    private readonly vocab: ReadonlyMap<EntitlementCard, ReadonlySet<string>>,
    private readonly docFreq: ReadonlyMap<string, number>,
    /** The dictionary words of all cards (no bigrams): the vocabulary typos are corrected to. */
    readonly words: ReadonlySet<string>,
  ) {}

  static build(cards: readonly EntitlementCard[], options: CardIndexOptions = {}): CardIndex {
    const { namingWeight, k1, b } = { ...DEFAULTS, ...options };
    const words = new Set<string>();
    const docs = cards.map((card) => {
      // The naming fields are segmented once and count in both fields.
      const naming = tokensOf(segment(namingText(card)));
      const rest = segment(restText(card));
      for (const word of rest.words) words.add(word);
      return { body: [...naming, ...tokensOf(rest)], title: naming };
    });
    const sets = docs.map((d) => new Set([...d.body, ...d.title]));
    const vocab = new Map(cards.map((card, i) => [card, sets[i] ?? new Set<string>()]));
    const docFreq = new Map<string, number>();
    for (const set of sets) for (const token of set) docFreq.set(token, (docFreq.get(token) ?? 0) + 1);
    return new CardIndex(
      cards,
      Bm25Index.build(docs, { titleWeight: namingWeight, k1, b }),
      vocab,
      docFreq,
      words,
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
    return this.docFreq.get(token) ?? 0;
  }

  /** Inverse card frequency of a token (BM25's form: rare tokens weigh more). */
  idf(token: string): number {
    const df = this.df(token);
    return Math.log(1 + (this.cards.length - df + 0.5) / (df + 0.5));
  }

  /** True when the card holds the token in any field. */
  holds(card: EntitlementCard, token: string): boolean {
    return this.vocab.get(card)?.has(token) ?? false;
  }
}
