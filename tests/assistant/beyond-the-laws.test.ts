import { describe, expect, it } from 'vitest';
import { beyondTheLaws } from '../../src/assistant/benefits/beyond-the-laws.js';
import { useCheckedAsk } from '../support/checked-ask.js';

/*
 * What the four laws do not govern (another country's benefits, life abroad, private loans, divorce
 * property) is said plainly instead of answered with whichever card shares a word.
 */
describe('beyondTheLaws', () => {
  it.each([
    ['I served in the Chinese army and now live in the US. Can I get US VA benefits?', 'abroad'],
    ['我移民加拿大了，加拿大政府给不给老兵待遇', 'abroad'],
    ['战友借了我两万块钱一直不还，局里能帮我要回来吗', 'loan'],
    ['我退伍后跟老婆离婚了，退役金她能分一半吗', 'divorce'],
    ['退役军人出国旅游 要不要去退役军人事务局报批', 'abroad'],
    ['我跟邻居因为宅基地吵起来了，我是退伍军人，能不能优先判给我', 'land'],
    ['村里年底分红，退伍兵能不能多分一份', 'dividend'],
    ['在部队考的军队驾驶证，退伍了能换地方驾照吗', 'driving licence'],
    ['退伍后能去国外工作吗', 'abroad'],
    ['我的退伍费被老婆拿走了怎么办', 'taken by a relative'],
    ['退役金可以贷款抵押吗', 'collateral'],
    ['退伍军人去超市买东西能打折吗', 'a shop discount'],
    ['Do veterans get a discount on their phone bill?', 'a phone bill discount'],
    ['我买了商业意外险，保险公司说旧伤复发不给赔，合理吗', 'a commercial insurer'],
    ['Do veterans get a discount on property tax for their home?', 'property tax'],
    ["I'm the foreign wife of a Chinese soldier. Can I get citizenship faster?", 'nationality'],
    ['我老婆是外国人，能不能因为我当兵快点入籍', 'nationality'],
    ['我那个退伍证搬家弄丢了 咋补办', 'a lost certificate'],
    ['我退伍后跟前女友有点经济纠纷，她不还钱，退役军人事务局能帮我要回来吗', 'a private money dispute'],
    ['I lost my veteran preferential card, how do I get a new one?', 'a lost card'],
    ['拿优待证去银行办信用卡 有没有啥优惠', 'a bank’s own discount'],
    ['房东要把我赶出去，我是退伍军人，他是不是就不能赶我了？', 'a landlord'],
    ['我们市的优抚医院 具体在哪个位置', 'a hospital’s location'],
    ['我是残疾军人 退伍以后忘了去办抚恤关系转移 都过了半年了 之前没领的残疾金还能补发不', 'back pay'],
    ['义务兵在部队往家打电话要钱吗', 'phone calls'],
    ['My landlord wants to evict me. Does being a veteran protect me?', 'an eviction'],
  ])('%s is outside the laws (%s)', (question) => {
    expect(beyondTheLaws(question)).toBeDefined();
  });

  it.each([
    'Can you help us? We live in a village.',
    '打过日本鬼子的老兵有什么待遇',
    '退伍了想创业，能借钱吗',
    '我老婆是美国人，她能享受军属待遇吗',
    '境外的烈士纪念设施谁来保护',
    '退伍军人住房困难，能优先分到保障房吗',
    '退伍了创业能申请担保贷款吗',
    '单位扣了我的工资，这合理吗',
    '我在镇上开了个小饭馆 退伍军人个体经营有税收优惠不',
    '退役军人坐公交免费吗',
    '退伍了医疗保险怎么接续',
    '退役金要交个人所得税吗',
    // Another part the cards answer; the part on a lost card is said open in the card answer.
    '优待证是谁发的？要是丢了补办得等多久？',
    '假肢坏了谁给换',
    // Wages an employer withholds are a labour matter.
    '退伍后单位拖欠我工资不还钱怎么办',
    '当时没评残，现在能补办吗',
    // The bureau's and the stations' addresses are the contact answer's.
    '服务站具体在哪个位置',
    // A start-up loan's interest subsidy is in the laws, at a bank or not; so is a job in a shop.
    '退伍了在银行贷款创业有优惠吗',
    '我在超市上班，退伍军人有什么优待',
  ])('%s is not', (question) => {
    expect(beyondTheLaws(question)).toBeUndefined();
  });
});

describe('answers about what the laws do not govern', () => {
  const ask = useCheckedAsk();

  it('says so first, with legal aid as the help there is, and never the fines for units', async () => {
    const loan = await ask('战友借了我两万块钱一直不还，退役军人事务局能帮我要回来吗');
    expect(loan.status).toBe('not_found');
    expect(loan.answer).toMatch(/^您问的“个人之间的借款纠纷”，现有资料没有写明/);
    expect(loan.answer).toContain('法律援助');
    expect(loan.answer).not.toMatch(/罚款/);
    const abroad = await ask(
      'I am moving to Canada next year. Will Canada give me veterans benefits for my service in the PLA?',
    );
    expect(abroad.language).toBe('en');
    expect(abroad.status).toBe('not_found');
    expect(abroad.answer).toMatch(/do not say anything about "travel or life abroad/);
    const land = await ask('我跟邻居因为宅基地吵起来了 我是退伍军人 能不能优先把地判给我');
    expect(land.status).toBe('not_found');
    expect(land.answer).toContain('法律援助');
  });

  it('says a broken glory plaque being replaced is not in the laws, alone or beside a part a card answers', async () => {
    const alone = await ask('家里光荣牌被风刮掉摔坏了 能再领一块吗');
    expect(alone.status).toBe('not_found');
    expect(alone.answer).toContain('光荣牌丢失或损坏后的补发');
    // Keywords typed without punctuation: the thing no card names is said, not another card's answer.
    const keywords = await ask('退伍兵 办信用卡 银行有没有优惠');
    expect(keywords.status).toBe('not_found');
    expect(keywords.answer).toMatch(/^您问的“信用卡/);
    // The cost of the replacement asked beside it is no part a card answers.
    const withCost = await ask('家里的光荣牌被风刮坏了 能再申请一块不 要不要钱');
    expect(withCost.status).toBe('not_found');
    expect(withCost.answer).toContain('光荣牌丢失或损坏后的补发');
    const twoPart = await ask('光荣牌是谁来挂的？要是旧了坏了能不能换个新的');
    expect(twoPart.answer.split('\n')[1]).toMatch(/悬挂光荣牌/);
    expect(twoPart.answer).toContain('光荣牌丢失或损坏后的补发');
  });

  it('answers the part a card answers and says the part beyond the laws is not covered', async () => {
    const a = await ask('民兵训练受伤落了残疾有抚恤吗 还能不能找保险公司赔');
    expect(a.status).toBe('answered');
    expect(a.answer.split('\n')[0]).toContain('民兵');
    expect(a.answer).toContain('您问的“商业保险公司的理赔”，现有资料没有写明');
    // A question wholly about what the laws do not govern stays "not found".
    expect((await ask('战友借钱不还，局里能帮我要回来吗')).status).toBe('not_found');
  });

  it('takes an employer’s own leave and bonus rules, travel costs paid back and a foreign citizen’s claim for beyond the laws', async () => {
    for (const [q, label] of [
      ['公司说我是退伍的年假要少一天 这合法吗', '单位自己的休假、奖金等规定'],
      ['退伍回家买的机票 退役军人事务局给报销不', '路费、机票的报销'],
      ['我是韩国人 老公是中国退伍军人 我能办退役军人优待证吗', '国籍、签证和居留'],
    ] as const) {
      const a = await ask(q);
      expect(a.status, q).toBe('not_found');
      expect(a.answer, q).toContain(label);
    }
    // A martyr's family visiting the grave has its card.
    expect((await ask('烈属祭扫路费能报吗')).status).toBe('answered');
    // The part a card answers, read with the asker's circumstances, is answered.
    const twoPart = await ask('残疾军人在单位上班 单位能因为残疾辞退吗 年终奖少发算不算违法');
    expect(twoPart.answer.split('\n')[0]).toContain('不得因其残疾将其辞退');
    expect(twoPart.answer).toContain('单位自己的休假、奖金等规定');
  });
});
