import type { KnowledgeBase } from '../../knowledge/types.js';
import type { Language } from '../answer.js';
import type { FigureRecord, KnowledgeTools } from '../ports.js';
import { answerFigure, uniqueCitations, type CiteQuote } from './cite.js';
import { draft, type Draft } from './draft.js';
import { formatValue } from './format-value.js';
import { englishTermsOf } from './english-gloss.js';

/**
 * The leaders' brief ("去年工作总体怎么样", "简单汇报一下2022年的数据", "给我看看关键指标"): a
 * one-screen summary built from the typed figures and the report's structure — the year's headline
 * disclosed figures (one per category first, so the brief is broad), its honours, next year's
 * targets with progress where an actual exists, and the problems the report names. Every line is
 * cited; undisclosed figures are left out (the dashboard lists them).
 */

const MAX_FIGURES = 8;
const MAX_HONOURS = 3;
const MAX_PROBLEMS = 3;

export function composeBrief(
  tools: KnowledgeTools,
  kb: KnowledgeBase,
  language: Language,
  cite: CiteQuote,
): Draft | undefined {
  const summary = tools.statsSummary();
  const figures = headlineFigures(summary.keyFigures);
  if (figures.length === 0) return undefined;
  const zh = language === 'zh';
  const lines: string[] = [zh ? `${summary.year}年工作简报：` : `Brief for ${summary.year}:`];

  lines.push(zh ? '【主要数据】' : '[Main figures]');
  for (const f of figures) {
    const value = formatValue(f.value ?? 0, f.unit, f.quote, language);
    lines.push(zh ? `· ${f.name}：${value}` : `· ${f.nameEn}: ${value}`);
  }

  const honours = summary.headlines.slice(0, MAX_HONOURS);
  if (honours.length > 0) {
    lines.push(zh ? '【荣誉】' : '[Honours (in Chinese)]');
    for (const h of honours) lines.push(`· ${h.text}`);
  }

  const targets = summary.targets.filter((c) => c.target?.value !== null && c.target !== undefined);
  if (targets.length > 0) {
    lines.push(zh ? `【${targets[0]?.year}年目标】` : `[Targets for ${targets[0]?.year}]`);
    for (const c of targets) {
      const target = formatValue(c.target?.value ?? 0, c.unit, c.target?.quote ?? '', language);
      const name = zh ? c.name : (c.target?.nameEn ?? c.name);
      const progress =
        c.progressPercent !== undefined
          ? zh
            ? `，已完成${c.progressPercent}%`
            : `, ${c.progressPercent}% reached`
          : zh
            ? '（实际完成数未填报）'
            : ' (actual not yet entered)';
      lines.push(zh ? `· ${name}：${target}${progress}` : `· ${name}: ${target}${progress}`);
    }
  }

  const problems = problemsNamed(kb).slice(0, MAX_PROBLEMS);
  if (problems.length > 0) {
    lines.push(zh ? '【存在的问题】' : '[Problems found (in Chinese)]');
    for (const p of problems) {
      const gloss = zh ? [] : englishTermsOf(p.title, kb.glossary);
      lines.push(gloss.length > 0 ? `· ${p.title} (${gloss.join('; ')})` : `· ${p.title}`);
    }
  }

  const used = [...figures, ...targets.flatMap((c) => (c.target ? [c.target] : []))];
  const citations = uniqueCitations([
    ...used.map((r) => cite(r.doc, r.quote)),
    ...honours.map((h) => cite(h.doc, h.text)),
    ...problems.map((p) => cite(p.doc, p.title)),
  ]);
  return draft('answered', lines.join('\n'), {
    citations,
    figures: used.map(answerFigure),
    derived: targets.map((c) => `${c.progressPercent ?? ''}`),
    year: summary.year,
    topic: 'brief',
    suggestions: zh
      ? ['2023年的目标完成得怎么样？', '2022年获得了哪些荣誉？']
      : ['How are the 2023 targets going?', 'What honours did the bureau receive in 2022?'],
  });
}

/** Disclosed actuals, one per category in turn, so the brief (and the leaders' screens) cover the whole year's work. */
export function headlineFigures(records: readonly FigureRecord[]): FigureRecord[] {
  const disclosed = records.filter((r) => r.value !== null && r.kind === 'actual');
  const byCategory = new Map<string, FigureRecord[]>();
  for (const r of disclosed) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  const chosen: FigureRecord[] = [];
  for (let round = 0; chosen.length < MAX_FIGURES && round < disclosed.length; round++) {
    for (const list of byCategory.values()) {
      const next = list[round];
      if (next && chosen.length < MAX_FIGURES) chosen.push(next);
    }
  }
  return chosen;
}

/** The report's "存在的问题和不足": the title sentence of each numbered problem. */
function problemsNamed(kb: KnowledgeBase): { title: string; doc: string }[] {
  const reports = new Set(
    kb.documents.filter((d) => d.kind === 'report' && !d.supersededBy).map((d) => d.id),
  );
  return kb.sections
    .filter((s) => reports.has(s.docId) && s.path.length === 2 && /问题|不足/.test(s.path[0] ?? ''))
    .map((s) => ({ title: (/^[^。]+。/.exec(s.text.trim())?.[0] ?? s.path[1] ?? '').trim(), doc: s.docId }))
    .filter((p) => p.title.length > 0);
}
