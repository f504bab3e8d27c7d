// This is the loader edge of the LLM mode: it reads prompts/ once at start-up, so the rest of the
// assistant stays free of file-system access.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ConfigError } from '../../errors.js';

/** The prompt files the LLM mode needs, by name (without extension). */
export const PROMPT_FILES = [
  'system.zh.md',
  'system.en.md',
  'style-veteran.zh.md',
  'style-veteran.en.md',
  'style-staff.zh.md',
  'style-staff.en.md',
  'style-leader.zh.md',
  'style-leader.en.md',
  'regenerate.zh.md',
  'regenerate.en.md',
  'follow-up-rewrite.zh.md',
  'follow-up-rewrite.en.md',
  'history-turn.zh.md',
  'history-turn.en.md',
  'health-check.txt',
] as const;

export type PromptFileName = (typeof PROMPT_FILES)[number];
export type PromptTexts = Record<PromptFileName, string>;

/** The repository's `prompts/` folder, found relative to this module (works from src/ with tsx). */
export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../../prompts/', import.meta.url));

/**
 * Reads every prompt file. Throws ConfigError naming the missing or empty file, because a
 * deployment without its prompts must fail at start, not at the first question.
 */
export function readPromptFiles(dir: string = DEFAULT_PROMPTS_DIR): PromptTexts {
  const texts = {} as PromptTexts;
  for (const name of PROMPT_FILES) {
    const file = path.join(dir, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError(`Prompt file ${file} cannot be read; restore it from git (prompts/${name}).`, {
        cause: error,
      });
    }
    if (text.trim() === '') throw new ConfigError(`Prompt file ${file} is empty; restore it from git.`);
    texts[name] = text.trim();
  }
  return texts;
}
