import { afterEach, describe, expect, it } from 'vitest';
import { createSkippingClock } from '../../support/fake-clock.js';
import { waitUntil } from '../../support/wait-until.js';
import { createHarness, OFFLINE_TEXT, type Harness } from './llm-test-harness.js';

const search = { toolCalls: [{ name: 'search_knowledge', arguments: { query: '散葬烈士墓' } }] };

describe('LLM mode: grounding, regeneration and offline fallback', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('regenerates once naming the unverified number, and keeps a corrected answer', async () => {
    h = await createHarness();
    h.server.enqueueChat(search, { content: '局里迁移了散葬烈士墓1042座[1]。' }, (request) => {
      const last = request.messages.at(-1);
      expect(last?.role).toBe('user');
      expect(last?.content).toContain('1042');
      return { content: '局里完成集中迁移散葬烈士墓1041座[1]。' };
    });
    const answer = await h.assistant.ask('烈士墓迁了多少？');

    expect(answer).toMatchObject({ mode: 'llm', answer: '局里完成集中迁移散葬烈士墓1041座[1]。' });
    expect(h.outcomes.at(-1)).toMatchObject({ regenerated: true, fellBack: false, violations: ['1042座'] });
  });

  it('withholds a still-ungrounded answer and returns the offline answer with a notice', async () => {
    h = await createHarness();
    h.server.enqueueChat(
      search,
      { content: '局里迁移了散葬烈士墓1042座[1]。' },
      { content: '局里迁移了散葬烈士墓约1.1万座[1]。' },
    );
    const answer = await h.assistant.ask('烈士墓迁了多少？', { session: 's1' });

    expect(answer.mode).toBe('offline');
    expect(answer.answer).toBe(OFFLINE_TEXT);
    expect(answer.notice).toBe('模型回答未通过数字核验，已改用离线答案。');
    expect(answer.answer).not.toMatch(/1042|1\.1万/);
    expect(h.outcomes.at(-1)).toMatchObject({
      mode: 'offline',
      regenerated: true,
      fellBack: true,
      reason: 'ungrounded',
    });
    // The offline assistant got the user's own question and session, so it can keep its follow-up state.
    expect(h.offline.calls.at(-1)).toMatchObject({
      question: '烈士墓迁了多少？',
      options: { session: 's1' },
    });
    expect(h.server.chatRequests()).toHaveLength(3);
  });

  it('does not let cite numbers ground a figure', async () => {
    h = await createHarness();
    h.server.enqueueChat(
      { toolCalls: [{ name: 'search_knowledge', arguments: { query: '烈士 祭扫 慰问 迁移' } }] },
      // Cites 1-4 exist, but no source says 2 or 3 families were visited.
      { content: '走访慰问烈士遗属3名[3]。' },
      { content: '走访慰问烈士遗属2名[3]。' },
    );
    const answer = await h.assistant.ask('慰问了几名烈士遗属');
    expect(answer.mode).toBe('offline');
    expect(h.outcomes.at(-1)).toMatchObject({ reason: 'ungrounded', violations: ['3名'] });
  });

  it('accepts normalised forms of numbers the tools returned (1.2万 = 12000)', async () => {
    h = await createHarness();
    h.server.enqueueChat(
      { toolCalls: [{ name: 'lookup_figure', arguments: { metric: '发放慰问金' } }] },
      { content: '2022年发放慰问金1.2万元[1]。' },
    );
    const answer = await h.assistant.ask('慰问金发了多少');
    expect(answer.mode).toBe('llm');
    expect(answer.figures.map((f) => f.id)).toEqual(['condolence_money']);
  });

  it('rides out a 429 with the SDK retry and answers from the model', async () => {
    h = await createHarness();
    h.server.enqueueChat({ status: 429, message: 'rate limited' }, { content: '您好，请问有什么可以帮您？' });
    const answer = await h.assistant.ask('你好');
    expect(answer).toMatchObject({ mode: 'llm', answer: '您好，请问有什么可以帮您？' });
    expect(h.server.chatRequests()).toHaveLength(2);
  });

  it('falls back to the offline answer after 500s outlast the retries, and tries again next time', async () => {
    h = await createHarness({ maxRetries: 2 });
    h.server.setDefaultChat({ status: 500, message: 'upstream exploded' });
    const answer = await h.assistant.ask('烈士墓迁了多少？');

    expect(answer).toMatchObject({ mode: 'offline', answer: OFFLINE_TEXT });
    expect(answer.notice).toBe('模型服务暂时不可用，已改用离线答案。');
    expect(h.server.chatRequests()).toHaveLength(3); // first try + 2 SDK retries
    expect(h.outcomes.at(-1)).toMatchObject({ fellBack: true, reason: 'server' });

    // A 5xx is transient: the next question asks the model again.
    h.server.setDefaultChat({ content: '您好。' });
    expect((await h.assistant.ask('你好')).mode).toBe('llm');
  });

  it('gives the offline answer when the model is slower than the answer timeout (on the clock)', async () => {
    // LLM_TIMEOUT_MS of a minute runs on the injected clock; nothing here waits for it in real time.
    const clock = createSkippingClock();
    h = await createHarness({ clock, llm: { timeoutMs: 60_000 } });
    h.server.setDefaultChat({ hang: true });
    const answer = h.assistant.ask('烈士墓迁了多少？');
    await waitUntil(() => h.server.chatRequests().length === 1, 'the model asked');
    clock.advance(59_999);
    expect(h.outcomes).toEqual([]);
    clock.advance(1);

    expect(await answer).toMatchObject({ mode: 'offline', answer: OFFLINE_TEXT });
    expect(h.outcomes.at(-1)).toMatchObject({ fellBack: true, reason: 'timeout' });
    // The timeout ended the answer: the SDK did not retry the request it cut.
    expect(h.server.chatRequests()).toHaveLength(1);
  });

  it('warns once on a bad key, answers offline without calling the endpoint, and retries later', async () => {
    let clock = 1_000_000;
    h = await createHarness({ now: () => clock, retryAfterMs: 60_000 });
    h.server.setDefaultChat({ status: 401, message: 'Incorrect API key provided' });

    const health = await h.assistant.health();
    expect(health.ok).toBe(false);
    expect(health.reason).toMatch(/OPENAI_API_KEY/);
    expect(h.logs.filter((l) => l.level === 40)).toHaveLength(1);

    const requestsBefore = h.server.chatRequests().length;
    const answer = await h.assistant.ask('烈士墓迁了多少？');
    expect(answer).toMatchObject({ mode: 'offline', notice: '模型服务暂时不可用，已改用离线答案。' });
    expect(h.server.chatRequests()).toHaveLength(requestsBefore);
    expect(h.outcomes.at(-1)).toMatchObject({ reason: 'unavailable' });

    clock += 60_001;
    h.server.setDefaultChat({ content: '您好。' });
    expect((await h.assistant.ask('你好')).mode).toBe('llm');
    expect(h.logs.filter((l) => l.level === 40)).toHaveLength(1);
  });

  it('reports an unreachable endpoint through health() without throwing', async () => {
    h = await createHarness({ maxRetries: 0 });
    await h.server.close();
    const health = await h.assistant.health();
    expect(health).toMatchObject({ ok: false, reason: expect.stringMatching(/OPENAI_BASE_URL/) });
    const answer = await h.assistant.ask('烈士墓迁了多少？');
    expect(answer.mode).toBe('offline');
  });

  it('names OPENAI_MODEL when the endpoint does not know the model', async () => {
    h = await createHarness({ maxRetries: 0 });
    h.server.setDefaultChat({ status: 404, message: 'The model `gpt-9` does not exist' });
    expect(await h.assistant.health()).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/OPENAI_MODEL/),
    });
  });

  it('answers in English with an English notice', async () => {
    h = await createHarness({ maxRetries: 0 });
    h.server.setDefaultChat({ status: 503 });
    const answer = await h.assistant.ask('How many martyr tombs were moved?');
    expect(answer.notice).toBe('The language model is unavailable right now. This is the offline answer.');
  });
});
