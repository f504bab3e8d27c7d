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

export interface Bm25Options {
  k1?: number;
  b?: number;
  /**
   * How much a section-title match counts relative to a body match. Below 1: a title names the
   * topic of many chunks, so it should lift them without outranking the chunk that says it.
   */
  titleWeight?: number;
}

interface Postings {
  ids: Uint32Array;
  tfs: Uint16Array;
}

/** The JSON form of one field: postings flattened as [docId, tf, docId, tf, …] per term. */
interface FieldJson {
  lengths: number[];
  terms: string[];
  postings: number[][];
}

/** The serialised index, stored in the index cache as `bm25.json`. */
export interface Bm25Json {
  formatVersion: 1;
  k1: number;
  b: number;
  titleWeight: number;
  docCount: number;
  body: FieldJson;
  title: FieldJson;
}

class Field {
  readonly avgLength: number;

  constructor(
    readonly lengths: Uint32Array,
    readonly postings: Map<string, Postings>,
  ) {
    let total = 0;
    for (const length of lengths) total += length;
    this.avgLength = lengths.length === 0 ? 1 : Math.max(total / lengths.length, 1);
  }

  static build(docs: string[][]): Field {
    const lists = new Map<string, number[]>();
    const lengths = new Uint32Array(docs.length);
    docs.forEach((tokens, id) => {
      lengths[id] = tokens.length;
      const counts = new Map<string, number>();
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      for (const [term, tf] of counts) {
        let list = lists.get(term);
        if (!list) lists.set(term, (list = []));
        list.push(id, Math.min(tf, 0xffff));
      }
    });
    const postings = new Map<string, Postings>();
    for (const [term, flat] of lists) postings.set(term, unflatten(flat));
    return new Field(lengths, postings);
  }

  static fromJson(json: FieldJson, docCount: number): Field {
    if (json.lengths.length !== docCount || json.terms.length !== json.postings.length) {
      throw new Error('BM25 field lengths/terms/postings disagree with docCount');
    }
    const postings = new Map<string, Postings>();
    json.terms.forEach((term, i) => postings.set(term, unflatten(json.postings[i] ?? [])));
    return new Field(Uint32Array.from(json.lengths), postings);
  }

  toJson(): FieldJson {
    const terms: string[] = [];
    const postings: number[][] = [];
    for (const [term, list] of this.postings) {
      terms.push(term);
      const flat: number[] = [];
      list.ids.forEach((id, i) => flat.push(id, list.tfs[i] ?? 0));
      postings.push(flat);
    }
    return { lengths: Array.from(this.lengths), terms, postings };
  }
}

function unflatten(flat: number[]): Postings {
  const ids = new Uint32Array(flat.length / 2);
  const tfs = new Uint16Array(flat.length / 2);
  for (let i = 0; i < ids.length; i += 1) {
    ids[i] = flat[2 * i] ?? 0;
    tfs[i] = flat[2 * i + 1] ?? 0;
  }
  return { ids, tfs };
}

/**
 * In-memory Okapi BM25 over two fields (body, section title), the title counting `titleWeight` as
 * much. Documents are addressed by their position in the build list. Scoring touches only the
 * postings of the query terms, so a query over 100k chunks costs a few milliseconds.
 */
export class Bm25Index {
  private constructor(
    readonly docCount: number,
    private readonly body: Field,
    private readonly title: Field,
    readonly options: Required<Bm25Options>,
  ) {}

  /** Builds the index; document ids are positions in `docs`. */
  static build(docs: Bm25Document[], options: Bm25Options = {}): Bm25Index {
    return new Bm25Index(
      docs.length,
      Field.build(docs.map((d) => d.body)),
      Field.build(docs.map((d) => d.title)),
      { k1: options.k1 ?? 1.2, b: options.b ?? 0.75, titleWeight: options.titleWeight ?? 0.4 },
    );
  }

  /** Restores an index from `toJSON()` output. Throws when the JSON is not a BM25 index. */
  static fromJSON(json: unknown): Bm25Index {
    const j = json as Partial<Bm25Json> | null;
    if (!j || j.formatVersion !== 1 || typeof j.docCount !== 'number' || !j.body || !j.title) {
      throw new Error('not a BM25 index (expected formatVersion 1 with body and title fields)');
    }
    const options = { k1: j.k1 ?? 1.2, b: j.b ?? 0.75, titleWeight: j.titleWeight ?? 0.4 };
    return new Bm25Index(
      j.docCount,
      Field.fromJson(j.body, j.docCount),
      Field.fromJson(j.title, j.docCount),
      options,
    );
  }

  toJSON(): Bm25Json {
    return {
      formatVersion: 1,
      ...this.options,
      docCount: this.docCount,
      body: this.body.toJson(),
      title: this.title.toJson(),
    };
  }

  /**
   * The `k` best documents for the query terms, best first; documents with score 0 are left out.
   * Repeated terms count once, with their highest weight. `allow` filters document ids.
   */
  search(terms: WeightedTerm[], k: number, allow?: (doc: number) => boolean): Scored[] {
    const weights = new Map<string, number>();
    for (const { term, weight } of terms) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    const scores = new Float64Array(this.docCount);
    const touched: number[] = [];
    for (const [term, weight] of weights) {
      this.accumulate(this.body, term, weight, scores, touched);
      this.accumulate(this.title, term, weight * this.options.titleWeight, scores, touched);
    }
    const candidates = allow ? touched.filter(allow) : touched;
    return topK(scores, k, candidates).filter((hit) => hit.score > 0);
  }

  private accumulate(field: Field, term: string, weight: number, scores: Float64Array, touched: number[]) {
    const list = field.postings.get(term);
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
