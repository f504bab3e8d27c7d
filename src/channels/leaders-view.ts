import type { Language } from '../assistant/answer.js';
import { headlineFigures } from '../assistant/compose/brief-answer.js';
import type { FigureRecord, KnowledgeTools, TargetComparison } from '../assistant/ports.js';
import { showMaskedNames } from '../knowledge/masked-names.js';
import { actualsMissingNote } from './figure-text.js';

/**
 * What the leaders' screens lead with — the dashboard's first screen, Telegram /stats and the
 * summary picture: the year's headline disclosed figures (the same ones the brief names), its
 * honours (masked places as 某市), and the targets with a note while their actuals are missing.
 */
export interface LeadersView {
  /** The latest year with actuals. */
  year: number;
  /** Headline disclosed actuals of `year`, one per category in turn (at most eight). */
  figures: FigureRecord[];
  /** Headline honours of the report, as they read to a person (某市, not **市). */
  honours: string[];
  /** The latest targets next to the actuals. */
  targets: TargetComparison[];
  /** Words under the targets while their year's actuals have not been entered. */
  actualsNote: string | undefined;
}

const MAX_HONOURS = 3;

export function leadersView(tools: KnowledgeTools, language: Language): LeadersView {
  const summary = tools.statsSummary();
  return {
    year: summary.year,
    figures: headlineFigures(summary.keyFigures),
    honours: summary.headlines.slice(0, MAX_HONOURS).map((h) => showMaskedNames(h.text)),
    targets: summary.targets,
    actualsNote: actualsMissingNote(summary.targets, language),
  };
}
