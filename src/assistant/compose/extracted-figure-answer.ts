import type { ExtractedFigure } from '../../knowledge/types.js';
import type { Language } from '../answer.js';
import { uniqueCitations, type CiteQuote } from './cite.js';
import { draft, type Draft } from './draft.js';
import { t } from './messages.js';
import type { ScoredPassage } from './passage-answer.js';
import { coverage, type TermWeight } from './relevance.js';

/** The figure's own clause must hold at least half of what the question asks about. */
const MIN_CLAUSE_COVERAGE = 0.5;
/** …and its subject phrase must be part of what is asked about. */
const MIN_SUBJECT_COVERAGE = 0.2;

/**
 * A number question about something that is not a curated indicator ("廉政谈话多少人次"): the
 * automatically extracted figure in the best passages whose subject matches the question best.
 * Masked ones are answered as 未公开. Undefined when no figure in those passages fits.
 */
export function composeExtractedFigureAnswer(
  terms: string[],
  passages: ScoredPassage[],
  figures: readonly ExtractedFigure[],
  language: Language,
  cite: CiteQuote,
  weight: TermWeight,
): Draft | undefined {
  const candidates = passages
    .slice(0, 3)
    .flatMap(({ passage }) =>
      figures
        .filter((f) => f.docId === passage.doc && passage.quote.includes(f.quote))
        .map((f) => ({
          f,
          clause: coverage(terms, f.quote, weight),
          subject: coverage(terms, f.subject, weight),
        })),
    );
  const best = candidates
    .filter((c) => c.clause >= MIN_CLAUSE_COVERAGE && c.subject >= MIN_SUBJECT_COVERAGE)
    .sort((a, b) => b.subject + b.clause - (a.subject + a.clause))[0];
  if (!best) return undefined;
  const { f } = best;
  const shown = f.value === null ? undefined : `${f.raw}${f.raw.endsWith(f.unit) ? '' : f.unit}`;
  const text =
    language === 'zh'
      ? shown === undefined
        ? `“${f.subject}”的数字未公开（${t('masked', 'zh')}）。`
        : `${f.year ? `${f.year}年` : ''}${f.subject}：${shown}。`
      : shown === undefined
        ? `The figure for “${f.subject}” is not disclosed (${t('masked', 'en')}).`
        : `${f.year ? `In ${f.year}, ` : ''}「${f.subject}」: ${shown}.`;
  return draft(
    f.value === null ? 'undisclosed' : 'answered',
    `${text}\n${t('quoteLabel', language)}：“${f.quote}”`,
    {
      citations: uniqueCitations([cite(f.docId, f.quote)]),
      figures:
        f.year === undefined
          ? []
          : [{ name: f.subject, year: f.year, kind: f.kind, value: f.value, unit: f.unit, quote: f.quote }],
      ...(f.year === undefined ? {} : { year: f.year }),
      topic: f.sectionPath[0] ?? '',
    },
  );
}
