import type { AnswerFigure, AnswerStatus, Citation } from '../answer.js';

/**
 * What a composer returns before the assistant adds question, language and mode. `derived` holds
 * texts computed in code from the cited figures (progress, counts, years covered); the grounding
 * check accepts their numbers alongside the citations and figures.
 */
export interface Draft {
  status: AnswerStatus;
  answer: string;
  citations: Citation[];
  figures: AnswerFigure[];
  derived: string[];
  metricId?: string;
  year?: number;
  topic?: string;
  /** The entitlement cards the answer is built from (kept in the session for follow-ups). */
  cardIds?: string[];
  /** Next questions to offer (related cards, other years of an indicator). */
  suggestions?: string[];
  /**
   * A refusal that is itself the answer (the report counts them but names none, gives no cause,
   * has no figure for that county): no card that shares a word answers instead.
   */
  settled?: boolean;
}

export const draft = (status: AnswerStatus, answer: string, extra: Partial<Draft> = {}): Draft => ({
  status,
  answer,
  citations: [],
  figures: [],
  derived: [],
  ...extra,
});
