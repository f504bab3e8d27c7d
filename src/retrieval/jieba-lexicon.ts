import { Jieba } from '@node-rs/jieba';

/**
 * jieba without loading its whole dictionary. Building jieba's trie from the 349k-word dictionary
 * takes ~200 ms, most of a one-shot `npm run ask`, which then segments a few short texts. How
 * jieba segments a text (cut, cut for search, tag; with or without HMM) depends only on the
 * dictionary words that occur in the text, their frequencies and tags, and the dictionary's total
 * frequency. So for each new text the lean segmenter looks the text's substrings up in a sorted
 * copy of the dictionary (JiebaLexicon, kept in the derived cache) and gives jieba only those
 * words, plus one word no text contains (a private-use character) whose frequency makes the total
 * the full dictionary's: the segmentation is the same as with the whole dictionary.
 */

/** The dictionary as plain data: lines `word freq tag`, sorted by word (UTF-16 order). */
export interface JiebaLexicon {
  text: string;
  /** Where each line starts in `text`, plus text.length + 1 at the end. */
  starts: Uint32Array;
  /** The sum of all frequencies. */
  total: number;
  /** The longest word, in UTF-16 code units. */
  maxWordLength: number;
}

/** What the tokenizer asks of jieba. */
export interface Segmenter {
  cut(sentence: string, hmm?: boolean): string[];
  cutForSearch(sentence: string, hmm?: boolean): string[];
  tag(sentence: string, hmm?: boolean): { word: string; tag: string }[];
}

/** Sorts a jieba dictionary file (`word freq tag` lines) into a JiebaLexicon. */
export function jiebaLexiconFrom(dictionary: string): JiebaLexicon {
  const lines = dictionary
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const wordOf = (line: string) => line.slice(0, line.indexOf(' ') >>> 0);
  const keyed = lines.map((line) => ({ word: wordOf(line), line }));
  keyed.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  const starts = new Uint32Array(keyed.length + 1);
  let offset = 0;
  let total = 0;
  let maxWordLength = 0;
  keyed.forEach(({ word, line }, i) => {
    starts[i] = offset;
    offset += line.length + 1;
    total += Number(line.split(' ')[1] ?? 0);
    maxWordLength = Math.max(maxWordLength, word.length);
  });
  starts[keyed.length] = offset;
  return { text: keyed.map((k) => k.line).join('\n') + '\n', starts, total, maxWordLength };
}

/** A word that no text contains (jieba's segmentation never reaches private-use characters). */
const FILLER = '\uE000';
const SPACE = 0x20;
/** Past this many words looked up the whole dictionary is cheaper than building subsets. */
const MAX_SUBSET_LINES = 20_000;

/**
 * A Segmenter over `lexicon` that gives jieba, for each text, only that text's words. A process
 * that segments much (an index build) switches to the whole dictionary once it has looked up
 * MAX_SUBSET_LINES words; the results do not change.
 */
export function createLeanSegmenter(lexicon: JiebaLexicon): Segmenter {
  const { text, starts, maxWordLength } = lexicon;
  const count = starts.length - 1;
  const lineAt = (i: number): string => text.slice(starts[i], (starts[i + 1] ?? 1) - 1);
  /** <0, 0 or >0 as line i's word sorts before, starts with, or sorts after `prefix`. */
  const comparePrefix = (i: number, prefix: string): number => {
    const at = starts[i] ?? 0;
    for (let k = 0; k < prefix.length; k++) {
      const code = text.charCodeAt(at + k);
      if (code === SPACE) return -1; // the word is a proper prefix of `prefix`: it sorts first
      const difference = code - prefix.charCodeAt(k);
      if (difference !== 0) return difference;
    }
    return 0;
  };
  /** The first line in [lo, hi) whose comparison with `prefix` is above `floor` (-1: ≥ 0, 0: > 0). */
  const bound = (lo: number, hi: number, prefix: string, floor: number): number => {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (comparePrefix(mid, prefix) > floor) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  /** The dictionary lines of the words in `sentence`, found by narrowing the range per prefix. */
  const linesOf = (sentence: string): string[] => {
    const found = new Set<number>();
    for (let i = 0; i < sentence.length; i++) {
      let lo = 0;
      let hi = count;
      for (let j = i + 1; j <= Math.min(sentence.length, i + maxWordLength); j++) {
        const prefix = sentence.slice(i, j);
        lo = bound(lo, hi, prefix, -1);
        hi = bound(lo, hi, prefix, 0);
        if (lo >= hi) break;
        // Among the words starting with `prefix`, `prefix` itself sorts first.
        if (text.charCodeAt((starts[lo] ?? 0) + prefix.length) === SPACE) found.add(lo);
      }
    }
    return [...found].map(lineAt);
  };
  let whole: Jieba | undefined;
  let linesSeen = 0;
  /** The last text's jieba: callers often cut, then tag, the same text. */
  let last: { sentence: string; jieba: Jieba } | undefined;

  const prepare = (sentence: string): Jieba => {
    if (whole) return whole;
    if (last?.sentence === sentence) return last.jieba;
    const lines = linesOf(sentence);
    const subsetTotal = lines.reduce((sum, line) => sum + Number(line.split(' ')[1] ?? 0), 0);
    linesSeen += lines.length;
    if (linesSeen > MAX_SUBSET_LINES) {
      whole = Jieba.withDict(Buffer.from(text));
      return whole;
    }
    lines.push(`${FILLER} ${lexicon.total - subsetTotal} x`);
    last = { sentence, jieba: Jieba.withDict(Buffer.from(lines.join('\n'))) };
    return last.jieba;
  };

  return {
    cut: (sentence, hmm) => prepare(sentence).cut(sentence, hmm),
    cutForSearch: (sentence, hmm) => prepare(sentence).cutForSearch(sentence, hmm),
    tag: (sentence, hmm) => prepare(sentence).tag(sentence, hmm),
  };
}
