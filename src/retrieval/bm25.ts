import { PostingsBuilder, type Postings } from './postings-builder.js';
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

/**
 * The JSON form of one field. Postings are concatenated typed arrays in base64 (little-endian, as
 * on every machine this runs on): at 100k chunks that is a few MB instead of a 100 MB array of
 * arrays, and loading is a decode plus zero-copy views per term.
 */
interface FieldJson {
  /** Uint32 token count per document. */
  lengths: string;
  terms: string[];
  /** Postings-list length per term, in `terms` order. */
  counts: number[];
  /** Uint32 document ids of all postings lists, concatenated. */
  ids: string;
  /** Uint16 term frequencies, aligned with `ids`. */
  tfs: string;
}

/** The serialised index, stored in the index cache as `bm25.json`. */
export interface Bm25Json {
  formatVersion: 2;
  k1: number;
  b: number;
  titleWeight: number;
  docCount: number;
  body: FieldJson;
  title: FieldJson;
}

const toBase64 = (array: Uint32Array | Uint16Array) =>
  Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');

function fromBase64<T extends Uint32Array | Uint16Array>(
  text: unknown,
  Kind: { new (b: ArrayBuffer): T; BYTES_PER_ELEMENT: number },
  what: string,
): T {
  if (typeof text !== 'string') throw new Error(`BM25 ${what} is not a base64 string`);
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength % Kind.BYTES_PER_ELEMENT !== 0)
    throw new Error(`BM25 ${what} has a truncated element`);
  // Copy into a fresh buffer: Buffer's pooled memory is not aligned for 32-bit views.
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return new Kind(copy);
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

  static from(builder: PostingsBuilder): Field {
    const { lengths, postings } = builder.finish();
    return new Field(lengths, postings);
  }

  /** Restores a field; throws when the arrays disagree with each other or with `docCount`. */
  static fromJson(json: FieldJson, docCount: number): Field {
    const lengths = fromBase64(json.lengths, Uint32Array, 'lengths');
    const ids = fromBase64(json.ids, Uint32Array, 'ids');
    const tfs = fromBase64(json.tfs, Uint16Array, 'tfs');
    const total = Array.isArray(json.counts) ? json.counts.reduce((sum, n) => sum + n, 0) : -1;
    if (
      lengths.length !== docCount ||
      !Array.isArray(json.terms) ||
      json.terms.length !== json.counts.length
    ) {
      throw new Error('BM25 field lengths/terms/counts disagree with docCount');
    }
    if (total !== ids.length || ids.length !== tfs.length || ids.some((id) => id >= docCount)) {
      throw new Error('BM25 postings are inconsistent (counts, ids and tfs disagree)');
    }
    const postings = new Map<string, Postings>();
    let offset = 0;
    json.terms.forEach((term, i) => {
      const n = json.counts[i] ?? 0;
      postings.set(term, { ids: ids.subarray(offset, offset + n), tfs: tfs.subarray(offset, offset + n) });
      offset += n;
    });
    return new Field(lengths, postings);
  }

  toJson(): FieldJson {
    const terms: string[] = [];
    const counts: number[] = [];
    let total = 0;
    for (const [term, list] of this.postings) {
      terms.push(term);
      counts.push(list.ids.length);
      total += list.ids.length;
    }
    const ids = new Uint32Array(total);
    const tfs = new Uint16Array(total);
    let offset = 0;
    for (const list of this.postings.values()) {
      ids.set(list.ids, offset);
      tfs.set(list.tfs, offset);
      offset += list.ids.length;
    }
    return { lengths: toBase64(this.lengths), terms, counts, ids: toBase64(ids), tfs: toBase64(tfs) };
  }
}

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
    private readonly body: Field,
    private readonly title: Field,
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
      build: () =>
        new Bm25Index(body.docCount, Field.from(body), Field.from(title), {
          k1: options.k1 ?? 1.2,
          b: options.b ?? 0.75,
          titleWeight: options.titleWeight ?? 0.4,
        }),
    };
  }

  /** Restores an index from `toJSON()` output. Throws when the JSON is not a BM25 index. */
  static fromJSON(json: unknown): Bm25Index {
    const j = json as Partial<Bm25Json> | null;
    if (!j || j.formatVersion !== 2 || typeof j.docCount !== 'number' || !j.body || !j.title) {
      throw new Error('not a BM25 index (expected formatVersion 2 with body and title fields)');
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
      formatVersion: 2,
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
