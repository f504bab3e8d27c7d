import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Assistant, KnowledgeTools } from '../../assistant/ports.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { BucketStore } from '../../storage/bucket-store.js';
import type { Store } from '../../storage/store.js';
import type { HttpMetrics } from './metrics.js';

/** What the HTTP channel needs; the composition root (src/main.ts) builds it. */
export interface HttpDeps {
  /** config.http: host, port, adminToken, rateLimitPerMinute; userHashSalt for the question log. */
  config: Config;
  /** ask, plus askStream in LLM mode (served as Server-Sent Events). */
  assistant: Assistant;
  tools: KnowledgeTools;
  /** Feedback, question log and KPI updates. */
  store: Store;
  /** Rate-limit buckets shared by the replicas (PostgreSQL); per process when absent. */
  rateBuckets?: BucketStore;
  /** Rebuilds the knowledge index (POST /api/admin/reindex). */
  reindex(): Promise<{ documents: number; chunks: number; figures: number }>;
  logger: Logger;
  /** Pre-render the stats chart PNG after listen() (the service: yes; tests: no, it costs seconds of CPU). */
  prewarmCharts?: boolean;
}

/** Everything a route handler gets for one request. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  deps: HttpDeps;
  metrics: HttpMetrics;
  /** Child logger with the request id. */
  log: Logger;
  /** Keyed hash of the client address, for the question log and feedback (never the raw IP). */
  userKey: string;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT';
  /** Path pattern; `:name` matches one URL-decoded segment. */
  pattern: string;
  handler(ctx: RouteContext): Promise<void> | void;
  /** Counted against the per-IP rate limit (the API; not static files, health or metrics). */
  limited?: boolean;
  /** Needs `Authorization: Bearer <ADMIN_TOKEN>`. */
  admin?: boolean;
}
