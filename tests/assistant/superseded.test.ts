import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../support/create-test-core.js';

/**
 * A policy document replaced by a later one (front matter `superseded_by`) stays loadable, is
 * listed as superseded, and is never cited as current — even when it matches a question best.
 */
const OLD_GUIDE = `---
title: 旧版退役军人创业指南（已废止）
kind: policy
issuer: 本局政策宣传（摘要整理）
effective_date: 2019-01-01
source: 旧版摘要
superseded_by: laws/veterans-protection-law-2020.md
---
# 旧版退役军人创业指南

## 一、创业

老兵开办洗车行和修车铺的，可以领取一次性开业补助。依据：旧规定第九条。
`;

let dir: string;
let testCore: TestCore;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'va-superseded-'));
  await cp('knowledge', dir, { recursive: true });
  await mkdir(path.join(dir, 'policies'), { recursive: true });
  await writeFile(path.join(dir, 'policies', 'old-startup-guide.md'), OLD_GUIDE);
  testCore = await createTestCore({ knowledgeDir: dir });
});
afterAll(async () => {
  await testCore.cleanup();
  await rm(dir, { recursive: true, force: true });
});

describe('superseded documents', () => {
  it('are loaded and listed as superseded', () => {
    const old = testCore.core.tools.listSources().find((s) => s.doc === 'policies/old-startup-guide.md');
    expect(old).toMatchObject({ superseded: true, kind: 'policy' });
    expect(testCore.core.counts().problems).toEqual([]);
  });

  it('are never cited, even for a question only they match', async () => {
    const answer = await testCore.core.assistant.ask('老兵开洗车行修车铺有一次性开业补助吗');
    expect(answer.citations.map((c) => c.doc)).not.toContain('policies/old-startup-guide.md');
    // The old rule ("…可以领取一次性开业补助。依据：旧规定第九条") is neither quoted nor restated.
    expect(answer.answer).not.toContain('旧规定');
    expect(answer.answer).not.toMatch(/可以领取一次性开业补助/);
    const passages = await testCore.core.tools.searchKnowledge('洗车行 修车铺 一次性开业补助', 10);
    expect(passages.map((p) => p.doc)).not.toContain('policies/old-startup-guide.md');
  });

  it('would be cited if they were current (control: the test above can fail)', async () => {
    const current = await mkdtemp(path.join(os.tmpdir(), 'va-current-'));
    await cp('knowledge', current, { recursive: true });
    await mkdir(path.join(current, 'policies'), { recursive: true });
    await writeFile(
      path.join(current, 'policies', 'old-startup-guide.md'),
      OLD_GUIDE.replace(/^superseded_by:.*\n/m, ''),
    );
    const control = await createTestCore({ knowledgeDir: current });
    try {
      const answer = await control.core.assistant.ask('老兵开洗车行修车铺有一次性开业补助吗');
      expect(answer.citations.map((c) => c.doc)).toContain('policies/old-startup-guide.md');
    } finally {
      await control.cleanup();
      await rm(current, { recursive: true, force: true });
    }
  });
});
