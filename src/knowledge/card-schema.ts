import { z } from 'zod';
import type { Result } from '../errors.js';
import type { EntitlementCard } from './types.js';
import { parseYamlData, type DataProblem } from './yaml-data.js';
import { CARD_TOPICS, type CardTopic } from './card-topics.js';

/**
 * Schema of `knowledge/cards/*.yaml`, the entitlement cards (format in knowledge/cards/README.md).
 * The YAML is snake_case, edited by staff; unknown keys are rejected so a typo is caught.
 */

export { CARD_TOPICS, type CardTopic };
const TOPIC_IDS = Object.keys(CARD_TOPICS) as [CardTopic, ...CardTopic[]];

const text = z.string().trim().min(1, 'must not be empty');
const han = (max: number) =>
  text.max(max, `at most ${max} characters: keep it short, details go in who/exceptions/local`);

const BasisSchema = z.strictObject({
  law: text,
  article: z.number().int().positive(),
  quote: text.min(4, 'quote at least a phrase of the article'),
});

const CardSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case ascii with dashes, e.g. placement-lump-sum'),
  title: han(30),
  title_en: text,
  question: text,
  answer: han(200),
  answer_en: text,
  who: text.optional(),
  exceptions: text.optional(),
  where: text.optional(),
  where_en: text.optional(),
  bring: text.optional(),
  local: text.optional(),
  basis: z.array(BasisSchema).min(1, 'every card needs at least one article'),
  related: z.array(text).default([]),
  phrasings: z.array(text).default([]),
  keywords: z.array(text).default([]),
});

export const CardFileSchema = z.strictObject({
  topic: z.enum(TOPIC_IDS),
  cards: z.array(CardSchema).min(1),
});

const HINTS: [RegExp, string][] = [
  [/^topic$/, `use one of: ${TOPIC_IDS.join(', ')}`],
  [/\.basis\[\d+\]\.article$/, 'write the article number as a plain number: 第十五条 → 15'],
  [/\.basis/, 'each basis entry needs law (e.g. 退役军人保障法), article and a verbatim quote'],
  [/\.id$/, 'give each card a unique id such as placement-lump-sum'],
];

function hint(field: string): string {
  return HINTS.find(([pattern]) => pattern.test(field))?.[1] ?? 'compare with the format in knowledge/cards/README.md';
}

/** Parses one card file. Returns its cards (camelCase), or every problem with file and field. */
export function parseCardFile(yamlText: string, file: string): Result<EntitlementCard[], DataProblem[]> {
  const parsed = parseYamlData(yamlText, file, CardFileSchema, hint);
  if (!parsed.success) return parsed;
  const { topic, cards } = parsed.value;
  return {
    success: true,
    value: cards.map((c) => ({
      id: c.id,
      file,
      topic,
      title: c.title,
      titleEn: c.title_en,
      question: c.question,
      answer: c.answer,
      answerEn: c.answer_en,
      ...(c.who ? { who: c.who } : {}),
      ...(c.exceptions ? { exceptions: c.exceptions } : {}),
      ...(c.where ? { where: c.where } : {}),
      ...(c.where_en ? { whereEn: c.where_en } : {}),
      ...(c.bring ? { bring: c.bring } : {}),
      ...(c.local ? { local: c.local } : {}),
      basis: c.basis,
      related: c.related,
      phrasings: c.phrasings,
      keywords: c.keywords,
    })),
  };
}
