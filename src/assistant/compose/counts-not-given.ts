/**
 * Counts the report does not give, though the question sounds like one it does: a total of things it
 * states apart, a part of a figure, another count than the figure's (applicants, places, posts), a
 * share of another whole, a number other than the one the asker states. Each gets that said, with
 * the figure the report does give after it.
 */
import type { Language } from '../answer.js';
import { draft, type Draft } from './draft.js';
import { contentTerms } from './relevance.js';
import { countedThing } from '../understand/asked-units.js';
import { findNumbers } from '../../knowledge/numbers.js';

/** The draft gives a figure or its 未公开: something a note about what is left out can follow. */
export const givesAnAnswer = (d: Draft): boolean => d.status === 'answered' || d.status === 'undisclosed';

/** "Not found" for what was asked, with what the report does give kept after it. */
export const notFoundBefore = (answer: Draft, text: string): Draft => ({
  ...answer,
  status: 'not_found',
  answer: `${text}\n${answer.answer}`,
  settled: true,
});

/** A total asked for: "加起来", "一共". */
export const ASKS_TOTAL = /加起来|加在一起|合计|一共|总共|共计/;
/** "各类培训加起来一共多少人次": a total over every kind of a thing. */
const TOTAL_OF_KINDS = new RegExp(String.raw`(各类|各项|各种|所有)[一-龥]{0,8}(${ASKS_TOTAL.source})`);
/** Words with which a passage states a total. */
const STATES_TOTAL = /共|合计|累计|总计|总数/;
/** "网上祭扫和实地擦碑加起来一共多少人", "网上祭扫加上现场描碑，一共多少人": two things joined, then a total asked. */
const TOTAL_OF_TWO = new RegExp(
  String.raw`([\u4e00-\u9fa5]{2,12})(?:和|与|及|跟|加上)([\u4e00-\u9fa5]{2,12}?)[，,]?(?:${ASKS_TOTAL.source})`,
);

/**
 * A total of two things the report states apart: the answer must rest on a quote that holds both,
 * else the report gives no total (its figure for one of them is not the sum). So must a total of
 * every kind of a thing, on a quote that states a total.
 */
function totalNotGiven(question: string, answer: Draft, language: Language): Draft | undefined {
  if (!givesAnAnswer(answer) || answer.figures.length === 0) return undefined;
  const m = TOTAL_OF_TWO.exec(question);
  const sides = m ? [m[1] ?? '', m[2] ?? ''].map((side) => contentTerms(side, [])) : [];
  const holdsBoth = answer.citations.some((c) =>
    sides.every((terms) => terms.length === 0 || terms.some((t) => c.quote.includes(t))),
  );
  // "各类培训加起来一共多少人次": one kind's figure is no total of all kinds.
  const ofAllKinds =
    TOTAL_OF_KINDS.test(question) && !answer.citations.some((c) => STATES_TOTAL.test(c.quote));
  if (!ofAllKinds && (!m || holdsBoth)) return undefined;
  const text =
    language === 'zh'
      ? '总结分别写了各项，没有给出合计数，我不作猜测；可以分别问每一项。'
      : "The report gives these separately and states no total, and I won't guess; ask about each one.";
  return draft('not_found', text, { settled: true });
}

/** Units the asker uses for people, one for another ("那10个人" are the report's 10名). */
const SAID_OF_PEOPLE = /^(人|名|个|位)$/;
/** After the asker's figure: a part of it asked ("10名中女性有几名", "256次喜报里…各占多少"). */
const PART_OF_IT =
  /^[，,]?[^，。？?；]{0,8}?(中|里|当中|之中|里面|其中)[^。？?]*(几|多少)|^[^。？?]*(各占|各有|各是|分别(是|有|占)?)[^。？?]{0,4}(几|多少)/;

/**
 * "最美退役军人10名中女性有几名": the asker states the report's figure and asks for a part of it.
 * The figure they gave is no answer; the report does not break it down. The figure's line follows.
 */
function breakdownNotGiven(question: string, answer: Draft, language: Language): Draft | undefined {
  if (answer.status !== 'answered' || answer.figures.length === 0) return undefined;
  const stated = findNumbers(question).find((n) => {
    if (n.value === null) return false;
    const rest = question.slice(n.index + n.raw.length);
    const restated = answer.figures.some(
      (f) =>
        f.value === n.value &&
        (f.unit === n.unit ||
          (language === 'en' && n.unit === '') ||
          (SAID_OF_PEOPLE.test(f.unit) && SAID_OF_PEOPLE.test(n.unit)) ||
          rest.startsWith(f.unit)),
    );
    return (
      restated &&
      (PART_OF_IT.test(rest) ||
        (language === 'en' && /\bof (the|those|these)\s*$/i.test(question.slice(0, n.index))))
    );
  });
  if (!stated) return undefined;
  const text =
    language === 'zh'
      ? `总结只写了总数（${stated.raw}），没有再分开的数字，我不作猜测。`
      : `The report gives only the total (${stated.raw}), not broken down, and I won't guess.`;
  return notFoundBefore(answer, text);
}

/** "评上的最美退军里面有几个女兵": a kind of those counted, asked after 里面/其中. */
const KIND_WITHIN =
  /(?:里面|里头|当中|之中|其中|中间)(?:有|是)?(?:几|多少)(?:个|名|位|人|家|座|户)?([\u4e00-\u9fa5]{1,6}?)(?:[？?。，,]|是|呢|吗|$)/;

/**
 * "评上的最美退军里面有几个女兵": a kind within what the figure counts, which no quote of the
 * answer names. The report gives the total only; its line follows.
 */
function kindWithinNotGiven(question: string, answer: Draft, language: Language): Draft | undefined {
  if (answer.status !== 'answered' || answer.figures.length !== 1 || language !== 'zh') return undefined;
  const kind = KIND_WITHIN.exec(question)?.[1];
  const figure = answer.figures[0];
  if (!kind || !figure || figure.value === null) return undefined;
  if (answer.citations.some((c) => c.quote.includes(kind))) return undefined;
  const total = `${figure.value}${figure.unit}`;
  return notFoundBefore(answer, `总结只写了总数（${total}），没有再分开的数字，我不作猜测。`);
}

/** "9家企业各拿到了多少", "每家多少": a share of each asked, not the total. */
// Not "A和B各多少", two figures asked: only the things counted before 各, or 每家.
const EACH_ASKED =
  /\d+(家|个|名|户|位|座)[^，。？?和与及、]{0,10}各(自)?(拿到?|领到?|得到?|分到?|发)?了?多少|每(家|个|人|户|位|座)(能)?(拿到?|领到?|得到?|分到?|发)?了?多少|\beach of the \d+\b/i;

/**
 * "9家企业各拿到了多少奖补资金" of a masked total (奖补资金**万元): the report gives no share of
 * each, and not even the total. The masked figure's line follows.
 */
function eachOfAMaskedTotal(question: string, answer: Draft, language: Language): Draft | undefined {
  if (answer.status !== 'undisclosed' || !EACH_ASKED.test(question)) return undefined;
  const text =
    language === 'zh'
      ? '总结没有写每一项分别是多少（总数也未公开），我不作猜测。'
      : "The report does not break this down (and does not disclose the total), and I won't guess.";
  return notFoundBefore(answer, text);
}

/** "一共有多少人报名参评": those who applied, not those chosen. */
const ASKS_APPLICANTS =
  /(报名|参评|申报|参选|提名)[^，。？?]{0,8}(多少|几)|(多少|几)[^，。？?]{0,6}(报名|参评|申报|参选)|\bhow many\b[^?]{0,40}\b(applied|applicants|entered|were nominated|competed)\b/i;
const STATES_APPLICANTS = /报名|申报|参评|参选|提名/;
/** "服务站一共有多少个": places or organisations counted. */
const COUNTS_PLACES =
  /(站|所|中心|单位|企业|公司|学校|医院|村|社区|机构|支部|市州|区县)[^，。？?]{0,6}(多少个|几个|多少家|几家|多少所|几所)/;
/** Units in which the report counts people or households, never places. */
const COUNTS_PEOPLE = /^(人|名|位|人次|户)$/;

/**
 * A count of other things than the figure counts: those who applied (报名参评) when the report
 * gives those chosen (评选出…10名), or places (服务站有多少个) when the only figure counts people
 * (有退役军人100－299名的**家基层服务站). The figure's line follows.
 */
function anotherCountNotGiven(question: string, answer: Draft, language: Language): Draft | undefined {
  if (answer.status !== 'answered' || answer.figures.length === 0) return undefined;
  const quotes = answer.figures.map((f) => f.quote).join(' ');
  // The report gives those chosen or taken on (评选出, 引进), never how many applied.
  const applicants = ASKS_APPLICANTS.test(question) && !STATES_APPLICANTS.test(quotes);
  const places = COUNTS_PLACES.test(question) && answer.figures.every((f) => COUNTS_PEOPLE.test(f.unit));
  if (!applicants && !places) return undefined;
  const text =
    language === 'zh'
      ? applicants
        ? '总结写的是最后评选或录用的人数，没有写报名或参评的人数，我不作猜测。'
        : '总结里的这个数字数的是人，不是您问的单位或地方的个数，我不作猜测。'
      : applicants
        ? "The report gives the number chosen or taken on, not the number who applied, and I won't guess."
        : "The report's figure counts people, not the places or units you asked about, and I won't guess.";
  return notFoundBefore(answer, text);
}

/** "占全年就业创业总经费的百分之多少": the whole a share is asked of. */
const SHARE_ASKED_OF = /占([^，。？?]{2,16}?)的?(百分之|比例|比重|几成|多少)/;
/** "占省厅同类资金总额的**％以上": the whole the report's share is of. */
const SHARE_STATED_OF = /占([^，。；]{2,16}?)的/;

/**
 * A share of another whole than the report's: "创业奖补占全年就业创业总经费的百分之多少" is not
 * "占省厅同类资金总额的**％", whether that share is disclosed or not. The figure's line follows.
 */
function shareOfAnotherWhole(question: string, answer: Draft, language: Language): Draft | undefined {
  if (!givesAnAnswer(answer) || answer.figures.length === 0) return undefined;
  const asked = SHARE_ASKED_OF.exec(question)?.[1];
  const stated = answer.figures.map((f) => SHARE_STATED_OF.exec(f.quote)?.[1]).find((w) => w !== undefined);
  if (!asked || !stated) return undefined;
  const terms = contentTerms(asked, []);
  if (terms.length === 0 || terms.some((term) => stated.includes(term))) return undefined;
  const text =
    language === 'zh'
      ? `总结写的是占${stated}的比例，没有占${asked}的比例，我不作猜测。`
      : `The report gives a share of ${stated}, not of what you asked about, and I won't guess.`;
  return notFoundBefore(answer, text);
}

/** Units of times, money and rates: they count no things. */
const NO_THINGS_COUNTED = /^(次|场|回|人次|元|万元|亿元|%|％)$/;

/**
 * A count of a thing no figure of the answer counts: "招聘活动提供了多少个岗位" is not "完成就业招聘
 * 活动*次" (times, masked or not). The figure's line follows.
 */
function countedThingNotGiven(question: string, answer: Draft, language: Language): Draft | undefined {
  if (!givesAnAnswer(answer) || answer.figures.length === 0) return undefined;
  const thing = countedThing(question);
  // Only figures that cannot count things (times, money, rates): 个 also counts people (几个最美老兵 → 10名).
  if (!thing || !answer.figures.every((f) => NO_THINGS_COUNTED.test(f.unit) && !f.quote.includes(thing)))
    return undefined;
  const text =
    language === 'zh'
      ? `总结没有写${thing}的个数，我不作猜测。`
      : `The report does not give that count, and I won't guess.`;
  return notFoundBefore(answer, text);
}

/**
 * "为了让训后推荐就业率达到85%，具体要办几期培训班": every figure of the answer is one the asker
 * states, and they ask for another number after it. The figure they gave is no answer; its line follows.
 */
function onlyTheStatedFigure(question: string, answer: Draft, language: Language): Draft | undefined {
  if (!givesAnAnswer(answer) || answer.figures.length === 0) return undefined;
  const stated = findNumbers(question).filter(
    (n) => n.value !== null && n.unit !== '' && !/^(年|月|日)$/.test(n.unit),
  );
  const last = stated.at(-1);
  if (!last) return undefined;
  // A masked figure beside it (2022年…未公开) is not what they ask for either.
  const shown = answer.figures.filter((f) => f.value !== null);
  const sameUnit = (a: string, b: string) => a.replace('％', '%') === b.replace('％', '%');
  const restated =
    shown.length > 0 &&
    shown.every((f) => stated.some((n) => n.value === f.value && sameUnit(n.unit, f.unit)));
  // "四项重点工作，我局拿了几项": the same measure asked again may be answered by the stated figure.
  const asked = /(?:几|多少)([个名人次期项家座份场元户位])?/.exec(
    question.slice(last.index + last.raw.length),
  );
  if (!restated || !asked || (asked[1] !== undefined && last.unit.endsWith(asked[1]))) return undefined;
  const text =
    language === 'zh'
      ? `总结里只有您提到的数字（${last.raw}），没有您问的其他数字，我不作猜测。`
      : `The report only gives the figure you mention (${last.raw}), not the other number you ask for, and I won't guess.`;
  return notFoundBefore(answer, text);
}

/** A total, a part or another count than the figure answers: said so, with what the report gives. */
export const countNotGiven = (question: string, answer: Draft, language: Language): Draft | undefined =>
  totalNotGiven(question, answer, language) ??
  breakdownNotGiven(question, answer, language) ??
  kindWithinNotGiven(question, answer, language) ??
  eachOfAMaskedTotal(question, answer, language) ??
  onlyTheStatedFigure(question, answer, language) ??
  anotherCountNotGiven(question, answer, language) ??
  shareOfAnotherWhole(question, answer, language) ??
  countedThingNotGiven(question, answer, language);
