import { describe, expect, it } from 'vitest';
import { useCheckedAsk } from '../support/checked-ask.js';

/*
 * Questions about the bureau's record that read like a veteran's or were routed to a card, over the
 * real knowledge/ folder.
 */
const ask = useCheckedAsk();

describe('questions of the bureau’s record', () => {
  it('reads a staff question without any cue word as the record’s, which does not hold a cost per grave', async () => {
    const cost = await ask('烈士墓迁移一座得花多少钱');
    expect(cost.status).toBe('not_found');
    expect(cost.answer).not.toContain('受保护');
    // Control: a veteran's question about the same graves still gets its card.
    const own = await ask('我爸是烈士，没葬在烈士陵园，能迁进去吗');
    expect(own.status).toBe('answered');
    expect(own.answer).toContain('烈士陵园');
  });

  it('counts the places named before the question word ("市州一共有几个"), not the honours', async () => {
    const answer = await ask('全省同时拿到四项表彰的市州一共有几个？');
    expect(answer.answer).toContain('3个');
    // Control: the honours themselves are still counted in 项.
    expect((await ask('省厅表彰了几项工作')).answer).toContain('4项');
  });

  it('reads a total given to martyrs’ families as the record, an own family’s question as a card', async () => {
    const record = await ask('去年9月底看望烈士家属，一共给了多少钱？');
    expect(record.answer).toContain('12000');
    const own = await ask('我是烈士家属，一共能领多少钱');
    expect(own.answer).not.toContain('12000');
    expect(own.answer).toContain('褒扬金');
  });

  it('reads an English rule asked in the present tense as a card’s, the year’s payments as the record’s', async () => {
    const rule = await ask("How much is the one-off commendation payment for a martyr's family?");
    expect(rule.answer).toContain('30 times');
    expect(rule.answer).not.toContain('12000');
    const record = await ask("How much condolence money did martyrs' families get?");
    expect(record.answer).toContain('12000');
  });

  it('answers English questions of the city’s record from the report', async () => {
    const date = await ask(
      "When was the city's veteran resettlement task finished, and how far ahead of schedule?",
    );
    expect(date.language).toBe('en');
    expect(date.answer).toMatch(/August 30/);
    const masked = await ask('What was the total amount of subsidy paid to those nine enterprises?');
    expect(masked.status).toBe('undisclosed');
  });

  it('reads "总结里…" and "去年总体干得咋样" as questions about the report', async () => {
    const problems = await ask('总结里挑毛病那段主要说了啥？');
    expect(problems.status).toBe('answered');
    expect(problems.answer).toMatch(/不够|严峻/);
    const brief = await ask('你就用两三句话跟我说说去年总体干得咋样。');
    expect(brief.status).toBe('answered');
    expect(brief.answer).toContain('工作简报');
  });

  it('reads "demobilized servicemen" as veterans, and a task "finished" as the record', async () => {
    const count = await ask('How many demobilized servicemen did the city resettle in 2022?');
    expect(count.answer).not.toContain('一档');
    const when = await ask('When was the resettlement task finished, and how far ahead of schedule?');
    expect(when.answer).toContain('8月30日');
  });

  it('says the report gives no cause when asked why, instead of a card that shares a word', async () => {
    const why = await ask('安置任务为什么能提前3个月完成？原因是什么？');
    expect(why.status).toBe('not_found');
    expect(why.answer).toContain('没有写原因');
    expect(why.citations[0]?.quote).toContain('提前3个月');
  });

  it('answers what a quoted term means from the passage that names it', async () => {
    const three = await ask('移交安置的“三满意”指的是哪三方满意？');
    expect(three.answer).toContain('接收单位、部队以及安置对象');
    expect(three.answer).not.toContain('确保社会大局和谐稳定');
    // Control: a quoted list still lists its items.
    const seven = await ask('“七个确保”是哪七个');
    expect(seven.answer).toMatch(/^包括：/);
    expect(seven.answer).toContain('确保社会大局和谐稳定');
  });

  it('lists the items that follow the asked words ("着力推进哪些业务")', async () => {
    const list = await ask('2023年提升服务保障质效要着力推进哪些业务？');
    expect(list.answer).toBe('包括：\n· 信访稳定\n· 移交安置\n· 就业创业\n· 抚恤优待\n· 困难帮扶');
  });

  it('checks a figure the asker states, and a sum given out, against the record', async () => {
    expect((await ask('喜报是不是送了265次')).answer).toContain('256');
    expect((await ask('给烈士家属发了多少慰问钱')).answer).toContain('12000');
    // A count of the record no document gives is not answered from the card about it.
    const plaques = await ask('光荣牌挂了多少块');
    expect(plaques.status).toBe('not_found');
  });

  it('reads "全称", "都是啥" and named runs (《…》) as what they ask for', async () => {
    expect((await ask('党建品牌全称')).answer).toContain('党旗引领优服务崇军拥军当先锋');
    expect((await ask('七个确保都是啥')).answer).toMatch(/^包括：\n· 确保社会大局和谐稳定/);
    const films = await ask('看了哪些红色片');
    expect(films.answer).toBe('包括：\n· 村路弯弯\n· 守岛人\n· 英雄若兰');
  });

  it('lists names followed by the kind asked across clauses, not a run of another kind', async () => {
    const campaigns = await ask('2022年开展了哪些主题宣传活动？');
    expect(campaigns.answer).toContain('老兵喜迎二十大，不忘初心跟党走');
    expect(campaigns.answer).toContain('强国复兴有我');
    // “喜报进家门”“鲜花敬英烈”“老兵留光影” are a 红色基因传承工程, not a campaign.
    expect(campaigns.answer).not.toContain('喜报进家门');
    // A name the asker gives is what is asked about: its items, not the names beside it.
    expect((await ask('支部建设对标的“四强”要求是哪四强？')).answer).toContain('政治功能强');
  });

  it('gives no part of a figure the asker restates, only the total with its line', async () => {
    const women = await ask('2022年“最美退役军人”10名中女性有几名？');
    expect(women.status).toBe('not_found');
    expect(women.answer).toMatch(/^总结只写了总数（10名）/);
    expect(women.citations[0]?.quote).toContain('最美退役军人');
    const outside = await ask('网上祭扫达20000余人，其中外地的有多少');
    expect(outside.status).toBe('not_found');
    const english = await ask('Of the 10 Most Beautiful Veterans, how many were women?');
    expect(english.status).toBe('not_found');
    expect(english.answer).toMatch(/^The report gives only the total/);
    // Control: the figure itself, asked with its number, is still answered.
    expect((await ask('最美退役军人评了10名吗，具体多少名')).answer).toContain('10名');
  });

  it('refuses a number in a unit no passage on the topic holds, though asked as policy', async () => {
    expect((await ask('迁移每座散葬烈士墓的补助标准是多少元？')).status).toBe('not_found');
    // 满分 is the score asked, but not the points of a full score the asker already names.
    expect((await ask('双拥工作考核满分具体是多少分？')).status).toBe('not_found');
    expect((await ask('双拥考核得了多少分')).answer).toContain('满分');
    // "哪几项" asks which ones, not how many.
    expect((await ask('红色基因传承工程包括哪几项活动')).answer).toContain('喜报进家门');
  });

  it('gives the rating of the level asked: the city’s retirees’ station, not the county’s office', async () => {
    const city = await ask('市里那个老干部休养总站评上几星了？');
    expect(city.answer).toContain('五星级');
    const english = await ask("What star rating did the city's military retiree service station receive?");
    expect(english.answer).toContain('five-star');
    expect((await ask('县军休所评了几星')).answer).toContain('四星级');
    // No level named: both ratings, each with its line, in the report's order.
    const both = await ask('军休那边去年评上几星了？');
    expect(both.answer).toMatch(/五星级[\s\S]*四星级/);
    expect(both.citations).toHaveLength(2);
  });

  it('finds the one figure whose subject the asker names in the unit asked, wherever it is', async () => {
    // 承诺书签了 is cut 承诺/书签 by the segmenter: no unknown noun.
    const pledges = await ask('反腐败承诺书签了几份？');
    expect(pledges.answer).toContain('14份');
    // A figure of another occasion (9·30) is no answer for 春节.
    expect((await ask('上一年度春节走访慰问困难退役军人，一共发了多少慰问金？')).answer).not.toContain(
      '12000',
    );
  });

  it('says the report does not list what it names only as a whole or a shorthand', async () => {
    const trainings = await ask('“三训一扶”里的“三训”具体指哪三种培训？');
    expect(trainings.status).toBe('not_found');
    expect(trainings.answer).toContain('总结提到“三训一扶”，但没有列出具体是哪几项');
    const lagging = await ask('总结说个别单项工作推进迟缓，具体是哪几项工作？');
    expect(lagging.answer).toMatch(/^总结提到了，但没有列出具体是哪些/);
    expect((await ask('9家企业都是哪些企业')).answer).toMatch(/^总结只写了数量/);
  });

  it('reads 现场 and 擦墓碑 as the report’s 实地 and 擦拭灰尘', async () => {
    const onSite = await ask('清明期间到现场给墓碑擦灰、给碑文描摹填漆的干部群众有多少人次？');
    expect(onSite.answer).toContain('1000余人次');
  });

  it('reads a volunteer’s everyday words for the report’s events', async () => {
    expect((await ask('新入伍的小伙子们走的时候，局里去年给办了几场送行会？')).answer).toContain('5次');
    expect((await ask('局里组织大家看残疾人的文艺表演，看了几回？')).answer).toContain('3次');
    const lesson = await ask('老兵退伍回老家上“第一堂课”的那个试点，得到过谁的表扬？');
    expect(lesson.citations.some((c) => c.quote.includes('返乡第一课'))).toBe(true);
  });

  it('checks a claim the asker heard against the record (我听说…，准确吗)', async () => {
    const claim = await ask('我听说去年我们市的安置任务是全省第二个完成的，准确吗？');
    expect(claim.citations[0]?.doc).toBe('2022-work-summary.txt');
    expect(claim.citations.some((c) => c.quote.includes('率先'))).toBe(true);
  });

  it('says what the report leaves out: how cases were handled, a judgement, a shorthand in digits', async () => {
    const handled = await ask('化解的那几起重复访，最后是怎么处理的？信访人满意吗？');
    expect(handled.status).toBe('not_found');
    expect(handled.answer).toContain('没有写具体做法');
    const opinion = await ask('你觉得“返乡第一课”试点值不值得在全省全面推开？');
    expect(opinion.status).toBe('not_found');
    expect(opinion.answer).toContain('没有对此作评价');
    const motto = await ask('党组议事民主集中制的16字方针具体是哪16个字？');
    expect(motto.answer).toContain('总结提到“16字方针”，但没有列出');
    // "那几个百分比指标" points at the targets; it does not ask for a count.
    expect((await ask('七个确保里那几个百分比指标是啥')).answer).toContain('85%');
  });

  it('reads "how much … subsidy" in English as money, not the count of firms', async () => {
    const subsidy = await ask('How much start-up subsidy did the nine enterprises receive in total?');
    expect(subsidy.status).toBe('undisclosed');
  });

  it('reads 军转安置 as the year’s handover and placement task', async () => {
    expect((await ask('去年军转安置是几号干完的？')).answer).toContain('8月30日');
    // A policy question about it still goes to the cards.
    expect((await ask('军转干部安置有什么政策')).citations.every((c) => c.doc.startsWith('laws/'))).toBe(
      true,
    );
  });

  it('reads an English question on what was recognised and promoted as the record', async () => {
    const pilot = await ask(
      'Which pilot programme for returning veterans was recognised and promoted nationwide?',
    );
    expect(pilot.language).toBe('en');
    expect(pilot.answer).toContain('返乡第一课');
  });

  it('reads an English count of people in the city as the record, which no card answers', async () => {
    const total = await ask('How many veterans live in the city in total?');
    expect(total.status).toBe('not_found');
    // A veteran in the city asking about their own fare still gets the card.
    expect((await ask('I live in the city, can I ride the bus free?')).status).toBe('answered');
  });

  it('answers a count only from a clause on the asked topic, not a number elsewhere in the passage', async () => {
    expect((await ask('逐月领取退役金的人员全市有多少？')).status).toBe('not_found');
    // Targets asked all at once are still answered.
    expect((await ask('领导要看：2023年几个量化目标分别是多少')).answer).toMatch(/85[%％]/);
  });

  it('says the report stops at a nomination, names no section in charge and no one’s education', async () => {
    const outcome = await ask('推荐到省里的2名“最美退役军人”候选人最后当选了吗？');
    expect(outcome.status).toBe('not_found');
    expect(outcome.answer).toContain('没有写最后的结果');
    const section = await ask('2023年“训后推荐就业率达85％”这项指标由哪个科室牵头？');
    expect(section.answer).toContain('没有写由哪个科室或部门牵头');
    const degree = await ask('引进的那名高学历人才是什么学历、安排在哪个科室？');
    expect(degree.answer).toContain('没有写这些人的学历');
    // Control: the indicator itself is still answered.
    expect((await ask('2023年训后推荐就业率的目标是多少')).answer).toContain('85%');
  });

  it('says the report counts something else: the chosen, not applicants; people, not places', async () => {
    const applied = await ask('2022年“最美退役军人”评选一共有多少人报名参评？');
    expect(applied.status).toBe('not_found');
    expect(applied.answer).toMatch(/^总结写的是最后评选或录用的人数/);
    const stations = await ask('全市退役军人服务站一共有多少个？');
    expect(stations.status).toBe('not_found');
    expect((await ask('最美退役军人评了几个')).answer).toContain('10名');
  });

  it('says the report gives no theme where its clause names none in quotes', async () => {
    const lecture = await ask('党组书记上的那堂廉政党课主题是什么，什么时候上的？');
    expect(lecture.status).toBe('not_found');
    expect(lecture.answer).toContain('没有写它的主题或题目');
    expect((await ask('老兵喜迎二十大系列宣传活动的主题是什么')).answer).toContain('不忘初心跟党走');
  });

  it('reads an English "did … receive / hold" question about others as the record', async () => {
    const ratings = await ask("What star ratings did the retirees' service centres receive?");
    expect(ratings.answer).toContain('five-star');
    expect(ratings.answer).toContain('four-star');
    // The asker's own case stays a benefits question.
    expect(
      (await ask('Did I receive my pension on time?')).citations.every((c) => c.doc.startsWith('laws/')),
    ).toBe(true);
  });

  it('does not name people or a district the report does not', async () => {
    expect((await ask('最美退役军人都叫什么名字')).status).toBe('not_found');
    expect((await ask('最美老兵那10个人都叫什么？')).status).toBe('not_found');
    const district = await ask('城区有几个示范服务站');
    expect(district.status).toBe('not_found');
    expect(district.answer).toContain('城区');
  });

  it('lists items that stand right before the asked word ("元旦、端午、春节等节假日")', async () => {
    const holidays = await ask('哪些节假日搞警示教育');
    expect(holidays.answer).toBe('包括：\n· 元旦\n· 端午\n· 春节');
    expect(holidays.citations[0]?.quote).toContain('元旦、端午、春节等节假');
  });

  it('says the report counts the places but does not name them, and no card answers instead', async () => {
    for (const question of [
      '全省拿到四项表彰的另外两个市州是哪两个',
      '除了我们，另外拿满四项表彰的两个市州是哪两个？',
    ]) {
      const which = await ask(question);
      expect(which.status, question).toBe('not_found');
      expect(which.answer, question).toBe('总结只写了数量，没有列出具体是哪些，我不作猜测。');
      expect(which.citations[0]?.quote, question).toContain('市州仅3个');
    }
  });

  it('reads a question the bureau’s own people ask as the record, whoever they say they are', async () => {
    const retired = await ask(
      '我是局里退休的老同志，记得去年九月底局里组织过一次走访烈士亲属的活动，想请教一下当时一共走访慰问了几位烈士遗属？',
    );
    expect(retired.answer).toContain('6名');
    const deputy = await ask('作为人大代表我想了解，2022年清明祭英烈活动中网上祭扫的参与人数达到了多少？');
    expect(deputy.answer).toContain('20000');
    // Control: a veteran's own question stays a benefits answer.
    const own = await ask('我是烈士家属，能到烈士陵园祭扫吗？');
    expect(own.answer).not.toContain('20000');
  });

  it('reads the month or the months asked of a dated record, not its masked count', async () => {
    expect((await ask('2022年安置任务提前了几个月完成？')).answer).toContain('3个月');
    expect((await ask('退伍兵安置去年几月份就弄完了？')).answer).toContain('8月30日');
  });

  it('finds the problems section when the question names the year every passage shares', async () => {
    const answer = await ask('报告列出的2022年工作存在哪些问题和不足？');
    expect(answer.status).toBe('answered');
    expect(answer.answer).toContain('信访稳定形势依然严峻');
  });

  it('does not give a masked figure of another fund for the one asked (优抚资金 is not 奖补资金)', async () => {
    const answer = await ask('2022年优抚资金一共发放了多少钱？');
    expect(answer.answer).not.toContain('奖补资金');
    // Control: the masked fund named as such is undisclosed.
    expect((await ask('9家企业的奖补资金多少')).status).toBe('undisclosed');
  });

  it('does not offer passages that share only everyday words with a count the report never gives', async () => {
    const answer = await ask('局里去年一共帮多少个退役军人找到了工作？');
    expect(answer.status).toBe('not_found');
    // Control: a count the report gives, asked in the same shape.
    expect((await ask('局里去年一共送了多少次喜报？')).answer).toContain('256');
  });

  it('says the report compares with no other city, and names none of the enterprises it counts', async () => {
    const compared = await ask('跟邻市比，我们的就业培训做得怎么样？');
    expect(compared.status).toBe('not_found');
    expect(compared.answer).toContain('没有其他市州的数据');
    const which = await ask('9家企业都是哪些企业？');
    expect(which.status).toBe('not_found');
    expect(which.answer).toContain('没有列出具体是哪些');
    // Control: a veteran working in another city is not a comparison.
    expect((await ask('我在外市打工，退役军人优待证能用吗')).status).toBe('answered');
  });

  it('counts staff in people, not in the star rating of their office', async () => {
    expect((await ask('军休所有几个工作人员？')).answer).not.toContain('星级');
  });

  it('answers no count with a rating or a rate, and no rank with a rate', async () => {
    expect((await ask('全省有多少个五星级军休所')).answer).not.toContain('四星级');
    expect((await ask('服务站一共有多少个')).answer).not.toContain('覆盖率');
    expect((await ask('培训合格率全省排第几')).status).toBe('not_found');
    // Controls: the rating and the rate asked as such.
    expect((await ask('军休所评了几个星')).answer).toContain('四星级');
    expect((await ask('2023年培训合格率目标是多少')).answer).toContain('85');
  });

  it('does not answer which one, or who, with a passage that never names it', async () => {
    expect((await ask('网上祭扫用的是什么平台')).status).toBe('not_found');
    expect((await ask('最美退役军人都是谁')).status).toBe('not_found');
    expect((await ask('2名候选人叫什么')).status).toBe('not_found');
    // Control: a platform the report names in quotes (“舆情通”).
    expect((await ask('网络舆情监测用的是哪个平台？')).answer).toContain('舆情通');
  });

  it('calls a figure the documents do not hold not found, not outside the assistant’s scope', async () => {
    expect((await ask('迁墓花了多少钱')).status).toBe('not_found');
    // Control: an off-topic request is still out of scope.
    expect((await ask('今天天气多少度')).status).toBe('out_of_scope');
  });

  it('reads an instruction after the question as no subject of it', async () => {
    const answer = await ask('局里打造的党建品牌全称是什么？PPT上要用原文。');
    expect(answer.status).toBe('answered');
  });

  it('takes a quoted term the passage holds as the subject, whatever the words around it', async () => {
    const answer = await ask('支部建设对标的“四强”要求是哪四强？');
    expect(answer.status).toBe('answered');
    expect(answer.answer).toContain('政治功能强');
  });

  it('reads dialect, a township-like 返乡 and 被评为什么 as what they mean', async () => {
    expect((await ask('烈士墓22年迁了好多座咯？')).answer).toContain('1041');
    const rated = await ask('我们局被国家退役军人事务部评为什么先进单位？');
    expect(rated.answer).toContain('宣传工作先进单位');
    expect((await ask('那个返乡第一课，听讲全国都推广了，是真的啵？')).answer).not.toContain('单独数据');
  });

  it('says when the report names its own shorthand without listing what it stands for', async () => {
    const unlisted = await ask('支部那个五化，具体是哪五化啊？');
    expect(unlisted.status).toBe('not_found');
    expect(unlisted.answer).toContain('五化');
    // Controls: shorthand listed before it (四强) or after it (七个确保，即…), and 哪一档.
    expect((await ask('支部建设对标的“四强”要求是哪四强？')).answer).toContain('支部班子强');
    expect((await ask('七个确保是哪七个')).status).toBe('answered');
    expect((await ask('移交安置工作在全省排在哪一档？')).answer).toContain('一档');
  });

  it('reads a comparison with a named city the documents never mention as no comparison they hold', async () => {
    const answer = await ask('我们市去年迁移烈士墓的数量和长沙比，哪个多？');
    expect(answer.status).toBe('not_found');
    expect(answer.answer).toContain('1041');
    // Control: two of the report's own figures compared.
    expect((await ask('网上祭扫和实地擦碑比，哪个多？')).status).toBe('answered');
  });

  it('reads an English question about what was handed out or visited as the record', async () => {
    const answer = await ask(
      "How much condolence money was handed out during the September 30 Martyrs' Day activities?",
    );
    expect(answer.language).toBe('en');
    expect(answer.answer).toContain('12000');
    // Control: a veteran's present-tense question stays a benefits answer.
    expect((await ask("How much is the one-off pension for a martyr's family?")).answer).not.toContain(
      '12000',
    );
  });

  it('names a year it does not hold as the asker wrote it, not as a number they never wrote', async () => {
    const answer = await ask('今年省厅表彰了几项重点工作？');
    expect(answer.answer).not.toContain('2023');
  });

  it('does not give one occasion’s figure for another occasion', async () => {
    const spring = await ask('上一年度春节走访慰问困难退役军人，一共发了多少慰问金？');
    expect(spring.answer).not.toContain('12000');
    // Control: the occasion the figure belongs to.
    expect((await ask('9·30走访烈士遗属发了多少慰问金')).answer).toContain('12000');
  });

  it('answers English questions for a date or an amount spent as such', async () => {
    expect((await ask('When was the resettlement task completed?')).answer).toContain('August 30');
    // No indicator in another unit stands in for money spent.
    expect((await ask("How much was spent on veterans' services in 2022?")).status).toBe('not_found');
  });

  it('says the report gives no method when asked how a result was achieved', async () => {
    const how = await ask('安置任务是怎么做到提前完成的？');
    expect(how.status).toBe('not_found');
    expect(how.answer).toContain('没有写具体做法');
    // Control: what an activity did is described, so it is answered.
    expect((await ask('清明祭英烈活动是怎么开展的？')).status).toBe('answered');
  });

  it('says the report does not give where an event was held', async () => {
    const where = await ask('新兵欢送仪式是在哪里举办的？');
    expect(where.status).toBe('not_found');
    expect(where.answer).toContain('没有写在哪里举办');
    // Controls: where a veteran goes is still answered, and so is the law's welcome ceremony.
    expect((await ask('退伍了优待证在哪领？')).status).toBe('answered');
    expect((await ask('接收退役军人要举行迎接仪式吗')).status).toBe('answered');
  });

  it('reads a count the report states as none (保持零记录) as answered, with the record', async () => {
    const count = await ask('2022年退役军人赴省进京非访有多少起？');
    expect(count.status).toBe('answered');
    expect(count.answer).toContain('零记录');
    const rumour = await ask('听讲去年有退伍兵跑到北京去上访，有冇这回事？');
    expect(rumour.answer).toContain('零记录');
  });

  it('answers an English question about "the report" from the report, not from a card', async () => {
    const answer = await ask('What shortcomings or problems does the 2022 work summary identify?');
    expect(answer.language).toBe('en');
    expect(answer.answer).toContain('主动担当奉献精神不够');
    expect(answer.answer).toContain('信访稳定形势依然严峻');
  });

  it('says the report names no place when asked which county, school or cemetery', async () => {
    for (const question of [
      '迁移的1041座烈士墓分布在哪些区县？哪个县迁得最多？',
      '“返乡第一课”是在哪个乡镇、哪所学校试点的？',
      '6名烈士遗属都住在哪？',
    ]) {
      const answer = await ask(question);
      expect(answer.status, question).toBe('not_found');
      expect(answer.answer, question).toContain('没有写具体是哪个地方');
    }
    // Control: a masked place is undisclosed, not absent.
    expect((await ask('四星军休所是哪个县的')).status).toBe('undisclosed');
  });

  it('reads a question quoting the record’s own figure as the record’s, not a card’s', async () => {
    const perHousehold = await ask('发放慰问金12000元，每户多少？');
    expect(perHousehold.status).toBe('not_found');
    expect(perHousehold.answer).toContain('每户');
    const how = await ask('“最美退役军人”是按什么标准、怎么打分评出来的？');
    expect(how.status).toBe('not_found');
    expect(how.answer).toContain('没有写具体做法');
  });

  it('lists what the report says on a line of work a new section chief names', async () => {
    const answer = await ask('我刚接手权益维护科，报告里信访维权这块写了哪些内容？');
    expect(answer.status).toBe('answered');
    expect(answer.answer).toContain('稳居全省市州前列');
    expect(answer.answer).toContain('信访稳定形势依然严峻');
    expect(answer.citations.length).toBeGreaterThanOrEqual(2);
    // Control: a specific thing asked of the topic gets that thing, not every mention.
    const risks = await ask('信访方面有哪些新的风险隐患');
    expect(risks.answer).toContain('风险隐患');
    expect(risks.answer).not.toContain('稳居全省市州前列');
  });

  it('reads the bureau’s own words (局机关, 本年度, 名次, 领导干部) as no unknown subject', async () => {
    expect((await ask('局机关党总支下面现在配齐了几个支部班子？')).answer).toContain('4个');
    expect((await ask('2022年移交安置工作在全省是什么名次？')).answer).toContain('一档');
    expect((await ask('治理领导干部违规收红包、送礼金那项工作，签了多少份承诺书？')).answer).toContain(
      '14份',
    );
  });

  it('keeps a count of people the report never gives not found, and a policy question a card’s', async () => {
    expect((await ask('就业多少人')).status).toBe('not_found');
    const policy = await ask('军转干部安置有什么政策');
    expect(policy.answer).not.toContain('工作总结');
    expect(policy.answer).toContain('军转干部');
  });

  it('says the report ranks in bands when an exact place is asked, and counts are no ranks', async () => {
    const exact = await ask('移交安置工作在全省具体排第几名？');
    expect(exact.status).toBe('not_found');
    expect(exact.answer).toContain('一档');
    // Control: a rank asked plainly gets the band.
    expect((await ask('移交安置工作全省排第几')).answer).toContain('一档');
  });

  it('reads 本年度 as the year the summary reports on, and a total of veterans it never gives as not found', async () => {
    const answer = await ask('本年度发展预备党员和引进高学历人才各几名？');
    expect(answer.answer).toContain('发展1名预备党员');
    expect(answer.answer).not.toContain('2023');
    expect((await ask('2022年全市一共有多少名退役军人？')).status).toBe('not_found');
  });

  it('says the report gives no total over every kind, and names no place of what was done', async () => {
    const total = await ask('2022年局里各类培训加起来一共培训了多少人次？');
    expect(total.status).toBe('not_found');
    expect(total.answer).toContain('没有给出合计数');
    // Control: 全部四项 is the honours asked of, not every kind of training.
    expect((await ask('全省获得全部四项表彰的市州一共有几个？')).answer).toContain('3个');
    const cemetery = await ask('集中迁移的散葬烈士墓迁到了哪个烈士陵园？');
    expect(cemetery.status).toBe('not_found');
    // Control: where martyrs are buried is the law's card.
    expect((await ask('烈士安葬在哪个陵园')).answer).toContain('烈士陵园安葬');
  });

  it('names in English the asked terms an English reader finds in the Chinese quote', async () => {
    const answer = await ask(
      "Did the bureau's double-support (military-civilian) work get full marks in the 2022 assessment?",
    );
    expect(answer.language).toBe('en');
    expect(answer.answer).toContain('双拥工作考核得分为满分');
    expect(answer.answer).toMatch(/Terms:.*满分 \(full marks\)/);
  });

  it('reads a reporter’s and a family’s words about the record (几多, 好多…钱, 那阵子, 俺们村)', async () => {
    const money = await ask('九三零那阵子去看烈士家属，一共给了好多慰问钱？');
    expect(money.answer).toContain('12000');
    expect((await ask('局里去年办招聘会，帮咱这边的退伍兵找到工作的有几多人？')).status).toBe('not_found');
    expect((await ask('局里评的那10个最美退伍军人，都是哪些人？有没有俺们村的？')).status).toBe('not_found');
  });

  it('says where a meeting was held or who signed is not given, a date being no place', async () => {
    const where = await ask('1月17日的全省退役军人事务局长会是在哪里开的？哪位省领导出席了？');
    expect(where.status).toBe('not_found');
    expect((await ask('整治红包礼金签订的14份承诺书，分别是哪些人签的？')).status).toBe('not_found');
    // Control: which kinds of people a rule covers is no list of names.
    expect((await ask('烈士褒扬金是多少？发给家里哪些人？')).status).toBe('answered');
  });

  it('answers how the ministry rated a named work, which is no question of method', async () => {
    const rated = await ask('帮退伍兵找工作的“三训一扶”，部里是咋个评价的？');
    expect(rated.status).toBe('answered');
    expect(rated.answer).toContain('推介');
  });

  it('lists every honour of the year, the provincial commendations among them', async () => {
    const answer = await ask('2022年局里拿到了哪些荣誉和表彰？');
    expect(answer.answer).toContain('2022年的主要荣誉和成绩');
    expect(answer.answer).toContain('全部四项表彰');
    expect(answer.answer).toContain('五星级');
  });

  it('says there is no comparison with a year the documents do not hold', async () => {
    const answer = await ask('2022年迁坟比2021年多了多少座');
    expect(answer.status).toBe('not_found');
    expect(answer.answer).toContain('无法比较');
    expect(answer.answer).toContain('1041');
  });

  it('reads a standing in the province (在全省处于什么位置, 第一个完成) as the record, not an address', async () => {
    const standing = await ask('8月30日局里提前完成的是哪一项任务？在全省处于什么位置？');
    expect(standing.status).toBe('answered');
    expect(standing.answer).toContain('率先');
    const first = await ask('2022年的移交安置任务，我们市在全省是不是第一个完成的？');
    expect(first.answer).toContain('率先');
    // Control: where the bureau is stays a question of its address.
    expect((await ask('退役军人事务局在什么位置')).answer).toContain('地址');
  });

  it('finds a count written in characters, a checked round number, and what the ministry promoted', async () => {
    expect((await ask('“我为群众办实事”去年继续开展了几大主题实践活动？')).answer).toContain('三大');
    expect((await ask('送喜报是不是两百五十多次？准确数字是多少？')).answer).toContain('256次');
    expect((await ask('部里推广了我们哪条帮老兵就业创业的经验？')).answer).toContain('三训一扶');
    // Control: a count no passage gives in any writing stays not found.
    expect((await ask('2022年一共发放了多少张优待证？')).status).toBe('not_found');
  });

  it('answers no question about veterans in general with a figure of a narrower kind of them', async () => {
    expect((await ask('“返乡第一课”去年上了几堂？来了多少退伍兵？')).answer).not.toContain('最美');
    // Control: the narrower kind asked by name.
    expect((await ask('去年评了多少个最美退役军人')).answer).toContain('10名');
  });

  it('keeps 二十大 a name, says which enterprises the report does not name, and which year it lacks', async () => {
    expect((await ask('党的二十大精神学习，按什么频次组织？')).answer).toContain('每月1次');
    const which = await ask('拿到奖补资金的9家企业都是哪几家？');
    expect(which.status).toBe('not_found');
    expect(which.answer).toContain('没有列出具体是哪些');
    const compared = await ask('给烈属的慰问金，去年比前年多了还是少了？');
    expect(compared.status).toBe('not_found');
    expect(compared.answer).toContain('没有“前年”');
    expect((await ask('老兵开的公司去年有几家领到了补贴？')).answer).not.toContain('优待证');
  });

  it('counts families asked in 家 by the people the report counts in 名', async () => {
    expect((await ask('烈士纪念日那会儿局里看了几家烈属？')).answer).toContain('6名');
  });

  it('reads 烈士纪念日 as the report’s 9·30', async () => {
    expect((await ask('烈士纪念日那会儿局里看了烈属一共给了多少钱')).answer).toContain('12000');
  });

  it('takes no count the asker states (四个奖) for the subject of a figure (四个季度)', async () => {
    expect((await ask('四个奖全拿的市州几个')).answer).toContain('3个');
  });

  it('reads 县里 as the county the report names, and when something was finished as the record', async () => {
    expect((await ask('县里的军休所评上了几星级？')).answer).toContain('四星级');
    expect((await ask('安置任务啥时候弄完的')).answer).toContain('8月30日');
  });

  it('answers a range asked beside a masked count with the range, and a finish date with the date', async () => {
    const range = await ask('纳入示范型创建的基层服务站，是退役军人人数在什么区间的站？');
    expect(range.status).toBe('answered');
    expect(range.answer.split('\n')[0]).toBe('范围：100－299名。');
    // The count itself stays undisclosed.
    expect((await ask('纳入示范型创建的基层服务站有多少家？')).status).toBe('undisclosed');
    expect((await ask('安置任务啥时候弄完的')).answer.split('\n')[0]).toBe('日期：8月30日。');
  });

  it('says what a total, a share or a count the report does not give is, with the figure it does give', async () => {
    const total = await ask('清明网上祭扫加上现场描碑填漆，一共多少人参与？');
    expect(total.status).toBe('not_found');
    expect(total.answer).toContain('没有给出合计数');
    expect((await ask('集中迁移的1041座散葬烈士墓，占全市散葬烈士墓总数的几成？')).status).toBe('not_found');
    const share = await ask('创业奖补资金占全年就业创业总经费的百分之多少？');
    expect(share.status).toBe('not_found');
    expect(share.answer).toContain('总结写的是占省厅同类资金总额的比例');
    expect((await ask('争取的资金占省厅同类资金总额的百分之多少？')).status).toBe('undisclosed');
    const posts = await ask('去年的就业招聘活动一共提供了多少个岗位？');
    expect(posts.status).toBe('not_found');
    expect(posts.answer).toContain('没有写岗位的个数');
    expect((await ask('去年选出来几个最美老兵？')).answer).toContain('10名');
  });

  it('reads "what rating did … receive" as a star rating, and "for comparison with" as a comparison', async () => {
    expect(
      (await ask("What rating did the city's service station for retired military cadres receive?")).answer,
    ).toContain('five-star');
    const compared = await ask("How many martyrs' graves were relocated in 2021, for comparison with 2022?");
    expect(compared.status).toBe('not_found');
    expect(compared.answer).toContain('no figures for 2021');
    expect((await ask('2021年迁了多少座烈士墓，跟2022年比一下')).status).toBe('not_found');
  });

  it('lists the honours of the bureau and its units, and reads 上头发的 as the higher-ups', async () => {
    const honours = await ask('请列出局里和下属单位2022年获得的各项荣誉和肯定。');
    expect(honours.status).toBe('answered');
    expect(honours.answer).toContain('五星级');
    const card = await ask('上头发的那个退役军人优待证，去年咱们局办得咋样，有没有受表扬？');
    expect(card.answer).toContain('优待证申领制发工作先进单位');
  });

  it('holds no actual for the target year, and no other number than the one the asker states', async () => {
    const actual = await ask('2023年计划分配安置率最后实际完成了多少？');
    expect(actual.status).toBe('not_found');
    expect(actual.answer).toContain('没有2023年“计划分配安置率”的数据');
    expect((await ask('去年培训合格率实际达到多少？跟今年定的目标比怎么样？')).status).toBe('undisclosed');
    const classes = await ask(
      '报告有没有写2023年为了让训后推荐就业率达到85%，具体要办几期培训班、培训多少人？',
    );
    expect(classes.status).toBe('not_found');
    expect(classes.answer).toContain('只有您提到的数字（85%）');
    expect((await ask('省厅表彰的四项重点工作，我局拿了几项？')).status).toBe('answered');
  });

  it('reads "你们…了几位" as what the bureau did, "你们…给我" as the asker’s own case', async () => {
    expect((await ask('九月底那阵子，你们上门看望了几位烈士家属？')).answer).toContain('6名');
    expect((await ask('你们给我家烈属发了多少钱')).answer).not.toContain('6名');
  });

  it('knows a masked sum by a name the tokenizer splits (奖补 of 奖补资金)', async () => {
    const answer = await ask('那9家企业的奖补一共多少钱？');
    expect(answer.status).toBe('undisclosed');
    expect(answer.answer).toContain('未公开');
  });

  it('takes the bureau named in a telling clause as the record’s question ("局机关…，叫什么")', async () => {
    const brand = await ask('局机关搞的那个党建品牌，叫什么名字？');
    expect(brand.answer).toContain('党旗引领优服务崇军拥军当先锋');
    expect(brand.citations[0]?.doc).toBe('2022-work-summary.txt');
  });

  it('reads a staff member’s introduction (调过来, 准备材料) as no part of what is asked', async () => {
    const graves = await ask('我刚从别的局调过来，想核对个数：2022年集中迁移了多少座散葬烈士墓？');
    expect(graves.answer).toContain('1041');
    const honours = await ask('我在准备汇报材料，2022年局里得了哪些上级表彰？');
    expect(honours.answer).toContain('四星级');
  });

  it('says the report gives only the total when a kind within it is asked (“里面有几个女兵”)', async () => {
    const women = await ask('去年评出的最美退役军人里面有几个女同志？');
    expect(women.status).toBe('not_found');
    expect(women.answer).toContain('总结只写了总数（10名）');
  });

  it('answers two figures asked with a space between them, each on its own', async () => {
    const answer = await ask('9月30日看望了几名烈属 发了多少慰问金');
    expect(answer.answer).toContain('6名');
    expect(answer.answer).toContain('12000');
  });

  it('reads 辖区 as no place name and a plan for a year the reports do not cover as not found', async () => {
    expect((await ask('示范型创建的服务站，辖区里有多少家？')).answer).not.toContain('单独数据');
    expect((await ask('2024年局里有哪些工作目标？')).status).toBe('not_found');
  });

  it('quotes the clause of the masked figure asked, not the first masked clause of its sentence', async () => {
    const answer = await ask('2022年调动了多少名事业编制人员？');
    expect(answer.status).toBe('undisclosed');
    expect(answer.citations[0]?.quote).toContain('事业编制人员');
  });

  it('does not take one line’s 满分 for the score of another line of work', async () => {
    expect((await ask('移交安置工作在省考中得了几分？')).status).toBe('not_found');
  });

  it('says the report only counts what is asked by name ("9家企业是哪几家", "分别是哪几位")', async () => {
    const firms = await ask('拿到奖补的那9家企业都是哪几家？');
    expect(firms.status).toBe('not_found');
    expect(firms.answer).toContain('没有列出');
    expect((await ask('评出的10名最美退役军人分别是哪几位？')).status).toBe('not_found');
  });

  it('says how many applied is not given where the report states only those taken on (引进1名)', async () => {
    const applied = await ask('引进高学历人才那次，报名的有多少人？');
    expect(applied.status).toBe('not_found');
    expect(applied.answer).toContain('没有写报名或参评的人数');
  });

  it('does not answer a satisfaction rate with an awareness rate the report masks', async () => {
    const satisfied = await ask('退役军人对就业培训的满意度有多少？');
    expect(satisfied.status).toBe('not_found');
    expect(satisfied.answer).not.toContain('知晓率');
  });

  it('reads "did the city secure…" in English as the record’s question, not a card’s', async () => {
    const funds = await ask('What share of similar provincial funds did the city secure?');
    expect(funds.citations[0]?.doc).toBe('2022-work-summary.txt');
  });

  it('lists the films for "哪几部", and not films for a base asked by name', async () => {
    const films = await ask('去年组织看的红色教育片是哪几部？');
    expect(films.answer).toContain('· 守岛人');
    const base = await ask('党员去参观的爱国主义教育基地是哪一个？');
    expect(base.answer).not.toContain('· 守岛人');
  });

  it('dates the deed asked ("哪一天…完成的"), not a sentence that only shares other words', async () => {
    const done = await ask('作为前任局长我想确认：2022年安置任务是哪一天全部完成的？');
    expect(done.answer).toContain('8月30日');
  });

  it('does not offer another occasion’s money (9·30) for a Spring Festival amount', async () => {
    expect((await ask('过年给退伍兵的慰问金一般是多少？')).status).toBe('not_found');
  });

  it('says the report gives no method when asked what was done to achieve a result', async () => {
    const how = await ask('移交安置能提前完成，采取了哪些措施？');
    expect(how.status).toBe('not_found');
    expect(how.answer).toContain('没有写具体做法');
  });

  it('reads "有多少名…的站" as asking the range the report gives', async () => {
    const size = await ask('被纳入示范型创建的基层服务站，是按有多少名退役军人的规模划的？');
    expect(size.status).toBe('answered');
    expect(size.answer).toMatch(/^范围：100－299名/);
  });

  it('says how long the work took is not stated, nor each one’s share of a masked total', async () => {
    const took = await ask('移交安置任务从开始到完成用了多久？');
    expect(took.status).toBe('not_found');
    expect(took.answer).toContain('没有写用了多长时间');
    const each = await ask('那9家企业各自拿到多少奖补资金？');
    expect(each.status).toBe('not_found');
    expect(each.answer).toContain('总数也未公开');
  });

  it('in English too: applicants, another rate and how long it took are not given', async () => {
    const applied = await ask('How many people applied to be a "most beautiful veteran"?');
    expect(applied.status).toBe('not_found');
    const satisfied = await ask('What was the satisfaction rate with the service stations?');
    expect(satisfied.status).toBe('not_found');
    const took = await ask('How long did the placement task take?');
    expect(took.status).toBe('not_found');
    expect(took.answer).toContain('not how long it took');
  });

  it('keeps a question on the reports’ year and a total of the bureau’s work with the reports', async () => {
    expect((await ask('2022年化解的重复访，当事人是否都签了息访罢诉承诺？')).status).toBe('not_found');
    const visits = await ask('去年过年过节，局里上门慰问我们普通老兵一共走访了多少户？');
    expect(visits.status).toBe('not_found');
    expect(visits.answer).not.toContain('光荣牌');
  });

  it('finds the placement task asked in English, and after a deputy introduces themself with a colon', async () => {
    for (const q of [
      "How many veterans were covered by the city's 2022 placement task?",
      'How many demobilized servicemen did the city resettle in 2022?',
      '人大代表想核实：2022年全市一共安置了多少名退役军人？',
    ])
      expect((await ask(q)).status, q).toBe('undisclosed');
  });

  it('reads every colloquial word of a question (军休总站的老干部), asks a share in 百分比, and gives no rating for a rise', async () => {
    expect((await ask('军休总站的老干部那边，评了几颗星？')).answer).toContain('五星级');
    const share = await ask('争取到的资金占省厅同类资金总额的百分比是多少？');
    expect(share.status).toBe('undisclosed');
    expect(share.answer).toContain('占省厅同类资金总额的**％以上');
    expect((await ask('军休所的老干部去年待遇涨了多少？')).answer).not.toContain('星级');
    expect((await ask('市军休总站和县军休所的星级分别是多少？')).answer).toMatch(/五星级[\s\S]*四星级/);
  });

  it('offers no passage for a count of a thing no number in it counts', async () => {
    expect((await ask('去年局里纪律作风明察暗访一共查出多少个问题？')).status).toBe('not_found');
    expect((await ask('化解矛盾问题多少个？')).status).toBe('undisclosed');
    expect((await ask('党组议事执行的民主集中制方针是多少个字的？')).answer).toContain('16字方针');
  });
});
