import { describe, expect, it } from 'vitest';
import { askedUnit, holdsNumberIn } from '../../src/assistant/compose/answerability.js';

describe('askedUnit — the unit a number question asks for', () => {
  it.each([
    ['慰问费一共给了多少？', '12000元'],
    ['奖补资金发了多少万', '**万元'],
    ['市军休总站评上几星级了', '五星级'],
    ['创业补贴发给了几家企业', '9家'],
  ])('%s is answered by a number like %s', (question, number) => {
    const unit = askedUnit(question);
    expect(unit).toBeDefined();
    expect(holdsNumberIn(number, unit!)).toBe(true);
  });

  it('does not take a count of people for money, nor a star rating for a count', () => {
    expect(holdsNumberIn('走访慰问烈士遗属6名', askedUnit('慰问费一共给了多少')!)).toBe(false);
    expect(holdsNumberIn('获得全部四项表彰', askedUnit('评上几星级了')!)).toBe(false);
    expect(askedUnit('烈属一共去看了多少回')).toBeUndefined();
  });
});
