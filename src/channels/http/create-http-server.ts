import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { StorageError } from '../../errors.js';
import { hashUserId } from '../../storage/user-hash.js';
import { requireAdmin } from './admin-auth.js';
import { createClientAddress } from './client-address.js';
import type { HttpDeps, Route, RouteContext } from './http-deps.js';
import { HttpError, sendJson } from './http-io.js';
import { createMetrics, type HttpMetrics } from './metrics.js';
import { createRateLimiter, type RateLimiter } from '../rate-limit.js';
import { matchRoute } from './router.js';
import { adminRoutes } from './routes/admin-routes.js';
import { askRoutes } from './routes/ask-routes.js';
import { chartRoutes } from './routes/chart-routes.js';
import { dataRoutes } from './routes/data-routes.js';
import { feedbackRoutes } from './routes/feedback-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { applySecurityHeaders } from './security-headers.js';
import { createStaticRoutes } from './static-files.js';
import { checkAndWarmCharts } from './warm-charts.js';

export type { HttpDeps } from './http-deps.js';

export interface HttpServer {
  server: Server;
  /** Listens on config.http.host:port (port 0 picks a free one) and resolves the base URL. */
  listen(): Promise<{ url: string }>;
  /** Stops accepting connections and closes open ones (including SSE streams). */
  close(): Promise<void>;
}

interface Pipeline {
  deps: HttpDeps;
  routes: Route[];
  metrics: HttpMetrics;
  limiter: RateLimiter;
  clientAddress: (req: IncomingMessage) => string;
}

function sendError(
  ctx: { res: ServerResponse; log: HttpDeps['logger'] },
  error: unknown,
  pathname: string,
): void {
  if (ctx.res.headersSent) {
    ctx.log.error({ err: error }, 'request failed after the response started');
    ctx.res.destroy();
    return;
  }
  if (error instanceof HttpError) {
    const body = {
      error: error.message,
      ...(error.extra.field ? { field: error.extra.field } : {}),
      ...error.extra.details,
    };
    sendJson(ctx.res, error.status, body, error.extra.headers ?? {}, error.extra.endAfter);
    return;
  }
  if (error instanceof StorageError) {
    // Never acknowledge what was not stored: the client learns it and may try again later.
    ctx.log.error({ err: error, path: pathname }, 'could not store a write');
    sendJson(ctx.res, 503, {
      error:
        '暂时无法保存，本次提交未被记录，请稍后再试。The server could not store this, so nothing was saved; please try again later.',
    });
    return;
  }
  ctx.log.error({ err: error, path: pathname }, 'request failed');
  sendJson(ctx.res, 500, {
    error: '服务器内部错误，请稍后再试。Internal error; the details are in the server log.',
  });
}

async function handle(p: Pipeline, req: IncomingMessage, res: ServerResponse): Promise<void> {
  applySecurityHeaders(res);
  const log = p.deps.logger.child({ reqId: randomUUID().slice(0, 8) });
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = req.method ?? 'GET';
  let routeLabel = 'unmatched';
  res.on('finish', () => {
    p.metrics.countRequest(method, routeLabel, res.statusCode);
    log.debug({ method, route: routeLabel, status: res.statusCode }, 'request');
  });
  try {
    const match = matchRoute(p.routes, method, url.pathname);
    if (!match)
      throw new HttpError(404, `Nothing at ${url.pathname}. The chat is at /, the dashboard at /dashboard.`);
    routeLabel = match.route.pattern;
    const ip = p.clientAddress(req);
    if (match.route.limited) {
      const verdict = await p.limiter.take(ip);
      if (!verdict.allowed) {
        p.metrics.countRateLimited();
        throw new HttpError(
          429,
          `请求过于频繁，请 ${verdict.retryAfterSeconds} 秒后再试。Too many requests; retry later.`,
          {
            headers: { 'retry-after': String(verdict.retryAfterSeconds) },
          },
        );
      }
    }
    if (match.route.admin) requireAdmin(req.headers.authorization, p.deps.config.http.adminToken);
    const ctx: RouteContext = {
      req,
      res,
      url,
      params: match.params,
      deps: p.deps,
      metrics: p.metrics,
      log,
      userKey: hashUserId(`http:${ip}`, p.deps.config.userHashSalt),
    };
    await match.route.handler(ctx);
  } catch (error) {
    sendError({ res, log }, error, url.pathname);
  }
}

/**
 * Builds the HTTP channel: JSON API, Server-Sent Events for streamed answers, the web chat (/),
 * the leaders' dashboard (/dashboard), charts, /healthz and /metrics. Nothing listens until
 * `listen()` is called.
 */
export function createHttpServer(deps: HttpDeps): HttpServer {
  const pipeline: Pipeline = {
    deps,
    routes: [
      ...healthRoutes,
      ...askRoutes,
      ...dataRoutes,
      ...feedbackRoutes,
      ...chartRoutes,
      ...adminRoutes,
      ...createStaticRoutes(),
    ],
    metrics: createMetrics(),
    limiter: createRateLimiter({
      perMinute: deps.config.http.rateLimitPerMinute,
      logger: deps.logger,
      ...(deps.rateBuckets && { store: deps.rateBuckets }),
    }),
    clientAddress: createClientAddress(deps.config.http.trustedProxies),
  };
  const server = createServer((req, res) => void handle(pipeline, req, res));
  server.headersTimeout = 15_000;
  // Longer than a proxy's idle keep-alive (nginx example: 60 s), so the proxy, not the service,
  // closes idle connections: otherwise a request can race the close and fail on a healthy replica.
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 60_000;
  return {
    server,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(deps.config.http.port, deps.config.http.host, () => {
          server.off('error', reject);
          const { address, port } = server.address() as AddressInfo;
          const host = address.includes(':') ? `[${address}]` : address;
          deps.logger.info({ url: `http://${host}:${port}` }, 'HTTP server listening');
          checkAndWarmCharts(deps.tools, deps.logger, deps.prewarmCharts ?? false);
          resolve({ url: `http://${host}:${port}` });
        });
      }),
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
