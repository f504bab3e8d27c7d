import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toolSchemas } from '../../../src/assistant/llm/tool-definitions.js';
import { AnswerSchema } from '../../../src/assistant/answer.js';
import type { ChatRequestBody } from '../../support/fake-openai-server.js';
import { createHarness, type Harness } from './llm-test-harness.js';

const lastMessage = (request: ChatRequestBody) => request.messages.at(-1);

describe('LLM agent: tools, citations, figures', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('calls a tool, feeds the result back and turns [n] into citations', async () => {
    h = await createHarness();
    h.server.enqueueChat(
      { toolCalls: [{ name: 'search_knowledge', arguments: { query: '散葬烈士墓 迁移', k: 3 } }] },
      (request) => {
        const tool = lastMessage(request);
        // The tool result reaches the model as a `tool` message answering the call, with cite numbers.
        expect(tool?.role).toBe('tool');
        expect(tool?.tool_call_id).toBe('call_1');
        expect(tool?.content).toContain('"cite":1');
        expect(tool?.content).toContain('1041');
        return {
          content: '2022年，局里完成集中迁移散葬烈士墓1041座[1]。如需了解迁移安排，可以咨询局里工作人员。',
        };
      },
    );
    const answer = await h.assistant.ask('去年迁了多少座散葬烈士墓？', { audience: 'veteran' });

    expect(AnswerSchema.parse(answer)).toEqual(answer);
    expect(answer).toMatchObject({ mode: 'llm', status: 'answered', language: 'zh' });
    expect(answer.answer).toContain('1041座[1]');
    expect(answer.citations).toEqual([
      expect.objectContaining({
        doc: '2022-work-summary.txt',
        quote: '完成集中迁移散葬烈士墓1041座。',
        chunkId: '2022-work-summary.txt#40',
      }),
    ]);
    expect(h.tools.calls).toContainEqual({ tool: 'searchKnowledge', args: ['散葬烈士墓 迁移', 3] });
    expect(h.outcomes.at(-1)).toMatchObject({
      mode: 'llm',
      fellBack: false,
      regenerated: false,
      toolCalls: 1,
    });
    expect(h.offline.calls).toHaveLength(0);
  });

  it('returns the figures the answer used, with their quotes, and cites figure quotes', async () => {
    h = await createHarness();
    h.server.enqueueChat(
      {
        toolCalls: [
          { name: 'lookup_figure', arguments: { metric: '发放慰问金', year: 2022 } },
          { name: 'compare_with_target', arguments: { metric: 'training_pass_rate', year: 2023 } },
        ],
      },
      // Cites in evidence order: 1 = 慰问金 quote, 2 = target 85％ quote, 3 = masked actual quote.
      { content: '培训合格率2022年的实际值未公开[3]，2023年的目标是85%[2]。2022年发放慰问金12000元[1]。' },
    );
    const answer = await h.assistant.ask('慰问金发了多少？培训合格率目标完成得怎么样？', {
      audience: 'staff',
    });

    expect(answer.mode).toBe('llm');
    expect(answer.figures.map((f) => [f.id, f.year, f.value])).toEqual([
      ['condolence_money', 2022, 12000],
      ['training_pass_rate', 2023, 85],
      ['training_pass_rate', 2022, null],
    ]);
    // Citations are renumbered in order of first use, and the text follows.
    expect(answer.citations.map((c) => c.quote)).toEqual([
      '培训合格率达**％',
      '培训合格率达85％',
      '走访慰问烈士遗属6名，发放慰问金12000元。',
    ]);
    expect(answer.answer).toBe(
      '培训合格率2022年的实际值未公开[1]，2023年的目标是85%[2]。2022年发放慰问金12000元[3]。',
    );
    expect(answer.citations[0]?.title).toBe('市退役军人事务局2022年度领导班子工作总结');
  });

  it('sends invalid tool arguments back to the model as a tool error, then answers', async () => {
    h = await createHarness();
    h.server.enqueueChat(
      {
        toolCalls: [
          { name: 'lookup_figure', arguments: { metric: 1041 } },
          { name: 'search_knowledge', arguments: '{"query": ' },
          { name: 'delete_everything', arguments: {} },
        ],
      },
      (request) => {
        const toolMessages = request.messages.filter((m) => m.role === 'tool');
        expect(toolMessages).toHaveLength(3);
        expect(toolMessages[0]?.content).toMatch(/Invalid arguments for lookup_figure/);
        expect(toolMessages[1]?.content).toMatch(/not valid JSON/);
        expect(toolMessages[2]?.content).toMatch(/Unknown tool .*delete_everything/);
        return { toolCalls: [{ name: 'lookup_figure', arguments: { metric: '集中迁移散葬烈士墓' } }] };
      },
      { content: '完成集中迁移散葬烈士墓1041座[1]。' },
    );
    const answer = await h.assistant.ask('烈士墓迁了几座');

    expect(answer).toMatchObject({ mode: 'llm', status: 'answered' });
    // The invalid calls never reached the knowledge tools (listSources resolves citation titles).
    expect(h.tools.calls.filter((c) => c.tool !== 'listSources')).toEqual([
      { tool: 'lookupFigure', args: ['集中迁移散葬烈士墓', undefined] },
    ]);
  });

  it('sends JSON schemas that are exactly the zod tool schemas', async () => {
    h = await createHarness();
    h.server.enqueueChat({ content: '您好，我可以回答退役军人事务方面的问题。' });
    await h.assistant.ask('你好');

    const sent = h.server.chatRequests()[0]?.tools ?? [];
    expect(sent.map((t) => t.function.name).sort()).toEqual(Object.keys(toolSchemas).sort());
    for (const t of sent) {
      const schema = toolSchemas[t.function.name as keyof typeof toolSchemas];
      expect(t.type).toBe('function');
      expect(t.function.parameters).toEqual(z.toJSONSchema(schema));
      expect(t.function.description).toBeTruthy();
    }
    const lookup = sent.find((t) => t.function.name === 'lookup_figure')?.function.parameters;
    expect(lookup).toMatchObject({ required: ['metric'], properties: { year: { type: 'integer' } } });
  });

  it('forces a text answer once the tool rounds are spent', async () => {
    h = await createHarness({ llm: { maxToolRounds: 1 } });
    h.server.enqueueChat({ toolCalls: [{ name: 'list_sources', arguments: {} }] }, (request) => {
      expect(request.tool_choice).toBe('none');
      return { content: '目前收录的是市退役军人事务局2022年度领导班子工作总结[1]。' };
    });
    const answer = await h.assistant.ask('你们有哪些资料？');
    expect(answer.mode).toBe('llm');
    expect(h.server.chatRequests()[0]?.tool_choice).toBe('auto');
  });

  it('selects the style prompt by audience and the system prompt by language', async () => {
    h = await createHarness();
    h.server.setDefaultChat({ content: 'OK' });
    await h.assistant.ask('烈士墓', { audience: 'leader' });
    await h.assistant.ask('How many martyr tombs were moved?', { audience: 'staff' });
    const [zh, en] = h.server.chatRequests().map((r) => r.messages[0]);
    expect(zh?.role).toBe('system');
    expect(zh?.content).toContain('三条要点');
    expect(en?.content).toContain('exact figure');
    expect(en?.content).toMatch(/^You are/);
  });

  it('takes out_of_scope from the offline assistant when the model cites nothing', async () => {
    h = await createHarness();
    h.server.enqueueChat({ content: '抱歉，我只能回答退役军人事务方面的问题。' });
    const answer = await h.assistant.ask('明天天气怎么样？');
    expect(answer).toMatchObject({ mode: 'llm', status: 'out_of_scope', citations: [] });
  });

  it('marks a masked figure as undisclosed', async () => {
    h = await createHarness();
    h.server.enqueueChat(
      { toolCalls: [{ name: 'lookup_figure', arguments: { metric: '培训合格率', year: 2022 } }] },
      { content: '2022年的培训合格率原文中未公开[1]，可以向局里工作人员咨询。' },
    );
    const answer = await h.assistant.ask('去年培训合格率多少');
    expect(answer).toMatchObject({ mode: 'llm', status: 'undisclosed' });
    expect(answer.figures).toEqual([expect.objectContaining({ id: 'training_pass_rate', value: null })]);
  });

  it('stops offering tools once the token budget is spent', async () => {
    h = await createHarness({ tokenBudget: 500 });
    h.server.enqueueChat(
      { toolCalls: [{ name: 'list_sources', arguments: {} }], totalTokens: 600 },
      (request) => {
        expect(request.tool_choice).toBe('none');
        return { content: '目前收录的是局里的工作总结。' };
      },
    );
    await h.assistant.ask('有哪些资料');
    expect(h.outcomes.at(-1)).toMatchObject({ mode: 'llm', tokens: 700 });
  });
});
