import { describe, expect, it } from 'vitest';
import { statedGrade } from '../../src/assistant/benefits/disability-verdict.js';
import { useCheckedAsk } from '../support/checked-ask.js';

/*
 * A disability pension question that states the cause and the grade gets the verdict for that
 * case first (因病致残 is paid at grades 1–6 only, 因战因公 at 1–10), over the real knowledge/.
 */
describe('statedGrade', () => {
  it.each([
    ['评了八级', 8],
    ['因病致残5级', 5],
    ['grade 10 disability', 10],
  ])('%s → %i', (question, grade) => {
    expect(statedGrade(question)).toBe(grade);
  });

  it.each(['一级至六级的能领吗', '七级和八级有什么区别', '评残等级'])(
    '%s states no one grade',
    (question) => {
      expect(statedGrade(question)).toBeUndefined();
    },
  );
});

describe('the disability pension verdict', () => {
  const ask = useCheckedAsk();

  it('says no for grade 8 from illness, yes for grade 8 from duty, in either language', async () => {
    const illness = await ask('在部队生病落下残疾，评了八级，能领抚恤金吗');
    expect(illness.answer.split('\n')[0]).toBe(
      '按您说的（因病致残、八级），不能领残疾抚恤金：因病致残的，评为一级至六级才享受抚恤。',
    );
    const duty = await ask('训练受伤评了八级，能领抚恤金吗');
    expect(duty.answer.split('\n')[0]).toContain('能领残疾抚恤金');
    expect(duty.answer.split('\n')[0]).not.toContain('不能');
    const english = await ask(
      'I became disabled from an illness in the army, grade 8. Do I get a disability pension?',
    );
    expect(english.answer.split('\n')[0]).toContain('no disability pension is paid');
  });

  it('gives no verdict when the cause is not said', async () => {
    const unsaid = await ask('评了八级残疾，能领抚恤金吗');
    expect(unsaid.answer).not.toContain('按您说的');
  });
});
