/**
 * One error hierarchy for the whole app. Library errors are converted once, at the adapter that
 * called the library, into one of these; every message says what to do next.
 */
export class AppError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
  }
}

/** A configuration value (environment variable) is missing or malformed. */
export class ConfigError extends AppError {}

/** A knowledge file (document, kpis.yaml, glossary.yaml, bureau.yaml) can't be read or is invalid. */
export class KnowledgeError extends AppError {
  constructor(
    readonly file: string,
    message: string,
    options: { cause?: unknown; field?: string } = {},
  ) {
    super(`${file}${options.field ? ` (${options.field})` : ''}: ${message}`, options);
    this.field = options.field;
  }
  readonly field: string | undefined;
}

/** The on-disk index cache is missing, stale or corrupt; callers rebuild instead of trusting it. */
export class IndexCacheError extends AppError {}

/** The LLM endpoint failed (network, auth, rate limit, bad output). */
export class LlmError extends AppError {}

/** The SQLite store failed. */
export class StorageError extends AppError {}

/** Zod-safeParse-shaped result for expected failures (user input, model output). */
export type Result<T, E = string> = { success: true; value: T } | { success: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ success: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ success: false, error });
