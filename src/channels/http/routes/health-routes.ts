import type { Route } from '../http-deps.js';
import { sendBody, sendJson } from '../http-io.js';
import { storageMetricLines } from '../metrics.js';

/**
 * GET /healthz: `ok`, or `degraded` while the store cannot save or (PostgreSQL) cannot be reached
 * (answers still work; feedback, KPI updates, the question log and chat sessions are not being
 * stored), with the database behind the store and the answer mode the page shows. Always 200: a
 * degraded replica should stay behind its load balancer, it still answers.
 * GET /metrics: Prometheus text, request and answer counters plus the store's failures.
 */
export const healthRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/healthz',
    handler: async ({ res, deps }) => {
      const { backend, reachable, writable, problem, failures } = await deps.store.health();
      sendJson(res, 200, {
        status: writable && reachable !== false ? 'ok' : 'degraded',
        mode: deps.config.llm ? 'llm' : 'offline',
        streaming: Boolean(deps.assistant.askStream),
        storage: {
          backend,
          ...(reachable === undefined ? {} : { reachable }),
          writable,
          ...(problem === undefined ? {} : { problem }),
          failures,
        },
      });
    },
  },
  {
    method: 'GET',
    pattern: '/metrics',
    handler: async ({ res, metrics, deps }) =>
      sendBody(
        res,
        200,
        metrics.render() + storageMetricLines(await deps.store.health()),
        'text/plain; version=0.0.4; charset=utf-8',
        { 'cache-control': 'no-store' },
      ),
  },
];
