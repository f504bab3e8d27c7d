import { checkGrounding } from '../grounding.js';

/** Citation markers such as [1] or [1, 2] (half- or full-width brackets). */
export const CITATION_MARKER = /[[［](\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)[\]］]/g;
/** "1." / "2、" / "(3)" at the start of a line: list numbering, not a claim. */
const LIST_ENUMERATOR = /^(\s*)(?:\d{1,2}[.、)）]|[(（]\d{1,2}[)）])\s*/gm;

/** Removes what looks like a number but states no figure, before the grounding check. */
export function stripNonClaims(text: string): string {
  return text.replace(CITATION_MARKER, ' ').replace(LIST_ENUMERATOR, '$1');
}

export interface AnswerCheck {
  ok: boolean;
  /** Numbers no tool output holds, as written in the answer. */
  violations: string[];
  /** True when the answer contains the API key; such an answer is withheld without a retry. */
  leaksSecret: boolean;
}

/**
 * Checks a model's answer: every number must occur in a tool output (see `checkGrounding`), and
 * the text must not contain the secret. The secret is never sent to the model; this guard is the
 * belt to that pair of braces.
 */
export function checkAnswer(text: string, toolOutputs: readonly string[], secret: string): AnswerCheck {
  const leaksSecret = secret.length >= 8 && text.includes(secret);
  const { violations } = checkGrounding(stripNonClaims(text), toolOutputs);
  return { ok: violations.length === 0 && !leaksSecret, violations, leaksSecret };
}

/** A sentence ends at CJK punctuation, a newline, or ASCII punctuation followed by a space. */
const SENTENCE_END = /[。！？；\n]|[.!?;](?=\s)/g;

/**
 * Streams only verified text. Deltas are buffered up to the end of a sentence; a sentence is
 * released when its numbers are grounded. Because the check is per number, a prefix released this
 * way can never be contradicted by the check of the whole answer. The first failing sentence
 * closes the gate: nothing more is released, and the final Answer (regenerated or offline)
 * replaces what the channel showed.
 */
export interface SentenceGate {
  push(delta: string): void;
  /** Checks and releases the remainder once the model has finished. */
  flush(): void;
  readonly blocked: boolean;
  /** Everything released so far. */
  readonly released: string;
}

export function createSentenceGate(
  toolOutputs: () => readonly string[],
  secret: string,
  emit: (text: string) => void,
): SentenceGate {
  let buffer = '';
  let released = '';
  let blocked = false;

  const release = (text: string) => {
    if (blocked || text === '') return;
    if (!checkAnswer(text, toolOutputs(), secret).ok) {
      blocked = true;
      return;
    }
    released += text;
    emit(text);
  };

  return {
    push(delta) {
      if (blocked) return;
      buffer += delta;
      let end = -1;
      for (const match of buffer.matchAll(SENTENCE_END)) end = match.index + match[0].length;
      if (end < 0) return;
      const complete = buffer.slice(0, end);
      buffer = buffer.slice(end);
      release(complete);
    },
    flush() {
      const rest = buffer;
      buffer = '';
      release(rest);
    },
    get blocked() {
      return blocked;
    },
    get released() {
      return released;
    },
  };
}
