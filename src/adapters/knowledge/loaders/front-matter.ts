import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { DocKind } from '../../../knowledge/types.js';

/**
 * Document metadata ("front matter"): YAML between `---` lines at the top of .md/.txt, `<meta>` tags
 * in .html, or a `<file>.meta.yaml` sidecar for .docx/.pdf. Keys are snake_case in every form.
 */
export interface FrontMatter {
  title?: string;
  kind?: DocKind;
  issuer?: string;
  effective_date?: string;
  source?: string;
  superseded_by?: string;
  year?: number;
}

/** A front matter value that was rejected; the document still loads without that field. */
export interface FrontMatterProblem {
  field: string;
  message: string;
}

const text = z.string().trim().min(1, 'must not be empty');
const yearLike = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*\d{4}\s*$/.test(v) ? Number(v) : v),
  z.number().int().min(1949).max(2100),
);

// Each field is validated on its own so one bad value does not discard the others.
const FIELD_SCHEMAS = {
  title: text,
  kind: z.enum(['policy', 'report', 'law', 'other']),
  issuer: text,
  // YAML may hand a Date for unquoted dates under some schemas; accept it and keep YYYY-MM-DD.
  effective_date: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.iso.date()),
  source: text,
  superseded_by: text,
  year: yearLike,
} as const;

type FieldName = keyof typeof FIELD_SCHEMAS;
const FIELD_NAMES = Object.keys(FIELD_SCHEMAS) as FieldName[];

const FIX_HINTS: Record<FieldName, string> = {
  title: 'write the document title as text',
  kind: 'use one of: policy, report, law, other',
  issuer: 'write the issuing body as text, e.g. 市退役军人事务局',
  effective_date: 'write the date as YYYY-MM-DD, e.g. 2021-01-01',
  source: 'write where the text comes from as text',
  superseded_by: 'write the id (path inside the knowledge folder) of the replacing document',
  year: 'write a four-digit year, e.g. 2022',
};

/**
 * Validates raw front matter (already parsed from YAML or collected from HTML meta tags).
 * Returns the valid fields plus one problem per invalid or unknown field; never throws.
 */
export function validateFrontMatter(raw: unknown): { value: FrontMatter; problems: FrontMatterProblem[] } {
  if (raw === undefined || raw === null) return { value: {}, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      value: {},
      problems: [{ field: '(front matter)', message: 'must be a YAML mapping of key: value lines' }],
    };
  }
  const value: Record<string, unknown> = {};
  const problems: FrontMatterProblem[] = [];
  for (const [key, input] of Object.entries(raw as Record<string, unknown>)) {
    const name = key.replace(/-/g, '_') as FieldName;
    if (!FIELD_NAMES.includes(name)) {
      problems.push({ field: key, message: `unknown field; known fields are ${FIELD_NAMES.join(', ')}` });
      continue;
    }
    const parsed = FIELD_SCHEMAS[name].safeParse(input);
    if (parsed.success) value[name] = parsed.data;
    else
      problems.push({
        field: name,
        message: `${parsed.error.issues[0]?.message ?? 'invalid value'} — ${FIX_HINTS[name]}`,
      });
  }
  return { value: value as FrontMatter, problems };
}

/**
 * Splits a leading `---` YAML block off a text. `body` is the text after the closing `---` line
 * (blank lines right after it dropped); `yamlError` is set when the block is not valid YAML.
 * Text without a front matter block is returned unchanged with `raw` undefined.
 */
export function splitFrontMatter(source: string): { raw: unknown; body: string; yamlError?: string } {
  const match = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/.exec(source);
  if (!match) return { raw: undefined, body: source };
  const body = source.slice(match[0].length).replace(/^(?:[ \t]*\n)+/, '');
  try {
    return { raw: parseYaml(match[1] ?? ''), body };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { raw: undefined, body, yamlError: reason ?? 'invalid YAML' };
  }
}

/** `report` when the title says it is a summary/report (总结/报告/工作情况), else `other`. */
export function defaultKind(title: string): DocKind {
  return /总结|报告|工作情况/.test(title) ? 'report' : 'other';
}

/** The first 20xx year in the title, e.g. 2022 for 市退役军人事务局2022年度领导班子工作总结. */
export function defaultYear(title: string): number | undefined {
  const match = /20\d{2}/.exec(title);
  return match ? Number(match[0]) : undefined;
}
