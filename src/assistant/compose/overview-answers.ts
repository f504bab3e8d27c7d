import type { Language } from '../answer.js';
import type { KnowledgeTools, TargetComparison } from '../ports.js';
import { answerFigure, uniqueCitations, type CiteQuote } from './cite.js';
import { draft, type Draft } from './draft.js';
import { formatValue } from './format-value.js';

/**
 * "2023年几个量化目标分别是多少": every indicator with a target in the current target year, next
 * to its latest actual (未公开 where masked), with progress when both are disclosed.
 */
export function composeTargetsOverview(
  tools: KnowledgeTools,
  language: Language,
  cite: CiteQuote,
  /** Only the targets whose name this accepts ("培训和就业这几个指标" → 培训…, …就业…). */
  about: (name: string) => boolean = () => true,
): Draft | undefined {
  const targets = tools.statsSummary().targets.filter((c) => c.target && about(c.name));
  const first = targets[0];
  if (!first) return undefined;
  const lines = targets.map((c) => targetLine(c, language));
  const lead = language === 'zh' ? `${first.year}年的量化目标：` : `Targets for ${first.year}:`;
  const used = targets.flatMap((c) => [c.target, c.latestActual]).filter((r) => r !== undefined);
  return draft('answered', `${lead}\n${lines.join('\n')}`, {
    citations: uniqueCitations(used.map((r) => cite(r.doc, r.quote))),
    figures: used.map(answerFigure),
    derived: targets.map((c) => `${c.progressPercent ?? ''} ${c.gap ?? ''}`),
    year: first.year,
    topic: 'targets',
  });
}

function targetLine(c: TargetComparison, language: Language): string {
  const show = (v: number | null | undefined, quote: string) =>
    v === null || v === undefined
      ? language === 'zh'
        ? '未公开'
        : 'not disclosed'
      : formatValue(v, c.unit, quote, language);
  const target = show(c.target?.value, c.target?.quote ?? '');
  const actual = c.latestActual ? show(c.latestActual.value, c.latestActual.quote) : undefined;
  const name = language === 'zh' ? c.name : (c.target?.nameEn ?? c.name);
  if (language === 'en') {
    const tail = actual ? `; ${c.latestActual?.year} actual: ${actual}` : '';
    return `· ${name}: target ${target}${tail}${c.progressPercent !== undefined ? ` (${c.progressPercent}% of target)` : ''}`;
  }
  const tail = actual ? `（${c.latestActual?.year}年实际：${actual}）` : '';
  return `· ${name}：目标${target}${tail}${c.progressPercent !== undefined ? `，完成${c.progressPercent}%` : ''}`;
}

/** "今年局里得了哪些荣誉": the report's headline honours, verbatim. */
export function composeHighlights(
  tools: KnowledgeTools,
  language: Language,
  cite: CiteQuote,
): Draft | undefined {
  const summary = tools.statsSummary();
  if (summary.headlines.length === 0) return undefined;
  const lead =
    language === 'zh'
      ? `${summary.year}年的主要荣誉和成绩：`
      : `Main honours and achievements in ${summary.year} (in Chinese):`;
  return draft('answered', `${lead}\n${summary.headlines.map((h) => `· ${h.text}`).join('\n')}`, {
    citations: uniqueCitations(summary.headlines.map((h) => cite(h.doc, h.text))),
    year: summary.year,
    topic: 'highlights',
  });
}
