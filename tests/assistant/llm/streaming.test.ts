import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, OFFLINE_TEXT, type Harness } from './llm-test-harness.js';

const search = { toolCalls: [{ name: 'search_knowledge', arguments: { query: '烈士 祭扫 慰问' } }] };

async function collect(stream: { chunks: AsyncIterable<string> }): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of stream.chunks) chunks.push(chunk);
  return chunks;
}

describe('askStream', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('streams verified sentences over SSE, then resolves the final Answer', async () => {
    h = await createHarness();
    const text =
      '2022年清明节网上祭扫达20000余人[2]。局里还完成集中迁移散葬烈士墓1041座[1]。有需要可以联系当地服务站。';
    h.server.enqueueChat(search, { content: text });
    const stream = h.assistant.askStream('清明节那些活动怎么样？');
    const chunks = await collect(stream);
    const answer = await stream.answer;

    expect(h.server.chatRequests().every((r) => r.stream === true)).toBe(true);
    expect(chunks.length).toBeGreaterThanOrEqual(3); // sentence by sentence, not one block
    expect(chunks.join('')).toBe(text.replace('[2]', '[#]').replace('[1]', '[2]').replace('[#]', '[1]'));
    expect(chunks.join('')).toBe(answer.answer);
    expect(answer.mode).toBe('llm');
    expect(answer.citations).toHaveLength(2);
  });

  it('never streams an unverified sentence; the regenerated Answer replaces the preview', async () => {
    h = await createHarness();
    h.server.enqueueChat(
      search,
      { content: '局里完成集中迁移散葬烈士墓1041座[1]。网上祭扫达30000余人[2]。' },
      { content: '局里完成集中迁移散葬烈士墓1041座[1]。网上祭扫达20000余人[2]。' },
    );
    const stream = h.assistant.askStream('烈士相关工作做了什么？');
    const chunks = await collect(stream);
    const answer = await stream.answer;

    expect(chunks.join('')).toBe('局里完成集中迁移散葬烈士墓1041座[1]。');
    expect(chunks.join('')).not.toContain('30000');
    expect(answer.answer).toContain('20000余人');
    expect(h.outcomes.at(-1)).toMatchObject({ regenerated: true, fellBack: false });
  });

  it('streams the regenerated answer when nothing of the first reached the user', async () => {
    h = await createHarness();
    h.server.enqueueChat(
      search,
      { content: '网上祭扫达30000余人[2]。' },
      { content: '网上祭扫达20000余人[2]。' },
    );
    const stream = h.assistant.askStream('网上祭扫多少人');
    // Citation numbers in the stream are already the Answer's (renumbered in order of use).
    expect((await collect(stream)).join('')).toBe('网上祭扫达20000余人[1]。');
    expect((await stream.answer).answer).toBe('网上祭扫达20000余人[1]。');
  });

  it('yields the offline answer whole when the model fails', async () => {
    h = await createHarness({ maxRetries: 0 });
    h.server.setDefaultChat({ status: 500 });
    const stream = h.assistant.askStream('烈士墓迁了多少？');
    expect(await collect(stream)).toEqual([OFFLINE_TEXT]);
    expect((await stream.answer).mode).toBe('offline');
  });
});
