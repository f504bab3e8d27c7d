import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  hasHorizontalScroll,
  screenshot,
  startBrowserHarness,
  type BrowserHarness,
} from './browser-harness.js';

describe('leaders’ dashboard in Chromium (real core over knowledge/)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness({ real: true });
  });
  afterAll(() => h.close());
  afterEach(() => {
    expect(h.problems).toEqual([]);
  });

  const chartsLoaded = (page: Awaited<ReturnType<BrowserHarness['open']>>) =>
    page.waitForFunction(() => {
      const images = Array.from(document.querySelectorAll<HTMLImageElement>('.chart img'));
      return images.length === 2 && images.every((img) => img.complete && img.naturalWidth > 0);
    });

  it('shows the indicator table with 未公开 marked and both server-rendered charts', async () => {
    const page = await h.open('/dashboard');
    await page.locator('#indicators tbody tr').first().waitFor();
    const rows = await page.locator('#indicators tbody tr').count();
    expect(rows).toBeGreaterThan(10);
    expect(await page.locator('#indicators .badge-undisclosed').count()).toBeGreaterThan(0);
    await chartsLoaded(page);
    const size = await page.locator('#chart-targets').evaluate((img: HTMLImageElement) => img.naturalWidth);
    expect(size).toBe(800);
    await screenshot(page, 'dashboard-desktop');
  });

  it('filters by category and year; the CSV link follows the filters', async () => {
    const page = await h.open('/dashboard');
    await page.locator('#indicators tbody tr').first().waitFor();
    const all = await page.locator('#indicators tbody tr').count();
    const category = await page.locator('#filter-category option').nth(1).getAttribute('value');
    await page.getByLabel('类别').selectOption(category!);
    await page.waitForFunction((n) => document.querySelectorAll('#indicators tbody tr').length < n, all);
    const categories = await page.locator('#indicators tbody tr td:nth-child(2)').allTextContents();
    expect(new Set(categories)).toEqual(new Set([category]));
    const href = await page.locator('#csv-link').getAttribute('href');
    expect(href).toBe(`/api/indicators.csv?category=${encodeURIComponent(category!).replace(/%20/g, '+')}`);
    const csv = await (await fetch(`${h.server.url}${href}`)).text();
    expect(csv.trim().split('\r\n').length - 1).toBe(categories.length);
    await page.getByLabel('年份').selectOption({ index: 1 });
    expect(await page.locator('#csv-link').getAttribute('href')).toContain('year=');
  });

  it('fits a 390 px phone without horizontal scrolling; English switches the charts too', async () => {
    const page = await h.open('/dashboard', { width: 390, height: 844 });
    await page.locator('#indicators tbody tr').first().waitFor();
    await chartsLoaded(page);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'dashboard-phone-zh');
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Work Dashboard' }).waitFor();
    expect(await page.locator('#chart-targets').getAttribute('src')).toContain('lang=en');
    await chartsLoaded(page);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'dashboard-phone-en', { fullPage: false });
    await page.locator('#indicators').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-phone-en-table', { fullPage: false });
  });
});
