import { describe, expect, it } from 'vitest';
import { holdsNumberIn } from '../../src/assistant/compose/answerability.js';
import {
  askedUnit,
  asksAnotherUnit,
  countedNoun,
  unitFit,
  anotherRateNamed,
} from '../../src/assistant/understand/asked-units.js';

describe('askedUnit — the unit a number question asks for', () => {
  it.each([
    ['慰问费一共给了多少？', '12000元'],
    ['奖补资金发了多少万', '**万元'],
    ['市军休总站评上几星级了', '五星级'],
    ['创业补贴发给了几家企业', '9家'],
    ['清明去描碑的有多少人次', '1000余人次'],
    // A round number heard is the asked measure, unless money is asked outright.
    ['搬了一千来座烈士墓，准数是多少', '1041座'],
    ['迁那一千多座烈士墓一共花了多少钱', '12000元'],
    // 趟 (trips) counts as 次.
    ['给立功的人家里报喜一共跑了多少趟', '256次'],
  ])('%s is answered by a number like %s', (question, number) => {
    const unit = askedUnit(question);
    expect(unit).toBeDefined();
    expect(holdsNumberIn(number, unit!)).toBe(true);
  });

  it('does not take a count of people for money, nor a star rating for a count', () => {
    expect(holdsNumberIn('走访慰问烈士遗属6名', askedUnit('慰问费一共给了多少')!)).toBe(false);
    expect(holdsNumberIn('获得全部四项表彰', askedUnit('评上几星级了')!)).toBe(false);
    expect(askedUnit('烈属一共去看了几回')).toBeDefined();
    expect(askedUnit('给烈属发的慰问钱，总共多少')?.test('元')).toBe(true);
    // A rate of another kind is not the asked rate; "比率" names none.
    expect(anotherRateNamed('退役军人对培训的满意度是多少', '技能培训宣传知晓率达***％')).toBe(true);
    expect(anotherRateNamed('培训合格率是多少', '培训合格率达**％')).toBe(false);
    expect(anotherRateNamed('建档立卡的比率是多少', '建档立卡率达**％')).toBe(false);
    expect(holdsNumberIn('为立功受奖军人送喜报256次', askedUnit('喜报送了多少回')!)).toBe(true);
    // A date is read off a day of the month, never a count.
    expect(
      holdsNumberIn('全市**名退役军人安置任务于8月30日提前3个月完成', askedUnit('安置任务哪天完成的')!),
    ).toBe(true);
    expect(holdsNumberIn('提前3个月', askedUnit('安置任务哪天完成的')!)).toBe(false);
    // The measure on the question word outranks a topic word elsewhere (资金).
    expect(holdsNumberIn('为全市9家企业发放奖补资金**万元', askedUnit('为多少家企业发放了奖补资金')!)).toBe(
      true,
    );
    expect(countedNoun('要实现几个“确保”')).toBe('确保');
    // "多少退役军人" counts people: not 3个月.
    expect(holdsNumberIn('提前3个月', askedUnit('全市一共有多少退役军人')!)).toBe(false);
  });
});

describe('unitFit — an indicator whose unit the question asks for', () => {
  it('asks for a share when a share of money is asked, whatever order the cues come in', () => {
    const q = '2022年争取资金占省厅同类资金比例是多少？';
    expect(askedUnit(q)?.test('%')).toBe(true);
    expect(unitFit(q, '%')).toBe(1.5);
    expect(unitFit(q, '万元')).toBe(1.5);
    expect(unitFit('争取省厅支持资金是多少', '%')).toBe(0.2);
  });

  it('tells when a question asks for another unit than an indicator counts in', () => {
    expect(asksAnotherUnit('慰问费一共给了多少', '名')).toBe(true);
    expect(asksAnotherUnit('走访慰问了几名烈属', '名')).toBe(false);
    expect(asksAnotherUnit('安置任务什么时候完成的', '名')).toBe(false);
  });

  it('favours the asked unit and disfavours another', () => {
    expect(unitFit('慰问费给了多少', '元')).toBe(1.5);
    expect(unitFit('慰问费给了多少', '名')).toBe(0.2);
    expect(unitFit('安置任务完成了吗', '名')).toBe(1);
  });

  it('reads a possessive as what is counted: petition cases, not veterans', () => {
    expect(unitFit("How many veterans' petition cases did the bureau handle?", '件')).toBe(1);
    expect(unitFit('How many veterans found jobs?', '人')).toBe(1.5);
  });
});

describe('countedNoun — what a 几个X question counts', () => {
  it.each([
    ['2023年要实现几个确保？', '确保'],
    ['全省拿了几项表彰', '表彰'],
    ['一共几个人', undefined],
    ['多少钱', undefined],
  ])('%s → %s', (question, noun) => {
    expect(countedNoun(question)).toBe(noun);
  });
});

describe('askedUnit for counts and ranks', () => {
  it('reads 多少个/几个 as a count of things, never a rate, amount, rating or score', () => {
    const unit = askedUnit('服务站一共有多少个');
    expect(unit?.test('家')).toBe(true);
    expect(unit?.test('%')).toBe(false);
    expect(unit?.test('星级')).toBe(false);
    expect(unit?.test('万元')).toBe(false);
    // A star rating asked as 几个星 is still a rating; a span in months is no count.
    expect(askedUnit('军休所评了几个星')?.test('星级')).toBe(true);
    expect(askedUnit('提前了几个月')?.test('个月')).toBe(true);
  });

  it('reads 排第几 as a rank, which a rate does not answer', () => {
    expect(askedUnit('培训合格率全省排第几')?.test('%')).toBe(false);
  });
});
