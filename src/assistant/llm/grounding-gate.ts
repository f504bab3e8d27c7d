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
  /** Applied to verified text before it is emitted (citation renumbering). */
  transform: (text: string) => string = (text) => text,
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
    const shown = transform(text);
    released += shown;
    if (shown !== '') emit(shown);
  };

  return {
    push(delta) {
      if (blocked) return;
      buffer += delta;
      // Release sentence by sentence: one bad sentence must not hold back the good ones before it.
      let start = 0;
      for (const match of buffer.matchAll(SENTENCE_END)) {
        const end = match.index + match[0].length;
        release(buffer.slice(start, end));
        start = end;
      }
      buffer = buffer.slice(start);
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
