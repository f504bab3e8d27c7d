import type { Answer, AnswerFigure, AnswerStatus, Citation, Language } from '../answer.js';
import { checkGrounding } from '../grounding.js';
import type { FigureRecord } from '../ports.js';
import type { Evidence } from './evidence.js';
import { CITATION_MARKER, stripNonClaims } from './grounding-gate.js';

/**
 * Turns the model's text into an Answer: its [n] markers become `citations` (renumbered 1..m in
 * order of first use, so the text and the list agree), and the figures whose values it wrote
 * become `figures`. Markers that point at nothing the tools returned are dropped from the text.
 */
export function buildLlmAnswer(input: {
  question: string;
  text: string;
  language: Language;
  evidence: Evidence;
}): Answer {
  const { text, citations } = renumberCitations(input.text, input.evidence);
  const figures = usedFigures(text, input.evidence.seenFigures);
  return {
    question: input.question,
    answer: text,
    status: statusOf(citations, figures),
    language: input.language,
    citations,
    figures,
    mode: 'llm',
  };
}

function renumberCitations(raw: string, evidence: Evidence): { text: string; citations: Citation[] } {
  const order = new Map<number, number>();
  const citations: Citation[] = [];
  const text = raw.replace(CITATION_MARKER, (_match, list: string) => {
    const mapped: number[] = [];
    for (const part of list.split(/[,，、]/)) {
      const entry = evidence.entry(Number(part.trim()));
      if (!entry) continue;
      let n = order.get(entry.cite);
      if (n === undefined) {
        n = citations.length + 1;
        order.set(entry.cite, n);
        citations.push({
          doc: entry.doc,
          title: entry.title,
          section: entry.section,
          quote: entry.quote,
          ...(entry.chunkId ? { chunkId: entry.chunkId } : {}),
        });
      }
      if (!mapped.includes(n)) mapped.push(n);
    }
    return mapped.map((n) => `[${n}]`).join('');
  });
  return { text: text.replace(/[ \t]+([。，！？；])/g, '$1').trim(), citations };
}

/** A figure is "used" when its value appears in the text, or (when masked) its name does. */
function usedFigures(text: string, seen: readonly FigureRecord[]): AnswerFigure[] {
  const claims = stripNonClaims(text);
  const used: AnswerFigure[] = [];
  for (const record of seen) {
    const mentioned =
      record.value === null
        ? claims.includes(record.name)
        : checkGrounding(`${record.value}${record.unit}`, [claims]).ok;
    if (!mentioned) continue;
    used.push({
      id: record.id,
      name: record.name,
      year: record.year,
      kind: record.kind,
      value: record.value,
      unit: record.unit,
      quote: record.quote,
    });
  }
  return used;
}

function statusOf(citations: Citation[], figures: AnswerFigure[]): AnswerStatus {
  if (figures.length > 0 && figures.every((f) => f.value === null)) return 'undisclosed';
  return citations.length > 0 || figures.length > 0 ? 'answered' : 'not_found';
}
