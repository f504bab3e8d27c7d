import { z } from 'zod';
import type { Result } from '../errors.js';
import type { BureauContact } from './types.js';
import { parseYamlData, type DataProblem } from './yaml-data.js';

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

/**
 * What operators are told (at start and by `ingest --check`) while the bureau's contact card is
 * missing or still holds placeholders: users never see placeholders, so without this nobody would
 * notice that answers can only point to the local service station. Undefined once it is filled in.
 */
export function bureauContactWarning(bureau: BureauContact | undefined, knowledgeDir: string): string | undefined {
  const file = `${knowledgeDir.replace(/\/+$/, '')}/bureau.yaml`;
  const fix = `Fill in name, hours, hotline and address with the bureau's real, published details and set placeholder: false, then run npm run ingest -- --check and restart (or /reindex).`;
  if (bureau === undefined)
    return `${file} is missing: answers point veterans to their local 退役军人服务站 only and /help shows no contact. Create it (name, hours, hotline, address, placeholder). ${fix}`;
  if (bureau.placeholder)
    return `${file} still holds placeholder contacts (placeholder: true): answers point veterans to their local 退役军人服务站 only and /help shows no phone number. ${fix}`;
  return undefined;
}

/** Parses bureau.yaml text. Returns the contact card, or every problem with file and field. */
export function parseBureauFile(text: string, file: string): Result<BureauContact, DataProblem[]> {
  return parseYamlData(text, file, BureauFileSchema, hint);
}
