import { describe, expect, it } from 'vitest';
import { useCheckedAsk } from '../support/checked-ask.js';

/*
 * Which card answers, and what it says it cannot, over the real knowledge/ folder: cards written
 * for one group (serving soldiers, officers) answer that group, and what the law leaves open is
 * said to be open rather than answered from a card that shares a word.
 */
describe('the card that answers', () => {
  const ask = useCheckedAsk();

  it('reads a later part that leans on the first ("具体怎么算") about the first part’s subject', async () => {
    const answer = await ask('一次性抚恤金发给哪些家属？具体怎么算？');
    expect(answer.answer).toContain('20倍');
    expect(answer.answer).not.toContain('一次性退役金');
  });

  it('reads "犯法" as 违法犯罪: the card on benefits cut for crime answers, not one on being late', async () => {
    const crime = await ask('退役军人要是犯法了 待遇还有吗');
    expect(crime.answer.split('\n')[0]).toMatch(/中止|取消/);
    expect(crime.answer).not.toContain('报到');
  });

  it('says a partner not yet married is no relative the laws name', async () => {
    const answer = await ask('我女朋友在部队当兵，还没结婚，我算不算军属');
    expect(answer.answer).toContain('按您说的（女朋友）');
  });

  it('reads "少交点" as "pay a bit less", not a noun the cards lack', async () => {
    const tax = await ask('退伍后开个小卖部，能少交点税吗');
    expect(tax.answer).not.toContain('交点');
    expect(tax.answer).toContain('税收优惠');
  });

  it('answers a death by illness with the general death card, not the martyrs’ families’ lump sum', async () => {
    const death = await ask('战士生病死了，家属有一次性的钱吗');
    expect(death.answer.split('\n')[0]).not.toContain('烈士遗属的一次性抚恤金');
    expect(death.answer).toContain('病故');
  });

  it('says the laws name no maker or hospital to recommend, and how to replace a lost card is not stated', async () => {
    const limb = await ask('残疾军人装假肢费用谁负责？推荐个好点的假肢厂家');
    expect(limb.answer).toContain('康复辅助器具');
    expect(limb.answer).toContain('您问的“推荐哪家厂家、医院或机构”，现有资料没有写明');
    const lost = await ask('优待证在哪领？弄丢了怎么补？');
    expect(lost.answer).toContain('丢失或损坏后的补发');
  });

  it('says how long an office takes is not stated, and a deadline to appeal is not in these laws', async () => {
    const approval = await ask('定期抚恤金申请交上去，要多长时间才能批下来？');
    expect(approval.answer).toContain('办理要多长时间：法律法规没有写明');
    const appeal = await ask('不服省里取消待遇的决定，行政复议要在几天之内提出？');
    expect(appeal.answer).toMatch(/时限：法律法规没有写明/);
  });

  it('names back pay, counters and in-laws as what the laws leave out', async () => {
    const back = await ask('坐牢期间抚恤金停了，出来以后停的那几个月能补发吗');
    expect(back.answer).toContain('过去没领到的钱能否补发');
    const counter = await ask('优待证去政务大厅几号窗口办？');
    expect(counter.answer).toContain('具体在哪个窗口办理');
    const inLaw = await ask('转业军官的岳母能随迁吗');
    expect(inLaw.answer).toContain('按您说的（岳母）');
  });

  it('reads "哪个部门给发" with a place word as a veteran’s question, not the report’s', async () => {
    const who = await ask('我们县的伤残军人抚恤金是哪个部门给发？');
    expect(who.citations.every((c) => c.doc !== '2022-work-summary.txt')).toBe(true);
    expect(who.answer).toContain('残疾抚恤金');
  });

  it('reads "有什么特殊要求" as asking what the rule is, not a thing the cards lack', async () => {
    const contract = await ask('单位接收了安排工作的退役军士，签劳动合同有什么特殊要求吗？');
    expect(contract.status).toBe('answered');
    expect(contract.answer).not.toContain('您问的“特殊要求”');
  });

  it('says a disabled veteran’s own fare card does not name his wife, and keeps his children’s card', async () => {
    const wife = await ask('我是残疾军人，我爱人坐火车也能半价吗？');
    expect(wife.answer).toMatch(/^按您说的（退役军人的家属），法律法规没有写明/);
    const children = await ask('残疾军人的子女上高中有什么优待？');
    expect(children.answer).not.toContain('按您说的');
  });

  it('says whether a benefit passes to the family is not stated', async () => {
    const inherit = await ask('老兵去世以后，他的优待证待遇子女能继承吗？');
    expect(inherit.status).toBe('not_found');
    expect(inherit.answer).toContain('待遇能否由家人继承');
  });

  it('answers a veteran with the veterans’ card, not the serving soldiers’ one', async () => {
    const bus = await ask('退伍兵坐公交是不是免费');
    expect(bus.answer.split('\n')[0]).toContain('优待证');
    // Control: a serving soldier's question still gets the serving soldiers' card.
    const serving = await ask('现役军人坐公交是不是免费');
    expect(serving.answer.split('\n')[0]).toContain('免费乘坐');
  });

  it('reads an "honor home" as the veterans’ home (光荣院), not the year’s honours', async () => {
    const home = await ask('What is a Guangrong Yuan (honor home) and which veterans can live there?');
    expect(home.language).toBe('en');
    expect(home.answer).toContain('光荣院');
    expect(home.answer).not.toMatch(/honours and achievements/);
  });

  it('tells an officer the conscripts’ lump sum is not for them, with the officers’ card beside it', async () => {
    const officer = await ask('我是军官退下来的 能不能也领那个一次性退伍费自己找工作');
    const [first] = officer.answer.split('\n');
    expect(first).toMatch(/^按您说的（军官），这项待遇对您不适用/);
    expect(officer.answer).toContain('【退役军官的安置方式】');
    const english = await ask('I was an officer. Can I get the lump-sum discharge payment?');
    expect(english.answer.split('\n')[0]).toBe(
      'From what you say (an officer), this does not apply to you: it is for sergeants and conscripts.',
    );
    // Control: a conscript asking the same gets the card with no caveat.
    const conscript = await ask('我是义务兵，退伍能领一次性退役金吗');
    expect(conscript.answer).not.toContain('不适用');
  });

  it('says what is handed out and how long an assessment takes are not stated', async () => {
    const items = await ask('复员军人春节慰问都发些啥东西');
    expect(items.answer).toContain('具体发放什么物品：法律法规没有写明');
    const assessment = await ask('残疾军人评残交上去以后多长时间出结果');
    // It was answered with the six months a placement takes.
    expect(assessment.answer).not.toContain('6个月');
    expect(assessment.status).toBe('not_found');
  });

  it('gives the second place to a part with a clear card of its own, not to a card related to the first part', async () => {
    const answer = await ask('参战老兵在公立医院看病有没有优惠？想住光荣院能不能优先？');
    expect(answer.answer).toContain('【退役军人看病优待服务】');
    expect(answer.answer).toContain('【光荣院集中供养】');
    // A part whose own card does not say what it names (宿舍) does not take the place.
    const dorm = await ask('当兵的孩子上大学有没有资助 学校宿舍能不能优先给他分');
    expect(dorm.answer).not.toContain('养老机构');
  });

  it('says a detail asked beside a broad question is not stated when the overview does not state it', async () => {
    const answer = await ask('政府建的创业园区对退伍兵有啥照顾？房租能减多少？');
    expect(answer.answer).toContain('主要有这些');
    expect(answer.answer).toContain('您问的“房租能减多少”，现有资料没有写明');
  });

  it('reads receipts asked for (开什么票, 发票) as paperwork the card does not state', async () => {
    const answer = await ask('烈士家属自己去陵园扫墓有没有补助？路费报销要开什么票？');
    expect(answer.answer).toContain('需要带哪些材料：法律法规没有写明');
  });

  it('shows a card once when it is the best card of both parts', async () => {
    const answer = await ask(
      '我在部队训练时受了伤，评的因公七级残疾，今年3月退役回到老家县里了。以后残疾金谁来发？我需要去办什么手续吗？',
    );
    const firstLine = answer.answer.split('\n')[0] ?? '';
    expect(answer.answer.split(firstLine).length - 1).toBe(1);
    expect(answer.answer).toContain('抚恤关系');
  });

  it('gives a martyr’s family both one-off payments, not the discharge lump sum', async () => {
    const answer = await ask(
      'My husband died on duty and was recognized as a martyr. What one-off payments does the family receive?',
    );
    expect(answer.answer).toContain('褒扬金');
    expect(answer.answer.split('\n')[0]).not.toContain('一次性退役金');
  });

  it('reads "children" as no schooling question by itself, and "join the army" as enlisting', async () => {
    const enlist = await ask('Do children of martyrs get priority when they want to join the army?');
    expect(enlist.answer.split('\n')[0]).toContain('参军优先');
  });

  it('says how many years of a tax break is not stated, once', async () => {
    const tax = await ask('退伍兵开网店 能免税几年');
    expect(tax.answer).toContain('具体数额和时限：法律法规没有写明');
    expect(tax.answer.match(/没有写明/g)?.length).toBe(1);
  });

  it('says the paperwork and the payout are not stated when the card does not state them', async () => {
    const papers = await ask('What documents do I need to bring to apply for a disability re-assessment?');
    expect(papers.answer).toContain('What documents to bring: the law does not state them');
    // 打到卡上 is "paid into my card", not a typo of 达到.
    const payout = await ask('我老伴的护理费能直接打到我卡上吗 我是伺候他的人');
    expect(payout.answer).toContain('钱发到哪里（哪张卡、能否分次）：法律法规没有写明');
  });

  it('reads 因公牺牲 as its own status, not a martyr’s', async () => {
    const onDuty = await ask(
      '我儿子2022年在部队训练的时候出了意外，部队认定是因公牺牲。我跟他爸都60多了，在农村没收入也干不动活了，我们家能领到哪些钱？',
    );
    expect(onDuty.answer.split('\n')[0]).toContain('一次性抚恤金');
    expect(onDuty.answer.split('\n')[0]).not.toMatch(/^要看条件：烈士的父母/);
  });
});
