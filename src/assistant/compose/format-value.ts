import type { Language } from '../answer.js';
import { approximationIn } from '../../knowledge/approximation.js';

const ENGLISH_UNITS: Record<string, string> = {
  '%': '%',
  人: ' people',
  名: ' people',
  人次: ' person-times',
  次: ' times',
  座: '',
  家: '',
  个: '',
  项: '',
  份: '',
  起: ' cases',
  条: ' items',
  元: ' yuan',
  万元: ' wan yuan (万元)',
  个月: ' months',
  月: ' months',
  年: ' years',
};

/**
 * Writes a value with its unit the way the source did: "20000余人" keeps its 余 ("over"), so the
 * answer never sounds more exact than the document.
 */
export function formatValue(value: number, unit: string, quote: string, language: Language): string {
  const approx = approximationIn(value, quote);
  if (language === 'zh') return `${value}${approx ?? ''}${unit}`;
  const englishUnit = ENGLISH_UNITS[unit] ?? ` ${unit}`;
  return `${approx ? 'over ' : ''}${value}${englishUnit}`;
}
