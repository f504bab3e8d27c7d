import type { ExtractedFigure } from '../../knowledge/types.js';
import type { Language } from '../answer.js';
import { uniqueCitations, type CiteQuote } from './cite.js';
import type { Draft } from './draft.js';
import {
  clauseOf,
  composeExtractedFigureAnswer,
  levelOf,
  type FigureCandidate,
} from './extracted-figure-answer.js';

/** Units in which the report rates one unit of the bureau against another (五星级, 一档). */
const RATING_UNITS = new Set(['星级', '档', '等次']);

/**
 * "军休那边去年评上几星了": the report rates two units in the same paragraph (**市军休总站 五星级,
 * **县军休所 四星级) and the question names neither, nor a level: both are given, each with its
 * line, rather than whichever ranked first.
 */
export function withLikeRatings(
  answer: Draft,
  { figure }: FigureCandidate,
  figures: readonly ExtractedFigure[],
  question: string,
  language: Language,
  cite: CiteQuote,
): Draft {
  if (answer.status !== 'answered' || !RATING_UNITS.has(figure.unit) || levelOf(question)) return answer;
  const likes = figures.filter(
    (g) =>
      g !== figure &&
      g.docId === figure.docId &&
      g.unit === figure.unit &&
      g.value !== null &&
      g.subject !== figure.subject &&
      g.sectionPath.join('›') === figure.sectionPath.join('›'),
  );
  const named = [figure, ...likes].some((g) => question.includes(g.subject));
  if (likes.length === 0 || named) return answer;
  // In the report's order (the city's total station before the county's office).
  const all = [figure, ...likes]
    .sort((a, b) => figures.indexOf(a) - figures.indexOf(b))
    .map((g) =>
      g === figure
        ? answer
        : composeExtractedFigureAnswer(
            { figure: g, clause: clauseOf(g), sentence: 0, subject: 0, own: 0 },
            language,
            cite,
          ),
    );
  return {
    ...answer,
    answer: all.map((d) => d.answer).join('\n'),
    citations: uniqueCitations(all.flatMap((d) => d.citations)),
    figures: all.flatMap((d) => d.figures),
  };
}
