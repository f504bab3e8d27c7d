import { afterEach, describe, expect, it } from 'vitest';
import { cleanRewrite } from '../../../src/assistant/llm/follow-up-rewrite.js';
import type { ChatRequestBody } from '../../support/fake-openai-server.js';
import { createHarness, type Harness } from './llm-test-harness.js';

/** Rewrite requests are the ones without tools; agent requests always carry the five tools. */
const isRewrite = (request: ChatRequestBody) => !request.tools;

describe('follow-up questions', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('rewrites a follow-up into a standalone question before retrieval and keeps memory', async () => {
    h = await createHarness();
    h.server.enqueueChat(
      { toolCalls: [{ name: 'search_knowledge', arguments: { query: '散葬烈士墓' } }] },
      { content: '2022年完成集中迁移散葬烈士墓1041座[1]。' },
    );
    await h.assistant.ask('去年迁了多少座散葬烈士墓？', { session: 'chat-1' });
    expect(h.server.chatRequests().some(isRewrite)).toBe(false); // no history, no rewrite

    h.server.enqueueChat(
      (request) => {
        expect(isRewrite(request)).toBe(true);
        const prompt = request.messages[0]?.content ?? '';
        expect(prompt).toContain('去年迁了多少座散葬烈士墓？');
        expect(prompt).toContain('那慰问金呢？');
        return { content: '改写后的问题：“2022年发放了多少慰问金？”' };
      },
      (request) => {
        const users = request.messages.filter((m) => m.role === 'user').map((m) => m.content);
        // Memory: the earlier turn, then the standalone question as the user's message.
        expect(users).toEqual(['去年迁了多少座散葬烈士墓？', '2022年发放了多少慰问金？']);
        expect(request.messages.some((m) => m.role === 'assistant' && m.content?.includes('1041座'))).toBe(
          true,
        );
        return { toolCalls: [{ name: 'lookup_figure', arguments: { metric: '发放慰问金', year: 2022 } }] };
      },
      { content: '2022年发放慰问金12000元[1]。' },
    );
    const answer = await h.assistant.ask('那慰问金呢？', { session: 'chat-1' });

    expect(answer).toMatchObject({ mode: 'llm', question: '那慰问金呢？' });
    expect(answer.figures.map((f) => f.value)).toEqual([12000]);
    expect(h.outcomes.at(-1)?.rewrittenQuestion).toBe('2022年发放了多少慰问金？');
    const turns = h.sessions.get('chat-1')?.turns ?? [];
    expect(turns.map((t) => [t.question, t.resolvedQuestion])).toEqual([
      ['去年迁了多少座散葬烈士墓？', '去年迁了多少座散葬烈士墓？'],
      ['那慰问金呢？', '2022年发放了多少慰问金？'],
    ]);
  });

  it('keeps sessions apart', async () => {
    h = await createHarness();
    h.server.setDefaultChat({ content: '您好。' });
    await h.assistant.ask('你好', { session: 'a' });
    await h.assistant.ask('你好', { session: 'b' });
    expect(h.server.chatRequests().some(isRewrite)).toBe(false);
  });
});

describe('cleanRewrite', () => {
  it('keeps the first line without labels or quotes', () => {
    expect(cleanRewrite('问题：「2023年培训合格率目标是多少？」\n解释……')).toBe(
      '2023年培训合格率目标是多少？',
    );
    expect(cleanRewrite('Rewritten question: "What was the 2023 target?"')).toBe('What was the 2023 target?');
  });

  it('rejects empty or overlong output so the original question is used', () => {
    expect(cleanRewrite('  \n ')).toBeUndefined();
    expect(cleanRewrite('很长'.repeat(200))).toBeUndefined();
  });
});
