import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/assistant/answer.js';
import type { Assistant } from '../../src/assistant/ports.js';
import { fakeAnswer } from '../support/http-fakes.js';
import { screenshot, useBrowserHarness } from './browser-harness.js';

/** An LLM-mode assistant whose stream the test releases piece by piece. */
function gatedStreamingAssistant() {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const assistant: Assistant = {
    ask: async (q) => fakeAnswer(q),
    askStream(question) {
      const answer: Answer = { ...fakeAnswer(question), mode: 'llm' };
      async function* chunks(): AsyncIterable<string> {
        yield '2022年，';
        await gate;
        yield '网上祭扫达20000余人。';
      }
      return { chunks: chunks(), answer: gate.then(() => answer) };
    },
  };
  return { assistant, release: () => release() };
}

describe('streamed answers in Chromium (LLM mode)', () => {
  const gated = gatedStreamingAssistant();
  const h = useBrowserHarness({ assistant: gated.assistant });

  it('shows the first words before the answer is complete, then the full answer with sources', async () => {
    const page = await h.open('/');
    await page.getByLabel('您的问题').fill('2022年网上祭扫有多少人？');
    await page.keyboard.press('Enter');
    const text = page.locator('.msg-bot .answer-text');
    await page.waitForFunction(
      () => document.querySelector('.msg-bot .answer-text')?.textContent === '2022年，',
    );
    expect(await page.locator('.msg-bot .sources').count()).toBe(0);
    gated.release();
    await page.locator('.msg-bot .sources').waitFor();
    expect(await text.textContent()).toBe('2022年，网上祭扫达20000余人。');
    expect(await page.locator('.msg-bot .badge', { hasText: '智能撰写' }).count()).toBe(1);
    await screenshot(page, 'chat-streamed');
  });
});
