import { createRequire } from 'node:module';
import path from 'node:path';
import { ok, fail } from '../../../errors.js';
import { toNonBlankLines, type ExtractResult } from './extracted-text.js';

/**
 * Loads a PDF's text layer with pdf.js (pdfjs-dist, its Node build). Pages are joined without page
 * markers so quotes never contain "-- 1 of 3 --". Scanned PDFs have no text layer and are reported,
 * since this project does no OCR. Front matter comes from a `.meta.yaml` sidecar.
 */
export async function loadPdf(bytes: Uint8Array): Promise<ExtractResult> {
  if (!startsWithPdfHeader(bytes)) {
    return fail('not a PDF file (no %PDF- header) — export the document again as PDF');
  }
  // Loaded on first use: pdf.js is heavy, and most knowledge folders hold no PDF.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // pdf.js may detach the buffer it is given; hand it a copy so the caller's bytes stay intact.
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    // Chinese PDFs name Adobe's predefined CMaps (UniGB-UCS2-H …): text needs them to map to Unicode.
    cMapUrl: pdfjsFolder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: pdfjsFolder('standard_fonts'),
  });
  let raw = '';
  try {
    const doc = await task.promise;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      raw += `${pageText((await page.getTextContent()).items)}\n`;
      page.cleanup();
    }
  } catch (error) {
    return fail(describePdfError(error));
  } finally {
    await task.destroy().catch(() => undefined);
  }
  const text = toNonBlankLines(raw);
  if (!text) {
    return fail('the PDF has no text layer (scanned image?) — provide a .docx/.txt version or an OCR-ed PDF');
  }
  return ok({ text, frontMatter: undefined, defaultTitle: undefined });
}

/** A run of text on a page, as pdf.js reports it (marked-content items carry no `str`). */
interface TextRun {
  str: string;
  /** The text matrix: [4] and [5] are x and y in PDF units. */
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/** Lines further apart than this (PDF units, ~1/72 inch) start a new line… */
const LINE_GAP = 4.6;
/** …and runs on one line further apart than this are table cells, kept apart by a tab. */
const CELL_GAP = 7;

/**
 * A page's runs as lines: a new line where pdf.js marks an end of line or the baseline moves by
 * more than a line's height; a tab between runs far apart on one line (table cells).
 */
function pageText(items: readonly object[]): string {
  const out: string[] = [];
  let lastX: number | undefined;
  let lastY: number | undefined;
  let lineHeight = 0;
  for (const item of items) {
    if (!('str' in item)) continue;
    const run = item as TextRun;
    const x = run.transform[4] ?? 0;
    const y = run.transform[5] ?? 0;
    let str = run.str;
    const dy = lastY === undefined ? 0 : Math.abs(lastY - y);
    if (dy > LINE_GAP) {
      const startsLine = str.startsWith('\n') || (str.trim() === '' && run.hasEOL);
      if (!out.at(-1)?.endsWith('\n') && !startsLine && dy - 1 > lineHeight) {
        out.push('\n');
        lineHeight = 0;
      }
    } else if (lastX !== undefined && Math.abs(lastX - x) > CELL_GAP) {
      str = `\t${str}`;
    }
    out.push(str);
    lastX = x + run.width;
    lastY = y;
    lineHeight = Math.max(lineHeight, run.height);
    if (run.hasEOL) out.push('\n');
    if (run.hasEOL || str.endsWith('\n')) lineHeight = 0;
  }
  return out.join('');
}

/** A data folder of pdfjs-dist (cmaps, standard_fonts), with the trailing slash pdf.js expects. */
function pdfjsFolder(name: string): string {
  const main = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs');
  return `${path.join(path.dirname(main), '..', '..', name)}${path.sep}`;
}

function startsWithPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

function describePdfError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException' || /password/i.test(message)) {
    return 'the PDF is password-protected — save an unprotected copy (print to PDF) and replace the file';
  }
  return `the PDF could not be read (${message.split('\n')[0]}) — export it again as PDF or provide a .docx/.txt version`;
}
