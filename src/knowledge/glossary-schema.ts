import { z } from 'zod';
import type { Result } from '../errors.js';
import type { GlossaryEntry } from './types.js';
import { parseYamlData, type DataProblem } from './yaml-data.js';

const words = z.array(z.string().trim().min(1)).default([]);

const EntrySchema = z.strictObject({
  term: z.string().trim().min(1),
  colloquial: words,
  // English is matched case-insensitively; store it lower case once here.
  english: words.transform((list) => list.map((w) => w.toLowerCase())),
});

/**
 * Schema of `knowledge/glossary*.yaml`: `entries: [{ term, colloquial: [...], english: [...] }]`.
 * A bare list of entries is accepted too, so a colleague's file in either shape loads.
 */
export const GlossaryFileSchema = z.preprocess(
  (data) => (Array.isArray(data) ? { entries: data } : data),
  z.strictObject({ entries: z.array(EntrySchema) }).transform((file): GlossaryEntry[] => file.entries),
);

function hint(field: string): string {
  if (/\.term$/.test(field)) return 'write the official term, e.g. 退役军人';
  if (/\.(colloquial|english)/.test(field)) return 'write a list of words, e.g. [老兵, 退伍军人]';
  return 'each entry is { term, colloquial: [...], english: [...] } under entries:';
}

/** Parses one glossary file. Returns its entries, or every problem with file and field path. */
export function parseGlossaryFile(text: string, file: string): Result<GlossaryEntry[], DataProblem[]> {
  return parseYamlData(text, file, GlossaryFileSchema, hint);
}

/**
 * Merges entries from several glossary files: entries with the same term are combined, keeping the
 * first occurrence's order and dropping duplicate words.
 */
export function mergeGlossaries(lists: readonly GlossaryEntry[][]): GlossaryEntry[] {
  const byTerm = new Map<string, GlossaryEntry>();
  for (const entry of lists.flat()) {
    const existing = byTerm.get(entry.term);
    if (!existing) byTerm.set(entry.term, { ...entry, colloquial: unique(entry.colloquial), english: unique(entry.english) });
    else {
      existing.colloquial = unique([...existing.colloquial, ...entry.colloquial]);
      existing.english = unique([...existing.english, ...entry.english]);
    }
  }
  return [...byTerm.values()];
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
