import { mkdtempSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_PROMPTS_DIR,
  PROMPT_FILES,
  readPromptFiles,
} from '../../../src/adapters/llm/prompt-files.js';
import { createPrompts } from '../../../src/assistant/llm/prompts.js';
import { ConfigError } from '../../../src/errors.js';

describe('prompts/', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const copy = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'prompts-'));
    dirs.push(dir);
    cpSync(DEFAULT_PROMPTS_DIR, dir, { recursive: true });
    return dir;
  };

  it('holds every prompt, and they build into templates with the audience styles', async () => {
    const prompts = createPrompts(readPromptFiles());
    const veteran = await prompts.system('zh', 'veteran');
    const staff = await prompts.system('zh', 'staff');
    expect(veteran).toContain('退役军人或家属');
    expect(staff).toContain('工作人员');
    expect(veteran).not.toContain('{style}');
    expect(await prompts.system('en', 'leader')).toContain('three bullets');
    expect(await prompts.regenerate('zh', ['1042座', '3万'])).toContain('1042座、3万');
    expect(await prompts.rewrite('en', 'User: a', 'what about 2023?')).toContain('what about 2023?');
    expect(PROMPT_FILES.length).toBeGreaterThanOrEqual(13);
  });

  it('keeps user text literal: braces in a question are not template syntax', async () => {
    const prompts = createPrompts(readPromptFiles());
    expect(await prompts.rewrite('zh', '用户：{style}', '那{question}呢')).toContain('那{question}呢');
  });

  it('fails at start, naming the file, when a prompt is missing or loses its variable', () => {
    const missing = copy();
    rmSync(path.join(missing, 'style-staff.en.md'));
    expect(() => readPromptFiles(missing)).toThrow(/style-staff\.en\.md/);

    const broken = copy();
    writeFileSync(path.join(broken, 'system.zh.md'), '你是助手。没有风格变量。');
    expect(() => createPrompts(readPromptFiles(broken))).toThrow(ConfigError);
    expect(() => createPrompts(readPromptFiles(broken))).toThrow(/system\.zh\.md.*\{style\}/);
  });
});
