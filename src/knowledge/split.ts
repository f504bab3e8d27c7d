/**
 * Splits a document by its own structure (the numbering of Chinese official documents, or Markdown
 * headings) into sections, and each section's own text into quotable chunks of 1–3 sentences.
 *
 * Conventions:
 * - The first non-empty line of a plain-text document (or a line equal to `doc.title`) is the title:
 *   it is neither a section nor a chunk (it is the document's `title`). Markdown titles are `#`
 *   headings and nest like any heading.
 * - Text before the first heading (the preamble) is a section with path `[]`: it belongs to the
 *   document as a whole. It is left out when empty.
 * - A heading-only line (`一、工作开展情况`) is not chunked (its title is in every chunk's
 *   `sectionPath`); a heading line with body text (`1.强化…。把党的…`) is chunked whole.
 */
import type { Chunk, Section, SourceDocument } from './types.js';
import { readHeading, type Heading } from './headings.js';
import { groupSpans, sentenceSpans, type Span } from './sentences.js';
import { splitLawDocument } from './law-text.js';

interface Line {
  start: number;
  /** End of the line's text, before any `\r`. */
  end: number;
  text: string;
}

/** A section under construction: where its own text (sub-sections excluded) lies. */
interface Block {
  path: string[];
  /** Start of the section text (heading line included). */
  start: number;
  /** End of the whole section, sub-sections included. */
  end: number;
  /** The section's own text, which is chunked. */
  own: Span;
}

function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    lines.push({ start, end: start + content.length, text: content });
    start += raw.length + 1;
  }
  return lines;
}

const isMarkdown = (doc: SourceDocument): boolean => /\.(md|markdown)$/i.test(doc.id);

/** Index of the title line, or -1 (see the module comment). */
function titleLine(doc: SourceDocument, lines: readonly Line[], markdown: boolean): number {
  const first = lines.findIndex((l) => l.text.trim() !== '');
  const line = lines[first];
  if (!line) return -1;
  const trimmed = line.text.trim();
  const hasMore = lines.some((l, i) => i > first && l.text.trim() !== '');
  if (!hasMore || readHeading(trimmed, markdown)) return -1;
  if (trimmed === doc.title.trim()) return first;
  return /\.txt$/i.test(doc.id) ? first : -1;
}

interface Found {
  line: Line;
  /** Offset of the heading's first character (leading whitespace skipped). */
  at: number;
  heading: Heading;
}

/** Every heading line, skipping fenced code blocks in Markdown. */
function findHeadings(lines: readonly Line[], from: number, markdown: boolean): Found[] {
  const found: Found[] = [];
  let fenced = false;
  for (const line of lines.slice(from)) {
    const trimmed = line.text.trimStart();
    if (markdown && /^(```|~~~)/.test(trimmed)) fenced = !fenced;
    if (fenced) continue;
    const heading = readHeading(trimmed, markdown);
    if (heading) found.push({ line, at: line.end - trimmed.length, heading });
  }
  return found;
}

/** Builds blocks from headings: paths from a rank stack, section end at the next heading of equal or higher rank. */
function toBlocks(headings: readonly Found[], bodyStart: number, textEnd: number): Block[] {
  const blocks: Block[] = [];
  const firstAt = headings[0]?.at ?? textEnd;
  blocks.push({ path: [], start: bodyStart, end: firstAt, own: { start: bodyStart, end: firstAt } });
  const stack: { rank: number; title: string }[] = [];
  const ends = sectionEnds(headings, textEnd);
  headings.forEach((h, i) => {
    while ((stack.at(-1)?.rank ?? 0) >= h.heading.rank) stack.pop();
    stack.push({ rank: h.heading.rank, title: h.heading.title });
    const nextAt = headings[i + 1]?.at ?? textEnd;
    const ownStart = h.heading.pure ? h.line.end : h.at;
    blocks.push({
      path: stack.map((s) => s.title),
      start: h.at,
      end: ends[i] ?? textEnd,
      own: { start: Math.min(ownStart, nextAt), end: nextAt },
    });
  });
  return blocks;
}

/**
 * Where each heading's section ends: at the next heading of equal or higher rank, else at
 * `textEnd`. One pass with a stack of still-open headings, so a bulk export with tens of thousands
 * of headings splits in linear time (searching ahead from every heading was quadratic).
 */
function sectionEnds(headings: readonly Found[], textEnd: number): number[] {
  const ends = headings.map(() => textEnd);
  const open: number[] = [];
  headings.forEach((h, i) => {
    while (open.length > 0 && (headings[open.at(-1) ?? 0]?.heading.rank ?? 0) >= h.heading.rank) {
      ends[open.pop() ?? 0] = h.at;
    }
    open.push(i);
  });
  return ends;
}

/** Trims trailing whitespace off `text[start, end)`; leading whitespace too when `both`. */
function trimmedRange(text: string, start: number, end: number, both: boolean): Span {
  let s = start;
  let e = end;
  while (both && s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return { start: s, end: e };
}

/**
 * Splits a document into heading-delimited sections (ids `${doc.id}§${n}`, in document order,
 * `text` verbatim from the heading through its sub-sections) and chunks (ids `${doc.id}#${order}`,
 * each a verbatim substring of `doc.text` of about 1–3 sentences, ≤ ~220 characters unless a single
 * clause is longer). Never throws; an empty document gives no sections and no chunks.
 */
export function splitDocument(doc: SourceDocument): { sections: Section[]; chunks: Chunk[] } {
  if (doc.kind === 'law') return splitLawDocument(doc);
  const text = doc.text;
  const markdown = isMarkdown(doc);
  const lines = toLines(text);
  const title = titleLine(doc, lines, markdown);
  const bodyStart = title < 0 ? 0 : (lines[title + 1]?.start ?? text.length);
  const blocks = toBlocks(findHeadings(lines, title + 1, markdown), bodyStart, text.length);
  const sections: Section[] = [];
  const chunks: Chunk[] = [];
  for (const block of blocks) {
    const range = trimmedRange(text, block.start, block.end, block.path.length === 0);
    if (range.start === range.end) continue; // an empty preamble
    const section: Section = {
      id: `${doc.id}§${sections.length}`,
      docId: doc.id,
      path: block.path,
      text: text.slice(range.start, range.end),
    };
    sections.push(section);
    for (const span of groupSpans(text, sentenceSpans(text, block.own.start, block.own.end))) {
      const order = chunks.length;
      chunks.push({
        id: `${doc.id}#${order}`,
        docId: doc.id,
        sectionId: section.id,
        sectionPath: [...block.path],
        text: text.slice(span.start, span.end),
        order,
      });
    }
  }
  return { sections, chunks };
}
