import type { BureauContact, EntitlementCard, GlossaryEntry, Kpi } from '../../../knowledge/types.js';
import { parseCardFile } from '../../../knowledge/card-schema.js';
import { dataFileKind, type KnowledgeFile } from '../../../knowledge/file-kinds.js';
import { parseKpiFile } from '../../../knowledge/kpi-schema.js';
import { parseGlossaryFile, mergeGlossaries } from '../../../knowledge/glossary-schema.js';
import { parseBureauFile } from '../../../knowledge/bureau-schema.js';
import type { DataProblem } from '../../../knowledge/yaml-data.js';

export interface DataFiles {
  kpis: Kpi[];
  glossary: GlossaryEntry[];
  bureau: BureauContact | undefined;
  cards: EntitlementCard[];
  /** Problems grouped per file, in file order; empty when every data file is valid. */
  problems: DataProblem[][];
  /**
   * Card files that do not match the schema. Kept apart from `problems`: a bad card file is skipped
   * and reported (answers lose its cards), while a bad kpis/glossary/bureau file stops the load.
   */
  cardProblems: DataProblem[][];
}

/** Parses and validates the data files among `files`; other files are ignored. Never throws. */
export function parseDataFiles(files: readonly KnowledgeFile[]): DataFiles {
  const result: DataFiles = { kpis: [], glossary: [], bureau: undefined, cards: [], problems: [], cardProblems: [] };
  const glossaries: GlossaryEntry[][] = [];
  for (const file of files) {
    const kind = dataFileKind(file.path);
    if (!kind) continue;
    const text = Buffer.from(file.bytes).toString('utf8');
    if (kind === 'kpis') {
      const parsed = parseKpiFile(text, file.path);
      if (parsed.success) result.kpis = parsed.value;
      else result.problems.push(parsed.error);
    } else if (kind === 'cards') {
      const parsed = parseCardFile(text, file.path);
      if (parsed.success) result.cards.push(...parsed.value);
      else result.cardProblems.push(parsed.error);
    } else if (kind === 'glossary') {
      const parsed = parseGlossaryFile(text, file.path);
      if (parsed.success) glossaries.push(parsed.value);
      else result.problems.push(parsed.error);
    } else {
      const parsed = parseBureauFile(text, file.path);
      if (parsed.success) result.bureau = parsed.value;
      else result.problems.push(parsed.error);
    }
  }
  result.glossary = mergeGlossaries(glossaries);
  return result;
}
