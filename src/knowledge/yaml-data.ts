import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { KnowledgeError, ok, fail, type Result } from '../errors.js';

/** One thing wrong with a knowledge data file; `field` is a path such as `indicators[3].values[0].kind`. */
export interface DataProblem {
  file: string;
  field?: string;
  message: string;
}

/** `['indicators', 3, 'values', 0, 'kind']` → `indicators[3].values[0].kind`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/**
 * Parses YAML text and validates it with a zod schema. Returns every problem (YAML syntax or schema),
 * each naming the file and field and ending with `hint(field)` so staff know what to change.
 */
export function parseYamlData<T>(
  text: string,
  file: string,
  schema: z.ZodType<T>,
  hint: (field: string) => string,
): Result<T, DataProblem[]> {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return fail([{ file, message: `not valid YAML: ${detail} — check indentation and quoting on that line` }]);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return ok(parsed.data);
  return fail(
    parsed.error.issues.map((issue) => {
      const field = formatFieldPath(issue.path);
      const problem: DataProblem = { file, message: `${issue.message} — ${hint(field)}` };
      if (field) problem.field = field;
      return problem;
    }),
  );
}

/** One KnowledgeError for a data file's problems: the first names the field, all are listed. */
export function toKnowledgeError(problems: readonly DataProblem[]): KnowledgeError {
  const first = problems[0];
  if (!first) return new KnowledgeError('(unknown file)', 'invalid data file');
  const rest = problems.slice(1).map((p) => `\n  ${p.field ?? '(file)'}: ${p.message}`);
  const extra = rest.length > 0 ? `\nAlso:${rest.join('')}` : '';
  return new KnowledgeError(first.file, `${first.message}${extra}`, first.field ? { field: first.field } : {});
}
