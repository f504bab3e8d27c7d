import { AppError } from '../errors.js';
import type { BureauContact } from './types.js';
import { readKnowledgeFiles } from '../adapters/knowledge/read-knowledge-files.js';
import { extensionOf, isSidecarPath, type KnowledgeFile } from './file-kinds.js';
import { loadDocuments } from '../adapters/knowledge/loaders/index.js';
import { parseDataFiles } from '../adapters/knowledge/loaders/data-files.js';
import { checkKpiQuotes } from './kpi-schema.js';
import { checkCards } from './check-cards.js';
import { toLawText } from './law-text.js';
import { bureauContactWarning } from './bureau-schema.js';

/** One finding of `ingest --check`; `field` is a front matter key or a data-file path like `indicators[2].unit`. */
export interface KnowledgeCheckProblem {
  file: string;
  field?: string;
  message: string;
}

/**
 * Checks the knowledge folder without building an index, for `npm run ingest -- --check`: every
 * document parses, front matter is valid, kpis/glossary/bureau files match their schemas, every KPI
 * quote is verbatim in its document, `superseded_by` names an existing document, and every sidecar
 * belongs to a .docx/.pdf. Returns all problems (empty when the folder is clean) and warnings that
 * do not make the folder invalid (the bureau's contacts still placeholders); never throws for
 * content problems.
 */
export async function validateKnowledge(
  dir: string,
): Promise<{ problems: KnowledgeCheckProblem[]; warnings: string[] }> {
  let files: KnowledgeFile[];
  try {
    files = await readKnowledgeFiles(dir);
  } catch (error) {
    if (error instanceof AppError) return { problems: [{ file: dir, message: error.message }], warnings: [] };
    throw error;
  }
  const { problems, bureau } = await validateKnowledgeFiles(files);
  const warning = problems.some((p) => p.file === 'bureau.yaml') ? undefined : bureauContactWarning(bureau, dir);
  return { problems, warnings: warning ? [warning] : [] };
}

/** The checks of `validateKnowledge` over files already read (sorted by path), and the contact card read. */
export async function validateKnowledgeFiles(
  files: readonly KnowledgeFile[],
): Promise<{ problems: KnowledgeCheckProblem[]; bureau: BureauContact | undefined }> {
  const problems: KnowledgeCheckProblem[] = [];
  const loaded = await loadDocuments(files);
  for (const p of loaded.problems) problems.push(withField({ file: p.file, message: p.reason }, p.field));
  if (loaded.documents.length === 0 && loaded.problems.length === 0) {
    problems.push({ file: '.', message: 'no documents found — add .txt, .md, .docx, .pdf or .html files' });
  }
  const data = parseDataFiles(files);
  for (const p of data.problems.flat()) problems.push(withField({ file: p.file, message: p.message }, p.field));
  const kpiFile = files.find((f) => f.path.toLowerCase() === 'kpis.yaml')?.path ?? 'kpis.yaml';
  for (const p of checkKpiQuotes(data.kpis, loaded.documents, kpiFile)) {
    problems.push(withField({ file: p.file, message: p.message }, p.field));
  }
  for (const p of data.cardProblems.flat()) problems.push(withField({ file: p.file, message: p.message }, p.field));
  const laws = loaded.documents.filter((d) => d.kind === 'law').map(toLawText);
  for (const p of checkCards(data.cards, laws)) problems.push(withField({ file: p.file, message: p.message }, p.field));
  problems.push(...checkSidecars(files));
  return { problems, bureau: data.bureau };
}

/** A sidecar must sit next to a .docx/.pdf of the same name; other formats carry their own front matter. */
function checkSidecars(files: readonly KnowledgeFile[]): KnowledgeCheckProblem[] {
  const paths = new Set(files.map((f) => f.path));
  const problems: KnowledgeCheckProblem[] = [];
  for (const { path } of files) {
    if (!isSidecarPath(path)) continue;
    const documentPath = path.slice(0, -'.meta.yaml'.length);
    const ext = extensionOf(documentPath);
    if (!paths.has(documentPath)) {
      problems.push({ file: path, message: `no document ${documentPath} next to it — rename or delete the sidecar` });
    } else if (ext !== '.docx' && ext !== '.pdf') {
      problems.push({
        file: path,
        message: `sidecars are read only for .docx/.pdf — put the front matter inside ${documentPath} instead`,
      });
    }
  }
  return problems;
}

function withField(problem: KnowledgeCheckProblem, field: string | undefined): KnowledgeCheckProblem {
  return field === undefined ? problem : { ...problem, field };
}
