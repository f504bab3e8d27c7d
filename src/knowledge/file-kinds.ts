/**
 * Which files of the knowledge folder the loaders read, by path alone. Kept apart from the loaders
 * (and their YAML, HTML and PDF libraries) so that listing and hashing the folder — done on every
 * start, also when the loaded knowledge comes from the cache — loads none of them.
 */

/** A file of the knowledge folder: path relative to the folder (posix separators) and its bytes. */
export interface KnowledgeFile {
  path: string;
  bytes: Uint8Array;
}

/** The document formats a loader reads (see LOADERS in loaders/index.ts). */
export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.docx', '.pdf', '.html', '.htm'] as const;
export type DocumentExtension = (typeof DOCUMENT_EXTENSIONS)[number];

/** Lower-case extension including the dot, e.g. `.docx`; '' when there is none. */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/** True for a file a format loader reads (.txt .md .docx .pdf .html .htm). */
export function isDocumentPath(path: string): boolean {
  return (DOCUMENT_EXTENSIONS as readonly string[]).includes(extensionOf(path));
}

/** True for `report.docx.meta.yaml`-style sidecars. */
export function isSidecarPath(path: string): boolean {
  return path.toLowerCase().endsWith('.meta.yaml');
}

/** The sidecar path that carries front matter for a document. */
export function sidecarPathFor(path: string): string {
  return `${path}.meta.yaml`;
}

/** Entitlement card files: `cards/*.yaml`. */
export const isCardFilePath = (path: string): boolean => /^cards\/[^/]+\.ya?ml$/i.test(path);

/** Which data file a path is: the top-level files, and entitlement cards in cards/. */
export type DataFileKind = 'kpis' | 'glossary' | 'bureau' | 'cards';

/**
 * `kpis.yaml`, `glossary.yaml` / `glossary-*.yaml`, `bureau.yaml` at the folder's top level;
 * `cards/*.yaml`.
 */
export function dataFileKind(path: string): DataFileKind | undefined {
  if (isCardFilePath(path)) return 'cards';
  if (path.includes('/')) return undefined;
  const name = path.toLowerCase();
  if (name === 'kpis.yaml') return 'kpis';
  if (name === 'bureau.yaml') return 'bureau';
  if (/^glossary[\w.-]*\.yaml$/.test(name) && !name.endsWith('.meta.yaml')) return 'glossary';
  return undefined;
}

/** True for every file the knowledge loader reads: documents, their sidecars and data files. */
export const isKnowledgePath = (path: string): boolean =>
  isDocumentPath(path) || isSidecarPath(path) || dataFileKind(path) !== undefined;
