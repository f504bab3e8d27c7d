/**
 * Units and measure words that may follow a number, and the set phrases in which a Chinese numeral
 * is part of a name rather than a count. Kept apart from the scanner so the lists are easy to extend.
 */

/**
 * Measure words after a Chinese numeral. Narrower than the Arabic list because many words start with
 * a numeral: 十分 (very), 一部分, 一对一, 四级调研员 (a rank name) are not counts.
 */
const CHINESE_UNITS = [
  '个百分点', '人次', '个月', '年度', '小时', '星级', '元', '人', '名', '个', '项', '次', '档', '座', '家', '条',
  '份', '年', '月', '日', '天', '周岁', '周年', '周', '位', '批', '起', '所', '支', '件', '场', '户', '期',
  '处', '篇', '套', '台', '辆', '岁', '倍', '届', '类', '种', '轮', '笔', '例',
];

/** Units after an Arabic or masked number: every measure word, plus units written after digits. */
const ARABIC_UNITS = [
  ...CHINESE_UNITS,
  '百分点', '平方米', '户次', '分钟', '公里', '公斤', '千米', '千克', '课时', '学时', '星级', '分', '节',
  '张', '封', '首', '组', '栋', '亩', '吨', '米', '%', '‰',
];

const escape = (unit: string): string => unit.replace(/[%‰]/g, '\\$&');
/** Longer forms first, so the alternation prefers `人次` over `人` and `个月` over `个`. */
const alternation = (units: string[]): string =>
  [...units].sort((a, b) => b.length - a.length).map(escape).join('|');

/** Regex source for one Arabic-number unit. */
export const ARABIC_UNIT_SOURCE = alternation(ARABIC_UNITS);
/** Regex source for one Chinese-numeral measure word. */
export const CHINESE_UNIT_SOURCE = alternation(CHINESE_UNITS);

/**
 * Set phrases whose numeral is part of a name, not a quantity (a political slogan or an idiom):
 * `中央八项规定` is the name of a regulation, `一起推进` means "together". Phrases whose numeral
 * really counts items (`七个确保` names seven guarantees) are left as numbers on purpose.
 */
export const NUMERAL_SET_PHRASES = [
  '一岗双责',
  '三会一课',
  '两个确立',
  '两个维护',
  '两个责任',
  '四个意识',
  '四个自信',
  '八项规定',
  '一起',
  '一次性',
  '一条龙',
  '一把手',
];

/**
 * Characters before 一 that make it part of a word, not a count: 上一年度 (the previous year),
 * 每一次 (every time), 统一, 唯一, 同一, 逐一, 万一.
 */
export const NOT_A_COUNT_BEFORE_ONE = '上下同每任统唯逐单其万之';

/**
 * A unit followed by these characters is the start of a word, not a unit: `**日报社` is a masked
 * newspaper name, `**人民医院` a hospital, `**支部` a party branch.
 */
const UNIT_WORD_CONTINUATIONS: Readonly<Record<string, string>> = {
  日: '报',
  人: '民员才口事',
  支: '部队',
  位: '于',
  家: '园庭属',
  条: '例件',
  分: '局会队行站',
  名: '称单',
  所: '有以属在',
  年: '级鉴',
  月: '刊',
  起: '来',
  周: '边',
  期: '间',
  类: '型',
};

/** True when `unit` followed by `next` starts a word (e.g. 日 + 报), so it is not a unit there. */
export function isWordNotUnit(unit: string, next: string | undefined): boolean {
  if (next === undefined || next === '') return false;
  return UNIT_WORD_CONTINUATIONS[unit]?.includes(next) ?? false;
}
