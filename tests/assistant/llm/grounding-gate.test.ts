import { describe, expect, it } from 'vitest';
import {
  checkAnswer,
  createSentenceGate,
  stripNonClaims,
} from '../../../src/assistant/llm/grounding-gate.js';

const outputs = ['{"cite":1,"text":"完成集中迁移散葬烈士墓1041座。发放慰问金12000元。培训合格率达85％"}'];

describe('checkAnswer', () => {
  it('accepts normalised numbers the tools returned and names the ones they did not', () => {
    expect(checkAnswer('迁移烈士墓1041座[1]，慰问金1.2万元，目标85%。', outputs, 'sk-secret-key').ok).toBe(
      true,
    );
    expect(checkAnswer('迁移烈士墓1042座[1]。', outputs, 'sk-secret-key')).toMatchObject({
      ok: false,
      violations: ['1042座'],
      leaksSecret: false,
    });
  });

  it('does not count citation markers or list numbering as figures', () => {
    expect(stripNonClaims('1. 迁移烈士墓[1]\n2、慰问[2][3]\n(3) 其他［4］')).not.toMatch(/\d/);
    expect(checkAnswer('1. 迁移烈士墓1041座[7]\n2. 慰问金12000元[8]', outputs, 'sk-secret-key').ok).toBe(
      true,
    );
  });

  it('flags an answer that contains the secret', () => {
    expect(checkAnswer('密钥是 sk-secret-key', outputs, 'sk-secret-key')).toMatchObject({
      ok: false,
      leaksSecret: true,
    });
  });
});

describe('createSentenceGate', () => {
  it('releases whole sentences only, so a number split across deltas is checked whole', () => {
    const emitted: string[] = [];
    const gate = createSentenceGate(
      () => outputs,
      'sk-secret-key',
      (t) => emitted.push(t),
    );
    for (const delta of ['迁移烈士墓10', '41座', '[1]。慰问金1.', '2万元', '。目标']) gate.push(delta);
    expect(emitted).toEqual(['迁移烈士墓1041座[1]。', '慰问金1.2万元。']);
    gate.push('85%');
    gate.flush();
    expect(emitted.at(-1)).toBe('目标85%');
    expect(gate.blocked).toBe(false);
  });

  it('closes at the first unverified sentence and releases nothing after it', () => {
    const emitted: string[] = [];
    const gate = createSentenceGate(
      () => outputs,
      'sk-secret-key',
      (t) => emitted.push(t),
    );
    gate.push('迁移烈士墓1041座。慰问金13000元。');
    gate.push('目标85%。');
    gate.flush();
    expect(emitted).toEqual(['迁移烈士墓1041座。']);
    expect(gate.blocked).toBe(true);
    expect(gate.released).toBe('迁移烈士墓1041座。');
  });

  it('treats an ASCII period as a sentence end only before whitespace', () => {
    const emitted: string[] = [];
    const gate = createSentenceGate(
      () => outputs,
      'k',
      (t) => emitted.push(t),
    );
    gate.push('It paid 1.');
    expect(emitted).toEqual([]);
    gate.push('2万 yuan. Next');
    expect(emitted).toEqual(['It paid 1.2万 yuan.']);
  });
});
