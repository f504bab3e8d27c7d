import { describe, expect, it } from 'vitest';
import { requireAdmin } from '../../../src/channels/http/admin-auth.js';
import { csvCell } from '../../../src/channels/http/csv.js';
import { HttpError } from '../../../src/channels/http/http-io.js';
import { createMetrics } from '../../../src/channels/http/metrics.js';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1+1', "'=1+1"],
    ['+86 123', "'+86 123"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    [-2, '-2'],
    [null, ''],
  ])('%j → %s', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe('requireAdmin', () => {
  const status = (fn: () => void) => {
    try {
      fn();
      return 200;
    } catch (error) {
      return (error as HttpError).status;
    }
  };
  it('accepts only the exact bearer token', () => {
    expect(status(() => requireAdmin('Bearer s3cret-token', 's3cret-token'))).toBe(200);
    expect(status(() => requireAdmin('bearer s3cret-token', 's3cret-token'))).toBe(200);
    expect(status(() => requireAdmin('Bearer s3cret-tokem', 's3cret-token'))).toBe(401);
    expect(status(() => requireAdmin('Bearer s3cret-token-and-more', 's3cret-token'))).toBe(401);
    expect(status(() => requireAdmin(undefined, 's3cret-token'))).toBe(401);
    expect(status(() => requireAdmin('Bearer ', undefined))).toBe(401);
  });
});

describe('metrics', () => {
  it('puts each latency in every bucket at or above it', () => {
    const metrics = createMetrics();
    metrics.observeAnswer(0.02, 'answered', 'offline');
    metrics.observeAnswer(3, 'not_found', 'llm');
    const text = metrics.render();
    expect(text).toContain('answer_latency_seconds_bucket{le="0.01"} 0');
    expect(text).toContain('answer_latency_seconds_bucket{le="0.025"} 1');
    expect(text).toContain('answer_latency_seconds_bucket{le="2.5"} 1');
    expect(text).toContain('answer_latency_seconds_bucket{le="5"} 2');
    expect(text).toContain('answer_latency_seconds_sum 3.02');
    expect(text).toContain('answers_total{status="not_found",mode="llm"} 1');
  });
});
