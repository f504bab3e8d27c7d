import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySessionStore } from '../../src/assistant/memory-session-store.js';
import { createTestCore, type TestCore } from '../support/create-test-core.js';

/*
 * Conversations through the real assistant: a message is a follow-up only when it lacks a subject
 * of its own, and a quiet session starts afresh (time from an injected clock).
 */
let testCore: TestCore;
let now = new Date('2026-12-01T09:00:00Z');
const advance = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000);
};

beforeAll(async () => {
  testCore = await createTestCore({ clock: () => now });
});
afterAll(async () => {
  await testCore.cleanup();
});

const ask = (question: string, session: string) => testCore.core.assistant.ask(question, { session });

describe('follow-ups by meaning', () => {
  it('takes a year-only message as a follow-up of the previous indicator, and names the years it has', async () => {
    const first = await ask('2022年网上祭扫有多少人？', 'year');
    expect(first.answer).toContain('20000');
    const second = await ask('那2021年呢？', 'year');
    expect(second.status).toBe('not_found');
    expect(second.answer).toContain('2021');
    expect(second.answer).toContain('该指标现有：2022年实际');
    expect(second.citations.map((c) => c.quote)).toContain('网上祭扫达20000余人');
    expect(second.suggestions?.[0]).toMatch(/2022年/);
  });

  it('keeps every indicator, asked by its own name, through year-only follow-ups', async () => {
    const indicators = testCore.core.tools.currentKpis();
    expect(indicators.length).toBeGreaterThan(30);
    const lost: string[] = [];
    for (const kpi of indicators) {
      const session = `kpi-${kpi.id}`;
      await ask(`2022年${kpi.nameZh}是多少？`, session);
      for (const followUp of ['那2023年呢？', '那2022年呢？']) {
        const answer = await ask(followUp, session);
        if (!answer.answer.includes(kpi.nameZh))
          lost.push(`${kpi.id} ${followUp} ${answer.answer.slice(0, 60)}`);
      }
    }
    expect(lost).toEqual([]);
  });

  it('answers a short new question with a subject of its own as a new question', async () => {
    await ask('2022年网上祭扫有多少人？', 'new');
    const veteran = await ask('我退伍了能领什么钱？', 'new');
    expect(veteran.answer).not.toContain('20000');
    expect(veteran.citations.some((c) => c.doc.startsWith('laws/'))).toBe(true);
  });

  it('reads an aspect-only message after a benefits answer as about the same entitlement', async () => {
    const first = await ask('退伍了优待证在哪领？', 'card');
    expect(first.answer).toMatch(/优待证/);
    const second = await ask('要带什么材料？', 'card');
    expect(second.status).toBe('answered');
    expect(second.answer).toMatch(/优待证/);
    expect(second.answer).toMatch(/材料/);
  });
});

describe('two figures in one question', () => {
  it('answers each part with its own figure and source', async () => {
    const a = await testCore.core.assistant.ask('网上祭扫和实地擦碑各多少人');
    expect(a.status).toBe('answered');
    expect(a.answer).toContain('20000');
    expect(a.answer).toContain('1000');
    expect(a.citations.length).toBeGreaterThanOrEqual(2);
    // Both are "…余人(次)" in the report: the figure cards must keep the 余.
    expect(a.figures.map((f) => [f.value, f.approx])).toEqual([
      [20000, '余'],
      [1000, '余'],
    ]);
  });
});

describe('ending a session', () => {
  it('starts afresh once the conversation is saved with no turns (Telegram /start)', async () => {
    const sessions = createMemorySessionStore();
    const ended = await createTestCore({ sessions, clock: () => now });
    try {
      const ask2 = (q: string) => ended.core.assistant.ask(q, { session: 'tg:1' });
      await ask2('2022年网上祭扫有多少人？');
      expect((await ask2('那2021年呢？')).answer).toContain('该指标现有');
      sessions.set('tg:1', { turns: [] });
      expect((await ask2('那2021年呢？')).answer).not.toContain('该指标现有');
    } finally {
      await ended.cleanup();
    }
  });
});

describe('session expiry', () => {
  it('forgets the previous turn after a quiet half hour', async () => {
    await ask('2022年网上祭扫有多少人？', 'quiet');
    advance(10);
    expect((await ask('那2021年呢？', 'quiet')).answer).toContain('2021');
    advance(31);
    const late = await ask('那2021年呢？', 'quiet');
    // No indicator to carry over any more: the year alone is not a question about online memorials.
    expect(late.answer).not.toContain('网上祭扫');
  });
});
