import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asksOnlyAnAspect } from '../../src/assistant/benefits/aspects.js';
import { groupFactor } from '../../src/assistant/benefits/card-groups.js';
import { readCards } from '../../src/assistant/benefits/match-cards.js';
import { splitClauses } from '../../src/assistant/understand/clauses.js';
import { createHomophoneIndex } from '../../src/assistant/understand/homophones.js';
import { createTestCore, type TestCore } from '../support/create-test-core.js';

/*
 * Benefits answers through the real assistant and the real cards: the direct answer first, the law
 * and article it rests on, where to go; the law's words in the citations and only there; English in
 * English; the asker's circumstances read as conditions; what the documents do not say said plainly.
 */
let testCore: TestCore;
beforeAll(async () => {
  testCore = await createTestCore();
});
afterAll(async () => {
  await testCore.cleanup();
});
const ask = (q: string) => testCore.core.assistant.ask(q);

describe('a benefits answer', () => {
  it('leads with the answer, then 依据 with law and article, then 办理; each article quoted once, in the citations', async () => {
    const a = await ask('退伍了优待证在哪领？');
    expect(a.status).toBe('answered');
    const lines = a.answer.split('\n');
    expect(lines[0]).toMatch(/优待证/);
    expect(lines[0]).not.toMatch(/^依据|^根据/);
    const basis = lines.findIndex((l) => l.startsWith('依据：'));
    expect(lines[basis]).toMatch(/《退役军人保障法》第十五条/);
    expect(lines.findIndex((l) => l.startsWith('办理：'))).toBeGreaterThan(basis);
    // The article text is in the citations, whole, and not pasted into the answer.
    const article = a.citations.find((c) => c.section.endsWith('第十五条'));
    expect(article?.doc).toBe('laws/veterans-protection-law-2020.md');
    expect(article?.quote).toMatch(
      /^第十五条 安置地人民政府退役军人工作主管部门在接收退役军人时，向退役军人发放退役军人优待证。/,
    );
    expect(a.answer).not.toContain(article?.quote.slice(6, 40));
    expect(new Set(a.citations.map((c) => c.quote)).size).toBe(a.citations.length);
    expect(a.suggestions?.length).toBeGreaterThan(0);
  });

  it('answers a long question with personal circumstances instead of refusing it', async () => {
    const a = await ask(
      '我是2019年入伍的义务兵，干了两年，去年12月退的伍，现在回村了，退伍能拿一次性的钱吗？',
    );
    expect(a.status).toBe('answered');
    expect(a.answer).toMatch(/一次性退役金/);
  });

  it('says the documents do not cover an organisation they never name (党组织关系)', async () => {
    const a = await ask('我是党员，退伍了党组织关系要转到哪里去？');
    expect(a.status).toBe('not_found');
    expect(a.answer).toContain('党组织');
  });

  it('takes no verb and measure word (评个) or township clinic (卫生院) for a thing the documents leave out', async () => {
    const regrade = await ask('我爸以前评的八级残疾 现在腿越来越不行了 能不能重新评个等级');
    expect(regrade.status).toBe('answered');
    expect(regrade.answer).toContain('重新评定');
    const clinic = await ask('我们镇卫生院给残疾军人看病有没有优先');
    expect(clinic.status).toBe('answered');
    expect(clinic.answer).not.toContain('卫生院”');
  });

  it('says what a second part names that its own card does not (校服)', async () => {
    const a = await ask('军人的孩子上公办小学能在爷爷奶奶户口那上吗？学校校服费能免不');
    expect(a.answer).toContain('祖父母');
    expect(a.answer).toMatch(/您问的“[^”]*校服[^”]*”，现有资料没有写明/);
  });

  it('says a relative the laws never name (孙子, 侄子) is not among a card’s beneficiaries', async () => {
    const nephew = await ask('我哥是烈士 我儿子是他亲侄子 想去当兵 能优先批准不');
    expect(nephew.answer).toMatch(/^按您说的（侄子），法律法规没有写明/);
    const grandchildren = await ask('烈士的孙子孙女有啥优待没有');
    expect(grandchildren.answer).toMatch(/^按您说的（孙子），法律法规没有写明/);
    const child = await ask('我是普通退伍兵 我家孩子考公务员能加分或者优先吗');
    expect(child.answer).toMatch(/^按您说的（退役军人的家属），法律法规没有写明/);
    // A kind of veteran the card's rule is not written for (参战 vs 带病回乡) is said so too.
    const ill = await ask('带病回乡的老兵去世了 定期生活补助还接着发几个月');
    expect(ill.answer).toMatch(/^按您说的（带病回乡），法律法规没有写明这项规定也适用/);
    expect((await ask('参战老兵去世了 生活补助还发几个月')).answer).toMatch(/^再发6个月/);
    const kindergarten = await ask('我是退伍兵，孩子上私立幼儿园，学费能不能减免');
    expect(kindergarten.answer).toMatch(/^按您说的（退役军人的家属），法律法规没有写明/);
    const exam = await ask('退役军人的孩子考公务员能加分吗');
    expect(exam.answer).toMatch(/^按您说的（退役军人的家属），法律法规没有写明/);
    // Control: a card for veterans' families moving with them answers them plainly.
    expect((await ask('退役军人家属随迁户口怎么办')).answer).not.toContain('按您说的');
    // Control: a martyr's child is named by the law.
    expect((await ask('烈士子女上学有优待吗')).answer).not.toContain('按您说的');
  });

  it('reads 优待证怎么办理 as how to get the card, not what to do when refused it', async () => {
    const a = await ask('优待证怎么办理');
    expect(a.answer).toMatch(/报到|发给/);
    expect(a.answer).not.toMatch(/罚款/);
  });

  it('is not turned away by a place word', async () => {
    const a = await ask('我们村的老兵看病有优待吗？');
    expect(a.status).toBe('answered');
    expect(a.answer).not.toMatch(/全市层面|单独数据/);
    expect(a.citations.some((c) => c.doc.startsWith('laws/'))).toBe(true);
  });

  it('answers "is there a benefit" from the law even when the report shares more words', async () => {
    // The report's "就业创业…优待" sentences hold every word but 残疾; the law answers the question.
    const a = await ask('退伍兵伤残了找工作有照顾吗');
    expect(a.status).toBe('answered');
    expect(
      a.citations.every((c) => c.doc.startsWith('laws/')),
      JSON.stringify(a.citations),
    ).toBe(true);
  });

  it('says an amount asked in passing (工资按多少发, 补贴多少) is not stated by the law', async () => {
    const a = await ask('我是转业军官，媳妇跟着调过来以后工资按多少发');
    expect(a.status).toBe('answered');
    expect(a.answer).toContain('具体数额和时限：法律法规没有写明');
  });

  it('says what a second part asks and the law leaves open: days, weekends, other provinces, an app', async () => {
    const days = await ask('老兵证去哪领啊 办下来要多少天');
    expect(days.answer).toContain('时限：法律法规没有写明');
    const weekend = await ask('退伍回来户口谁给落 派出所周末办不办');
    expect(weekend.answer).toContain('公安机关');
    expect(weekend.answer).toContain('办理时间（几点、周末节假日是否办理）：法律法规没有写明');
    const province = await ask('退役军人去景区有没有优惠？外省的景区认不认我们这边发的证？');
    expect(province.answer).toContain('在外省外地能否同样享受：法律法规没有写明');
    expect(province.answer).not.toMatch(/以当地规定为准，请以当地规定为准/);
    const app = await ask('残疾军人坐火车有优惠吗？能在12306上直接买优惠票不');
    expect(app.answer).toContain('能否网上办理或邮寄：法律法规没有写明');
    // Control: a card that states the figure asked says nothing is missing.
    expect((await ask('残疾军人坐火车能打几折')).answer).not.toContain('没有写明');
  });

  it("names a second part's subject the chosen card does not hold, though another card may mention it", async () => {
    const a = await ask('伤残军人的假肢坏了谁负责给配？能不能自己挑进口的牌子？');
    expect(a.answer).toContain('省级退役军人事务部门负责解决');
    expect(a.answer).toMatch(/您问的“[^”]*牌子[^”]*”，现有资料没有写明/);
  });

  it('answers the part the documents hold and says plainly what they do not', async () => {
    const a = await ask('老兵办信用卡有优惠吗');
    expect(a.answer).toMatch(/^您问的“信用卡”，现有资料没有写明/);
    expect(a.status).toBe('not_found');
    // Asked broadly ("有啥优惠") it is still about the credit card, not an overview of discounts.
    const broad = await ask('老兵办信用卡都有啥优惠');
    expect(broad.answer).toMatch(/^您问的“信用卡”，现有资料没有写明/);
  });

  it('says a date, a fee or a number of times the card does not state is not stated, naming what was asked', async () => {
    const day = await ask('残疾抚恤金每个月几号打到卡上');
    expect(day.answer).toContain('具体发放日期和钱发到哪里（哪张卡、能否分次）：法律法规没有写明');
    // "每年几月份发" asks for a date too.
    const month = await ask('我儿子在部队当义务兵 家里的优待金是哪一级给发 每年几月份发');
    expect(month.answer).toContain('县级人民政府');
    expect(month.answer).toContain('具体发放日期：法律法规没有写明');
    const fee = await ask('退伍了档案会转到哪儿 转档案要不要交钱');
    expect(fee.answer).toContain('是否收费：法律法规没有写明');
    // A card that states the fee (免费乘坐) answers it without the line.
    const bus = await ask('当兵的坐市里公交要钱不');
    expect(bus.answer).toContain('免费');
    expect(bus.answer).not.toContain('是否收费');
    const card = await ask('评上残疾以后哪个月开始发钱 钱是打到社保卡还是银行卡');
    expect(card.answer).toContain('钱发到哪里（哪张卡、能否分次）：法律法规没有写明');
    const points = await ask('烈士子女高考到底能降多少分');
    expect(points.answer).toContain('具体数额和时限：法律法规没有写明');
    const tax = await ask('复员军官有复员费吗？这个复员费要不要交税？');
    expect(tax.answer).toContain('是否交税：法律法规没有写明');
    // The referral is said once, though the card's own note already names the station.
    expect(tax.answer.match(/咨询当地退役军人服务站/g)?.length ?? 0).toBeLessThanOrEqual(1);
    const ticket = await ask('老兵逛景区是不是都免门票？');
    expect(ticket.answer).toContain('是否收费：法律法规没有写明');
    const toFamily = await ask('残疾军人的护理费能打到照顾他的儿子的卡上吗');
    expect(toFamily.answer).toContain('钱发到哪里（哪张卡、能否分次）：法律法规没有写明');
    const post = await ask('优待证办好了 能给寄到家里不');
    expect(post.answer).toContain('能否网上办理或邮寄：法律法规没有写明');
    const days = await ask(
      'After I report to the veterans office, how many days does it take before I get my preferential card?',
    );
    expect(days.answer).toMatch(/deadlines: the law does not state them/);
    expect(days.answer).not.toMatch(/\d+ (times|people)/);
  });

  it('says that an amount the law leaves to other rules is not stated, and who sets it', async () => {
    const a = await ask('义务兵家庭优待金一年能发多少钱？');
    expect(a.answer).toMatch(/没有写明|没有写金额/);
    expect(a.answer).toMatch(/当地/);
    expect(a.answer).not.toMatch(/\d+元/);
  });

  it('answers "how much" with a card about the asked thing, not a near one that merely states an amount', async () => {
    const a = await ask('因战六级残疾一年抚恤金多少钱');
    // The nursing-fee card states percentages and mentions 抚恤金 only in passing.
    expect(a.answer.split('\n')[0]).not.toMatch(/月平均工资的比例/);
    expect(a.answer).toMatch(/残疾抚恤金/);
  });

  it('answers an English question in English, citing the Chinese law', async () => {
    const a = await ask('Where do I get the veteran preferential card?');
    expect(a.language).toBe('en');
    expect(a.answer).not.toMatch(/quoted in Chinese/);
    expect(a.answer.split('\n').slice(0, 2).join(' ')).toMatch(/[A-Za-z]{4,} [A-Za-z]{4,}/);
    expect(a.answer).toMatch(/Basis: 《退役军人保障法》第十五条.* \(Veterans Protection Law, Articles? 15/);
  });

  it('reads a homophone typo as the word meant', async () => {
    const a = await ask('优代证有什么用');
    expect(a.answer).toMatch(/优待证/);
    // 老兵证 is a word: its 证 and the 在 after it are no typo of 正在.
    expect((await ask('老兵证在哪领的')).answer).toMatch(/发给退役军人优待证/);
  });
});

describe('clauses', () => {
  it('tells the asking clauses from the ones that describe the asker', () => {
    const clauses = splitClauses('我是2019年入伍的义务兵，去年9月退伍回村了，退伍能拿一次性的钱吗？');
    expect(clauses.map((c) => c.asks)).toEqual([false, false, true]);
    expect(splitClauses('优待证去哪办？要带什么材料？').map((c) => c.asks)).toEqual([true, true]);
    expect(splitClauses('退役金标准').map((c) => c.asks)).toEqual([true]);
    // "有没有这回事" asks whether the clause before holds: both ask.
    expect(splitClauses('听说去年有老兵进京上访，有没有这回事？').map((c) => c.asks)).toEqual([true, true]);
    expect(splitClauses('评上残疾以后哪个月开始发钱 钱是打到社保卡还是银行卡')).toHaveLength(2);
    // "没啥收入", "没多少钱" tell how little there is; they do not ask.
    expect(
      splitClauses('我跟他爸都六十多了 在家种地没啥收入 每个月国家能给点钱不').map((c) => c.asks),
    ).toEqual([false, false, true]);
    expect(splitClauses('有没有什么优惠').map((c) => c.asks)).toEqual([true]);
    // Keywords typed as into a search box are one question; a dictated message's clauses are not.
    expect(splitClauses('医院停车费 退役军人 免不免')).toEqual([
      { text: '医院停车费退役军人免不免', asks: true },
    ]);
    expect(splitClauses('我儿子在部队当义务兵 家里的优待金是哪一级给发 每年几月份发')).toHaveLength(3);
  });

  it('takes a clause the asker closed with a question mark for a question, whatever its words', async () => {
    expect(splitClauses('烈士的孩子考公务员有照顾没？想去当兵呢').map((c) => c.asks)).toEqual([true, true]);
    expect(splitClauses('我是烈士子女，考公务员有照顾没？').map((c) => c.asks)).toEqual([false, true]);
    // Without a question mark, "有…没" and "…了没" still ask.
    expect(splitClauses('我是退伍兵 有专门的招生计划没 上学有资助吗').map((c) => c.asks)).toEqual([
      false,
      true,
      true,
    ]);
    expect(splitClauses('材料交上去了，批下来了没').map((c) => c.asks)).toEqual([false, true]);
    // A bare "how long" asks of the clause before it, which names the subject.
    expect(splitClauses('优待证从申请到拿到手，一般要多久？').map((c) => c.asks)).toEqual([true, true]);
    const a = await ask('烈士的孩子考公务员有照顾没？想去当兵呢');
    expect(a.answer).toContain('公务员');
    expect(a.answer).toContain('优先批准');
  });

  it('does not take a courtesy or request formula for a part of the question', () => {
    expect(splitClauses('请问一下 我的档案退伍后转到哪了？户口又去哪落？').map((c) => c.asks)).toEqual([
      false,
      true,
      true,
    ]);
    expect(splitClauses('您好，想问一下，退伍费能拿多少').map((c) => c.asks)).toEqual([false, false, true]);
    expect(splitClauses('你好，我2012年入伍，能安排工作吗').map((c) => c.asks)).toEqual([false, false, true]);
    // The clause after a request formula asks, even without an asking word of its own.
    expect(splitClauses('我是去年退伍的，请问，退伍费标准').map((c) => c.asks)).toEqual([false, false, true]);
  });

  it('knows a message that asks only for an aspect of the previous answer', () => {
    expect(asksOnlyAnAspect('要带什么材料？')).toBe(true);
    expect(asksOnlyAnAspect('去哪办？')).toBe(true);
    expect(asksOnlyAnAspect('残疾军人坐火车有优惠吗')).toBe(false);
  });
});

describe('asking clauses', () => {
  it('hears colloquial asking forms: 够不够, 要钱不', () => {
    expect(splitClauses('我是士官，干了12年，能不能安排工作').map((c) => c.asks)).toEqual([
      false,
      false,
      true,
    ]);
    expect(splitClauses('我是士官，干够不够12年').map((c) => c.asks)).toEqual([false, true]);
    expect(splitClauses('当兵的坐市里公交要钱不').map((c) => c.asks)).toEqual([true]);
  });

  it('reads a clause that only leans on the one before ("是真的吗") together with it', () => {
    const clauses = splitClauses('我爸是烈士，我明年退伍，听说烈士的孩子退伍能安排工作，是真的吗？');
    expect(clauses.map((c) => c.asks)).toEqual([false, false, true, true]);
    // "具体是啥样的" asks for the details of what the clause before it heard.
    // "好几个" counts, it does not ask.
    expect(splitClauses('我们村有好几个今年退伍回来的 问一下他们户口回村咋落').map((c) => c.asks)).toEqual([
      false,
      true,
    ]);
    const details = splitClauses('我父亲今年74了，听人说参过战的看病有优惠，具体是啥样的');
    expect(details.map((c) => c.asks)).toEqual([false, true, true]);
  });
});

describe('routing', () => {
  it("answers from a card a question whose place word (市里) is not the bureau's year", async () => {
    const a = await ask('当兵的坐市里公交要钱不');
    expect(a.status).toBe('answered');
    expect(a.answer).toMatch(/公交|公共交通/);
  });

  it('reads 在市里 as where the asker is, and 优先进 as priority, not the bureau’s 先进 honours', async () => {
    const fares = await ask('残疾军人坐火车能半价吗 在市里坐公交要钱不');
    expect(fares.status).toBe('answered');
    expect(fares.answer).toMatch(/公共汽车/);
    expect(fares.answer).toMatch(/减收|半价/);
    const park = await ask('退伍兵创业 政府的创业园区能优先进吗？房租能减多少');
    expect(park.status).toBe('answered');
    expect(park.answer).toContain('第四十五条');
    // The bureau's 市里 and 先进 still ask about its record.
    expect((await ask('市里去年评了几个先进单位')).citations[0]?.doc).toBe('2022-work-summary.txt');
  });

  it('answers a later part with the related card it fits, though the asker’s story fits the first', async () => {
    const late = await ask(
      '我是2021年入伍的义务兵，2023年9月退伍，选的自主就业。退伍后先去南方玩了一阵，到现在还没回老家报到。报到有没有时间规定？晚了会怎么样？',
    );
    expect(late.answer).toContain('30日内');
    expect(late.answer).toContain('视为放弃安置待遇');
  });

  it('reads "arrange a job" as the placed job (安排工作)', async () => {
    const a = await ask('I served 12 years as a sergeant. Can the government arrange a job for me?');
    expect(a.language).toBe('en');
    expect(a.answer).toMatch(/12 years/);
  });

  it('reads 爸妈 / 爹妈 as the parents the law names', async () => {
    const parents = await ask('烈士的爸妈每个月有钱领吗');
    expect(parents.answer).toContain('定期抚恤金');
    expect(parents.answer).toMatch(/父母/);
  });

  it('reads 每个人能报几次 as a veteran’s own question and 县乡镇 as a place, not a gap', async () => {
    const training = await ask('退伍兵免费参加技能培训 每个人能报几次 培训补贴给多少');
    expect(training.citations.every((c) => c.doc.startsWith('laws/'))).toBe(true);
    expect(training.answer).toContain('职业技能培训补贴');
    const stations = await ask('我们县乡镇上也要有退役军人服务站吗');
    expect(stations.status).toBe('answered');
    expect(stations.answer).not.toContain('县乡镇');
  });

  it("answers a veteran's own question from the cards though its words match an indicator", async () => {
    const a = await ask('How much is the monthly family allowance while my son serves as a conscript?');
    expect(a.answer).toMatch(/Family allowance for conscripts' families/);
    expect(a.citations.every((c) => c.doc.startsWith('laws/'))).toBe(true);
    // The bureau's own question with a year still gets the indicator.
    const staff = await ask('我们局2022年送喜报多少次');
    expect(staff.answer).toContain('256');
  });

  it('answers from a clear card a "几次" that names no year and nothing of the bureau', async () => {
    const a = await ask('残疾军人装假肢 谁出钱 一辈子能换几次');
    expect(a.status).toBe('answered');
    expect(a.answer).toContain('省级退役军人事务部门负责解决');
    expect(a.answer).toContain('次数：法律法规没有写明');
  });

  it('does not take an English benefits question for an indicator one of whose words it uses', async () => {
    const years = await ask(
      'How many years does a sergeant have to serve before the government will arrange a job for him after discharge?',
    );
    expect(years.answer).not.toMatch(/Employment rate|not disclosed/);
    const pension = await ask("How much is the monthly survivors' pension for a martyr's parents?");
    expect(pension.answer).not.toMatch(/commemoration|20000/);
    expect(pension.citations.every((c) => c.doc.startsWith('laws/'))).toBe(true);
    // An English question that does name an indicator still gets it.
    const graves = await ask('How many graves of martyrs were relocated last year?');
    expect(graves.answer).toContain('1041');
  });

  it("answers a veteran's how-to (咋落, 能用吗) from the cards though a report passage shares its words", async () => {
    const card = await ask('老兵证全国都能用吗');
    expect(card.citations.every((c) => c.doc.startsWith('laws/'))).toBe(true);
    expect(card.answer).toContain('全国统一');
    // 党组织关系 is the veteran's own matter, not the bureau's 党组.
    const hukou = await ask('退伍后户口咋落？党组织关系又咋转？');
    expect(hukou.citations.every((c) => c.doc.startsWith('laws/'))).toBe(true);
  });

  it("takes an English 'how many … bureau' for the bureau's record, not a card", async () => {
    const staff = await ask('How many staff work at the veterans affairs bureau?');
    expect(staff.status).toBe('not_found');
  });

  it('keeps a statistics question about a year the reports do not cover as not found', async () => {
    expect((await ask('2021年迁移了多少座烈士墓？')).status).toBe('not_found');
  });
});

describe('cards for one group', () => {
  it("answers a veteran's civil-service question with the veterans' cards, not the martyrs' children's", async () => {
    for (const question of ['考公务员当过兵有照顾吗', 'Can veterans get priority in civil service exams?']) {
      const a = await ask(question);
      expect(a.answer.split('\n').slice(0, 2).join(' ')).not.toMatch(/烈士子女|martyr/i);
      expect(a.answer).toMatch(/放宽|relaxed/);
    }
    // Naming the group still finds its card.
    const child = await ask('烈士子女考公务员有照顾吗');
    expect(child.answer.split('\n')[0]).toMatch(/烈士子女/);
    // A card about a death does not answer a living veteran's question about their pension.
    // An amount asked is not answered by another group's card that states one.
    const allowance = await ask('参战老兵的定期生活补助现在一个月多少钱');
    expect(allowance.answer.split('\n')[0]).not.toMatch(/丧葬|再发6个月/);
    expect(allowance.answer).toContain('具体数额和时限：法律法规没有写明');
    const pension = await ask('残疾抚恤金是谁发的？标准是谁定的？');
    expect(pension.answer.split('\n').slice(0, 2).join(' ')).not.toMatch(/丧葬|去世/);
    const death = await ask('我爸是残疾军人，去年去世了，残疾抚恤金还发吗');
    expect(death.answer).toMatch(/丧葬补助/);
    // A martyr's family asking what it receives gets the martyrs' cards, 烈士褒扬金 among them.
    const family = await ask('我老公是士官，去年抢险救灾牺牲了，部队已经评了烈士，我们家能拿哪些钱');
    expect(family.answer).toContain('褒扬金');
  });
});

describe('card titles', () => {
  it("prefers the card whose title names what is asked ('退伍了该去哪报到' → 退役后到哪报到)", async () => {
    const a = await ask('退伍了该去哪报到？');
    expect(a.answer.split('\n')[0]).toMatch(/报到/);
    expect(a.answer.split('\n')[0]).not.toMatch(/^在哪领/);
  });
});

describe('card ranking', () => {
  it('ranks by what is asked about, not by how it is asked ("去哪" matches many cards)', () => {
    const index = testCore.core.tools.cardIndex();
    const top = readCards('户口去哪落', [], index).matches.slice(0, 3);
    expect(top).toHaveLength(3);
    for (const m of top) expect(index.holds(m.card, '户口')).toBe(true);
  });
});

describe('the asker’s group', () => {
  it('answers a disabled veteran with the disabled veterans’ card, not the general one', async () => {
    expect((await ask('残疾军人坐火车有优惠没')).answer.split('\n')[0]).toMatch(/50%/);
    // The child of a disabled veteran is not one ("残疾军人的孩子"), nor is the certificate.
    const cards = testCore.core.tools.cardIndex().cards;
    const fare = cards.find((c) => c.id === 'preferential-disabled-fare');
    const general = cards.find((c) => c.id === 'preferential-transport-veterans');
    if (!fare || !general) throw new Error('transport cards missing');
    expect(groupFactor(fare, '残疾军人坐火车有优惠没')).toBeGreaterThan(
      groupFactor(general, '残疾军人坐火车有优惠没'),
    );
    expect(groupFactor(general, '残疾军人的孩子坐公交能免费吗')).toBe(1);
    expect(groupFactor(general, '残疾军人证丢了怎么补')).toBe(1);
  });

  it('puts a family member’s card, and a disabled veterans’ card, behind others when nobody of the group is named', () => {
    const cards = testCore.core.tools.cardIndex().cards;
    const spouseJobs = cards.find((c) => c.title === '军人配偶优先安排就业');
    const pensionTransfer = cards.find((c) => c.id === 'disability-transfer-on-discharge');
    if (!spouseJobs || !pensionTransfer) throw new Error('cards missing');
    expect(groupFactor(spouseJobs, '我们这个市的国企招人，退伍的能不能优先？')).toBeLessThan(1);
    expect(groupFactor(spouseJobs, '我老婆随军了，能给安排工作吗')).toBe(1);
    expect(groupFactor(spouseJobs, 'Can my wife get a job where I serve?')).toBe(1);
    expect(groupFactor(pensionTransfer, '户口又去哪落')).toBeLessThan(1);
    expect(groupFactor(pensionTransfer, '我是五级伤残，退伍后抚恤关系怎么转')).toBe(1);
  });
});

describe('office hours asked beside an entitlement', () => {
  it('answers the entitlement and says the hours are not stated, instead of only the hours', async () => {
    const a = await ask('退伍兵去哪报到？报到的地方几点上班');
    expect(a.status).toBe('answered');
    expect(a.answer.split('\n')[0]).toContain('30日内');
    expect(a.answer).toMatch(/几点.*没有写明/);
    const b = await ask('烈士陵园进去要门票吗？每天几点关门');
    expect(b.answer.split('\n')[0]).toContain('免费');
    expect(b.answer).not.toContain('“关门”');
    // Hours alone are still the contact card's.
    expect((await ask('服务站几点上班')).answer).toContain('办公时间');
  });
});

describe('the cards against a report passage that shares one common word', () => {
  it('answers what the card is for, and who pays, from the cards (优待证 and 优待 are one term; 我们县 is no figure)', async () => {
    expect((await ask('优代证办了有啥用')).answer).not.toContain('领导班子工作总结');
    const level = await ask('我们县的伤残军人残疾金是县里发还是市里发');
    expect(level.status).toBe('answered');
    expect(level.answer).not.toContain('单独数据');
  });

  it('answers from the card when the report shares only a word the cards use as much (退伍)', async () => {
    const a = await ask('退伍回村了 能要块地种不');
    expect(a.answer.split('\n')[0]).toContain('承包');
    expect(a.answer).not.toContain('领导班子工作总结');
  });
});

describe('a later part the asker’s story lent another card', () => {
  it('gets the related card that fits the part read alone, unless that card does not say what it names', async () => {
    const late = await ask(
      '我是2022年9月入伍的义务兵，2024年9月退伍，自己找工作那种，现在回老家了，老家在我们县下面一个镇。想问一下退伍以后几天之内要去报到？晚了会怎么样？',
    );
    expect(late.answer).toContain('30日内');
    expect(late.answer).toContain('视为放弃安置待遇');
    const meals = await ask('烈士家属老了能进光荣院吗？光荣院里的伙食费要自己掏吗？');
    expect(meals.answer).toMatch(/伙食费.{0,12}没有写明/);
  });
});

describe('homophone typos', () => {
  const index = createHomophoneIndex(['优待证', '优待', '安置', '投诉', '褒扬', '褒扬金', '慰问金', '十一']);
  it('reads a mistyped word of the same sound, one character off', () => {
    expect(index.correct('优代证有什么用').map((c) => c.word)).toContain('优待证');
    expect(
      index
        .correct('安直单位不签合同能投述吗')
        .map((c) => c.word)
        .sort(),
    ).toEqual(['安置', '投诉']);
  });
  it('corrects one typo once: the longest reading wins and its characters are not read again', async () => {
    // 优代, 优代证 and 证在 (→ 正在) all read the same typo; only 优代证 → 优待证 is applied.
    const a = await ask('优代证在哪领');
    expect(a.answer.split('\n')[0]).toMatch(/优待证/);
    expect(a.answer).not.toMatch(/优待金/);
  });
  it('never changes numerals or real dictionary words', () => {
    expect(index.correct('烈士褒扬金是一次给的吗')).toEqual([]);
    expect(index.correct('他有时候去医院')).toEqual([]);
  });
});
