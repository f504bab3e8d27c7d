import { describe, expect, it } from 'vitest';
import { hasHorizontalScroll, screenshot, useBrowserHarness, type Page } from './browser-harness.js';
import { visibleText } from './page-measure.js';

describe('web chat in Chromium (real core over knowledge/)', () => {
  const h = useBrowserHarness({ real: true });

  it('asks a question and shows the answer, its figure and its source; a source click shows the paragraph', async () => {
    const page = await h.open('/');
    await page.getByLabel('您的问题').fill('2022年网上祭扫有多少人？');
    await page.getByRole('button', { name: '发送' }).click();
    const answer = page.locator('.msg-bot').last();
    await answer.locator('.feedback').waitFor();
    expect(await answer.locator('.answer-text').textContent()).toContain('20000');
    expect(await answer.locator('.sources li').count()).toBeGreaterThan(0);
    // The figure card keeps the report's 余; the source says what it opens.
    expect(await answer.locator('.figure-value').first().textContent()).toBe('20000余人');
    expect(await answer.locator('.source-link').first().textContent()).toBe('看原文：褒扬纪念营造尊崇氛围');
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

  /** Types a question, sends it, and waits for its answer; returns the answer's article. */
  async function askInPage(page: Page, question: string) {
    const before = await page.locator('.msg-bot').count();
    await page.getByLabel('您的问题').fill(question);
    await page.keyboard.press('Enter');
    const answer = page.locator('.msg-bot').nth(before);
    await answer.locator('.feedback').waitFor();
    return answer;
  }

  it('takes a new short question after a figure question as new: a benefits answer with law buttons and next questions', async () => {
    const page = await h.open('/');
    const figure = await askInPage(page, '2022年网上祭扫有多少人？');
    expect(await figure.locator('.answer-text').textContent()).toContain('20000余人');
    const veteran = await askInPage(page, '我退伍了能领什么钱？');
    const text = (await veteran.locator('.answer-text').textContent()) ?? '';
    expect(text).not.toContain('20000');
    expect(text).toContain('依据：《退役军人保障法》');
    const labels = await veteran.locator('.source-link').allTextContents();
    expect(labels).toContain('看依据：保障法第二十一条');
    for (const label of labels) expect(label).toMatch(/^看依据：.+第.+条$/);
    const next = veteran.locator('.followups .chip');
    expect(await next.count()).toBeGreaterThanOrEqual(2);
    const suggestion = (await next.first().textContent()) ?? '';
    await screenshot(page, 'chat-benefits-answer');
    await next.first().click();
    const followed = page.locator('.msg-bot').nth(2);
    await followed.locator('.feedback').waitFor();
    expect(await page.locator('.msg-user').nth(2).textContent()).toContain(suggestion);
    expect(await followed.locator('.source-link').first().textContent()).toMatch(/^看依据：/);

    // The law article opens in the dialog, headed by its chapter and article, no Markdown marks.
    await veteran.locator('.source-link', { hasText: '看依据：保障法第二十一条' }).click();
    const dialog = page.locator('#passage-dialog');
    await dialog.locator('mark').waitFor();
    expect(await dialog.locator('#passage-section').textContent()).toBe('第三章 退役安置 › 第二十一条');
    expect(await dialog.locator('.passage-text').textContent()).toMatch(/^第二十一条 对退役的军官/);
    expect(await dialog.textContent()).not.toMatch(/#/);
    await screenshot(page, 'chat-law-article', { fullPage: false });
    await page.keyboard.press('Escape');
  });

  it('answers an overview question with the leaders’ brief, every line cited', async () => {
    const page = await h.open('/');
    const brief = await askInPage(page, '去年工作总体怎么样？');
    const text = (await brief.locator('.answer-text').textContent()) ?? '';
    expect(text).toContain('2022年工作简报');
    expect(text).toContain('【主要数据】');
    expect(text).toContain('【2023年目标】');
    expect(text).toContain('实际完成数未填报');
    expect(text).toContain('某市退役军人事务局');
    expect(await brief.locator('.badge-out_of_scope').count()).toBe(0);
    expect(await brief.locator('.sources li').count()).toBeGreaterThanOrEqual(5);
    expect(await brief.locator('.figure-card').count()).toBeGreaterThanOrEqual(5);
    expect(await brief.locator('.followups .chip').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'chat-brief');
  });

  it('answers a two-part figure question part by part, each figure card with its 余', async () => {
    const page = await h.open('/');
    const answer = await askInPage(page, '网上祭扫和实地擦碑各多少人');
    const text = (await answer.locator('.answer-text').textContent()) ?? '';
    expect(text).toContain('网上祭扫人数为20000余人');
    expect(text).toContain('1000余人次');
    expect(await answer.locator('.figure-value').allTextContents()).toEqual(['20000余人', '1000余人次']);
    await screenshot(page, 'chat-two-part');
  });

  it('never shows a placeholder contact: a question the documents do not answer points to the service station', async () => {
    const page = await h.open('/');
    const answer = await askInPage(page, '本局的办公地址和电话是多少？');
    expect(await answer.locator('.answer-text').textContent()).toContain('退役军人服务站');
    await askInPage(page, '残疾军人坐火车有优待吗？');
    expect(await visibleText(page)).not.toMatch(/待公布|待填写/);
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
