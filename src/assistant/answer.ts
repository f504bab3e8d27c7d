import { z } from 'zod';

/**
 * The Answer is the public contract shared by every channel, the CLI's `--json`, the HTTP API,
 * the eval and the tests. Add optional fields only; never change the meaning of existing ones.
 */
export const AnswerStatusSchema = z.enum(['answered', 'undisclosed', 'not_found', 'out_of_scope']);
export const LanguageSchema = z.enum(['zh', 'en']);

export const CitationSchema = z.object({
  /** Document id (path under knowledge/). */
  doc: z.string(),
  /** Document title. */
  title: z.string(),
  /** Section path joined with ' › ' (policy guides: includes the article, e.g. 第四十六条). */
  section: z.string(),
  /** Verbatim quote from the document. */
  quote: z.string(),
  /** Chunk id, for "show the whole paragraph" (KnowledgeTools.passageContext). */
  chunkId: z.string().optional(),
});

export const AnswerFigureSchema = z.object({
  id: z.string().optional(),
  name: z.string(),
  year: z.number().int(),
  kind: z.enum(['actual', 'target']),
  value: z.number().nullable(),
  unit: z.string(),
  quote: z.string(),
  /** 余/多 when the quote gives the value as a lower bound ("20000余人"); shown with the value. */
  approx: z.enum(['余', '多']).optional(),
});

export const AnswerSchema = z.object({
  question: z.string(),
  answer: z.string(),
  status: AnswerStatusSchema,
  language: LanguageSchema,
  citations: z.array(CitationSchema),
  figures: z.array(AnswerFigureSchema),
  mode: z.enum(['offline', 'llm']),
  /** Extra information for the user, e.g. that a long question was cut or the model's answer withheld. */
  notice: z.string().optional(),
  /** Follow-up questions the user may want to ask next (buttons in chat channels). */
  suggestions: z.array(z.string()).optional(),
});

export type Answer = z.infer<typeof AnswerSchema>;
export type AnswerStatus = z.infer<typeof AnswerStatusSchema>;
export type Language = z.infer<typeof LanguageSchema>;
export type Citation = z.infer<typeof CitationSchema>;
export type AnswerFigure = z.infer<typeof AnswerFigureSchema>;
