import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordProbability } from '../../src/assistant/understand/asker-kind.js';
import { questionFeatures } from '../../src/assistant/understand/question-features.js';
import { askerKindModelSource, trainAskerKind } from '../../src/eval/asker-kind-training.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('the asker-kind reading', () => {
  it('reads a question by its characters, character pairs, English words and whether it has a number', () => {
    expect(questionFeatures('去年迁墓 in 2022?').sort()).toEqual(
      ['去', '年', '迁', '墓', '去年', '年迁', '迁墓', 'w:in', '<num>'].sort(),
    );
  });

  it('leans to the record on features seen in work-summary questions, to benefits on the others', () => {
    const model = { docs: [10, 10] as const, features: { 去: [0, 9] as const, 领: [9, 0] as const } };
    expect(recordProbability('去', model)).toBeGreaterThan(0.9);
    expect(recordProbability('领', model)).toBeLessThan(0.1);
    // Nothing known: the prior, here even.
    expect(recordProbability('xyz', model)).toBeCloseTo(0.5, 5);
  });

  it('tells a staff question from a veteran’s with the trained model', () => {
    expect(recordProbability('清明在网上给烈士献花的人多吗，大概多少')).toBeGreaterThan(0.5);
    expect(recordProbability('我爸是残疾军人，坐火车能便宜吗')).toBeLessThan(0.5);
  });

  it('is the model the current dev splits give (run scripts/train-asker-kind.ts after adding a set)', () => {
    const committed = readFileSync(path.join(root, 'src/assistant/understand/asker-kind-model.ts'), 'utf8');
    expect(committed).toBe(askerKindModelSource(trainAskerKind(path.join(root, 'tests/eval/blind'))));
  });
});
