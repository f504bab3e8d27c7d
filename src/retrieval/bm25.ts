import { Bm25Field } from './bm25-field.js';
import { PostingsBuilder } from './postings-builder.js';
import { topK, type Scored } from './top-k.js';

/** One indexed document: body tokens and section-title tokens, counted as separate fields. */
export interface Bm25Document {
  body: string[];
  title: string[];
}

/** A query term; boost terms (glossary expansions) carry a weight below 1. */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** Adds documents in id order, then builds the index once. */
export interface Bm25Builder {
  add(doc: Bm25Document): void;
  build(): Bm25Index;
}

export interface Bm25Options {
  k1?: number;
  b?: number;
  /**
   * How much a section-title match counts relative to a body match. Below 1: a title names the
   * topic of many chunks, so it should lift them without outranking the chunk that says it.
   */
  titleWeight?: number;
}

/** One field's typed arrays: token count per document, and every term's postings end to end. */
export interface Bm25Arrays {
  lengths: Uint32Array;
  ids: Uint32Array;
  tfs: Uint16Array;
}

/** The index's parameters and each field's terms with their postings-list lengths (JSON-safe). */
export interface Bm25Meta {
  formatVersion: 3;
  k1: number;
  b: number;
  titleWeight: number;
  docCount: number;
  body: { terms: string[]; counts: number[] };
  title: { terms: string[]; counts: number[] };
}

/**
 * A serialised index: `meta` for JSON, the arrays for a binary file. Base64 inside JSON made the
 * 100k-chunk index a 60 MB text whose save and load each held ~200 MB of strings; the arrays
 * written as they are cost nothing extra to save and load as views.
 */
export interface Bm25Parts {
  meta: Bm25Meta;
  body: Bm25Arrays;
  title: Bm25Arrays;
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');
const isCountArray = (v: unknown): v is number[] =>
  Array.isArray(v) && v.every((x) => Number.isInteger(x) && x >= 0);

/**
 * In-memory Okapi BM25 over two fields (body, section title), the title counting `titleWeight` as
 * much. Documents are addressed by their position in the build list. Scoring touches only the
 * postings of the query terms, so a query over 100k chunks costs a few milliseconds.
 */
export class Bm25Index {
  /**
   * Score accumulator shared by all searches and zeroed where it was touched after each: a fresh
   * array per query was 0.8 MB of garbage at 100k chunks. Searches are synchronous, so they never
   * interleave.
   */
  private scores: Float64Array | undefined;

  private constructor(
    readonly docCount: number,
    private readonly body: Bm25Field,
    private readonly title: Bm25Field,
    readonly options: Required<Bm25Options>,
  ) {}

  /** Builds the index; document ids are positions in `docs`. */
  static build(docs: readonly Bm25Document[], options: Bm25Options = {}): Bm25Index {
    const builder = Bm25Index.builder(options);
    for (const doc of docs) builder.add(doc);
    return builder.build();
  }

  /**
   * A builder that takes one document at a time and keeps counts, not token arrays: the index
   * build streams 100k chunks through it, so the corpus's tokens are never in memory at once.
   */
  static builder(options: Bm25Options = {}): Bm25Builder {
    const body = new PostingsBuilder();
    const title = new PostingsBuilder();
    return {
      add: (doc) => {
        body.add(doc.body);
        title.add(doc.title);
      },
      build: () => {
        const docCount = body.docCount;
        return new Bm25Index(
          docCount,
          new Bm25Field(body.finish(), docCount),
          new Bm25Field(title.finish(), docCount),
          { k1: options.k1 ?? 1.2, b: options.b ?? 0.75, titleWeight: options.titleWeight ?? 0.4 },
        );
      },
    };
  }

  /** Restores an index from `toParts()` output. Throws when the parts are not a consistent index. */
  static fromParts(parts: Bm25Parts): Bm25Index {
    const { meta } = parts;
    const fieldOk = (f: Bm25Meta['body'] | undefined) => isStringArray(f?.terms) && isCountArray(f?.counts);
    const numbers = [meta?.k1, meta?.b, meta?.titleWeight].every((v) => typeof v === 'number');
    if (
      meta?.formatVersion !== 3 ||
      !numbers ||
      !Number.isInteger(meta.docCount) ||
      !fieldOk(meta.body) ||
      !fieldOk(meta.title)
    ) {
      throw new Error('not a BM25 index (expected formatVersion 3 with body and title terms and counts)');
    }
    const field = (m: Bm25Meta['body'], arrays: Bm25Arrays) =>
      new Bm25Field({ ...arrays, terms: m.terms, counts: m.counts }, meta.docCount);
    return new Bm25Index(meta.docCount, field(meta.body, parts.body), field(meta.title, parts.title), {
      k1: meta.k1,
      b: meta.b,
      titleWeight: meta.titleWeight,
    });
  }

  /** The index as JSON-safe meta plus typed arrays (shared with the index, not copied). */
  toParts(): Bm25Parts {
    const arrays = ({ lengths, ids, tfs }: Bm25Arrays): Bm25Arrays => ({ lengths, ids, tfs });
    const terms = ({ terms, counts }: Bm25Meta['body']) => ({ terms, counts });
    return {
      meta: {
        formatVersion: 3,
        ...this.options,
        docCount: this.docCount,
        body: terms(this.body.layout),
        title: terms(this.title.layout),
      },
      body: arrays(this.body.layout),
      title: arrays(this.title.layout),
    };
  }

  /**
   * The `k` best documents for the query terms, best first; documents with score 0 are left out.
   * Repeated terms count once, with their highest weight. `allow` filters document ids.
   */
  search(terms: WeightedTerm[], k: number, allow?: (doc: number) => boolean): Scored[] {
    const weights = new Map<string, number>();
    for (const { term, weight } of terms) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    const scores = (this.scores ??= new Float64Array(this.docCount));
    const touched: number[] = [];
    try {
      for (const [term, weight] of weights) {
        this.accumulate(this.body, term, weight, scores, touched);
        this.accumulate(this.title, term, weight * this.options.titleWeight, scores, touched);
      }
      const candidates = allow ? touched.filter(allow) : touched;
      return topK(scores, k, candidates).filter((hit) => hit.score > 0);
    } finally {
      for (const doc of touched) scores[doc] = 0;
    }
  }

  private accumulate(
    field: Bm25Field,
    term: string,
    weight: number,
    scores: Float64Array,
    touched: number[],
  ) {
    const list = field.postingsOf(term);
    if (!list || weight <= 0) return;
    const { k1, b } = this.options;
    const df = list.ids.length;
    const idf = Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5));
    for (let i = 0; i < df; i += 1) {
      const doc = list.ids[i] as number;
      const tf = list.tfs[i] as number;
      const norm = 1 - b + (b * (field.lengths[doc] as number)) / field.avgLength;
      if (scores[doc] === 0) touched.push(doc);
      scores[doc] = (scores[doc] as number) + (weight * idf * (tf * (k1 + 1))) / (tf + k1 * norm);
    }
  }
}
