import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  hasHorizontalScroll,
  screenshot,
  startBrowserHarness,
  type BrowserHarness,
} from './browser-harness.js';

describe('web chat in Chromium (real core over knowledge/)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness({ real: true });
  });
  afterAll(() => h.close());
  afterEach(() => {
    expect(h.problems).toEqual([]);
  });

  it('asks a question and shows the answer, its figure and its source; a source click shows the paragraph', async () => {
    const page = await h.open('/');
    await page.getByLabel('您的问题').fill('2022年网上祭扫有多少人？');
    await page.getByRole('button', { name: '发送' }).click();
    const answer = page.locator('.msg-bot').last();
    await answer.locator('.feedback').waitFor();
    expect(await answer.locator('.answer-text').textContent()).toContain('20000');
    expect(await answer.locator('.sources li').count()).toBeGreaterThan(0);
    await screenshot(page, 'chat-answer-desktop');
    await answer.locator('.source-link').first().click();
    const dialog = page.locator('#passage-dialog');
    await dialog.locator('mark').waitFor();
    expect(await dialog.locator('.passage-text').textContent()).toContain(
      await dialog.locator('mark').textContent(),
    );
    await screenshot(page, 'chat-source-paragraph');
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
  });

  it('shows a hostile question as text and runs nothing', async () => {
    const page = await h.open('/');
    const hostile = '<img src=x onerror="window.__pwned=1;document.title=\'pwned\'">';
    await page.getByLabel('您的问题').fill(hostile);
    await page.keyboard.press('Enter');
    await page.locator('.msg-bot .feedback').waitFor();
    expect(await page.locator('.msg-user .answer-text').last().textContent()).toBe(hostile);
    expect(await page.locator('#log img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.title()).not.toBe('pwned');
    await screenshot(page, 'chat-hostile-input');
  });

  it('is usable by keyboard: tab to a suggestion, Enter asks it, feedback is stored', async () => {
    const page = await h.open('/');
    const chip = page.locator('#suggest-list .chip').first();
    const text = (await chip.textContent()) ?? '';
    for (let i = 0; i < 20 && !(await chip.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    expect(await chip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const answer = page.locator('.msg-bot').last();
    await answer.locator('.feedback').waitFor();
    expect(await page.locator('.msg-user').last().textContent()).toContain(text);
    expect((await h.server.store.usage(1)).topTopics.map((t) => t.topic)).toContain('就业创业');
    await answer.getByRole('button', { name: '有帮助' }).click();
    await answer.locator('.feedback-status', { hasText: '谢谢' }).waitFor();
    const before = (await h.server.store.latestNegativeFeedback(10)).length;
    await page.getByLabel('您的问题').fill('退役军人有哪些优待？');
    await page.keyboard.press('Enter');
    await page.locator('.msg-bot').nth(1).locator('.feedback').waitFor();
    await page.locator('.msg-bot').nth(1).getByRole('button', { name: '没帮助' }).click();
    await page.locator('.msg-bot').nth(1).locator('.feedback-status', { hasText: '谢谢' }).waitFor();
    expect((await h.server.store.latestNegativeFeedback(10)).length).toBe(before + 1);
  });

  it('fits a 390 px phone without horizontal scrolling, in Chinese and English', async () => {
    for (const language of ['zh', 'en'] as const) {
      const page = await h.open('/', { width: 390, height: 844, language });
      const question =
        language === 'zh'
          ? '2023年培训合格率的目标是多少？'
          : 'What is the 2023 target for the training pass rate?';
      await page.locator('#question').fill(question);
      await page.keyboard.press('Enter');
      await page.locator('.msg-bot .feedback').waitFor();
      expect(await hasHorizontalScroll(page)).toBe(false);
      expect(await page.locator('h1').textContent()).toBe(
        language === 'zh' ? '退役军人事务智能问答' : 'Veterans Affairs Assistant',
      );
      await screenshot(page, `chat-phone-${language}`);
    }
  });

  it('every form control has an accessible name', async () => {
    const page = await h.open('/');
    const unnamed = await page.evaluate(() =>
      Array.from(document.querySelectorAll('button, textarea, select, input, a[href]'))
        .filter(
          (el) =>
            !(
              el.getAttribute('aria-label') ||
              (el as HTMLElement).innerText.trim() ||
              (el as HTMLTextAreaElement).labels?.length
            ),
        )
        .map((el) => el.outerHTML),
    );
    expect(unnamed).toEqual([]);
  });
});
