import type { Chunk, KnowledgeBase } from '../../knowledge/types.js';
import type { FigureRecord, StatsSummary, TargetComparison } from '../ports.js';

/** Words that mark a headline honour or ranking in a work report. */
const HONOUR = /评为|获评|表彰|先进单位|满分|一档|推介|肯定|星级|前列/;
// A work report states its honours in a handful of opening sentences; eight keeps them all (six
// left out the provincial commendations) and still fits one screen.
const MAX_HEADLINES = 8;

/**
 * The leaders' one-screen summary: the report's headline honours (verbatim sentences), the latest
 * year's disclosed and undisclosed key figures, and next year's targets against the latest actuals.
 */
export function buildStatsSummary(
  kb: KnowledgeBase,
  actuals: FigureRecord[],
  targets: TargetComparison[],
): StatsSummary {
  const year = actuals.reduce((max, r) => Math.max(max, r.year), 0);
  return {
    year,
    headlines: headlineSentences(kb).slice(0, MAX_HEADLINES),
    keyFigures: actuals.filter((r) => r.year === year),
    targets,
  };
}

function headlineSentences(kb: KnowledgeBase): { text: string; doc: string }[] {
  const reports = new Set(
    kb.documents.filter((d) => d.kind === 'report' && !d.supersededBy).map((d) => d.id),
  );
  const seen = new Set<string>();
  const out: { text: string; doc: string }[] = [];
  for (const chunk of kb.chunks) {
    if (!reports.has(chunk.docId) || chunk.sectionPath.length > 1) continue;
    for (const sentence of sentencesOf(chunk)) {
      if (HONOUR.test(sentence) && !seen.has(sentence)) {
        seen.add(sentence);
        out.push({ text: sentence, doc: chunk.docId });
      }
    }
  }
  return out;
}

function sentencesOf(chunk: Chunk): string[] {
  return chunk.text
    .split(/(?<=[。；！])|，(?=被|获|在|退役|“)/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 8);
}
