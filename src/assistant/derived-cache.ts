/**
 * Values computed from the knowledge that take time to build — the cards' tokens, the typo table —
 * kept between runs by an adapter (src/cache/derived-cache.ts) under a key made of the knowledge's
 * hash and the code's, so a one-shot `npm run ask` does not pay for them again. Pure code names the
 * value and says how to compute it; a missing or stale entry is computed and stored for next time.
 */
export interface DerivedCache {
  /** The value stored under `name` for this knowledge and code, else `compute()` (then stored). */
  remember<T>(name: string, compute: () => T): T;
}

/** No cache: every value is computed (tests, tools that load knowledge once). */
export const computeAlways: DerivedCache = { remember: (_name, compute) => compute() };
