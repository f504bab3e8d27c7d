import { z } from 'zod';
import type { Result } from '../errors.js';
import type { BureauContact } from './types.js';
import { parseYamlData, type DataProblem } from './loaders/yaml-data.js';

// Phone numbers written without quotes arrive as YAML numbers; keep them as text.
const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().trim().min(1));

/** Schema of `knowledge/bureau.yaml`: the bureau's contact card shown when the assistant can't help. */
export const BureauFileSchema = z.strictObject({
  name: text,
  hours: text,
  hotline: text,
  address: text,
  // Required, not defaulted: showing made-up contact data as real would send veterans to a wrong number.
  placeholder: z.boolean(),
}) satisfies z.ZodType<BureauContact>;

function hint(field: string): string {
  if (field === 'placeholder') return 'write placeholder: true while the values are not the real ones, else false';
  return 'the file needs name, hours, hotline, address (text) and placeholder (true or false)';
}

/** Parses bureau.yaml text. Returns the contact card, or every problem with file and field. */
export function parseBureauFile(text: string, file: string): Result<BureauContact, DataProblem[]> {
  return parseYamlData(text, file, BureauFileSchema, hint);
}
