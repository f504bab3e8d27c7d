import type { StoreHealth } from '../../storage/store.js';

/**
 * Prometheus metrics kept in memory: requests by method/route/status, answer latency histogram,
 * answers by status and mode, rate-limited requests. Routes are labelled by their pattern
 * (`/api/figures/:id`), never the raw path, so label cardinality stays bounded.
 */
export const LATENCY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;

export interface HttpMetrics {
  countRequest(method: string, route: string, status: number): void;
  observeAnswer(seconds: number, status: string, mode: string): void;
  countRateLimited(): void;
  /** The Prometheus text exposition format (version 0.0.4). */
  render(): string;
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labels = (pairs: Record<string, string>) =>
  `{${Object.entries(pairs)
    .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    .join(',')}}`;

export function createMetrics(): HttpMetrics {
  const requests = new Map<string, number>();
  const answers = new Map<string, number>();
  const bucketCounts = LATENCY_BUCKETS.map(() => 0);
  let latencySum = 0;
  let latencyCount = 0;
  let rateLimited = 0;
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

  return {
    countRequest: (method, route, status) =>
      bump(requests, labels({ method, route, status: String(status) })),
    observeAnswer(seconds, status, mode) {
      bump(answers, labels({ status, mode }));
      latencySum += seconds;
      latencyCount += 1;
      LATENCY_BUCKETS.forEach((le, i) => {
        if (seconds <= le) bucketCounts[i] = (bucketCounts[i] ?? 0) + 1;
      });
    },
    countRateLimited: () => void (rateLimited += 1),
    render() {
      const lines = [
        '# HELP http_requests_total HTTP requests handled, by method, route pattern and status.',
        '# TYPE http_requests_total counter',
        ...[...requests].map(([l, n]) => `http_requests_total${l} ${n}`),
        '# HELP answer_latency_seconds Time to produce an answer (POST /api/ask).',
        '# TYPE answer_latency_seconds histogram',
        ...LATENCY_BUCKETS.map(
          (le, i) => `answer_latency_seconds_bucket{le="${le}"} ${bucketCounts[i] ?? 0}`,
        ),
        `answer_latency_seconds_bucket{le="+Inf"} ${latencyCount}`,
        `answer_latency_seconds_sum ${latencySum}`,
        `answer_latency_seconds_count ${latencyCount}`,
        '# HELP answers_total Answers given, by status and mode.',
        '# TYPE answers_total counter',
        ...[...answers].map(([l, n]) => `answers_total${l} ${n}`),
        '# HELP http_rate_limited_total Requests refused by the per-IP rate limit.',
        '# TYPE http_rate_limited_total counter',
        `http_rate_limited_total ${rateLimited}`,
      ];
      return `${lines.join('\n')}\n`;
    },
  };
}

/** The store's health as Prometheus lines (appended to HttpMetrics.render()). */
export function storageMetricLines(health: StoreHealth): string {
  return [
    '# HELP storage_writable 1 while the store saves writes, 0 while they fail (see /healthz).',
    '# TYPE storage_writable gauge',
    `storage_writable ${health.writable ? 1 : 0}`,
    ...(health.reachable === undefined
      ? []
      : [
          '# HELP storage_reachable 1 while the PostgreSQL server answers, 0 while it does not.',
          '# TYPE storage_reachable gauge',
          `storage_reachable ${health.reachable ? 1 : 0}`,
        ]),
    '# HELP storage_failures_total Store operations that failed, by operation.',
    '# TYPE storage_failures_total counter',
    ...Object.entries(health.failures).map(
      ([operation, n]) => `storage_failures_total${labels({ operation })} ${n}`,
    ),
    '',
  ].join('\n');
}
