import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/assistant/answer.js';
import type { GoldQuestion } from '../../src/eval/gold.js';
import { evalGroundingSources, scoreAnswer } from '../../src/eval/score.js';
import { checkGrounding } from '../../src/assistant/grounding.js';

const answer = (text: string, status: Answer['status'] = 'answered'): Answer => ({
  question: 'q',
  answer: text,
  status,
  language: 'zh',
  citations: [],
  figures: [],
  mode: 'offline',
});
const question = (expect: GoldQuestion['expect']): GoldQuestion => ({
  id: 'x-1',
  kind: 'policy',
  question: 'q',
  expect,
  file: 'x.jsonl',
});

describe('scoreAnswer', () => {
  it('reads Chinese numerals as digits on both sides (五年 = 5年), and still tells numbers apart', () => {
    const q = question({ status: 'answered', language: 'zh', mustInclude: ['五年'] });
    expect(scoreAnswer(q, answer('有，但要服现役满5年。'), undefined).correct).toBe(true);
    expect(scoreAnswer(q, answer('有，但要服现役满五年。'), undefined).correct).toBe(true);
    expect(scoreAnswer(q, answer('有，但要服现役满4年。'), undefined).problems).toEqual(['missing "五年"']);
  });

  it('takes "the law leaves it to local rules" for an unanswerable question, and an invented answer not', () => {
    const q = question({ answerable: false, reason: 'local_rule', language: 'zh' });
    const referral = answer('能。优待金由中央和地方财政分级负担，条例没有写金额，以国家和当地规定为准。');
    expect(scoreAnswer(q, referral, undefined)).toMatchObject({ correct: true, wronglyAnswered: false });
    expect(scoreAnswer(q, answer('每年发3000元。'), undefined)).toMatchObject({
      correct: false,
      wronglyAnswered: true,
    });
    expect(scoreAnswer(q, answer('抱歉，没有找到。', 'not_found'), undefined).correct).toBe(true);
  });

  it('takes "法律没有写贷款额度" as saying the gap of a two-part question is not stated, and a bare card not', () => {
    const q = question({
      answerable: true,
      language: 'zh',
      gap: '贷款额度上限',
      basis: [{ law: '退役军人保障法', articles: [46] }],
    });
    const said = answer('能。可以申请创业担保贷款。法律没有写贷款额度和贴息比例，请问当地退役军人服务站。');
    expect(scoreAnswer(q, said, undefined).problems).not.toContain(
      'does not say the documents leave "贷款额度上限" open',
    );
    const bare = answer('能。可以申请创业担保贷款。');
    expect(scoreAnswer(q, bare, undefined).problems).toContain(
      'does not say the documents leave "贷款额度上限" open',
    );
  });

  it('takes an English "the law does not list" as saying it is not stated', () => {
    const q = question({ answerable: false, reason: 'not_in_law', language: 'en' });
    const said = {
      ...answer('Yes. What to bring: the law does not list the documents to bring.'),
      language: 'en' as const,
    };
    expect(scoreAnswer(q, said, undefined).correct).toBe(true);
  });
});

describe('evalGroundingSources', () => {
  const figure = (value: number, quote: string) => ({
    name: quote,
    year: 2022,
    kind: 'actual' as const,
    value,
    unit: '次',
    quote,
  });
  const withFigures = (text: string): Answer => ({
    ...answer(text),
    figures: [figure(256, '送喜报256次'), figure(5, '欢送仪式5次')],
  });
  const violations = (a: Answer) => checkGrounding(a.answer, evalGroundingSources(a)).violations;

  it('takes the sum of two of the answer’s figures as grounded, and no other sum', () => {
    expect(violations(withFigures('合计：256 + 5 = 261次'))).toEqual([]);
    expect(violations(withFigures('合计：256 + 6 = 262次'))).toEqual(['6', '262次']);
    // A figure added to itself is no total of two figures.
    expect(violations(withFigures('合计：256 + 256 = 512次'))).toEqual(['512次']);
  });
});
