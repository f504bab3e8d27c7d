import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Route } from './http-deps.js';
import { sendBody } from './http-io.js';

/** The web front end: plain HTML, CSS and ES modules in src/web, no build step. */
export const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Reads the web files once at start (they are small) and returns GET routes for them: `/` is the
 * chat, `/dashboard` the leaders' dashboard, everything else under `/static/<name>`. Only files
 * with a known type are served, so nothing else in the folder can leak.
 */
export function createStaticRoutes(dir = WEB_DIR): Route[] {
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (type) files.set(name, { body: readFileSync(join(dir, name)), type });
  }
  const serve = (name: string): Route['handler'] => {
    const file = files.get(name);
    if (!file) throw new Error(`src/web/${name} is missing; the web front end cannot be served.`);
    return ({ res }) =>
      sendBody(res, 200, file.body, file.type, {
        // Revalidate on every load so a deployed change is seen at once; the files are tiny.
        'cache-control': 'no-cache',
      });
  };
  const routes: Route[] = [
    { method: 'GET', pattern: '/', handler: serve('index.html') },
    { method: 'GET', pattern: '/dashboard', handler: serve('dashboard.html') },
  ];
  for (const name of files.keys()) {
    if (!name.endsWith('.html'))
      routes.push({ method: 'GET', pattern: `/static/${name}`, handler: serve(name) });
  }
  return routes;
}
