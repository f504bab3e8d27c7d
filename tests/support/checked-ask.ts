import { afterAll, beforeAll, expect } from 'vitest';
import { AnswerSchema, type Answer } from '../../src/assistant/answer.js';
import { checkGrounding } from '../../src/assistant/grounding.js';
import { evalGroundingSources } from '../../src/eval/score.js';
import { createTestCore, type TestCore } from './create-test-core.js';

/**
 * The real offline assistant over knowledge/ for one test file (built before its tests, removed
 * after), and `ask`, which checks what every answer must satisfy whatever the question: the
 * Answer schema and grounding (every figure in the text is in a quoted source).
 */
export function useCheckedAsk(): (question: string, session?: string) => Promise<Answer> {
  let testCore: TestCore;
  beforeAll(async () => {
    testCore = await createTestCore();
  });
  afterAll(async () => {
    await testCore.cleanup();
  });
  return async (question, session) => {
    const answer = await testCore.core.assistant.ask(question, session ? { session } : {});
    expect(AnswerSchema.safeParse(answer).success, JSON.stringify(answer)).toBe(true);
    expect(checkGrounding(answer.answer, evalGroundingSources(answer)).violations).toEqual([]);
    return answer;
  };
}
