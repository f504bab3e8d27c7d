import type pg from 'pg';
import type { Bucket, BucketStore } from '../bucket-store.js';

/**
 * Rate-limit buckets in PostgreSQL, shared by the replicas. Each update locks the key's row for
 * the read-change-write (two requests of one client on two replicas cannot both spend the last
 * token) and commits without waiting for the disk: a bucket lost in a crash only lets a client
 * in a little early, and an fsync per API request would cost more than the limit protects.
 */
export function createPostgresBuckets(pool: pg.Pool): BucketStore {
  return {
    async update(key, change) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SET LOCAL synchronous_commit = off');
        await client.query(
          `INSERT INTO rate_buckets (key, tokens, at) VALUES ($1, 'Infinity', 'epoch') ON CONFLICT (key) DO NOTHING`,
          [key],
        );
        const { rows } = await client.query<{ tokens: number; at: string }>(
          'SELECT tokens, at FROM rate_buckets WHERE key = $1 FOR UPDATE',
          [key],
        );
        const row = rows[0];
        const previous: Bucket | undefined =
          row && Number.isFinite(row.tokens) ? { tokens: row.tokens, at: Date.parse(row.at) } : undefined;
        const { bucket, result } = change(previous);
        await client.query('UPDATE rate_buckets SET tokens = $2, at = $3 WHERE key = $1', [
          key,
          bucket.tokens,
          new Date(bucket.at),
        ]);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async sweep(before) {
      await pool.query('DELETE FROM rate_buckets WHERE at < $1', [new Date(before)]);
    },
  };
}
