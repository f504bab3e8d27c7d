import { describe, expect, it } from 'vitest';
import { useCheckedAsk } from '../support/checked-ask.js';

/*
 * Questions about the bureau's record that the report does not answer — another city's figures,
 * a list it only counts, a count of the whole population — and near ones it does answer, over the
 * real knowledge/ folder.
 */
const ask = useCheckedAsk();

describe('what the report does not hold', () => {
  it('says it holds no other cities’ figures, and still gives the city’s own', async () => {
    const others = await ask('全省其他市州2022年各迁移了多少座散葬烈士墓？');
    expect(others.status).toBe('not_found');
    expect(others.answer).toContain('没有其他市州的数据');
    expect(others.answer).toContain('1041');
    const names = await ask('全省获得全部四项表彰的3个市州，除了我们之外另外两个是哪两个？');
    expect(names.status).toBe('not_found');
    // Control: the city's own count is answered.
    expect((await ask('2022年迁移了多少座散葬烈士墓？')).answer).toContain('1041');
  });

  it('says a numbered shorthand is not listed when asked for its members in keywords or in English', async () => {
    const keywords = await ask('意识形态 五项制度 具体名称');
    expect(keywords.status).toBe('not_found');
    expect(keywords.answer).toContain('五项制度');
    const english = await ask(
      'What does "三训一扶" consist of? Please list the three trainings and the one support.',
    );
    expect(english.status).toBe('not_found');
    expect(english.answer).toContain('does not list');
    // Control: a shorthand the report lists (七个确保，即…) is answered with its items.
    const listed = await ask('“七个确保”分别是什么');
    expect(listed.answer).toContain('确保困难对象应帮尽帮');
  });

  it('says a counted shorthand (三大主题) is not listed when asked "分别是哪三个"', async () => {
    const answer = await ask('“我为群众办实事”的三大主题实践活动分别是哪三个？');
    expect(answer.status).toBe('not_found');
    expect(answer.answer).toContain('三大主题');
  });

  it('reads a count of the city’s veterans as a statistic, not a card about placement', async () => {
    const count = await ask('咱们市现在一共有多少退役老兵？');
    expect(count.status).toBe('not_found');
    expect(count.answer).not.toContain('依据');
    // Control: a veteran's own question with the same place word is a card's.
    const own = await ask('咱们市的退役老兵坐公交要钱不？');
    expect(own.status).toBe('answered');
    expect(own.answer).toContain('依据');
  });

  it('answers "哪一年" with a year a sentence on the subject states, else says it is not given', async () => {
    const none = await ask('市军休总站是哪一年评上五星级服务机构的？');
    expect(none.status).toBe('not_found');
    const stated = await ask('Which year did the bureau win all four provincial awards?');
    expect(stated.answer).toMatch(/^Year: 2022\./);
  });

  it('says who gave an honour is not written when the report only says it was won', async () => {
    const who = await ask('市军休总站是哪个部门评的五星级，什么时候评上的？');
    expect(who.status).toBe('not_found');
    expect(who.answer).toContain('没有写由哪个部门评定');
    // Control: the report names who rated the bureau a model of publicity work.
    const named = await ask('局里的《中国退役军人》宣传工作先进单位是哪个部门评的？');
    expect(named.answer).toContain('国家退役军人事务部');
  });

  it('says the report gives no reason for a target, rather than giving the target', async () => {
    const why = await ask('为什么2023年把培训合格率目标定在85%，依据是什么？');
    expect(why.status).toBe('not_found');
    expect(why.answer).toContain('没有写原因');
    // Control: the target itself is answered.
    expect((await ask('2023年培训合格率目标是多少？')).answer).toContain('85');
  });

  it('says the report gives no month-by-month figures and no source of the money', async () => {
    const monthly = await ask('送喜报256次，每个月各送了多少次？');
    expect(monthly.status).toBe('not_found');
    expect(monthly.answer).toContain('没有“每个月”的单独数字');
    const source = await ask('慰问金12000元是从哪笔经费里出的？');
    expect(source.status).toBe('not_found');
    expect(source.answer).toContain('没有写钱从哪里出');
    // Control: a veteran's monthly pension is a card's, not a breakdown of the record.
    expect((await ask('残疾抚恤金每个月能领多少')).answer).toContain('依据');
  });

  it('does not answer the cost of a thing with its count', async () => {
    const cost = await ask('迁那一千多座烈士墓一共花了多少钱？');
    expect(cost.status).toBe('not_found');
    expect(cost.answer).not.toContain('1041');
  });

  it('keeps a year named in the first part for the second part of a two-figure question', async () => {
    const answer = await ask('2022年全市重点优抚对象一共有多少人，抚恤补助标准提高了多少？');
    expect(answer.status).toBe('not_found');
    expect(answer.answer).not.toContain('依据');
  });

  it('reads the provincial assessment (省考) and "哪个档次" as the record’s band', async () => {
    const band = await ask('省考指标里，移交安置工作在全省排在哪个档次？');
    expect(band.status).toBe('answered');
    expect(band.answer).toContain('一档');
  });
});

describe('words that name no subject or a subject in other words', () => {
  it('reads a request formula (检查一下), an evaluation asked (什么评价) and 网上舆论 as the record’s', async () => {
    const check = await ask('检查一下：2022年有没有出现退役军人赴省进京非访？');
    expect(check.answer).toContain('零记录');
    const praise = await ask('我以前抓的“返乡第一课”，去年上面给了什么评价？');
    expect(praise.answer).toContain('全国推介');
    const platform = await ask('局里盯网上舆论用的是什么平台？');
    expect(platform.answer).toContain('舆情通');
    // "那摊子事" points at a line of work without naming one.
    const score = await ask('拥军优属那摊子事去年考核打了多少分？');
    expect(score.answer).toContain('满分');
  });
});

describe('English questions of the report', () => {
  it('lists the problems the report names, each with its terms in English, in the list and in the brief', async () => {
    const list = await ask('What shortcomings or problems does the bureau acknowledge in the report?');
    expect(list.language).toBe('en');
    expect(list.answer).toContain('存在的问题和不足');
    expect(list.answer).toContain('信访稳定形势依然严峻 (petition and stability)');
    // "the 2022 summary" reads as a request for the brief, whose problems are glossed too.
    const brief = await ask('What problems and shortcomings does the 2022 summary identify?');
    expect(brief.answer).toContain('[Problems found (in Chinese)]');
    expect(brief.answer).toContain('主动担当奉献精神不够。 (sense of responsibility; dedication)');
  });

  it('says the city’s name is masked when asked which city "this bureau" is in', async () => {
    const city = await ask('Which city is this bureau in?');
    expect(city.status).toBe('undisclosed');
    expect(city.answer).toContain('not disclosed');
  });

  it('says an English question for money spent, or for each district, is not answered by passages without it', async () => {
    const spent = await ask('How much did the bureau spend on the Qingming memorial activities?');
    expect(spent.status).toBe('not_found');
    const districts = await ask('How many graves were relocated in each district in 2022?');
    expect(districts.status).toBe('not_found');
    expect(districts.answer).toContain('each district');
    // Control: money the report states is still given.
    expect((await ask("How much condolence money did martyrs' families get?")).answer).toContain('12000');
  });

  it('never quotes the report’s opening formula as an answer', async () => {
    const answer = await ask(
      "What satisfaction score did veterans give the bureau's service stations in 2022?",
    );
    expect(answer.answer).not.toContain('汇报如下');
  });
});

describe('all the report’s figures of one kind', () => {
  it('lists every amount of money with what it is for, saying which are masked', async () => {
    const money = await ask('审计需要：报告里出现的资金数额有哪几笔？哪些给出了具体金额？');
    expect(money.status).toBe('answered');
    expect(money.answer).toContain('总结中写到的资金数额有这些');
    expect(money.answer).toContain('慰问金：12000元');
    expect(money.answer).toContain('奖补资金：**万元（未公开）');
    const english = await ask('List all the amounts of money mentioned in the 2022 report.');
    expect(english.answer).toContain('(not disclosed)');
  });

  it('marks a plan’s targets among the percentages, and leaves a single figure asked alone', async () => {
    const rates = await ask('总结里有哪些百分比');
    expect(rates.answer).toContain('培训合格率：85％（2023年目标）');
    expect(rates.answer).toContain('覆盖率：100％');
    const one = await ask('慰问金发了多少钱');
    expect(one.answer).not.toContain('有这些');
    expect(one.answer).toContain('12000');
  });
});

describe('a claim checked against the report', () => {
  it('gives the report’s own wording and names the number that differs', async () => {
    const wrong = await ask('稿子里写“为全市10家企业发放奖补资金”，数字对吗？');
    expect(wrong.status).toBe('answered');
    expect(wrong.answer).toContain('“为全市9家企业发放奖补资金**万元”');
    expect(wrong.answer).toContain('没有“10家”');
    const unit = await ask('稿件里写“向烈士遗属发放慰问金12000万元”，这个单位是不是写错了？');
    expect(unit.answer).toContain('发放慰问金12000元');
    expect(unit.answer).toContain('没有“12000万元”');
  });

  it('reads a claim told without quotes, leaves its year aside, and never takes a plan’s wording for a year’s record', async () => {
    const told = await ask('报告说移交安置工作在省考中排名全省第一，原文是这么表述的吗？');
    expect(told.answer).toContain('排位全省一档');
    const zero = await ask('有文章说2022年退役军人赴省进京非访“控制在个位数”，报告是这么说的吗？');
    expect(zero.answer).toContain('零记录');
    expect(zero.answer).not.toContain('不一致');
    // The 2023 plan's 85% is not the 2022 record the claim is about.
    const year = await ask('有篇稿子写“2022年退役军人培训合格率达到85%”，报告里是这么写的吗？');
    expect(year.answer).not.toMatch(/^总结原文「三、2023年/);
    expect(year.answer).toContain('未公开');
  });

  it('says nothing differs when the claim is the report’s, and leaves a claim worded nowhere alike', async () => {
    const right = await ask('核对一下：稿子里说“为立功受奖军人送喜报256次”，对吗？');
    expect(right.answer).toContain('送喜报256次');
    expect(right.answer).not.toContain('不一致');
    // A journalist's script about the city (我市) is checked against the record, not a card.
    const unlike = await ask('稿子写“我市退役军人创业孵化基地入驻企业达到50家”，对吗？');
    expect(unlike.status).toBe('not_found');
  });
});
