import { fail, ok, type Result } from '../../../errors.js';
import { splitFrontMatter } from './front-matter.js';

/** What a format loader hands back: plain text plus whatever metadata the format itself carries. */
export interface ExtractedText {
  /** The document text with front matter removed; quotes are taken from exactly this text. */
  text: string;
  /** Raw front matter (parsed YAML or collected meta tags), validated by the caller. */
  frontMatter: unknown;
  /** Set when a front matter block exists but is not valid YAML. */
  frontMatterError?: string;
  /** Title found in the content (first line, `#` heading, `<title>`), used when front matter has none. */
  defaultTitle: string | undefined;
}

/** A loader returns the text, or a reason that tells staff how to fix the file. */
export type ExtractResult = Result<ExtractedText, string>;

/** Turns raw bytes into bytes of a document format. */
export type FormatLoader = (bytes: Uint8Array) => Promise<ExtractResult>;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes UTF-8 strictly (a BOM is dropped) and normalises line endings to LF.
 * Returns undefined for bytes that are not valid UTF-8 (typically GBK files saved by older editors).
 */
export function decodeUtf8Text(bytes: Uint8Array): string | undefined {
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  return normaliseLineEndings(decoded);
}

/** CRLF and lone CR become LF, so offsets and quotes are the same on every platform. */
export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The first non-empty line, trimmed; undefined for blank text. */
export function firstNonEmptyLine(text: string): string | undefined {
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed) return trimmed;
  }
  return undefined;
}

/**
 * One non-blank line per paragraph, trailing spaces trimmed, ending with a newline; '' when blank.
 * Used for formats whose extractors pad paragraphs with blank lines (docx, pdf, html).
 */
export function toNonBlankLines(raw: string): string {
  const lines = normaliseLineEndings(raw)
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

export const NOT_UTF8 =
  'not UTF-8 text (probably GBK) — re-save it as UTF-8, e.g. in Notepad: File → Save As → Encoding: UTF-8';
export const EMPTY = 'the file has no text — add the content or delete the file';

/**
 * A UTF-8 text document with optional `---` YAML front matter (.txt, .md): the body is kept as
 * written; `defaultTitle` picks the title when the front matter names none.
 */
export function loadFrontMatterText(bytes: Uint8Array, defaultTitle: (body: string) => string | undefined): ExtractResult {
  const source = decodeUtf8Text(bytes);
  if (source === undefined) return fail(NOT_UTF8);
  const { raw, body, yamlError } = splitFrontMatter(source);
  if (!body.trim()) return fail(EMPTY);
  return ok({
    text: body,
    frontMatter: raw,
    ...(yamlError === undefined ? {} : { frontMatterError: yamlError }),
    defaultTitle: defaultTitle(body),
  });
}
