import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AnswerStatusSchema, LanguageSchema } from '../assistant/answer.js';

/** One line of tests/eval/*.jsonl (format documented in tests/eval/README.md). */
export const GoldQuestionSchema = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  question: z.string(),
  session: z.string().optional(),
  expect: z.object({
    status: AnswerStatusSchema,
    language: LanguageSchema,
    mustInclude: z.array(z.string()).optional(),
    mustIncludeAny: z.array(z.array(z.string()).min(1)).optional(),
    mustNotInclude: z.array(z.string()).optional(),
    quote: z.string().optional(),
    doc: z.string().optional(),
  }),
});
export type GoldQuestion = z.infer<typeof GoldQuestionSchema> & { file: string };

/** Reads every gold file in `dir`; a bad line is an error naming file and line. */
export async function loadGoldSet(dir: string): Promise<GoldQuestion[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
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
