import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AnswerStatusSchema, LanguageSchema } from '../assistant/answer.js';

/** A law article an answer may rest on (blind benefits sets): any one of `articles` counts. */
const BasisSchema = z.object({
  law: z.string().min(1),
  articles: z.array(z.number().int().positive()).min(1),
});

/**
 * One line of tests/eval/*.jsonl or tests/eval/blind/*.jsonl (format in tests/eval/README.md).
 * Blind benefits questions say whether the law answers them (`answerable`) and name the articles
 * and facts a correct answer holds, instead of a status and verbatim strings: their writer saw the
 * laws, never the assistant's knowledge.
 */
export const GoldQuestionSchema = z
  .object({
    id: z.string().min(1),
    kind: z.string().min(1),
    question: z.string(),
    session: z.string().optional(),
    note: z.string().optional(),
    expect: z.object({
      status: AnswerStatusSchema.optional(),
      answerable: z.boolean().optional(),
      basis: z.array(BasisSchema).optional(),
      /** Groups of alternatives; a correct answer holds one phrase of every group. */
      facts: z.array(z.array(z.string().min(1)).min(1)).optional(),
      /** The part of a two-part question the laws do not answer: the answer must say so. */
      gap: z.string().optional(),
      /** Why an unanswerable question is unanswerable: local_rule or not_in_law. */
      reason: z.string().optional(),
      language: LanguageSchema,
      mustInclude: z.array(z.string()).optional(),
      mustIncludeAny: z.array(z.array(z.string()).min(1)).optional(),
      mustNotInclude: z.array(z.string()).optional(),
      quote: z.string().optional(),
      doc: z.string().optional(),
    }),
  })
  .refine((q) => q.expect.status !== undefined || q.expect.answerable !== undefined, {
    message:
      'expect needs a status (answered, undisclosed, not_found, out_of_scope) or answerable (true/false)',
    path: ['expect', 'status'],
  });
export type GoldQuestion = z.infer<typeof GoldQuestionSchema> & { file: string };

/** The status a question expects; blind benefits questions expect `answered` when the law answers them. */
export function expectedStatus(q: GoldQuestion): 'answered' | 'undisclosed' | 'not_found' | 'out_of_scope' {
  return q.expect.status ?? (q.expect.answerable === false ? 'not_found' : 'answered');
}

/** True when the documents hold an answer (answered or undisclosed), so "not found" is a miss. */
export const isAnswerable = (q: GoldQuestion): boolean =>
  q.expect.answerable ?? (q.expect.status === 'answered' || q.expect.status === 'undisclosed');

/** Reads every gold file in `dir` (or the files named); a bad line is an error naming file and line. */
export async function loadGoldSet(dir: string, only?: readonly string[]): Promise<GoldQuestion[]> {
  const files = (await readdir(dir))
    .filter((f) => f.endsWith('.jsonl') && (!only || only.includes(f)))
    .sort();
  const questions: GoldQuestion[] = [];
  for (const file of files) {
    const lines = (await readFile(path.join(dir, file), 'utf8')).split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const parsed = GoldQuestionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${file}:${i + 1}: ${issue?.path.join('.')}: ${issue?.message}`);
      }
      questions.push({ ...parsed.data, file });
    });
  }
  const ids = new Set<string>();
  for (const q of questions) {
    if (ids.has(q.id)) throw new Error(`${q.file}: duplicate id ${q.id}`);
    ids.add(q.id);
  }
  return questions;
}
