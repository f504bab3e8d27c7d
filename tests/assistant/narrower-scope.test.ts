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

describe('a number per head, by district or against another year', () => {
  it('says the report gives totals when asked per person', async () => {
    const perHead = await ask('9·30那次慰问烈士遗属，每人发了多少慰问金？');
    expect(perHead.status).toBe('not_found');
    expect(perHead.answer).toContain('只给了总数');
    expect((await ask('9·30那次慰问烈士遗属，一共发了多少慰问金？')).answer).toContain('12000');
  });

  it('has no district-by-district figures', async () => {
    const districts = await ask('各区县分别迁移了多少座散葬烈士墓？');
    expect(districts.status).toBe('not_found');
    expect(districts.answer).toContain('各区县');
  });

  it('compares with a year the documents do not hold in the asker’s own word', async () => {
    const before = await ask('咱们这迁坟比前年多了还是少了？');
    expect(before.status).toBe('not_found');
    expect(before.answer).toContain('“前年”');
    expect(before.answer).not.toContain('1041');
  });
});

describe('a number asked in round terms', () => {
  it('checks a number the asker heard against the record', async () => {
    expect((await ask('听说去年搬了一千来座烈士坟，准数是多少？')).answer).toContain('1041');
    expect((await ask('清明网上扫墓是不是两万多人？')).answer).toContain('20000');
    expect((await ask('给立功的娃们报喜送了二百多回吧，到底多少回？')).answer).toContain('256');
  });

  it('reads "大概几千人" as "how many people", with 人次 counted as people', async () => {
    const visits = await ask('去年上门来咨询的大概几千人？');
    expect(visits.status).toBe('undisclosed');
    expect(visits.answer).toContain('来访咨询');
  });
});

describe('a total the report never sums', () => {
  it('does not pass one part off as the total of two', async () => {
    const total = await ask('清明网上祭扫和实地擦碑加起来一共多少人');
    expect(total.status).toBe('not_found');
    expect(total.answer).toContain('没有给出合计数');
    expect(total.answer).not.toMatch(/20000|1000/);
    // Control: both asked separately are both answered.
    const each = await ask('网上祭扫和实地擦碑各多少人');
    expect(each.answer).toContain('20000');
    expect(each.answer).toContain('1000');
  });

  it('gives no total over a year the documents do not hold, and says which year is missing', async () => {
    const total = await ask('2021年和2022年一共迁了多少座烈士墓');
    expect(total.status).toBe('not_found');
    expect(total.answer).toContain('没有2021年的相关数据，给不出合计');
    const both = await ask('2021年和2022年送了多少次喜报');
    expect(both.answer).toContain('256');
    expect(both.answer).toContain('没有2021年的相关数据');
  });
});
