import type pg from 'pg';
import type { Bucket, BucketStore } from '../bucket-store.js';

/** Tries before a bucket that other requests keep changing is given up on (the limiter then limits per replica). */
const MAX_ATTEMPTS = 20;

/**
 * Rate-limit buckets in PostgreSQL, shared by the replicas. An update reads the bucket, computes the
 * change (rate-limit.ts), and writes it only if the row is still what was read (compare-and-set);
 * when another request changed it meanwhile, it reads again. No lock and no transaction spans the
 * computation: under load, a replica's event loop can take a long time to come back to a request,
 * and a row lock (or a pooled connection) held across that wait stalled every other query.
 */
export function createPostgresBuckets(pool: pg.Pool): BucketStore {
  return {
    async update(key, change) {
      for (let attempt = 1; ; attempt++) {
        const { rows } = await pool.query<{ tokens: number; at: string }>(
          'SELECT tokens, at FROM rate_buckets WHERE key = $1',
          [key],
        );
        const row = rows[0];
        const previous: Bucket | undefined =
          row && Number.isFinite(row.tokens) ? { tokens: row.tokens, at: Date.parse(row.at) } : undefined;
        const { bucket, result } = change(previous);
        const written = row
          ? await pool.query(
              'UPDATE rate_buckets SET tokens = $2, at = $3 WHERE key = $1 AND tokens = $4 AND at = $5',
              [key, bucket.tokens, new Date(bucket.at), row.tokens, row.at],
            )
          : await pool.query(
              'INSERT INTO rate_buckets (key, tokens, at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING',
              [key, bucket.tokens, new Date(bucket.at)],
            );
        if (written.rowCount === 1) return result;
        if (attempt >= MAX_ATTEMPTS)
          throw new Error(`rate bucket changed by other requests ${MAX_ATTEMPTS} times in a row`);
      }
    },
    async sweep(before) {
      await pool.query('DELETE FROM rate_buckets WHERE at < $1', [new Date(before)]);
    },
  };
}
