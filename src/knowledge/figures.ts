/**
 * Extracts every number-with-unit statement of a document as a figure: what it measures, its value
 * as written (null when masked), unit, year, actual-or-target, and the verbatim quote it came from.
 * Dates, years and ordinals (`第四十六条`, `1.`, `（一）`) are not figures; durations (`两年内`) are.
 */
import type { ExtractedFigure, FigureKind, Section, SourceDocument } from './types.js';
import { findNumbers, type NumberMention } from './numbers.js';
import { figureSubject } from './figure-subject.js';
import { sentenceSpans, type Span } from './sentences.js';

/** A sentence longer than this is quoted by the clause that holds the number. */
const QUOTE_MAX = 120;
const CLAUSE_END = /[，,；;：:。！？!?]/;
const YEAR_IN_TEXT = /((?:19|20)\d{2})年/;
/** Section titles that announce plans: figures under them are targets. */
const PLAN_TITLE = /打算|计划|目标|规划|展望|思路|要点/;
/** Words before a number in the same sentence that make it a target (`力争`, `确保…达`). */
const TARGET_CUE = /力争|确保|目标|预计|计划到|争取到|拟/;
const RANGE_GAP = /^\s*[-－~～—–至到]\s*$/;

interface LocatedSection {
  start: number;
  end: number;
  path: string[];
}

/** Finds each section's offsets in the document (sections are verbatim and in document order). */
function locateSections(text: string, sections: readonly Section[]): LocatedSection[] {
  const located: LocatedSection[] = [];
  let from = 0;
  for (const section of sections) {
    const start = text.indexOf(section.text, from);
    if (start < 0) continue;
    located.push({ start, end: start + section.text.length, path: section.path });
    from = start + 1;
  }
  return located;
}

/**
 * The innermost section containing an offset (the last one that starts before it and spans it),
 * for offsets asked in increasing order. Sections are visited once each (a stack of those still
 * open), so a document with tens of thousands of sections is not scanned once per sentence.
 */
function createPathAt(located: readonly LocatedSection[]): (offset: number) => string[] {
  const open: LocatedSection[] = [];
  let next = 0;
  return (offset) => {
    for (let s = located[next]; s && s.start <= offset; s = located[++next]) open.push(s);
    while (open.length > 0 && (open.at(-1)?.end ?? 0) <= offset) open.pop();
    return open.at(-1)?.path ?? [];
  };
}

const isYear = (m: NumberMention): boolean =>
  (m.unit === '年' || m.unit === '年度') && m.value !== null && m.value >= 1900 && m.value <= 2100;

/** Not a figure: no unit, a year, a date part (`8月30日`, `9·30`) or an ordinal (`第四十六条`). */
function isFigure(sentence: string, mentions: readonly NumberMention[], i: number): boolean {
  const m = mentions[i];
  if (!m || m.unit === '' || isYear(m) || m.unit === '月') return false;
  if (sentence[m.index - 1] === '第') return false;
  if (m.unit === '日') {
    const previous = mentions[i - 1];
    const afterMonth = previous?.unit === '月' && /^[·・•]?$/.test(sentence.slice(previous.index + previous.raw.length, m.index));
    if (afterMonth || !m.raw.endsWith('日')) return false;
  }
  return true;
}

/** The verbatim quote: the sentence, or for a long sentence the clause holding the number. */
function quoteSpan(text: string, sentence: Span, m: NumberMention): Span {
  if (sentence.end - sentence.start <= QUOTE_MAX) return sentence;
  const at = sentence.start + m.index;
  let start = at;
  while (start > sentence.start && !CLAUSE_END.test(text[start - 1] ?? '')) start--;
  let end = at + m.raw.length;
  while (end < sentence.end && !CLAUSE_END.test(text[end] ?? '')) end++;
  if (end < sentence.end) end++; // keep the clause's own punctuation
  return { start, end };
}

interface Context {
  docYear: number | undefined;
  path: string[];
  sentence: string;
}

/** The year a figure is about: stated before it in the sentence, else in its section titles, else the document's. */
function yearFor(ctx: Context, mentions: readonly NumberMention[], i: number): number | undefined {
  const stated = mentions.slice(0, i).filter(isYear).at(-1);
  if (stated?.value != null) return stated.value;
  const m = mentions[i];
  // 明年 in a document about year N is N + 1 (今年 is left alone: a summary is often written the year after).
  if (m && ctx.docYear !== undefined && ctx.sentence.slice(0, m.index).includes('明年')) return ctx.docYear + 1;
  for (const title of [...ctx.path].reverse()) {
    const match = YEAR_IN_TEXT.exec(title);
    if (match) return Number(match[1]);
  }
  return ctx.docYear;
}

function kindFor(ctx: Context, m: NumberMention, year: number | undefined): FigureKind {
  if (ctx.path.some((title) => PLAN_TITLE.test(title))) return 'target';
  if (TARGET_CUE.test(ctx.sentence.slice(0, m.index))) return 'target';
  return year !== undefined && ctx.docYear !== undefined && year > ctx.docYear ? 'target' : 'actual';
}

/** Strips a heading's numbering so it can stand in as a subject: `3.褒扬纪念…` → `褒扬纪念…`. */
const titleSubject = (path: readonly string[]): string =>
  (path.at(-1) ?? '').replace(/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/, '');

/**
 * Every figure stated in `doc`, in document order, with ids `${doc.id}@${n}`. `sections` (from
 * splitDocument) give each figure its section path; the year comes from the sentence, the section
 * titles (`三、2023年工作打算` → 2023), `doc.year` or a year in `doc.title`. Never throws.
 */
export function extractFigures(doc: SourceDocument, sections: readonly Section[]): ExtractedFigure[] {
  const text = doc.text;
  const located = locateSections(text, sections);
  const titleYear = YEAR_IN_TEXT.exec(doc.title)?.[1];
  const docYear = doc.year ?? (titleYear === undefined ? undefined : Number(titleYear));
  const pathAt = createPathAt(located);
  const figures: ExtractedFigure[] = [];
  for (const span of sentenceSpans(text, 0, text.length)) {
    const sentence = text.slice(span.start, span.end);
    const mentions = findNumbers(sentence);
    const ctx: Context = { docYear, path: pathAt(span.start), sentence };
    mentions.forEach((m, i) => {
      if (!isFigure(sentence, mentions, i)) return;
      const figure = toFigure(doc, ctx, span, mentions, i);
      const previous = figures.at(-1);
      // The second number of a range (`100－299名`) measures the same thing as the first.
      if (previous && i > 0 && isRangeEnd(sentence, mentions, i)) figure.subject = previous.subject;
      figures.push({ ...figure, id: `${doc.id}@${figures.length}` });
    });
  }
  return figures;
}

function isRangeEnd(sentence: string, mentions: readonly NumberMention[], i: number): boolean {
  const previous = mentions[i - 1];
  const m = mentions[i];
  if (!previous || !m) return false;
  return RANGE_GAP.test(sentence.slice(previous.index + previous.raw.length, m.index));
}

function toFigure(
  doc: SourceDocument,
  ctx: Context,
  span: Span,
  mentions: readonly NumberMention[],
  i: number,
): ExtractedFigure {
  const m = mentions[i] as NumberMention;
  const year = yearFor(ctx, mentions, i);
  const quote = quoteSpan(doc.text, span, m);
  return {
    id: '',
    docId: doc.id,
    sectionPath: [...ctx.path],
    subject: figureSubject(ctx.sentence, mentions, i) || titleSubject(ctx.path),
    // As written: `1.2万元` is 1.2 with unit 万元, so value and unit read back like the source.
    value: m.value === null ? null : Number((m.value / m.multiplier).toPrecision(15)),
    raw: m.raw,
    unit: m.unit,
    year,
    kind: kindFor(ctx, m, year),
    approximate: m.approximate,
    quote: doc.text.slice(quote.start, quote.end),
  };
}
