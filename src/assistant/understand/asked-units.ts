/**
 * The unit a number question asks for ("多少人", "几座", "慰问费给了多少" → 元). One list serves
 * both the choice of an indicator (its unit must fit) and of a figure found in a passage.
 * Units are compared without a leading 余/多 (20000余人 is a count of 人). `askedUnit` takes the
 * first cue that matches, so the list runs from the most telling to the least.
 */
const DATE_ASKED =
  /几号|哪天|哪一天|几月几[日号]|几月份|哪个月|什么日子|\bwhat date\b|\bon what day\b|\bwhen (was|were|did)\b(?![^?]*\band (how|what|which)\b)/i;
/** "安置任务啥时候弄完的": when something was finished is a date of the record, not a rule. */
export const FINISHED_WHEN =
  /(什么时候|啥时候|何时|哪天|几月(份)?)(就|才|已经)?(完成|弄完|搞完|办完|做完|干完|结束)(了)?的/;
/** "安置任务完成用了多长时间": how long a thing took is the record's too (a rule says 要多久). */
export const TOOK_HOW_LONG =
  /(完成|搞完|办完|做完)[^，。？?]{0,4}(用|花)了(多长时间|多久|几个月|几天)|\bhow long did (the|it)\b[^?]*\btake\b/i;
/** "市军休总站是哪一年评上五星级的": the question asks for a year. */
const YEAR_ASKED = /哪一年|哪年|什么年份|\b(which|what|in what) year\b/i;
export const asksForAYear = (question: string): boolean => YEAR_ASKED.test(question);

/** "安置任务是几号完成的": the question asks for a date (or a year). */
export const asksForADate = (question: string): boolean =>
  DATE_ASKED.test(question) || FINISHED_WHEN.test(question) || asksForAYear(question);

const RANK_ASKED = /排第几|排在第几|第几名|名次|\brank(ed|ing)?\b/i;
/** "培训合格率全省排第几": the question asks for a rank. */
export const asksForARank = (question: string): boolean => RANK_ASKED.test(question);

/** "How much was spent on…": the question asks for an amount of money. */
export const asksForMoney = (question: string): boolean => askedUnit(question)?.test('元') ?? false;

export const ASKED_UNITS: { cue: RegExp; unit: RegExp }[] = [
  // A rank (before the rate its subject names), which no rate, amount or count answers: the
  // documents write ranks as 一档 or 第N名, and an ordinal is never a figure, so a figure in 名 or 位
  // is a count of people ("全市**名退役军人"), not a rank.
  { cue: RANK_ASKED, unit: /^档$/ },
  // First: "资金占同类资金的比例是多少" asks for a share, though it names money.
  { cue: /百分之|百分比|百分点|比例|比率|占比|几成|率|percent|%|rate/i, unit: /^%$/ },
  { cue: /多少人次|几人次|person-times/i, unit: /^人次$/ },
  {
    cue: /(人员|人数)[^，。？?]{0,4}有?多少|多少(个)?人(?!次)|几(个)?人(?!次)|几位|几名|多少名|(多少|几)(个|位|名)?(退役军人|老兵|新兵|士兵|军人|干部|人员|党员|烈属|遗属|职工)|(多少|几)(个|位|名)?[\u4e00-\u9fff]{0,3}(人员|职工|员工|同志)|how many (people|persons|staff|employees|veterans|members|officials|servicemen|soldiers|demobilized|demobilised|discharged|martyrs'? famil\w*)\b(?!')/i,
    unit: /^(人|名|位)$/,
  },
  // "慰问费一共给了多少": a fee, fund or payment asked "how much" is money.
  {
    cue: /多少钱|多少元|多少万|多少[^，。？?]{0,4}(慰问金|补助金|奖金|经费|资金|补贴|钱)|金额|资金|经费|(费|金|款)[^，。？?]{0,6}多少|钱[，,]?[^，。？?]{0,6}多少|money|funds|yuan|amount of (subsid|grant|award|allowance)|subsid(y|ies) (paid|given)|\b(spent|spend|spends)\b|\bbudget\b|how much (was|were) (paid|given|allocated|granted)|how much [a-z- ]{0,30}(subsid(y|ies)|grants?|funding|money)\b[^?]{0,40}\b(did|was|were)\b/i,
    unit: /元$/,
  },
  // "全省像咱这样的有几家" counts 市州 in 个: 家 and 个 both count organisations.
  { cue: /几家|多少家|companies|businesses|enterprises/i, unit: /^(家|个)$/ },
  { cue: /几份|多少份/, unit: /^份$/ },
  { cue: /几项|多少项/, unit: /^项$/ },
  { cue: /几起|多少起|多少件/, unit: /^(起|件)$/ },
  { cue: /几座|多少座|graves|tombs/i, unit: /^座$/ },
  // "市州一共有几个": the counted places may come right before the question word (not "全市…几个",
  // where 市 is the whole city and the counted thing comes after).
  { cue: /几个(市|州|县|区|单位|支部)|(市州|县区|单位|支部)(一共|总共|共)?有?几个/, unit: /^个$/ },
  { cue: /几次|几回|几场|几趟|多少次|多少回|多少场|多少趟|how many times/i, unit: /^(次|场)$/ },
  { cue: /多少天|几天/, unit: /^(天|日)$/ },
  { cue: /几个月|多少个月|how many months/i, unit: /^个?月$/ },
  // A date ("几号干完的", "哪天完成的") is read off a day of the month, never off a count.
  { cue: DATE_ASKED, unit: /^日$/ },
  { cue: /多少分|几分|得分/, unit: /^分$/ },
  {
    cue: /几[个颗]?星|多少[个颗]?星|(?<![一二三四五六七八九\d])星级|(是|为|评|获|得)(不是)?[一二三四五六七八九\d]星|star rating|how many stars|\b(what|which) rating\b/i,
    unit: /^星级$/,
  },
];

/**
 * "全省有多少个五星级军休所", "服务站一共有多少个": a count of things when no cue says what of —
 * any measure word but a rate, an amount of money, a rating or a score. Only a fallback for the
 * figure chosen, not a cue that fits an indicator.
 */
const COUNT_ASKED = { cue: /多少个(?!月)|几个(?!月)/, unit: /^(?!(%|％|星级|分)$)(?!.*元$)/ };

const bare = (unit: string): string => unit.replace(/^[余多]/, '');

/** A measure word right after the question word ("多少家企业", "几座"): the plainest cue. */
const DIRECT_MEASURE =
  /(?:多少|(?<!第)几)(?:人次|个人|个(?:市|州|县|区|单位|支部)|[名位人家份项起件座次回场天日分星])/;

/**
 * A round number with its measure ("一千来座", "两万多人", "二百多回", or in digits as the question
 * is read: "1000来座", "250多次"): a number the asker heard, so a number of the record they ask about.
 */
export const ROUND_NUMBER =
  /(?:[一二两三四五六七八九十几\d][十百千万]|(?<!\d)[1-9]0{2,})(来|多|余)?[座人次回场家个项名户]|\d(来|多|余)[座人次回场家个项名户]/;

/** A question word asking for money outright. */
const MONEY_ASKED = /多少钱|多少元|多少万元|花(了|费|掉)?多少|金额(是|有)?多少/;

/** "大概几千人", "几十家": a number asked in round terms is a number asked ("多少人"). */
const roundNumbersAsked = (question: string): string => question.replace(/几(?:十|百|千|万)+/g, '多少');

/**
 * The unit a number question asks for, when it names one. "为多少家企业发放了奖补资金" counts
 * enterprises: a measure word on the question word outranks a topic word (资金) elsewhere.
 */
export function askedUnit(asked: string): RegExp | undefined {
  const question = roundNumbersAsked(asked);
  const direct = DIRECT_MEASURE.exec(question)?.[0];
  // "搬了一千来座…准数是多少": the round number's measure is the asked one — unless the
  // question asks for money ("迁那一千多座墓花了多少钱": the graves are what the money was for).
  const heard = MONEY_ASKED.test(question) ? undefined : ROUND_NUMBER.exec(question)?.[0].slice(-1);
  const measure = direct ?? (heard ? `几${heard}` : undefined);
  const byMeasure = measure ? ASKED_UNITS.find((u) => u.cue.test(measure)) : undefined;
  const cued = byMeasure ?? ASKED_UNITS.find((u) => u.cue.test(question));
  return (cued ?? (COUNT_ASKED.cue.test(question) ? COUNT_ASKED : undefined))?.unit;
}

/**
 * What a "几个X" question counts: the two characters after the numeral and measure word
 * ("要实现几个确保" → 确保), when they are not themselves an asking word.
 */
export function countedNoun(question: string): string | undefined {
  // "几个“确保”": the quotes around the counted word are not part of it.
  const m = /(?:几|多少)(?:个|项|条|类|种|家|批|场|次)([\u4e00-\u9fff]{2})/.exec(
    roundNumbersAsked(question).replace(/[“”"'‘’「」]/g, ''),
  );
  const noun = m?.[1];
  if (noun && !/^(人|呢|吗|啊|了|的|是|有|在|都|还)/.test(noun)) return noun;
  // "全拿的市州几个": the counted noun stands right before the question word.
  return /([\u4e00-\u9fff]{2})(?:一共|总共|共)?有?几个[？?]?$/.exec(question)?.[1];
}

/** What a number question asks for, for choosing among the figures of a passage. */
export const askedNumber = (question: string) => ({
  unit: askedUnit(question),
  counted: countedNoun(question),
});

/** True when `unit` (a figure's or an indicator's) is the asked one. */
export const isAskedUnit = (asked: RegExp, unit: string): boolean => asked.test(bare(unit));

/** The question asks for a number in another unit than `unit` ("慰问费给了多少" of a count in 名). */
export function asksAnotherUnit(question: string, unit: string): boolean {
  const asked = askedUnit(question);
  return asked !== undefined && !isAskedUnit(asked, unit) && !peopleAskedOfVisits(asked, unit);
}

/** "擦碑的有多少人" of a count in 人次: people say 人 for both. */
export const peopleAskedOfVisits = (asked: RegExp, unit: string): boolean =>
  bare(unit) === '人次' && isAskedUnit(asked, '人');

/**
 * How well an indicator's unit fits the question: 1.5 when a cue asks for it, 0.2 when a cue asks
 * for another unit, 1 when the question names none.
 */
export function unitFit(question: string, unit: string): number {
  // An indicator counted in 人次 answers "多少人" and "几次" loosely: staff say either.
  const fits = (asked: RegExp) =>
    isAskedUnit(asked, unit) || (bare(unit) === '人次' && (asked.test('人') || asked.test('次')));
  const cued = ASKED_UNITS.filter(({ cue }) => cue.test(question));
  if (cued.length === 0) return 1;
  return cued.some(({ unit: asked }) => fits(asked)) ? 1.5 : 0.2;
}

/** "查出多少个问题", "提供了多少个岗位": the thing counted, named last. */
const COUNTED_LAST = /(?:多少|几)个([\u4e00-\u9fa5]{1,4}?)的?[？?。]?$/;

/**
 * The thing a count question names last ("一共查出多少个问题" → 问题), or undefined. One character
 * (几个奖, 多少个字) is too loose to look for: the report counts 四项表彰, 16字方针.
 */
export function countedThing(question: string): string | undefined {
  const named = COUNTED_LAST.exec(question.trim())?.[1];
  return named && named.length >= 2 ? named : undefined;
}

/** A rate the asker names: 满意度, 合格率 (not 年度, 季度). */
const RATE_NAMED = /([\u4e00-\u9fa5]{2})率|(满意|认可|知晓|信任|参与)度/;

/** The English names of the report's rates, by the Chinese word the report uses. */
const RATE_NAMED_EN: Record<string, string> = {
  satisfaction: '满意',
  awareness: '知晓',
  pass: '合格',
  coverage: '覆盖',
  employment: '就业',
  placement: '安置',
};

/**
 * "参加培训的退役军人对培训的满意度是多少": a rate of another kind (技能培训宣传知晓率) is not the
 * asked one; the clause must name the rate's own word (满意, 合格, 覆盖…).
 */
export function anotherRateNamed(askedText: string, clause: string): boolean {
  const english = /\b(satisfaction|awareness|pass|coverage|employment|placement) rate\b/i.exec(askedText);
  const englishStem = english && RATE_NAMED_EN[english[1]!.toLowerCase()];
  if (englishStem) return /率|度/.test(clause) && !clause.includes(englishStem);
  const m = RATE_NAMED.exec(askedText);
  // 比率, 概率, 频率 say "a rate" without naming which.
  const stem = m?.[1] && /[比概频效]$/.test(m[1]) ? undefined : (m?.[1] ?? m?.[2]);
  return stem !== undefined && /率|度/.test(clause) && !clause.includes(stem);
}
