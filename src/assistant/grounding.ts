import { findNumbers, numberValues } from '../knowledge/numbers.js';

/**
 * The grounding check: every number written in an answer must occur (after normalisation:
 * 1.2万 = 12000, 85％ = 85%, 四项 = 4) in a source the answer was built from — a citation quote, a
 * figure record, or a value computed in code from those (progress, gaps). Used by the offline
 * composer as a last guard, by the LLM agent to reject a model's answer, and by the eval.
 */
export interface GroundingResult {
  ok: boolean;
  /** The numbers (as written in the answer) that no source holds. */
  violations: string[];
}

/** Rounds so that 85 and 85.0, or 0.1+0.2 and 0.3, compare equal. */
const key = (value: number): string => String(Math.round(value * 1e6) / 1e6);

export function checkGrounding(text: string, sources: readonly string[]): GroundingResult {
  const known = new Set<string>();
  for (const source of sources) for (const value of numberValues(source)) known.add(key(value));
  const violations: string[] = [];
  for (const mention of findNumbers(text)) {
    if (mention.value === null) continue; // a masked number states nothing
    if (!known.has(key(mention.value))) violations.push(mention.raw);
  }
  return { ok: violations.length === 0, violations };
}
