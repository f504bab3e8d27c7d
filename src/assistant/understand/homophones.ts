import { createRequire } from 'node:module';
import { getJieba } from '../../retrieval/tokenizer.js';

/**
 * Homophone typos: people typing pinyin on a phone pick the wrong character of the same sound —
 * 优代证 for 优待证, 安直 for 安置, 烈士抱扬金 for 褒扬金, 投述 for 投诉. A word of the question
 * that the knowledge never uses, and that sounds like a word it does use (toneless pinyin, with the
 * common merges zh/z, ch/c, sh/s, l/n, -ing/-in, -eng/-en), and differs from it in one character,
 * is read as that word. Pure: the vocabulary comes in, corrections go out.
 */

export interface HomophoneCorrection {
  /** The characters as typed. */
  typed: string;
  /** The knowledge's word they stand for. */
  word: string;
}

export interface HomophoneIndex {
  /** Corrections for the question's unknown two- to four-character pieces. */
  correct(text: string): HomophoneCorrection[];
  /** The text with each correction applied (first occurrence). */
  apply(text: string, corrections: readonly HomophoneCorrection[]): string;
}

const HAN_RUN = /[\u3400-\u9fff]+/g;
const MIN_LENGTH = 2;
const MAX_LENGTH = 4;

/** The characters HAN_RUN matches, whose sounds the table keeps. */
const FIRST_HAN = 0x3400;
const LAST_HAN = 0x9fff;

type PinyinPro = typeof import('pinyin-pro');
let pinyinPro: PinyinPro | undefined;

/**
 * Toneless pinyin of one character with dialect-prone distinctions merged. pinyin-pro (~100 ms to
 * load, more to build its dictionary) is required on first use: only building a HomophoneTable
 * calls this, so answering from a cached table never loads it.
 */
function charKey(ch: string): string {
  pinyinPro ??= createRequire(import.meta.url)('pinyin-pro') as PinyinPro;
  const key = pinyinPro.pinyin(ch, { toneType: 'none', type: 'array' })[0] ?? ch;
  return key
    .replace(/^([zcs])h/, '$1')
    .replace(/^l/, 'n')
    .replace(/ing$/, 'in')
    .replace(/eng$/, 'en');
}

let allCharSounds: string[] | undefined;

/** The merged sound of a word, each character's from `charSounds` (see HomophoneTable). */
const soundWith =
  (charSounds: readonly string[]) =>
  (word: string): string =>
    Array.from(word, (ch) => charSounds[(ch.codePointAt(0) ?? 0) - FIRST_HAN] ?? charKey(ch)).join(' ');

/**
 * Numerals are facts (是一 must never become 十一), so are places (我们县有 is not 我们现有), and
 * function characters and the commonest verbs are not typos of words (打到卡上 is not 达到).
 */
const NEVER_CHANGED =
  /[零〇一二两三四五六七八九十百千万亿几里上下中是有的了在我你他她它这那就也都要会能可不没吗呢吧啊么和与或个省市县区乡镇村打到]/;

/** Same length, one character different, and that character neither a numeral nor a function word. */
const differsInOne = (typed: string, word: string): boolean => {
  const x = Array.from(typed);
  const y = Array.from(word);
  if (x.length !== y.length) return false;
  const changed = x.flatMap((ch, i) => (ch !== y[i] ? [[ch, y[i] ?? '']] : []));
  return changed.length === 1 && !changed.some(([a, b]) => NEVER_CHANGED.test(`${a}${b}`));
};

/** A word of the general dictionary (公公, 大概) is what the asker meant, not a typo. */
const isDictionaryWord = (piece: string): boolean => {
  const words = getJieba().cut(piece, false);
  return words.length === 1 && words[0] === piece;
};

/** The dictionary words of a text (jieba's search mode), for the vocabulary. */
export const wordsOf = (text: string): string[] => getJieba().cutForSearch(text, false);

/** The knowledge's words by sound, and every piece of them: plain data, kept between runs. */
export interface HomophoneTable {
  /** Known words (2–4 Chinese characters) by their merged toneless sound. */
  bySound: Map<string, string[]>;
  /** Every piece of two or more characters of a known word, the words included. */
  pieces: Set<string>;
  /**
   * The merged sound (charKey) of every character U+3400–U+9FFF, at its code point − U+3400: a
   * question's characters are looked up here, so answering needs no pinyin library.
   */
  charSounds: string[];
}

/** Builds the table over the words the knowledge uses (2–4 Chinese characters each); pinyin of each. */
export function buildHomophoneTable(vocabulary: Iterable<string>): HomophoneTable {
  // The same for every vocabulary: computed once per process (~0.4 s), then kept with each table.
  allCharSounds ??= Array.from({ length: LAST_HAN - FIRST_HAN + 1 }, (_, i) =>
    charKey(String.fromCodePoint(FIRST_HAN + i)),
  );
  const charSounds = allCharSounds;
  const soundOf = soundWith(charSounds);
  const known = new Set<string>();
  const bySound = new Map<string, string[]>();
  for (const word of vocabulary) {
    const length = Array.from(word).length;
    if (length < MIN_LENGTH || length > MAX_LENGTH || !/^[\u3400-\u9fff]+$/.test(word) || known.has(word))
      continue;
    known.add(word);
    const sound = soundOf(word);
    bySound.set(sound, [...(bySound.get(sound) ?? []), word]);
  }
  // Every piece of a known word is known too: 待证 is part of 优待证, not a typo.
  const pieces = new Set<string>();
  for (const word of known) {
    const chars = Array.from(word);
    for (let i = 0; i < chars.length; i++)
      for (let j = i + MIN_LENGTH; j <= chars.length; j++) pieces.add(chars.slice(i, j).join(''));
  }
  return { bySound, pieces, charSounds };
}

/** Builds the index over the words the knowledge uses (2–4 Chinese characters each). */
export function createHomophoneIndex(vocabulary: Iterable<string>): HomophoneIndex {
  return homophoneIndexFrom(buildHomophoneTable(vocabulary));
}

/** The index over a table built by `buildHomophoneTable` (e.g. one kept in a cache). */
export function homophoneIndexFrom({ bySound, pieces, charSounds }: HomophoneTable): HomophoneIndex {
  const soundOf = soundWith(charSounds);
  const knownPiece = (piece: string): boolean => pieces.has(piece);

  return {
    correct(text) {
      const found: HomophoneCorrection[] = [];
      for (const run of text.match(HAN_RUN) ?? []) {
        // A mistyped character breaks its word apart: 优代证 segments as 优/代/证. Only runs of
        // whole segments that hold such a lone character are candidates, never a piece that
        // straddles two real words (伤残/军人 is not 参军).
        const segments = getJieba().cut(run, false);
        const spans: { start: number; end: number; correction: HomophoneCorrection }[] = [];
        let offset = 0;
        for (let i = 0; i < segments.length; i++) {
          let typed = '';
          let lone = false;
          // 老兵/证/在 in "老兵证在哪领": a lone character that completes a known word with the
          // segment before it (老兵证) is that word's, not a typo (证在 → 正在).
          const completesPrevious =
            i > 0 &&
            Array.from(segments[i] ?? '').length === 1 &&
            knownPiece(`${segments[i - 1] ?? ''}${segments[i] ?? ''}`);
          for (let j = completesPrevious ? segments.length : i; j < segments.length; j++) {
            const segment = segments[j] ?? '';
            typed += segment;
            lone ||= Array.from(segment).length === 1;
            const length = Array.from(typed).length;
            if (length > MAX_LENGTH) break;
            if (length < MIN_LENGTH || !lone || knownPiece(typed) || isDictionaryWord(typed)) continue;
            const candidates = (bySound.get(soundOf(typed)) ?? []).filter((w) => differsInOne(typed, w));
            // Two different words of the same sound: no way to tell which was meant.
            if (candidates.length === 1 && candidates[0]) {
              spans.push({
                start: offset,
                end: offset + typed.length,
                correction: { typed, word: candidates[0] },
              });
            }
          }
          offset += (segments[i] ?? '').length;
        }
        // Overlapping readings of one typo (优代, 优代证, 证在 in "优代证在哪领"): the longest wins,
        // and the characters it corrected are not read again.
        const chosen: typeof spans = [];
        for (const span of [...spans].sort((a, b) => b.end - b.start - (a.end - a.start))) {
          if (chosen.every((c) => span.end <= c.start || span.start >= c.end)) chosen.push(span);
        }
        found.push(...chosen.sort((a, b) => a.start - b.start).map((c) => c.correction));
      }
      return found;
    },
    apply(text, corrections) {
      return corrections.reduce((out, c) => out.replace(c.typed, c.word), text);
    },
  };
}
