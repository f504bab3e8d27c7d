import type { KnowledgeBase } from '../../knowledge/types.js';
import type { AnswerFigure, Citation } from '../answer.js';
import type { FigureRecord, Passage } from '../ports.js';

export type CiteQuote = (doc: string, quote: string) => Citation | undefined;

/**
 * Builds citations from quotes: finds the chunk that holds the quote to give the section path and
 * chunk id; a quote that spans chunks falls back to its section.
 */
export function createCiteQuote(kb: KnowledgeBase): CiteQuote {
  const titles = new Map(kb.documents.map((d) => [d.id, d.title]));
  return (doc, quote) => {
    const title = titles.get(doc);
    if (title === undefined) return undefined;
    const chunk = kb.chunks.find((c) => c.docId === doc && c.text.includes(quote));
    if (chunk) return { doc, title, section: chunk.sectionPath.join(' › '), quote, chunkId: chunk.id };
    const section = kb.sections
      .filter((s) => s.docId === doc && s.text.includes(quote))
      .sort((a, b) => b.path.length - a.path.length)[0];
    return { doc, title, section: section?.path.join(' › ') ?? '', quote };
  };
}

export const passageCitation = (p: Passage): Citation => ({
  doc: p.doc,
  title: p.title,
  section: p.section,
  quote: p.quote,
  chunkId: p.chunkId,
});

export const answerFigure = (r: FigureRecord): AnswerFigure => ({
  id: r.id,
  name: r.name,
  year: r.year,
  kind: r.kind,
  value: r.value,
  unit: r.unit,
  quote: r.quote,
  ...(r.approx ? { approx: r.approx } : {}),
});

/** Keeps the first citation per (doc, quote). */
export function uniqueCitations(citations: (Citation | undefined)[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c): c is Citation => {
    if (!c || seen.has(`${c.doc}\u0000${c.quote}`)) return false;
    seen.add(`${c.doc}\u0000${c.quote}`);
    return true;
  });
}
