/**
 * Finds every number a text states: Arabic numbers (half- or full-width, decimals, thousands
 * separators, 万/亿 multipliers), percents, ranges, dates, years, masked digits (`**`, `＊＊`, `××`)
 * and Chinese numerals followed by a measure word (四项, 两次, 十名). Used by the grounding check
 * (every number in an answer must be in a source), the composer and figure extraction.
 */
import { CHINESE_NUMERAL_CHARS, CHINESE_NUMERAL_STARTS, parseChineseNumeral } from './chinese-numerals.js';
import { toHalfWidth } from './normalise.js';
import {
  ARABIC_UNIT_SOURCE,
  CHINESE_UNIT_SOURCE,
  NOT_A_COUNT_BEFORE_ONE,
  NUMERAL_SET_PHRASES,
  isWordNotUnit,
} from './number-units.js';

export interface NumberMention {
  /** The value with any 万/亿 multiplier applied (`1.2万` → 12000); null when the digits are masked. */
  value: number | null;
  /** The mention exactly as written: `text.slice(index, index + raw.length) === raw`. */
  raw: string;
  /**
   * Unit as written after the number, half-width, multiplier included, 余/多/以上 left out:
   * `%`, `人次`, `万元`, `名`. Dates carry `月`/`日`, years `年`. Empty when no unit follows.
   */
  unit: string;
  /** Offset of the mention in the text it was found in. */
  index: number;
  /** True for 余/多/以上 ("over") numbers. */
  approximate: boolean;
  /** True when the source masks the digits (`**`, `＊＊`, `××`); value is then null. */
  masked: boolean;
  /** The 万/亿 multiplier written in the unit (1, 10000 or 100000000); value / multiplier is the number as written. */
  multiplier: number;
}

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
/** After the digits: multiplier, 余/多, multiplier (1000多万), unit, 以上. Groups 1–5. */
const TAIL = `(万|亿)?(余|多)?(万|亿)?(${ARABIC_UNIT_SOURCE})?(以上)?`;
const ARABIC = new RegExp(`(${NUM})${TAIL}`, 'y');
const MASKED = new RegExp(`[*×]+${TAIL}`, 'y');
const CHINESE_RUN = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+`, 'y');
const CHINESE_TAIL = new RegExp(`(余|多)?(${CHINESE_UNIT_SOURCE})(以上)?`, 'y');
const PERCENT_WORDS = new RegExp(`百分之(${NUM}|[${CHINESE_NUMERAL_CHARS}]+)`, 'y');
const DOT_DATE = /(\d{1,2})[·・•](\d{1,2})(?!\d)/y;
const ISO_DATE = /(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/y;
/** A character a mention can start with; every other position is skipped quickly. */
const MENTION_START = new RegExp(`[0-9*×百${CHINESE_NUMERAL_STARTS}]`);
const RANGE_GAP = /^\s*[-~—–至到]\s*$/;

const MULTIPLIERS: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

/** Multiplies without binary noise: 1.1 × 10000 is 11000, not 11000.000000000002. */
const scale = (value: number, multiplier: number): number => Number((value * multiplier).toPrecision(15));

type Scanner = (scan: string, original: string, at: number) => NumberMention[] | undefined;

function mention(original: string, index: number, length: number, fields: Partial<NumberMention>): NumberMention {
  return {
    value: null,
    unit: '',
    approximate: false,
    masked: false,
    multiplier: 1,
    ...fields,
    raw: original.slice(index, index + length),
    index,
  };
}

/** Reads the TAIL groups (starting at `first`) of a match into unit, multiplier and approximate. */
function readTail(
  match: RegExpExecArray,
  first: number,
  scan: string,
): { unit: string; multiplier: number; approximate: boolean; length: number } {
  const before = match[first] ?? '';
  const after = match[first + 2] ?? '';
  let unit = match[first + 3] ?? '';
  let above = match[first + 4] ?? '';
  let length = match[0].length;
  if (unit !== '' && isWordNotUnit(unit, scan[match.index + length - above.length])) {
    // e.g. `**日报社`: 日 starts the word 日报, so it is no unit; drop it and what followed.
    length -= unit.length + above.length;
    unit = '';
    above = '';
  }
  const multiplierText = before + after;
  return {
    unit: multiplierText + unit,
    multiplier: multiplierText === '' ? 1 : (MULTIPLIERS[multiplierText] ?? 1),
    approximate: match[first + 1] !== undefined || above !== '',
    length,
  };
}

const scanIsoDate: Scanner = (scan, original, at) => {
  ISO_DATE.lastIndex = at;
  const m = ISO_DATE.exec(scan);
  if (!m) return undefined;
  const [year = '', , month = '', day = ''] = [m[1], m[2], m[3], m[4]];
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return undefined;
  const monthAt = at + year.length + 1;
  const dayAt = monthAt + month.length + 1;
  return [
    mention(original, at, year.length, { value: Number(year), unit: '年' }),
    mention(original, monthAt, month.length, { value: Number(month), unit: '月' }),
    mention(original, dayAt, day.length, { value: Number(day), unit: '日' }),
  ];
};

/** `9·30` — a month·day date name. */
const scanDotDate: Scanner = (scan, original, at) => {
  DOT_DATE.lastIndex = at;
  const m = DOT_DATE.exec(scan);
  if (!m) return undefined;
  const month = m[1] ?? '';
  const day = m[2] ?? '';
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return undefined;
  return [
    mention(original, at, month.length, { value: Number(month), unit: '月' }),
    mention(original, at + month.length + 1, day.length, { value: Number(day), unit: '日' }),
  ];
};

const scanArabic: Scanner = (scan, original, at) => {
  ARABIC.lastIndex = at;
  const m = ARABIC.exec(scan);
  if (!m) return undefined;
  const tail = readTail(m, 2, scan);
  const digits = Number((m[1] ?? '').replace(/,/g, ''));
  return [
    mention(original, at, tail.length, {
      value: scale(digits, tail.multiplier),
      unit: tail.unit,
      approximate: tail.approximate,
      multiplier: tail.multiplier,
    }),
  ];
};

/** Masked digits only count when something numeric follows (`**人`, `***余条`, `**％`); `**市` is a masked name. */
const scanMasked: Scanner = (scan, original, at) => {
  if (at > 0 && (scan[at - 1] === '*' || scan[at - 1] === '×')) return undefined;
  MASKED.lastIndex = at;
  const m = MASKED.exec(scan);
  if (!m) return undefined;
  const tail = readTail(m, 1, scan);
  if (tail.unit === '' && !tail.approximate) return undefined;
  return [
    mention(original, at, tail.length, {
      unit: tail.unit,
      approximate: tail.approximate,
      masked: true,
      multiplier: tail.multiplier,
    }),
  ];
};

const scanPercentWords: Scanner = (scan, original, at) => {
  PERCENT_WORDS.lastIndex = at;
  const m = PERCENT_WORDS.exec(scan);
  if (!m) return undefined;
  const digits = m[1] ?? '';
  const value = /\d/.test(digits) ? Number(digits.replace(/,/g, '')) : parseChineseNumeral(digits);
  if (value === undefined) return undefined;
  return [mention(original, at, m[0].length, { value, unit: '%' })];
};

/** Chinese numerals count only before a measure word (四项, 两次); 二十大 and 一岗双责 are names. */
const scanChinese: Scanner = (scan, original, at) => {
  if (!CHINESE_NUMERAL_STARTS.includes(scan[at] ?? '')) return undefined;
  if (at > 0 && CHINESE_NUMERAL_CHARS.includes(scan[at - 1] ?? '')) return undefined;
  if (NUMERAL_SET_PHRASES.some((phrase) => scan.startsWith(phrase, at))) return undefined;
  CHINESE_RUN.lastIndex = at;
  const run = CHINESE_RUN.exec(scan)?.[0] ?? '';
  if (run === '一' && at > 0 && NOT_A_COUNT_BEFORE_ONE.includes(scan[at - 1] ?? '')) return undefined;
  CHINESE_TAIL.lastIndex = at + run.length;
  const tail = CHINESE_TAIL.exec(scan);
  if (!tail) return undefined;
  const unit = tail[2] ?? '';
  if (isWordNotUnit(unit, scan[at + run.length + tail[0].length])) return undefined;
  // Digit-by-digit numerals (二〇二二) are only years; 一一个 or 三五个 ("a few") are not numbers.
  const positional = /[十百千万亿]/.test(run);
  if (!positional && run.length > 1 && !(run.length === 4 && unit.startsWith('年'))) return undefined;
  const value = parseChineseNumeral(run);
  if (value === undefined) return undefined;
  // 三万人 reads like 3万人: the trailing 万/亿 is the multiplier, written in the unit.
  const multiplierText = run.length > 1 ? run.slice(-1) : '';
  const multiplier = MULTIPLIERS[multiplierText] ?? 1;
  return [
    mention(original, at, run.length + tail[0].length, {
      value,
      unit: (multiplier === 1 ? '' : multiplierText) + unit,
      approximate: tail[1] !== undefined || tail[3] !== undefined,
      multiplier,
    }),
  ];
};

const SCANNERS: readonly Scanner[] = [
  scanIsoDate,
  scanDotDate,
  scanArabic,
  scanMasked,
  scanPercentWords,
  scanChinese,
];

/** `100－299名`: the first number of a range takes the unit written after the second. */
function shareRangeUnits(mentions: NumberMention[], scan: string): void {
  for (let i = 0; i + 1 < mentions.length; i++) {
    const first = mentions[i];
    const second = mentions[i + 1];
    if (!first || !second || first.unit !== '' || second.unit === '') continue;
    if (!RANGE_GAP.test(scan.slice(first.index + first.raw.length, second.index))) continue;
    first.unit = second.unit;
    first.multiplier = second.multiplier;
    if (first.value !== null) first.value = scale(first.value, second.multiplier);
  }
}

/**
 * Every number mention in `text`, in order of appearance. Ranges yield two mentions sharing the
 * unit; `8月30日` yields 8 (unit 月) and 30 (unit 日); `9·30` likewise; masked digits yield
 * `{ value: null, masked: true }`. Chinese numerals count only before a measure word.
 */
export function findNumbers(text: string): NumberMention[] {
  // The full-width comma is never a thousands separator in Chinese prose: keep it out of numbers.
  const scan = toHalfWidth(text.replaceAll('，', '、'));
  const mentions: NumberMention[] = [];
  let at = 0;
  while (at < scan.length) {
    if (!MENTION_START.test(scan[at] ?? '')) {
      at += 1;
      continue;
    }
    let found: NumberMention[] | undefined;
    for (const scanner of SCANNERS) {
      found = scanner(scan, text, at);
      if (found) break;
    }
    const last = found?.at(-1);
    if (found && last) {
      mentions.push(...found);
      at = last.index + Math.max(last.raw.length, 1);
    } else at += 1;
  }
  shareRangeUnits(mentions, scan);
  return mentions;
}

/**
 * The values a text states, for grounding: every non-null mention value, plus the number as
 * written when a multiplier applies (`1.2万` → 12000 and 1.2), so an answer may use either form.
 */
export function numberValues(text: string): number[] {
  const values: number[] = [];
  for (const m of findNumbers(text)) {
    if (m.value === null) continue;
    values.push(m.value);
    if (m.multiplier !== 1) values.push(Number((m.value / m.multiplier).toPrecision(15)));
  }
  return values;
}
