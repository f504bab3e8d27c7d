import { describe, expect, it } from 'vitest';
import { splitHtml, toVisible } from '../../../src/channels/telegram/split-message.js';
import { checkTelegramHtml } from '../../support/fake-telegram-server.js';

describe('splitHtml', () => {
  it('keeps a short message whole', () => {
    expect(splitHtml('<b>你好</b> &amp; 再见')).toEqual(['<b>你好</b> &amp; 再见']);
  });

  it('cuts at paragraph boundaries first and keeps every part under the limit', () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => `第${i}段。${'内容'.repeat(100)}`);
    const parts = splitHtml(paragraphs.join('\n\n'), 1000);
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(1000);
      expect(part).toMatch(/^第\d+段。/);
    }
    expect(parts.join('\n\n')).toBe(paragraphs.join('\n\n'));
  });

  it('falls back to sentence boundaries inside one long paragraph', () => {
    const text = '这是一个句子，说明了一些情况。'.repeat(200);
    const parts = splitHtml(text, 500);
    for (const part of parts) expect(part.endsWith('。')).toBe(true);
    expect(parts.join('')).toBe(text);
  });

  it('never cuts a tag or an entity and closes/reopens tags across parts', () => {
    const quote = `<blockquote expandable>${'引文&amp;&lt;内容&gt;。'.repeat(300)}</blockquote>`;
    const html = `<b>标题</b>\n${quote}\n<i>结尾</i>`;
    const parts = splitHtml(html, 700);
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(700);
      expect(checkTelegramHtml(part)).toBeUndefined();
    }
    expect(parts[1]!.startsWith('<blockquote expandable>')).toBe(true);
    expect(parts.map(toVisible).join('').replace(/\s/g, '')).toBe(toVisible(html).replace(/\s/g, ''));
  });

  it('hard-cuts text without any boundary, still within the limit', () => {
    const parts = splitHtml('x'.repeat(10_000), 4096);
    expect(parts.map((p) => p.length)).toEqual([4096, 4096, 1808]);
  });
});
