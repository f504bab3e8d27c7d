/**
 * One field's postings, laid out once for the whole field: `ids` and `tfs` hold every term's list
 * end to end, in `terms` order, `counts[i]` entries for `terms[i]`; `lengths` is the token count
 * of each document. The build produces it and the index cache stores it as is.
 */
export interface FieldPostings {
  lengths: Uint32Array;
  terms: string[];
  counts: number[];
  /** Document ids, ascending within each term's list. */
  ids: Uint32Array;
  /** Term frequency per posting, aligned with `ids`. */
  tfs: Uint16Array;
}

/** An append-only typed array that grows by half its size; `view()` is the filled part. */
class Growable<T extends Uint32Array | Uint16Array | Int32Array> {
  private array: T;
  length = 0;

  constructor(private readonly make: (size: number) => T) {
    this.array = make(1024);
  }

  push(value: number): void {
    if (this.length === this.array.length) {
      const bigger = this.make(Math.ceil(this.array.length * 1.5));
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length] = value;
    this.length += 1;
  }

  at(i: number): number {
    return this.array[i] as number;
  }

  set(i: number, value: number): void {
    this.array[i] = value;
  }

  view(): T {
    return this.array.subarray(0, this.length) as T;
  }
}

/**
 * Builds one BM25 field's postings one document at a time. Each document's tokens are counted on
 * arrival and kept only as (term id, tf) pairs in typed arrays, so a caller can stream 100k chunks
 * through it without holding every token string of the corpus (at 100k chunks the token arrays
 * alone took ~400 MB of heap). `finish` lays the pairs out per term.
 */
export class PostingsBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly lengths = new Growable((n) => new Uint32Array(n));
  /** Per document, in order: the (term id, tf) pairs of its distinct terms. */
  private readonly entryTerms = new Growable((n) => new Uint32Array(n));
  private readonly entryTfs = new Growable((n) => new Uint16Array(n));
  /** Entry offset where each document's pairs end. */
  private readonly docEnds = new Growable((n) => new Uint32Array(n));
  /** Per term: the last document it occurred in, and that document's entry for it. */
  private readonly lastDoc = new Growable((n) => new Int32Array(n));
  private readonly lastEntry = new Growable((n) => new Uint32Array(n));

  /** Number of documents added. */
  get docCount(): number {
    return this.lengths.length;
  }

  /** Adds the next document (its id is the number of documents added before it). */
  add(tokens: readonly string[]): void {
    const doc = this.docCount;
    for (const token of tokens) {
      let id = this.termIds.get(token);
      if (id === undefined) {
        id = this.terms.length;
        this.termIds.set(token, id);
        this.terms.push(token);
        this.lastDoc.push(-1);
        this.lastEntry.push(0);
      }
      if (this.lastDoc.at(id) === doc) {
        // Seen earlier in this document: count it on the entry made then.
        const entry = this.lastEntry.at(id);
        this.entryTfs.set(entry, Math.min(this.entryTfs.at(entry) + 1, 0xffff));
      } else {
        this.lastDoc.set(id, doc);
        this.lastEntry.set(id, this.entryTerms.length);
        this.entryTerms.push(id);
        this.entryTfs.push(1);
      }
    }
    this.lengths.push(tokens.length);
    this.docEnds.push(this.entryTerms.length);
  }

  /** The postings laid out per term, terms in first-seen order. */
  finish(): FieldPostings {
    const counts = new Array<number>(this.terms.length).fill(0);
    const entries = this.entryTerms.view();
    for (const term of entries) counts[term] = (counts[term] as number) + 1;
    const cursor = new Uint32Array(this.terms.length);
    for (let t = 1; t < counts.length; t += 1)
      cursor[t] = (cursor[t - 1] as number) + (counts[t - 1] as number);
    const ids = new Uint32Array(entries.length);
    const tfs = new Uint16Array(entries.length);
    let entry = 0;
    for (let doc = 0; doc < this.docCount; doc += 1) {
      for (const end = this.docEnds.at(doc); entry < end; entry += 1) {
        const term = entries[entry] as number;
        const at = cursor[term] as number;
        ids[at] = doc;
        tfs[at] = this.entryTfs.at(entry);
        cursor[term] = at + 1;
      }
    }
    return { lengths: this.lengths.view().slice(), terms: this.terms, counts, ids, tfs };
  }
}
