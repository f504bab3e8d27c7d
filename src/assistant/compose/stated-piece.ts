import type { Language } from '../answer.js';
import { uniqueCitations, type CiteQuote } from './cite.js';
import { draft, type Draft } from './draft.js';
import { t } from './messages.js';
import type { ScoredPassage } from './passage-answer.js';
import { coverage, type TermWeight } from './relevance.js';

/** The piece must hold this much of the question, as a figure's sentence must. */
const MIN_PIECE_COVERAGE = 0.4;

export interface StatedPiece {
  doc: string;
  /** The sentence or clause, trimmed, as the document writes it. */
  text: string;
  /** What `pattern` matched in it. */
  match: RegExpExecArray;
}

/**
 * Of the best three passages' pieces (sentences or clauses, cut after `boundary`) that state
 * `pattern` (a date, a range), the one that holds most of the question; undefined when none is on
 * the question's topic.
 */
export function bestStatingPiece(
  passages: ScoredPassage[],
  terms: string[],
  weight: TermWeight,
  pattern: RegExp,
  boundary: RegExp,
): StatedPiece | undefined {
  const pieces = passages.slice(0, 3).flatMap(({ passage }) =>
    passage.quote
      .split(boundary)
      .map((piece) => ({ doc: passage.doc, text: piece.trim(), match: pattern.exec(piece) }))
      .filter((p): p is StatedPiece => p.match !== null)
      .map((p) => ({ ...p, score: coverage(terms, p.text, weight) })),
  );
  const best = pieces.sort((a, b) => b.score - a.score)[0];
  return best && best.score >= MIN_PIECE_COVERAGE ? best : undefined;
}

/** The answer's lead line, then the piece quoted and cited. */
export function statedAnswer(
  lead: string,
  doc: string,
  quote: string,
  language: Language,
  cite: CiteQuote,
): Draft {
  return draft('answered', `${lead}\n${t('quoteLabel', language)}：“${quote}”`, {
    citations: uniqueCitations([cite(doc, quote)]),
  });
}
