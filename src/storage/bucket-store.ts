/**
 * Where rate-limit buckets are kept (channels/rate-limit.ts holds the arithmetic): in memory
 * for one process, in PostgreSQL (postgres/rate-buckets.ts) when replicas share the limit.
 */
export interface Bucket {
  tokens: number;
  /** When `tokens` was last computed (ms since the epoch, from the limiter's clock). */
  at: number;
}

/** Where buckets are kept; `update` reads, changes and writes one bucket atomically. */
export interface BucketStore {
  update<T>(key: string, change: (bucket: Bucket | undefined) => { bucket: Bucket; result: T }): Promise<T>;
  /** Drops buckets last used before `before` (they are full again). */
  sweep(before: number): Promise<void>;
}

/** Buckets of this process only. */
export function createMemoryBuckets(): BucketStore {
  const buckets = new Map<string, Bucket>();
  return {
    async update(key, change) {
      const { bucket, result } = change(buckets.get(key));
      buckets.set(key, bucket);
      return result;
    },
    async sweep(before) {
      for (const [key, bucket] of buckets) if (bucket.at < before) buckets.delete(key);
    },
  };
}
