import { findNumbers } from '../../knowledge/numbers.js';
import type { GlossaryEntry } from '../../knowledge/types.js';

/**
 * The figures of a Chinese quote, written in English: an English reader of "于8月30日提前3个月
 * 完成" learns the date and the three months without reading Chinese. Only what the quote states
 * is glossed (masked numbers and units without an English name are left out).
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Measure words with an English name; others are not glossed. */
const UNITS: Record<string, [singular: string, plural: string]> = {
  个月: ['month', 'months'],
  年: ['year', 'years'],
  天: ['day', 'days'],
  日: ['day', 'days'],
  人: ['person', 'people'],
  名: ['person', 'people'],
  位: ['person', 'people'],
  人次: ['person-time', 'person-times'],
  次: ['time', 'times'],
  场: ['event', 'events'],
  家: ['enterprise', 'enterprises'],
  座: ['grave', 'graves'],
  项: ['item', 'items'],
  个: ['', ''],
  元: ['yuan', 'yuan'],
  万元: ['yuan', 'yuan'],
  星级: ['star', 'star'],
  '%': ['%', '%'],
};

const MAX_GLOSSED = 6;
const DATE = /(\d{1,2})月(\d{1,2})日/g;

/** "8月30日" → "August 30"; undefined for anything else. */
export function englishDate(date: string): string | undefined {
  const m = /^(\d{1,2})月(\d{1,2})日$/.exec(date);
  const name = m ? MONTHS[Number(m[1]) - 1] : undefined;
  return name && m ? `${name} ${Number(m[2])}` : undefined;
}

export function englishFigureGloss(quote: string): string | undefined {
  const glossed: string[] = [];
  const dates = [...quote.matchAll(DATE)];
  for (const [date] of dates) {
    const english = englishDate(date);
    if (english) glossed.push(english);
  }
  const inDate = (index: number) => dates.some((d) => index >= d.index && index < d.index + d[0].length);
  for (const m of findNumbers(quote)) {
    if (m.value === null || inDate(m.index)) continue;
    const unit = m.unit.replace(/^[余多]/, '').replace(/以上$/, '');
    const names = UNITS[unit];
    if (!names) continue;
    // "2022年" names a year, not a number of years.
    if (unit === '年' && m.value >= 1900 && m.value <= 2100) continue;
    const more = m.approximate ? '+' : '';
    const name = m.value === 1 ? names[0] : names[1];
    glossed.push(name === '%' ? `${m.value}%` : `${m.value}${more}${name ? ` ${name}` : ''}`);
  }
  const unique = [...new Set(glossed)].slice(0, MAX_GLOSSED);
  return unique.length > 0 ? `Figures: ${unique.join('; ')}.` : undefined;
}

/**
 * The glossary terms a Chinese text holds, longest first and not inside a longer one found, each
 * in its first English rendering: "信访稳定形势依然严峻" → ["petition and stability"].
 */
export function englishTermsOf(text: string, glossary: readonly GlossaryEntry[]): string[] {
  const found: GlossaryEntry[] = [];
  for (const entry of [...glossary].sort((a, b) => b.term.length - a.term.length)) {
    const english = entry.english[0];
    if (!english || !text.includes(entry.term)) continue;
    if (found.some((f) => f.term.includes(entry.term))) continue;
    found.push(entry);
  }
  return found.map((f) => f.english[0] ?? '');
}
