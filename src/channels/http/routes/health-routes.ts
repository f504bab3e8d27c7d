import type { Route } from '../http-deps.js';
import { sendBody, sendJson } from '../http-io.js';

/** GET /healthz (liveness plus the answer mode the page shows) and GET /metrics (Prometheus). */
export const healthRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/healthz',
    handler: ({ res, deps }) =>
      sendJson(res, 200, {
        status: 'ok',
        mode: deps.config.llm ? 'llm' : 'offline',
        streaming: Boolean(deps.assistant.askStream),
      }),
  },
  {
    method: 'GET',
    pattern: '/metrics',
    handler: ({ res, metrics }) =>
      sendBody(res, 200, metrics.render(), 'text/plain; version=0.0.4; charset=utf-8', {
        'cache-control': 'no-store',
      }),
  },
];
