import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import type { DocKind, LoadProblem, SourceDocument } from '../../../knowledge/types.js';
import type { FormatLoader, ExtractedText } from './extracted-text.js';
import { defaultKind, defaultYear, validateFrontMatter, type FrontMatter } from './front-matter.js';
import { loadTxt } from './txt.js';
import { loadMarkdown } from './markdown.js';
import { loadDocx } from './docx.js';
import { loadPdf } from './pdf.js';
import { loadHtml } from './html.js';
import { extensionOf, isDocumentPath, sidecarPathFor, type DocumentExtension, type KnowledgeFile } from '../../../knowledge/file-kinds.js';

/** A LoadProblem that also names the front matter field at fault, when there is one. */
export interface DocumentProblem extends LoadProblem {
  field?: string;
}

const LOADERS: Record<DocumentExtension, FormatLoader> = {
  '.txt': loadTxt,
  '.md': loadMarkdown,
  '.markdown': loadMarkdown,
  '.docx': loadDocx,
  '.pdf': loadPdf,
  '.html': loadHtml,
  '.htm': loadHtml,
};

/**
 * The largest document file loaded. A 50 MB bulk export loads (about 190k chunks; the first start
 * builds its index in minutes, later starts load it from the cache); far beyond that, the text no
 * longer fits in one JavaScript string, so the file is refused by name instead of failing obscurely.
 */
export const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;

/** Formats whose front matter lives in a `<file>.meta.yaml` sidecar. */
const SIDECAR_FORMATS = new Set(['.docx', '.pdf']);

/**
 * Reads one document into a SourceDocument. Never throws for a bad file: an unreadable document
 * returns `document: undefined` with a problem saying how to fix it; a bad front matter field is
 * reported and the document still loads without that field.
 */
export async function loadDocument(
  file: KnowledgeFile,
  sidecar?: KnowledgeFile,
): Promise<{ document: SourceDocument | undefined; problems: DocumentProblem[] }> {
  const ext = extensionOf(file.path);
  const loader = isDocumentPath(file.path) ? LOADERS[ext as DocumentExtension] : undefined;
  if (!loader) {
    return { document: undefined, problems: [{ file: file.path, reason: `unsupported file type ${ext}` }] };
  }
  if (file.bytes.length > MAX_DOCUMENT_BYTES) {
    return { document: undefined, problems: [{ file: file.path, reason: tooLargeReason(file.bytes.length) }] };
  }
  const extracted = await loader(file.bytes);
  if (!extracted.success) return { document: undefined, problems: [{ file: file.path, reason: extracted.error }] };
  const problems: DocumentProblem[] = [];
  const raw = SIDECAR_FORMATS.has(ext) && sidecar ? readSidecar(sidecar, problems) : extracted.value.frontMatter;
  if (extracted.value.frontMatterError !== undefined) {
    problems.push({
      file: file.path,
      reason: `front matter is not valid YAML (${extracted.value.frontMatterError}) — fix the lines between the --- markers`,
    });
  }
  const { value: frontMatter, problems: fieldProblems } = validateFrontMatter(raw);
  const metaFile = SIDECAR_FORMATS.has(ext) && sidecar ? sidecar.path : file.path;
  for (const p of fieldProblems) {
    problems.push({ file: metaFile, field: p.field, reason: `front matter field ${p.field}: ${p.message}` });
  }
  return { document: toSourceDocument(file, extracted.value, frontMatter), problems };
}

function tooLargeReason(bytes: number): string {
  const mb = (n: number) => n / 1024 / 1024;
  return `the file is ${mb(bytes).toFixed(1)} MB, larger than the ${mb(MAX_DOCUMENT_BYTES)} MB limit per document — split it into smaller files`;
}

function readSidecar(sidecar: KnowledgeFile, problems: DocumentProblem[]): unknown {
  try {
    return parseYaml(Buffer.from(sidecar.bytes).toString('utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    problems.push({ file: sidecar.path, reason: `not valid YAML (${detail}) — fix the file's key: value lines` });
    return undefined;
  }
}

function toSourceDocument(file: KnowledgeFile, extracted: ExtractedText, fm: FrontMatter): SourceDocument {
  const title = fm.title ?? extracted.defaultTitle ?? fileTitle(file.path);
  const kind: DocKind = fm.kind ?? defaultKind(title);
  const year = fm.year ?? defaultYear(title);
  const document: SourceDocument = {
    id: file.path,
    title,
    kind,
    text: extracted.text,
    hash: createHash('sha256').update(file.bytes).digest('hex'),
  };
  if (fm.issuer !== undefined) document.issuer = fm.issuer;
  if (fm.effective_date !== undefined) document.effectiveDate = fm.effective_date;
  if (fm.source !== undefined) document.sourceRef = fm.source;
  if (fm.superseded_by !== undefined) document.supersededBy = fm.superseded_by;
  if (year !== undefined) document.year = year;
  return document;
}

/** `policies/退役军人保障法.docx` → `退役军人保障法`. */
function fileTitle(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * Loads every document among `files` (in the given order), pairing .docx/.pdf with their
 * `.meta.yaml` sidecars. Unreadable documents are skipped and reported; never throws.
 */
export async function loadDocuments(
  files: readonly KnowledgeFile[],
): Promise<{ documents: SourceDocument[]; problems: DocumentProblem[] }> {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const documents: SourceDocument[] = [];
  const problems: DocumentProblem[] = [];
  for (const file of files) {
    if (!isDocumentPath(file.path)) continue;
    const loaded = await loadDocument(file, byPath.get(sidecarPathFor(file.path)));
    if (loaded.document) documents.push(loaded.document);
    problems.push(...loaded.problems);
  }
  problems.push(...checkSupersededBy(documents));
  return { documents, problems };
}

/** A `superseded_by` must name a loaded document other than the document itself. */
export function checkSupersededBy(documents: readonly SourceDocument[]): DocumentProblem[] {
  const ids = new Set(documents.map((d) => d.id));
  return documents
    .filter((d) => d.supersededBy !== undefined && (!ids.has(d.supersededBy) || d.supersededBy === d.id))
    .map((d) => ({
      file: d.id,
      field: 'superseded_by',
      reason: `front matter field superseded_by: "${d.supersededBy}" is not another document in the knowledge folder — write the replacing document's path, e.g. policies/new-guide.md`,
    }));
}
