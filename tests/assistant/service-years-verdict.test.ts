import { describe, expect, it } from 'vitest';
import { useCheckedAsk } from '../support/checked-ask.js';

/*
 * A veteran who states their years of service and asks whether they count gets the verdict first
 * when the card states one threshold (军士服现役满12年 安排工作), over the real knowledge/.
 */
describe('the years-of-service verdict', () => {
  const ask = useCheckedAsk();

  it('says 11½ years are short of 12, and 13 years (in Chinese numerals) are enough', async () => {
    const short = await ask('我干了11年半士官今年退，听说满12年能安排工作，我这11年半算满12年吗？');
    expect(short.answer.split('\n')[0]).toBe('按您说的（服役11年半），不满12年，够不上这个条件。');
    const enough = await ask('我当了十三年兵，够不够安排工作的条件？');
    expect(enough.answer.split('\n')[0]).toBe('按您说的（服役13年），满了12年。');
  });

  it('gives no verdict when the years are not stated, or not asked about', async () => {
    const none = await ask('军士服役满多少年可以安排工作？');
    expect(none.answer).not.toContain('按您说的');
    const told = await ask('我干了8年士官，退伍后能领什么？');
    expect(told.answer).not.toContain('满了');
  });
});
