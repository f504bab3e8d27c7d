import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, startTestServer, type TestServer } from './start-test-server.js';

describe('security headers, static pages, health and metrics', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it.each(['/', '/dashboard', '/static/chat.js', '/api/figures', '/nope', '/healthz'])(
    'sets a CSP without inline script, nosniff and frame denial on %s',
    async (path) => {
      const response = await fetch(`${server.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    },
  );

  it('serves the pages with no inline script and a total weight under 100 KB', async () => {
    const index = await (await fetch(`${server.url}/`)).text();
    expect(index).toMatch(/<textarea[^>]*\sid="question"/);
    expect(index).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(index).not.toMatch(/\son[a-z]+=/i);
    const assets = [
      '/',
      '/dashboard',
      ...[...index.matchAll(/(?:src|href)="(\/static\/[^"]+)"/g)].map((m) => m[1]!),
    ];
    for (const name of ['api.js', 'i18n.js', 'render-answer.js', 'dashboard.js'])
      assets.push(`/static/${name}`);
    let bytes = 0;
    for (const path of new Set(assets)) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      bytes += (await response.arrayBuffer()).byteLength;
    }
    expect(bytes).toBeLessThan(100 * 1024);
  });

  it('does not serve files outside the web folder', async () => {
    for (const path of ['/static/../../package.json', '/static/%2e%2e%2fpackage.json', '/static/nope.js']) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
    }
  });

  it('GET /healthz reports ok and the mode', async () => {
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', mode: 'offline', streaming: false });
  });

  it('GET /metrics counts requests by route pattern, answers by status and mode, and latency', async () => {
    await post(`${server.url}/api/ask`, { question: '网上祭扫' });
    await post(`${server.url}/api/ask`, { question: '天气怎么样' });
    await fetch(`${server.url}/api/figures/training-pass-rate`);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toContain('# TYPE http_requests_total counter');
    expect(text).toMatch(/http_requests_total\{method="POST",route="\/api\/ask",status="200"\} [2-9]/);
    expect(text).toContain('route="/api/figures/:id"');
    expect(text).not.toContain('route="/api/figures/training-pass-rate"');
    expect(text).toMatch(/answers_total\{status="answered",mode="offline"\} 1/);
    expect(text).toMatch(/answers_total\{status="not_found",mode="offline"\} 1/);
    expect(text).toMatch(/answer_latency_seconds_count 2/);
    expect(text).toMatch(/answer_latency_seconds_bucket\{le="\+Inf"\} 2/);
  });
});

describe('per-IP rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { HTTP_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => server.close());

  it('answers 429 with Retry-After once the limit is used, and keeps health and pages open', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${server.url}/api/sources`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await post(`${server.url}/api/ask`, { question: 'hi' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/metrics`)).text()).toMatch(/http_rate_limited_total 2/);
  });
});
