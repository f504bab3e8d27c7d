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
  readonly postings = new Map<string, Postings>();

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
    let offset = 0;
    terms.forEach((term, i) => {
      const n = counts[i] ?? 0;
      this.postings.set(term, {
        ids: ids.subarray(offset, offset + n),
        tfs: tfs.subarray(offset, offset + n),
      });
      offset += n;
    });
    let tokens = 0;
    for (const length of lengths) tokens += length;
    this.avgLength = lengths.length === 0 ? 1 : Math.max(tokens / lengths.length, 1);
  }

  get lengths(): Uint32Array {
    return this.layout.lengths;
  }
}
