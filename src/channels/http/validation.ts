import { z } from 'zod';
import { HttpError } from './http-io.js';
import { WEB_TOPIC_IDS } from './web-topics.js';

/**
 * Zod schemas for every input of the HTTP API. A failed parse becomes a 400 whose message names
 * the field, e.g. `body.question: Invalid input: expected string, received undefined`.
 */
const sessionId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 characters of A-Z a-z 0-9 _ -');

export const AskBodySchema = z.strictObject({
  question: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
  session: sessionId.optional(),
  language: z.enum(['zh', 'en']).optional(),
  audience: z.enum(['veteran', 'staff', 'leader']).optional(),
  /** The suggestion topic the question was picked from, for the usage report's top topics. */
  topic: z
    .enum(WEB_TOPIC_IDS, { error: `must be one of the chat page's topics: ${WEB_TOPIC_IDS.join(', ')}` })
    .optional(),
});

export const FeedbackBodySchema = z.strictObject({
  questionId: z.number().int().positive().optional(),
  question: z.string().trim().min(1, 'must not be empty').max(2000),
  answer: z.string().max(8000).optional(),
  rating: z.enum(['up', 'down']),
  comment: z.string().trim().max(1000).optional(),
});

const year = z.coerce.number().int().min(1949).max(2100);

export const FigureQuerySchema = z.object({
  category: z.string().trim().min(1).max(100).optional(),
  year: year.optional(),
});

export const LanguageQuerySchema = z.object({ lang: z.enum(['zh', 'en']).default('zh') });

/** Charts: the language, and `layout=narrow` for the phone layout of the targets chart. */
export const ChartQuerySchema = LanguageQuerySchema.extend({
  layout: z.enum(['wide', 'narrow']).default('wide'),
});

export const PassageQuerySchema = z.object({ chunk: z.string().min(1).max(500) });

export const FigureIdSchema = z.string().min(1).max(200);

export const KpiUpdateBodySchema = z.strictObject({
  year,
  value: z.number().finite().nullable(),
  kind: z.enum(['actual', 'target']).optional(),
  note: z.string().trim().max(500).optional(),
});

/** Parses `input` or throws HttpError 400 naming the first bad field (`where` is body, query or path). */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: 'body' | 'query' | 'path',
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = [where, ...(issue?.path ?? []).map(String)].join('.');
  const keys = issue?.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
  throw new HttpError(400, `${field}: ${issue?.message ?? 'invalid'}${keys}`, { field });
}

/** Query parameters as a plain object; repeated keys keep the last value. */
export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}
