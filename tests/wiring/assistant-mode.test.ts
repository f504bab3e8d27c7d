import { afterAll, beforeAll, afterEach, describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../src/assistant/answer.js';
import { createMemorySessionStore } from '../../src/assistant/memory-session-store.js';
import { loadConfig } from '../../src/config.js';
import { createAssistantForMode } from '../../src/wiring/assistant-mode.js';
import { createTestCore, type TestCore } from '../support/create-test-core.js';
import {
  extractiveModel,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
} from '../support/fake-openai-server.js';
import { captureLogger } from '../support/capture-logger.js';
import { waitUntil } from '../support/wait-until.js';

const KEY = 'sk-wiring-test-key-0123456789';
const QUESTION = '去年迁移了多少座散葬烈士墓？';

/** The config as main.ts gets it: parsed from the environment. */
const llmConfig = (baseURL: string) =>
  loadConfig({
    OPENAI_API_KEY: KEY,
    OPENAI_BASE_URL: baseURL,
    OPENAI_MODEL: 'fake-model',
    LLM_TIMEOUT_MS: '10000',
  });

describe('createAssistantForMode', () => {
  let test: TestCore;
  let fake: FakeOpenAiServer;
  const sessions = createMemorySessionStore();

  beforeAll(async () => {
    test = await createTestCore({ sessions });
  });
  afterAll(() => test?.cleanup());
  afterEach(async () => {
    await fake?.close();
  });

  /** The assistant main.ts builds for `config`, logging into `log`. */
  const assistantFor = (config: ReturnType<typeof loadConfig>, log: ReturnType<typeof captureLogger>) =>
    createAssistantForMode({ config, core: test.core, sessions, logger: log.logger });

  it('without OPENAI_API_KEY: the offline assistant of the core, and says so once', async () => {
    const log = captureLogger();
    const assistant = await assistantFor(loadConfig({}), log);
    expect(assistant).toBe(test.core.assistant);
    expect(log.lines().filter((l) => l.msg.startsWith('answer mode:'))).toEqual([
      expect.objectContaining({ level: 30, mode: 'offline' }),
    ]);
    const answer = await assistant.ask(QUESTION);
    expect(answer.mode).toBe('offline');
    expect(answer.answer).toContain('1041');
  });

  it('with a key and OPENAI_BASE_URL: the LLM mode answers through the endpoint; the key is never logged', async () => {
    fake = await startFakeOpenAiServer();
    fake.setDefaultChat(extractiveModel);
    const log = captureLogger();
    const assistant = await assistantFor(llmConfig(fake.baseURL), log);
    expect(assistant).not.toBe(test.core.assistant);
    expect(typeof assistant.askStream).toBe('function');

    const answer = AnswerSchema.parse(await assistant.ask(QUESTION));
    expect(answer.mode).toBe('llm');
    expect(answer.answer).toContain('1041');
    expect(answer.citations.length).toBeGreaterThan(0);

    const chats = fake.chatRequests();
    expect(chats.some((r) => r.tools !== undefined)).toBe(true); // the agent, not only the health check
    expect(chats.every((r) => r.model === 'fake-model')).toBe(true);
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    const modeLines = log.lines().filter((l) => l.msg.startsWith('answer mode:'));
    expect(modeLines).toEqual([expect.objectContaining({ mode: 'llm', model: 'fake-model' })]);
    expect(log.lines().filter((l) => l.level >= 40)).toEqual([]);
    expect(log.raw()).not.toContain(KEY);
  });

  it('with an endpoint that fails (HTTP 500): one warning, offline answers marked as such', async () => {
    fake = await startFakeOpenAiServer();
    fake.setDefaultChat({ status: 500, message: 'upstream exploded' });
    const log = captureLogger();
    const assistant = await assistantFor(llmConfig(fake.baseURL), log);
    // The start-up health check runs in the background; it must end in exactly one warning.
    const warnings = () => log.lines().filter((l) => l.level === 40);
    await waitUntil(() => warnings().length > 0, 'the health warning');

    const answer = AnswerSchema.parse(await assistant.ask(QUESTION));
    expect(answer.mode).toBe('offline');
    expect(answer.notice).toBeTruthy();
    expect(answer.answer).toContain('1041');
    const second = await assistant.ask('2022年网上祭扫有多少人？');
    expect(second.mode).toBe('offline');
    expect(warnings()).toHaveLength(1);
    expect(log.raw()).not.toContain(KEY);
  });
});
