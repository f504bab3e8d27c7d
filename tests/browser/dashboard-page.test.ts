import { describe, expect, it } from 'vitest';
import { hasHorizontalScroll, screenshot, useBrowserHarness, type Page } from './browser-harness.js';
import { smallestSvgText, visibleText, visibleTextSizes } from './page-measure.js';

describe('leaders’ dashboard in Chromium (real core over knowledge/)', () => {
  const h = useBrowserHarness({ real: true });

  const ready = async (page: Page) => {
    await page.locator('#headline-tiles .tile').first().waitFor();
    await page.locator('#indicator-groups > details').first().waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('#chart-targets');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
  };

  /** The headline tiles wholly inside the first screen, as "name value". */
  const tilesOnFirstScreen = (page: Page) =>
    page
      .locator('#headline-tiles .tile')
      .evaluateAll((tiles) =>
        tiles
          .filter((t) => t.getBoundingClientRect().bottom <= innerHeight)
          .map(
            (t) =>
              `${t.querySelector('.tile-name')?.textContent} ${t.querySelector('.tile-value')?.textContent}`,
          ),
      );

  for (const { width, height, name } of [
    { width: 1280, height: 800, name: 'desktop' },
    { width: 390, height: 844, name: 'phone' },
  ]) {
    it(`opens at ${width} px on the year's disclosed figures and honours, every text at least 12 px`, async () => {
      const page = await h.open('/dashboard', { width, height });
      await ready(page);
      expect(await page.locator('#overview-title').textContent()).toBe('2022年主要数据');
      const tiles = await tilesOnFirstScreen(page);
      expect(tiles.length, tiles.join(' | ')).toBeGreaterThanOrEqual(4);
      // Disclosed numbers only: the masked ones are in the table, marked.
      for (const tile of tiles) expect(tile).toMatch(/\d/);
      expect(tiles.join(' ')).not.toMatch(/未公开|未填报/);
      if (width === 1280) expect(await page.locator('#honours li').first().isVisible()).toBe(true);
      expect(await page.locator('#honours').textContent()).toContain('某市退役军人事务局');
      expect(await page.locator('#honours').textContent()).not.toContain('**');

      const smallest = (await visibleTextSizes(page))[0]!;
      expect(smallest.size, `"${smallest.text}"`).toBeGreaterThanOrEqual(12);
      const chart = await smallestSvgText(page, '#chart-targets');
      expect(chart.src).toContain(width < 600 ? 'layout=narrow' : 'targets.svg');
      expect(chart.size, chart.src).toBeGreaterThanOrEqual(12);
      expect(await hasHorizontalScroll(page)).toBe(false);
      await screenshot(page, `dashboard-first-screen-${name}`, { fullPage: false });
      await screenshot(page, `dashboard-${name}`);
    });
  }

  it('has the targets chart say in words that the 2023 actuals are not entered, and how staff enter them', async () => {
    for (const width of [1280, 390]) {
      const page = await h.open('/dashboard', { width, height: 844 });
      await ready(page);
      expect(await page.locator('#targets-title').textContent()).toBe('2023年目标');
      const chart = page.locator('#chart-targets');
      const words = await chart.evaluate(async (img: HTMLImageElement) => {
        const svg = new DOMParser().parseFromString(
          await (await fetch(img.currentSrc)).text(),
          'image/svg+xml',
        );
        return Array.from(svg.querySelectorAll('text'), (t) => t.textContent).join('');
      });
      expect(words).toMatch(/2023年实际完成数尚未填报。工作人员可在.*\/setkpi.*PUT.*\/api\/admin\/figures/);
      expect(words).toContain('2023年实际 未填报（2022年 未公开）');
      expect(await chart.getAttribute('alt')).toMatch(/尚未填报.*\/setkpi/);
    }
  });

  it('groups the indicators by category, collapsed; 未公开 and 未填报 look different; 余 is kept', async () => {
    const page = await h.open('/dashboard', { width: 390, height: 844 });
    await ready(page);
    const groups = page.locator('#indicator-groups > details');
    const categories = await page.locator('#filter-category option').count();
    expect(await groups.count()).toBe(categories - 1);
    expect(await groups.evaluateAll((all) => all.filter((d) => (d as HTMLDetailsElement).open).length)).toBe(
      0,
    );
    const placement = groups.filter({ hasText: '移交安置' });
    await placement.locator('> summary').click();
    const rate = placement.locator('tr', { hasText: '计划分配安置率' });
    expect(await rate.locator('.badge-missing').textContent()).toBe('未填报');
    const task = placement.locator('tr', { hasText: '安置任务人数' });
    expect(await task.locator('.badge-undisclosed').textContent()).toBe('未公开');
    const [missing, masked] = await Promise.all(
      [rate.locator('.badge-missing'), task.locator('.badge-undisclosed')].map((b) =>
        b.evaluate((el) => `${getComputedStyle(el).borderStyle} ${getComputedStyle(el).backgroundColor}`),
      ),
    );
    expect(missing).not.toBe(masked);
    const memorial = groups.filter({ hasText: '褒扬纪念' });
    await memorial.locator('> summary').click();
    expect(await memorial.locator('tr', { hasText: '网上祭扫' }).locator('.num').first().textContent()).toBe(
      '20000余人',
    );
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'dashboard-phone-groups', { fullPage: false });
  });

  it('filters by category and year; the CSV link follows the filters and keeps 未公开/未填报/余', async () => {
    const page = await h.open('/dashboard');
    await ready(page);
    await page.getByLabel('类别').selectOption('移交安置');
    await page.waitForFunction(() => document.querySelectorAll('#indicator-groups > details').length === 1);
    expect(await page.locator('#indicator-groups > details').getAttribute('open')).not.toBeNull();
    const rows = await page.locator('#indicator-groups tbody tr').count();
    const href = await page.locator('#csv-link').getAttribute('href');
    expect(href).toBe(`/api/indicators.csv?category=${encodeURIComponent('移交安置')}`);
    const csv = await (await fetch(`${h.server.url}${href}`)).text();
    expect(csv.trim().split('\r\n').length - 1).toBe(rows);
    expect(csv).toMatch(/placement_rate,计划分配安置率,.*,未填报,/);
    expect(csv).toMatch(/resettlement_task_count,安置任务人数,.*,未公开,/);
    const all = await (await fetch(`${h.server.url}/api/indicators.csv`)).text();
    expect(all).toMatch(/online_tomb_sweeping,.*,20000余,/);
    await page.getByLabel('年份').selectOption({ index: 1 });
    expect(await page.locator('#csv-link').getAttribute('href')).toContain('year=');
  });

  it('switches to English, charts and words alike, and never shows a placeholder', async () => {
    const page = await h.open('/dashboard', { width: 390, height: 844 });
    await ready(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Work Dashboard' }).waitFor();
    await page.locator('#overview-title', { hasText: 'Key figures of 2022' }).waitFor();
    expect(await page.locator('#chart-targets-narrow').getAttribute('srcset')).toContain('lang=en');
    await ready(page);
    await page.waitForFunction(() =>
      /not been entered/.test(document.querySelector<HTMLImageElement>('#chart-targets')?.alt ?? ''),
    );
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect(await visibleText(page)).not.toMatch(/待公布|待填写/);
    await screenshot(page, 'dashboard-phone-en', { fullPage: false });
  });
});
