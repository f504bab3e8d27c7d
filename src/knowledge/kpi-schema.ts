import { z } from 'zod';
import type { Result } from '../errors.js';
import type { Kpi, KpiValue } from './types.js';
import { parseYamlData, type DataProblem } from './yaml-data.js';

/**
 * Schema of `knowledge/kpis.yaml`: the curated key indicators. The YAML is snake_case (edited by
 * staff); the loaded `Kpi` is camelCase. Unknown keys are rejected so a typo such as `name_cn`
 * is caught instead of silently dropped.
 */
const KpiValueSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(['actual', 'target']),
  // Required even when masked: `value: null` says "the source hides it", a missing key is a mistake.
  value: z.number().nullable(),
  doc: z.string().trim().min(1),
  quote: z.string().min(1),
  note: z.string().trim().min(1).optional(),
});

const KpiSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case ascii, e.g. placement_rate'),
  name_zh: z.string().trim().min(1),
  name_en: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  category: z.string().trim().min(1),
  unit: z.string().trim().min(1),
  values: z.array(KpiValueSchema).min(1),
});

/** The whole file: `indicators: [...]`, ids unique; transformed to camelCase `Kpi[]`. */
export const KpiFileSchema = z
  .strictObject({ indicators: z.array(KpiSchema).min(1) })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.indicators.forEach((kpi, i) => {
      const first = seen.get(kpi.id);
      if (first === undefined) seen.set(kpi.id, i);
      else
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'id'],
          message: `duplicate id "${kpi.id}" (also indicators[${first}])`,
        });
    });
  })
  .transform((file): Kpi[] => file.indicators.map(toKpi));

function toKpi(raw: z.infer<typeof KpiSchema>): Kpi {
  return {
    id: raw.id,
    nameZh: raw.name_zh,
    nameEn: raw.name_en,
    aliases: raw.aliases,
    category: raw.category,
    unit: raw.unit,
    values: raw.values.map((v) => {
      const value: KpiValue = { year: v.year, kind: v.kind, value: v.value, doc: v.doc, quote: v.quote };
      if (v.note !== undefined) value.note = v.note;
      return value;
    }),
  };
}

const HINTS: [RegExp, string][] = [
  [/\.kind$/, 'use actual (a reported result) or target (a planned goal)'],
  [/\.value$/, 'write a plain number such as 85 (no % or unit), or null when the source masks it (**)'],
  [/\.year$/, 'write a four-digit year, e.g. 2022'],
  [/\.quote$/, 'copy the sentence from the document verbatim'],
  [/\.doc$/, 'write the document path inside the knowledge folder, e.g. 2022-work-summary.txt'],
  [/\.id$/, 'give each indicator a unique snake_case id'],
];

function hint(field: string): string {
  const found = HINTS.find(([pattern]) => pattern.test(field));
  return found ? found[1] : 'fix this entry in kpis.yaml (compare with the other entries)';
}

/** Parses kpis.yaml text. Returns the indicators, or every problem with file and field path. */
export function parseKpiFile(text: string, file: string): Result<Kpi[], DataProblem[]> {
  return parseYamlData(text, file, KpiFileSchema, hint);
}

/**
 * Checks that every curated quote occurs verbatim in the document it names. `kpis` must be in file
 * order (as parsed) so the reported field paths point at the right YAML entries.
 */
export function checkKpiQuotes(
  kpis: readonly Kpi[],
  documents: readonly { id: string; text: string }[],
  file = 'kpis.yaml',
): DataProblem[] {
  const texts = new Map(documents.map((d) => [d.id, d.text]));
  const problems: DataProblem[] = [];
  kpis.forEach((kpi, i) => {
    kpi.values.forEach((value, j) => {
      const text = texts.get(value.doc);
      if (text === undefined) {
        problems.push({
          file,
          field: `indicators[${i}].values[${j}].doc`,
          message: `document "${value.doc}" is not in the knowledge folder (or could not be read) — use the path of a loaded document`,
        });
      } else if (!text.includes(value.quote)) {
        problems.push({
          file,
          field: `indicators[${i}].values[${j}].quote`,
          message: `quote of ${kpi.id} is not found verbatim in ${value.doc} — copy it exactly from the document (full-width ％ and punctuation included)`,
        });
      }
    });
  });
  return problems;
}
