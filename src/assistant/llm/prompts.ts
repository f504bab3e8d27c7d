import { PromptTemplate } from '@langchain/core/prompts';
import type { Language } from '../answer.js';
import type { Audience } from '../ports.js';
import { ConfigError } from '../../errors.js';
import type { PromptFileName, PromptTexts } from '../../adapters/llm/prompt-files.js';

/** The prompts of the LLM mode, as LangChain templates over the files in `prompts/`. */
export interface Prompts {
  /** The system message: rules plus the answer style of the audience. */
  system(language: Language, audience: Audience): Promise<string>;
  /** The follow-up message that names the numbers no tool result holds. */
  regenerate(language: Language, violations: readonly string[]): Promise<string>;
  /** The single-message prompt that turns a follow-up into a standalone question. */
  rewrite(language: Language, history: string, question: string): Promise<string>;
  /** One earlier turn as shown in the rewrite prompt. */
  historyTurn(language: Language, question: string, answer: string): Promise<string>;
  readonly healthCheck: string;
}

/** Variables each template must use; a prompt edited without them fails at start, not in use. */
const expectedVariables: Partial<Record<PromptFileName, string[]>> = {
  'system.zh.md': ['style'],
  'system.en.md': ['style'],
  'regenerate.zh.md': ['violations'],
  'regenerate.en.md': ['violations'],
  'follow-up-rewrite.zh.md': ['history', 'question'],
  'follow-up-rewrite.en.md': ['history', 'question'],
  'history-turn.zh.md': ['answer', 'question'],
  'history-turn.en.md': ['answer', 'question'],
};

function template(texts: PromptTexts, name: PromptFileName): PromptTemplate {
  let result: PromptTemplate;
  try {
    result = PromptTemplate.fromTemplate(texts[name]);
  } catch (error) {
    throw new ConfigError(`prompts/${name} is not a valid template (write literal braces as {{ }}).`, {
      cause: error,
    });
  }
  const expected = expectedVariables[name] ?? [];
  const actual = [...result.inputVariables].sort();
  if (actual.join(',') !== [...expected].sort().join(',')) {
    throw new ConfigError(
      `prompts/${name} must use exactly the variables {${expected.join('}, {')}} but uses {${actual.join('}, {')}}.`,
    );
  }
  return result;
}

/** Builds the templates once; throws ConfigError naming a prompt file whose variables are wrong. */
export function createPrompts(texts: PromptTexts): Prompts {
  const t = (name: PromptFileName) => template(texts, name);
  const system = { zh: t('system.zh.md'), en: t('system.en.md') };
  const regenerate = { zh: t('regenerate.zh.md'), en: t('regenerate.en.md') };
  const rewrite = { zh: t('follow-up-rewrite.zh.md'), en: t('follow-up-rewrite.en.md') };
  const turn = { zh: t('history-turn.zh.md'), en: t('history-turn.en.md') };
  const styles: Record<Audience, Record<Language, string>> = {
    veteran: { zh: texts['style-veteran.zh.md'], en: texts['style-veteran.en.md'] },
    staff: { zh: texts['style-staff.zh.md'], en: texts['style-staff.en.md'] },
    leader: { zh: texts['style-leader.zh.md'], en: texts['style-leader.en.md'] },
  };
  return {
    system: (language, audience) => system[language].format({ style: styles[audience][language] }),
    regenerate: (language, violations) =>
      regenerate[language].format({ violations: violations.join(language === 'zh' ? '、' : ', ') }),
    rewrite: (language, history, question) => rewrite[language].format({ history, question }),
    historyTurn: (language, question, answer) => turn[language].format({ question, answer }),
    healthCheck: texts['health-check.txt'],
  };
}
