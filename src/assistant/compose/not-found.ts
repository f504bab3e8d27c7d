import type { Language } from '../answer.js';
import type { Understanding } from '../understand/understand.js';
import type { ComposeContext } from './compose-context.js';
import { draft, type Draft } from './draft.js';
import { contactLine, contactSource, t } from './messages.js';
import { heldCitations, yearsHeld } from './figure-answer.js';
import type { CiteQuote } from './cite.js';

/** Answers that say what the documents don't hold, and the local-rule note with the contact block. */

const LOCAL_RULE = /具体办法由|地方(人民政府|性法规)|当地|省、自治区、直辖市|省级人民政府/;

export function withLocalRuleNote(answer: Draft, u: Understanding, ctx: ComposeContext): Draft {
  if (!answer.citations.some((c) => LOCAL_RULE.test(c.quote))) return answer;
  const note = sentences(u.language, t('localRule', u.language), contactLine(ctx.kb.bureau, u.language));
  return {
    ...answer,
    answer: `${answer.answer}\n${note}`,
    derived: [...answer.derived, contactSource(ctx.kb.bureau)],
  };
}

/** Chinese sentences follow each other directly; English ones need a space. */
const sentences = (language: Language, ...parts: string[]): string =>
  parts.join(language === 'en' ? ' ' : '');

export function notFound(u: Understanding, ctx: ComposeContext): Draft {
  return draft(
    'not_found',
    sentences(u.language, t('notFound', u.language), contactLine(ctx.kb.bureau, u.language)),
    {
      derived: [contactSource(ctx.kb.bureau)],
    },
  );
}

/**
 * A year as the asker wrote it ("2021年", "21年", "前年"): never a number they did not write, which
 * the grounding check would rightly flag.
 */
const RELATIVE_YEARS = [
  'year before last',
  '前年',
  'last year',
  '去年',
  '上一年度',
  '本年度',
  'this year',
  '今年',
  'next year',
  '明年',
];

export function yearAsWritten(u: Understanding, year: number): string {
  const zh = u.language === 'zh';
  if (u.text.includes(String(year))) return zh ? `${year}年` : String(year);
  const short = `${String(year).slice(2)}年`;
  if (u.text.includes(short)) return short;
  // Words for years in time order: with one per asked year ("去年比前年"), each year gets its own.
  const present = RELATIVE_YEARS.filter((w) => u.text.toLowerCase().includes(w));
  const asked = [...new Set(u.years)].sort((a, b) => a - b);
  const relative =
    present.length > 1 && present.length === asked.length ? present[asked.indexOf(year)] : present[0];
  return relative ? (zh ? `“${relative}”` : `"${relative}"`) : zh ? `${year}年` : String(year);
}

export function yearNotCovered(u: Understanding, cite: CiteQuote): Draft {
  const asked = u.years.map((y) => yearAsWritten(u, y)).join(u.language === 'zh' ? '、' : ', ');
  const text =
    u.language === 'zh'
      ? `现有资料中没有${asked}的相关数据，我不作猜测。`
      : `The documents hold no figures for ${asked}, and I won't guess.`;
  // "那2021年呢" on an indicator: say which years the documents do hold.
  const held = u.kpi ? yearsHeld(u.kpi, u.language) : undefined;
  return {
    ...draft('not_found', held ? `${text}\n${held.line}` : text, {
      ...(u.kpi ? { metricId: u.kpi.id } : {}),
      citations: held && u.kpi ? heldCitations(u.kpi, cite) : [],
    }),
    ...(held ? { suggestions: held.suggestions } : {}),
  };
}
