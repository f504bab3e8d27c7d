import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startTestServer, type TestServer } from '../channels/http/start-test-server.js';

/** Screenshots land here (git-ignored); CI keeps them as artefacts. */
export const ARTIFACTS = join('test-artifacts', 'browser');

/** Debian's Chromium (apt-get install chromium); override with CHROMIUM_PATH. */
const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserHarness {
  server: TestServer;
  browser: Browser;
  /** Opens `path` at the given width; fails the test on page errors and CSP violations. */
  open(path: string, options?: { width?: number; height?: number; language?: 'zh' | 'en' }): Promise<Page>;
  problems: string[];
  close(): Promise<void>;
}

export async function startBrowserHarness(
  options: Parameters<typeof startTestServer>[0] = {},
): Promise<BrowserHarness> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startTestServer(options);
  const browser = await chromium.launch({
    executablePath: EXECUTABLE,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
  const problems: string[] = [];
  return {
    server,
    browser,
    problems,
    async open(path, { width = 1280, height = 900, language = 'zh' } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
      // Only our origin: the page must not need the internet.
      await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
      if (language === 'en') await context.addInitScript(() => localStorage.setItem('va-lang', 'en'));
      const page = await context.newPage();
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      await page.goto(`${server.url}${path}`);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export type { Page };

/**
 * The harness for the tests of one describe block: started before them, closed after; each test
 * fails on page errors and CSP violations it caused. The harness is there once the tests run.
 */
export function useBrowserHarness(options: Parameters<typeof startBrowserHarness>[0] = {}): BrowserHarness {
  let harness: BrowserHarness | undefined;
  beforeAll(async () => {
    harness = await startBrowserHarness(options);
  });
  afterAll(() => harness?.close());
  afterEach(() => {
    expect(harness?.problems).toEqual([]);
  });
  return new Proxy({} as BrowserHarness, {
    get(_target, property) {
      if (!harness) throw new Error('the browser harness is used before beforeAll started it');
      return Reflect.get(harness, property);
    },
  });
}

/** Saves a screenshot (full page unless told otherwise) as a test artefact. */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: options.fullPage ?? true });
}

/** True when the page scrolls sideways (content wider than the viewport). */
export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}
