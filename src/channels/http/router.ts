import { HttpError } from './http-io.js';
import type { Route } from './http-deps.js';

export type RouteMatch = { route: Route; params: Record<string, string> };

function matchPattern(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const segment = got[i] ?? '';
    if (part.startsWith(':')) {
      if (!segment) return undefined;
      try {
        params[part.slice(1)] = decodeURIComponent(segment);
      } catch {
        throw new HttpError(400, `path: segment "${segment}" is not valid percent-encoding.`, {
          field: 'path',
        });
      }
    } else if (part !== segment) return undefined;
  }
  return params;
}

/**
 * Finds the route for a request. Literal patterns win over patterns with parameters, so
 * `/api/figures.csv` is never read as a figure id. A known path with another method gets 405.
 */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  pathname: string,
): RouteMatch | undefined {
  const ordered = [...routes].sort(
    (a, b) => Number(a.pattern.includes(':')) - Number(b.pattern.includes(':')),
  );
  const allowed: string[] = [];
  for (const route of ordered) {
    const params = matchPattern(route.pattern, pathname);
    if (!params) continue;
    allowed.push(route.method);
    if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { route, params };
  }
  if (allowed.length > 0) {
    throw new HttpError(405, `Method ${method} is not allowed on ${pathname}; use ${allowed.join(' or ')}.`, {
      headers: { allow: allowed.join(', ') },
    });
  }
  return undefined;
}
