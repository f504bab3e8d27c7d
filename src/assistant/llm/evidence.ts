import type { Citation } from '../answer.js';
import { passageCitation } from '../compose/cite.js';
import type { EntitlementMatch, FigureRecord, Passage, SourceSummary, TargetComparison } from '../ports.js';

/** One thing the model may cite as [n]: a passage, a law article, or the quote behind a figure. */
export type CitableEntry = Citation & { cite: number };

/**
 * Everything the tools returned while one answer was written. It numbers citable quotes across
 * all tool calls (the provider's per-call passage numbers would collide), keeps the exact tool
 * output texts as the grounding sources, and the figure records for `Answer.figures`.
 */
export interface Evidence {
  /** Registers passages and returns the objects shown to the model, each with its cite number. */
  passages(found: Passage[]): object[];
  /** Registers figure records and returns their model-facing form, each with a cite number. */
  figures(records: FigureRecord[]): object[];
  comparison(result: TargetComparison): object;
  sources(list: SourceSummary[]): object[];
  /** Registers the cards' law articles as citable entries and returns the cards' model-facing form. */
  entitlements(found: EntitlementMatch[]): object[];
  /** Records a tool's output text (minus cite numbers): the grounding check accepts only numbers found in these. */
  recordOutput(text: string): void;
  readonly outputs: readonly string[];
  readonly seenFigures: readonly FigureRecord[];
  entry(cite: number): CitableEntry | undefined;
}

/** Creates an empty evidence log; `titleOf` resolves a document id to its title for figure citations. */
export function createEvidence(titleOf: (doc: string) => string): Evidence {
  const entries = new Map<number, CitableEntry>();
  const byKey = new Map<string, number>();
  const outputs: string[] = [];
  const seenFigures: FigureRecord[] = [];

  const register = (key: string, entry: Omit<CitableEntry, 'cite'>): number => {
    const existing = byKey.get(key);
    if (existing !== undefined) return existing;
    const cite = entries.size + 1;
    entries.set(cite, { ...entry, cite });
    byKey.set(key, cite);
    return cite;
  };

  const figureView = (record: FigureRecord): object => {
    if (!seenFigures.some((f) => f.id === record.id && f.year === record.year && f.kind === record.kind)) {
      seenFigures.push(record);
    }
    const cite = register(`quote:${record.doc}:${record.quote}`, {
      doc: record.doc,
      title: titleOf(record.doc),
      section: '',
      quote: record.quote,
    });
    return {
      cite,
      metric: record.id,
      name: record.name,
      nameEn: record.nameEn,
      year: record.year,
      kind: record.kind,
      value: record.value,
      disclosed: record.value !== null,
      unit: record.unit,
      quote: record.quote,
      ...(record.note ? { note: record.note } : {}),
    };
  };

  return {
    passages: (found) =>
      found.map((p) => ({
        cite: register(`chunk:${p.chunkId}`, passageCitation(p)),
        title: p.title,
        section: p.section,
        text: p.quote,
      })),
    figures: (records) => records.map(figureView),
    comparison: (c) => ({
      metric: c.metricId,
      name: c.name,
      year: c.year,
      unit: c.unit,
      target: c.target ? figureView(c.target) : null,
      latestActual: c.latestActual ? figureView(c.latestActual) : null,
      progressPercent: c.progressPercent ?? null,
      gap: c.gap ?? null,
    }),
    sources: (list) =>
      list.map((s) => ({
        doc: s.doc,
        title: s.title,
        kind: s.kind,
        ...(s.issuer ? { issuer: s.issuer } : {}),
        ...(s.effectiveDate ? { effectiveDate: s.effectiveDate } : {}),
        superseded: s.superseded,
      })),
    entitlements: (found) =>
      found.map(({ card, confidence, citations }) => ({
        card: card.id,
        title: card.title,
        confidence: Math.round(confidence * 100) / 100,
        answer: card.answer,
        answerEn: card.answerEn,
        ...(card.who ? { who: card.who } : {}),
        ...(card.exceptions ? { exceptions: card.exceptions } : {}),
        ...(card.where ? { where: card.where } : {}),
        ...(card.bring ? { bring: card.bring } : {}),
        ...(card.local ? { decidedElsewhere: card.local } : {}),
        articles: citations.map((c) => ({
          cite: register(`chunk:${c.chunkId ?? `${c.doc}:${c.quote}`}`, c),
          law: c.title,
          article: c.section,
          text: c.quote,
        })),
      })),
    recordOutput: (text) => {
      // Cite numbers are our bookkeeping, not facts: "2名" must not pass because a passage is [2].
      outputs.push(text.replace(/"cite":\d+,?/g, ''));
    },
    outputs,
    seenFigures,
    entry: (cite) => entries.get(cite),
  };
}
