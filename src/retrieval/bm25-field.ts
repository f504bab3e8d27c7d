import type { FieldPostings } from './postings-builder.js';

/** One term's postings: views into the field's `ids` and `tfs`. */
export interface Postings {
  ids: Uint32Array;
  tfs: Uint16Array;
}

/**
 * One BM25 field (body or section title): its postings by term, as views into one layout that
 * is also what the index cache stores, so saving writes the arrays as they are and loading wraps
 * the file's bytes without copying them.
 */
export class Bm25Field {
  readonly avgLength: number;
  /** Each term's index in the layout; its postings are cut from the arrays when first asked for. */
  private readonly termIndex = new Map<string, number>();
  /** Where each term's postings start in `ids`/`tfs`, plus the end. */
  private readonly offsets: Uint32Array;

  /** Throws when the layout disagrees with itself or with `docCount`. */
  constructor(
    readonly layout: FieldPostings,
    docCount: number,
  ) {
    const { lengths, terms, counts, ids, tfs } = layout;
    if (lengths.length !== docCount || terms.length !== counts.length) {
      throw new Error('BM25 field lengths/terms/counts disagree with docCount');
    }
    const total = counts.reduce((sum, n) => sum + n, 0);
    if (total !== ids.length || ids.length !== tfs.length || ids.some((id) => id >= docCount)) {
      throw new Error('BM25 postings are inconsistent (counts, ids and tfs disagree)');
    }
    this.offsets = new Uint32Array(terms.length + 1);
    terms.forEach((term, i) => {
      // A term listed twice keeps its last postings, as when every term's views were made up front.
      this.termIndex.set(term, i);
      this.offsets[i + 1] = (this.offsets[i] ?? 0) + (counts[i] ?? 0);
    });
    let tokens = 0;
    for (const length of lengths) tokens += length;
    this.avgLength = lengths.length === 0 ? 1 : Math.max(tokens / lengths.length, 1);
  }

  /** A term's postings (views into the layout), or undefined when no document holds it. */
  postingsOf(term: string): Postings | undefined {
    const i = this.termIndex.get(term);
    if (i === undefined) return undefined;
    const [start, end] = [this.offsets[i] ?? 0, this.offsets[i + 1] ?? 0];
    return { ids: this.layout.ids.subarray(start, end), tfs: this.layout.tfs.subarray(start, end) };
  }

  get lengths(): Uint32Array {
    return this.layout.lengths;
  }
}
