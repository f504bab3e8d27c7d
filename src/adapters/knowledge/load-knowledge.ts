import type { Logger } from '../../logger.js';
import type { Chunk, EntitlementCard, ExtractedFigure, KnowledgeBase, Section } from '../../knowledge/types.js';
import type { KnowledgeFile } from '../../knowledge/file-kinds.js';
import { loadDocuments } from './loaders/index.js';
import { parseDataFiles } from './loaders/data-files.js';
import { toKnowledgeError } from '../../knowledge/yaml-data.js';
import { checkKpiQuotes } from '../../knowledge/kpi-schema.js';
import { checkCards } from '../../knowledge/check-cards.js';
import { toLawText } from '../../knowledge/law-text.js';
import { readKnowledgeFiles } from './read-knowledge-files.js';
import { splitDocument } from '../../knowledge/split.js';
import { extractFigures } from '../../knowledge/figures.js';

/**
 * Loads the knowledge folder: documents (.txt .md .docx .pdf .html .htm, recursively), their
 * `.meta.yaml` sidecars, and the top-level data files kpis.yaml, glossary*.yaml (merged) and
 * bureau.yaml; then splits each document into sections and chunks and extracts its figures.
 *
 * A document that can't be read is skipped and listed in `problems` with what to do about it.
 * Throws KnowledgeError when the folder is missing or a data file is malformed (naming the file and
 * field), because curated figures that silently vanish would make answers wrong.
 */
export async function loadKnowledge(dir: string, options: { logger?: Logger } = {}): Promise<KnowledgeBase> {
  return loadKnowledgeFiles(await readKnowledgeFiles(dir), options);
}

/**
 * `loadKnowledge` over files already read (see readKnowledgeFiles), so a caller that also hashes
 * them for the index cache reads the folder once.
 */
export async function loadKnowledgeFiles(
  files: KnowledgeFile[],
  options: { logger?: Logger } = {},
): Promise<KnowledgeBase> {
  const { documents, problems } = await loadDocuments(files);
  const data = parseDataFiles(files);
  const firstBad = data.problems[0];
  if (firstBad) throw toKnowledgeError(firstBad);
  for (const p of checkKpiQuotes(data.kpis, documents, 'kpis.yaml')) {
    problems.push({ file: p.file, reason: `${p.field ?? ''}: ${p.message}` });
  }
  const laws = documents.filter((d) => d.kind === 'law').map(toLawText);
  for (const p of data.cardProblems.flat()) problems.push({ file: p.file, reason: `${p.field ?? ''}: ${p.message}` });
  // A card whose basis cannot be verified is not used: a wrong article is worse than no card.
  const cardFindings = checkCards(data.cards, laws);
  const rejected = new Set(cardFindings.map((p) => `${p.file}#${/^cards\[(\d+)\]/.exec(p.field ?? '')?.[1]}`));
  for (const p of cardFindings) problems.push({ file: p.file, reason: `${p.field ?? ''}: ${p.message}` });
  const cards = keepVerifiedCards(data.cards, rejected);
  const sections: Section[] = [];
  const chunks: Chunk[] = [];
  const figures: ExtractedFigure[] = [];
  for (const doc of documents) {
    const split = splitDocument(doc);
    // Appended one by one: spreading a bulk export's 100k+ chunks into push() overflows the stack.
    appendAll(sections, split.sections);
    appendAll(chunks, split.chunks);
    appendAll(figures, extractFigures(doc, split.sections));
  }
  // Problems are returned, not logged one by one: the caller decides how to show them (log, CLI).
  options.logger?.info(
    {
      documents: documents.length,
      chunks: chunks.length,
      figures: figures.length,
      kpis: data.kpis.length,
      problems: problems.length,
    },
    'knowledge loaded',
  );
  return {
    documents,
    laws,
    cards,
    sections,
    chunks,
    figures,
    kpis: data.kpis,
    glossary: data.glossary,
    bureau: data.bureau,
    problems,
  };
}

function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** The cards no finding points at (`rejected` holds `file#index` keys); related ids to dropped cards are removed. */
function keepVerifiedCards(cards: readonly EntitlementCard[], rejected: ReadonlySet<string>): EntitlementCard[] {
  const position = new Map<string, number>();
  const kept = cards.filter((card) => {
    const i = position.get(card.file) ?? 0;
    position.set(card.file, i + 1);
    return !rejected.has(`${card.file}#${i}`);
  });
  const ids = new Set(kept.map((c) => c.id));
  return kept.map((c) => ({ ...c, related: c.related.filter((id) => ids.has(id)) }));
}
