import type { BureauContact, GlossaryEntry, Kpi } from '../types.js';
import { parseKpiFile } from '../kpi-schema.js';
import { parseGlossaryFile, mergeGlossaries } from '../glossary-schema.js';
import { parseBureauFile } from '../bureau-schema.js';
import type { KnowledgeFile } from './index.js';
import type { DataProblem } from './yaml-data.js';

/** Which data file a path is; data files are read from the top of the knowledge folder only. */
export type DataFileKind = 'kpis' | 'glossary' | 'bureau';

/** `kpis.yaml`, `glossary.yaml` / `glossary-*.yaml`, `bureau.yaml` at the folder's top level. */
export function dataFileKind(path: string): DataFileKind | undefined {
  if (path.includes('/')) return undefined;
  const name = path.toLowerCase();
  if (name === 'kpis.yaml') return 'kpis';
  if (name === 'bureau.yaml') return 'bureau';
  if (/^glossary[\w.-]*\.yaml$/.test(name) && !name.endsWith('.meta.yaml')) return 'glossary';
  return undefined;
}

export interface DataFiles {
  kpis: Kpi[];
  glossary: GlossaryEntry[];
  bureau: BureauContact | undefined;
  /** Problems grouped per file, in file order; empty when every data file is valid. */
  problems: DataProblem[][];
}

/** Parses and validates the data files among `files`; other files are ignored. Never throws. */
export function parseDataFiles(files: readonly KnowledgeFile[]): DataFiles {
  const result: DataFiles = { kpis: [], glossary: [], bureau: undefined, problems: [] };
  const glossaries: GlossaryEntry[][] = [];
  for (const file of files) {
    const kind = dataFileKind(file.path);
    if (!kind) continue;
    const text = Buffer.from(file.bytes).toString('utf8');
    if (kind === 'kpis') {
      const parsed = parseKpiFile(text, file.path);
      if (parsed.success) result.kpis = parsed.value;
      else result.problems.push(parsed.error);
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
