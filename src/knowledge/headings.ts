/**
 * Heading detection for Chinese official documents and Markdown. A heading's rank orders nesting:
 * Markdown `#`…`######` are ranks 1–6, the Chinese numbering levels come below them (11–14), so a
 * `一、` inside a `## 就业` section nests under it, and in a plain-text report `一、` > `（一）` >
 * `1.` > `（1）`.
 */

export interface Heading {
  /** Nesting rank: smaller is higher. */
  rank: number;
  /** The heading as shown in a section path, e.g. `1.强化党的创新理论武装` (terminator dropped). */
  title: string;
  /** True when the line holds only the heading; false when body text follows on the same line. */
  pure: boolean;
}

const MARKDOWN_HEADING = /^(#{1,6})[ \t]+(.+?)[ \t#]*$/;
const CHINESE_RANK_BASE = 10;

/** Chinese numbering levels, highest first. Level 3 differs for Markdown, see `levelThree`. */
const LEVEL_ONE = /^[一二三四五六七八九十]{1,3}、/;
const LEVEL_TWO = /^[（(][一二三四五六七八九十]{1,3}[）)]/;
const LEVEL_FOUR = /^[（(]\d{1,2}[）)]/;
/** `1.` `1．` `1、` — not `1.5亿` (a decimal). */
const LEVEL_THREE_TEXT = /^\d{1,2}[.．、](?!\d)/;
/** In Markdown `1. item` (with a space) is an ordered list item, so only `1.强化…` is a heading. */
const LEVEL_THREE_MARKDOWN = /^\d{1,2}(?:[.．](?![\d\s])|、)/;

/** Where a heading sentence ends when body text follows on the same line. */
const TITLE_END = /[。！？!?；;：:]/;
/** Longer "titles" are numbered paragraphs; the path shows their first words. */
const MAX_TITLE_LENGTH = 60;

/** The Chinese numbering level (1–4) a line starts with, or undefined. */
function chineseLevel(line: string, markdown: boolean): number | undefined {
  if (LEVEL_ONE.test(line)) return 1;
  if (LEVEL_TWO.test(line)) return 2;
  if ((markdown ? LEVEL_THREE_MARKDOWN : LEVEL_THREE_TEXT).test(line)) return 3;
  if (LEVEL_FOUR.test(line)) return 4;
  return undefined;
}

/** Shortens an over-long title at its first comma, or else cuts it. */
function shorten(title: string): string {
  if (title.length <= MAX_TITLE_LENGTH) return title;
  const comma = title.search(/[，,]/);
  if (comma > 0 && comma <= MAX_TITLE_LENGTH) return title.slice(0, comma);
  return `${title.slice(0, MAX_TITLE_LENGTH)}…`;
}

/**
 * Reads `line` (leading whitespace already removed) as a heading, or returns undefined for body
 * text. `1.强化党的创新理论武装。把党的…` is a heading titled `1.强化党的创新理论武装` with body
 * text after it; `依据：《退役军人保障法》第四十六条` and `**第四十六条**` are body text.
 */
export function readHeading(line: string, markdown: boolean): Heading | undefined {
  if (markdown) {
    const match = MARKDOWN_HEADING.exec(line);
    if (match) return { rank: match[1]?.length ?? 1, title: (match[2] ?? '').trim(), pure: true };
  }
  const level = chineseLevel(line, markdown);
  if (level === undefined) return undefined;
  const text = line.trimEnd();
  const end = text.search(TITLE_END);
  const title = end < 0 ? text : text.slice(0, end);
  const rest = end < 0 ? '' : text.slice(end + 1).trim();
  // A long line without any terminator is a numbered paragraph: keep it as body text too.
  const pure = rest === '' && title.length <= MAX_TITLE_LENGTH;
  return { rank: CHINESE_RANK_BASE + level, title: shorten(title.trim()), pure };
}
