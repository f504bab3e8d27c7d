import { ok, fail } from '../../errors.js';
import { toNonBlankLines, type ExtractResult } from './extracted-text.js';

/**
 * Loads a PDF's text layer with pdf-parse v2 (pdf.js). Pages are joined without page markers so
 * quotes never contain "-- 1 of 3 --". Scanned PDFs have no text layer and are reported, since
 * this project does no OCR. Front matter comes from a `.meta.yaml` sidecar.
 */
export async function loadPdf(bytes: Uint8Array): Promise<ExtractResult> {
  if (!startsWithPdfHeader(bytes)) {
    return fail('not a PDF file (no %PDF- header) — export the document again as PDF');
  }
  // Loaded on first use: pdf.js is heavy, and most knowledge folders hold no PDF.
  const { PDFParse } = await import('pdf-parse');
  // pdf.js may detach the buffer it is given; hand it a copy so the caller's bytes stay intact.
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  let raw: string;
  try {
    const result = await parser.getText({ pageJoiner: '' });
    raw = result.text;
  } catch (error) {
    return fail(describePdfError(error));
  } finally {
    await parser.destroy().catch(() => undefined);
  }
  const text = toNonBlankLines(raw);
  if (!text) {
    return fail('the PDF has no text layer (scanned image?) — provide a .docx/.txt version or an OCR-ed PDF');
  }
  return ok({ text, frontMatter: undefined, defaultTitle: undefined });
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
