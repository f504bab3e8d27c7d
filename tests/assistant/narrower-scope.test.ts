import { describe, expect, it } from 'vitest';
import { useCheckedAsk } from '../support/checked-ask.js';

/*
 * The report gives the whole city's figures for the whole year. Over the real knowledge/ folder: a
 * number asked for one county (even one the report names elsewhere) or one month is "no separate
 * figure", never the city's year passed off as the part's; a figure whose sentence names the part,
 * and the whole-year question, answer as before.
 */
const ask = useCheckedAsk();

describe('a number asked for a part of the city or of the year', () => {
  it('does not pass the city figure off as a county the report names elsewhere', async () => {
    const county = await ask('桑植县2022年迁了多少座散葬烈士墓？');
    expect(county.status).toBe('not_found');
    expect(county.answer).toContain('没有“桑植县”的单独数字');
    expect(county.answer).not.toContain('1041');
    // Control: the same question for the whole city is answered.
    expect((await ask('2022年迁了多少座散葬烈士墓？')).answer).toContain('1041');
  });

  it('does not give the year (or its masked figure) for a month', async () => {
    const month = await ask('2022年8月份接待来访咨询多少人次？');
    expect(month.status).toBe('not_found');
    expect(month.answer).toContain('“8月份”');
    expect((await ask('2022年接待来访咨询多少人次？')).status).toBe('undisclosed');
  });

  it('answers when the figure’s own sentence names the place', async () => {
    const visit = await ask('全体党员去参观桑植县禁毒教育基地几次？');
    expect(visit.status).toBe('answered');
    expect(visit.answer).toContain('桑植县');
  });

  it('reads "我们县" as a place, neither a typo of 现有 nor the asker’s own case', async () => {
    for (const question of ['我们县有多少退役军人', '我们县的老兵有多少']) {
      const answer = await ask(question);
      expect(answer.status, question).toBe('not_found');
      expect(answer.answer, question).toContain('我们县');
    }
  });
});

describe('a number asked in round terms', () => {
  it('reads "大概几千人" as "how many people", with 人次 counted as people', async () => {
    const visits = await ask('去年上门来咨询的大概几千人？');
    expect(visits.status).toBe('undisclosed');
    expect(visits.answer).toContain('来访咨询');
  });
});
