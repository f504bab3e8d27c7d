import type { Answer, AnswerFigure, AnswerStatus, Citation, Language } from '../answer.js';
import { checkGrounding } from '../grounding.js';
import type { FigureRecord } from '../ports.js';
import type { Evidence } from './evidence.js';
import { CITATION_MARKER, stripNonClaims } from './grounding-gate.js';
import { answerFigure } from '../compose/cite.js';

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
    status: statusOf(text, citations, figures),
    language: input.language,
    citations,
    figures,
    mode: 'llm',
  };
}

/**
 * Renumbers [n] markers in order of first use, text segment by text segment. Streaming applies it
 * to each released sentence and the final Answer to the whole text; both give the same numbers.
 */
export interface CitationNumbering {
  apply(text: string): string;
  readonly citations: readonly Citation[];
}

export function createCitationNumbering(evidence: Evidence): CitationNumbering {
  const order = new Map<number, number>();
  const citations: Citation[] = [];
  const numberOf = (cite: number): number | undefined => {
    const entry = evidence.entry(cite);
    if (!entry) return undefined;
    let n = order.get(entry.cite);
    if (n === undefined) {
      n = citations.length + 1;
      order.set(entry.cite, n);
      const { cite: _cite, ...citation } = entry;
      citations.push(citation);
    }
    return n;
  };
  return {
    apply: (text) =>
      text
        .replace(CITATION_MARKER, (_match, list: string) => {
          const numbers = list.split(/[,，、]/).map((part) => numberOf(Number(part.trim())));
          return [...new Set(numbers.filter((n) => n !== undefined))].map((n) => `[${n}]`).join('');
        })
        // A dropped marker may leave a space before punctuation.
        .replace(/[ \t]+([。，！？；])/g, '$1'),
    citations,
  };
}

function renumberCitations(raw: string, evidence: Evidence): { text: string; citations: Citation[] } {
  const numbering = createCitationNumbering(evidence);
  const text = numbering.apply(raw).trim();
  return { text, citations: [...numbering.citations] };
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
    used.push(answerFigure(record));
  }
  return used;
}

/** The phrase the system prompts ask for when a value is masked (prompts/system.*.md). */
const UNDISCLOSED = /未公开|not (?:been )?(?:made )?(?:public|disclosed)/i;

function statusOf(text: string, citations: Citation[], figures: AnswerFigure[]): AnswerStatus {
  const noValue = figures.every((f) => f.value === null);
  if (noValue && (figures.length > 0 || (citations.length > 0 && UNDISCLOSED.test(text))))
    return 'undisclosed';
  return citations.length > 0 || figures.length > 0 ? 'answered' : 'not_found';
}
