import { ok, fail } from '../../../errors.js';
import { toNonBlankLines, EMPTY, type ExtractResult } from './extracted-text.js';

const NOT_DOCX = 'not a valid .docx (zip) file — re-save it from Word as .docx (Word 2007 or later)';

/**
 * Loads a Word .docx with mammoth's raw-text extraction. Mammoth separates paragraphs with a blank
 * line; they are collapsed to one line break so a .docx reads like the bureau's .txt files
 * (one paragraph per line). Front matter comes from a `.meta.yaml` sidecar, not from the file.
 */
export async function loadDocx(bytes: Uint8Array): Promise<ExtractResult> {
  // A .docx is a zip archive; anything else (an old binary .doc, a renamed file) fails in mammoth
  // with an obscure message, so check the signature first and say what to do.
  if (!hasZipSignature(bytes)) return fail(NOT_DOCX);
  let raw: string;
  try {
    // Loaded on first use: most knowledge folders hold no .docx.
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    raw = result.value;
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return fail(`${NOT_DOCX} (${detail})`);
  }
  const text = toNonBlankLines(raw);
  if (!text) return fail(EMPTY);
  return ok({ text, frontMatter: undefined, defaultTitle: undefined });
}

function hasZipSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
