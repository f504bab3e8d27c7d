import { Writable } from 'node:stream';
import type { Answer } from '../../../src/assistant/answer.js';
import type { AskOptions, Assistant, SessionStore } from '../../../src/assistant/ports.js';
import { createMemorySessionStore } from '../../../src/assistant/memory-session-store.js';
import {
  createLlmAssistant,
  type LlmAssistant,
  type LlmAssistantDeps,
  type LlmOutcome,
} from '../../../src/assistant/llm/create-llm-assistant.js';
import { createLogger } from '../../../src/logger.js';
import { createFakeKnowledgeTools, type FakeKnowledgeTools } from '../../support/fake-knowledge-tools.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../support/fake-openai-server.js';

export const API_KEY = 'sk-test-SECRET-7f3a9c';

/** The offline answer the fakes fall back to; its text is recognisable in assertions. */
export const OFFLINE_TEXT = '离线答案：2022年完成集中迁移散葬烈士墓1041座。';

export interface FakeOffline extends Assistant {
  calls: { question: string; options: AskOptions | undefined }[];
}

export function createFakeOffline(): FakeOffline {
  const calls: FakeOffline['calls'] = [];
  return {
    calls,
    async ask(question, options): Promise<Answer> {
      calls.push({ question, options });
      const outOfScope = /天气|weather/.test(question);
      return {
        question,
        answer: outOfScope ? '这个问题不在退役军人事务范围内。' : OFFLINE_TEXT,
        status: outOfScope ? 'out_of_scope' : 'answered',
        language: options?.language ?? (/[\u4e00-\u9fff]/.test(question) ? 'zh' : 'en'),
        citations: [],
        figures: [],
        mode: 'offline',
      };
    },
  };
}

export interface Harness {
  server: FakeOpenAiServer;
  tools: FakeKnowledgeTools;
  offline: FakeOffline;
  sessions: SessionStore;
  assistant: LlmAssistant;
  outcomes: LlmOutcome[];
  /** Parsed log lines (pino JSON). */
  logs: { level: number; msg: string }[];
  /** Stops the fake; rethrows the first assertion that failed inside a scripted reply. */
  close(): Promise<void>;
}

export async function createHarness(
  overrides: Partial<Omit<LlmAssistantDeps, 'llm'>> & { llm?: Partial<LlmAssistantDeps['llm']> } = {},
): Promise<Harness> {
  const server = await startFakeOpenAiServer();
  const tools = overrides.tools ? (overrides.tools as FakeKnowledgeTools) : createFakeKnowledgeTools();
  const offline = createFakeOffline();
  const sessions = createMemorySessionStore();
  const outcomes: LlmOutcome[] = [];
  const logs: Harness['logs'] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      callback();
    },
  });
  const { llm, ...rest } = overrides;
  const assistant = createLlmAssistant({
    tools,
    offline,
    sessions,
    logger: createLogger({ level: 'info', destination }),
    maxRetries: 2,
    onOutcome: (o) => outcomes.push(o),
    ...rest,
    llm: {
      apiKey: API_KEY,
      baseURL: server.baseURL,
      model: 'fake-model',
      timeoutMs: 5_000,
      maxToolRounds: 3,
      maxTokens: 400,
      ...llm,
    },
  });
  return {
    server,
    tools,
    offline,
    sessions,
    assistant,
    outcomes,
    logs,
    close: async () => {
      await server.close();
      if (server.scriptErrors.length > 0) throw server.scriptErrors[0];
    },
  };
}
