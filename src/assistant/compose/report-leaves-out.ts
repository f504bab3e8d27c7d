/**
 * What a report states about its work and what it leaves out: it counts things and people it does
 * not name ("全省获得四项表彰的市州仅3个"), states results without their causes, gives figures
 * apart without their total, and one year's figures only. A question for the names, the cause or
 * the total gets that said, with the passage cited where there is one, and no card answers
 * instead (`settled`): "安置任务为什么能提前完成" is not answered by the placement-deadline card.
 */
import type { Language } from '../answer.js';
import type { Understanding } from '../understand/understand.js';
import type { Passage } from '../ports.js';
import type { CiteQuote } from './cite.js';
import { draft, type Draft } from './draft.js';
import { contentTerms } from './relevance.js';
import { yearAsWritten } from './not-found.js';
import { COMPARES } from '../understand/intent.js';
import type { FigureCandidate } from './extracted-figure-answer.js';

/**
 * "评出的10名最美退役军人都是谁": the people's names are asked for. A passage that only counts them
 * does not answer ("谁负责/找谁" asks for an office, which a passage does name).
 */
export const asksForPersonsNames = (question: string): boolean =>
  /(都|分别|各)是谁|(都|分别|各)叫什么名字|(长|主任|书记|负责人|领导)(是谁|叫什么|叫啥|是哪位)|(军人|候选人|同志|典型|模范|标兵|先进个人)(都|分别)?(是谁|叫什么|叫啥|是哪(两|几|些)?位)|名单|姓名|(都|分别)?是哪(些|几位|几个)人|哪(些|几位|几个)人(签|参加|出席|获|当选|入选)|哪(位|些)[^，。？?]{0,4}(领导|同志)|\bwho (were|are) (they|the)\b|\bwho (is|was) the (head|director|chief|leader)\b|\bnames of\b/i.test(
    question,
  );
/** A passage that names people: a roll ("名单") or names listed after a colon. */
export const namesPersons = (passage: string): boolean =>
  /名单|：[\u4e00-\u9fa5]{2,4}、[\u4e00-\u9fa5]{2,4}、/.test(passage);

const WHICH_ONES = /([\u4e00-\u9fa5]{2})(?:是|都是|分别是)?哪(?:两|三|四|五|几)(?:个|家|位|项)/;
/** "9家企业都是哪些企业": which ones of a counted kind the report may only count. */
const WHICH_NAMED =
  /哪(?:些|几)(?:家|个|位)?(企业|单位|公司|个人|同志|学校|医院|媒体|村|社区|乡镇|县|区|市州)/;
// Not 被评为什么 (rated as what).
const ASKS_WHY =
  /(?<![评选列称认作定])为什么|为啥|什么原因|原因是|啥原因|为何|\bwhy\b|\bwhat (was|were) the reasons?\b/i;
/** "安置任务是怎么做到提前完成的", "评选标准是什么", "三训一扶具体怎么做的": how it was done. */
const ASKS_HOW_DONE =
  /怎么做到|如何做到|是怎么(评(?!价)|选|做到|实现)|怎么(打分|评出来|选出来)|按(什么|啥|哪些)(标准|条件|程序)|是如何(评|选|做到|实现)|(评选|评定|考核)(的)?(标准|条件|程序|办法)|具体(是)?(怎么|如何)(做|搞|操作|实施)|(课|讲座|培训)[^，。？?]{0,4}(讲|教)了(些)?(什么|啥)|\bhow (was|were|did) (it|they|the)\b.*\b(achieved|selected|chosen)\b/i;
/** "分布在哪些区县", "在哪所学校试点的", "安葬到了哪个烈士陵园", "都住在哪": which place. */
const WHICH_PLACE =
  /哪(?:些|个|所|座|家)?(区县|县区|县|区|乡镇|镇|乡|村|社区|街道|学校|医院|陵园|烈士陵园|公墓)|(住|家)(在|是)(哪|什么地方)|是哪(里|儿)人/;
/** The names the report gives a place of each kind end like this (桑植县, 某某镇). */
const PLACE_KIND_ENDINGS: Readonly<Record<string, string>> = {
  区县: '县|区',
  县区: '县|区',
  乡镇: '乡|镇',
  烈士陵园: '陵园',
};

/** "迁到了哪个烈士陵园": a particular place, which the laws never name; only a record can. */
export const asksWhichPlace = (question: string): boolean => WHICH_PLACE.test(question);

/** The passage names no place of the kind asked ("哪个县": no 桑植县 or **县 in it, only 各县 or none). */
function namesNoPlace(question: string, passage: string): boolean {
  const asked = WHICH_PLACE.exec(question);
  if (!asked) return false;
  // Where people live: any place name answers (县, 区, 镇, 乡, 村).
  const kind = asked[1] ?? '县|区|镇|乡|村';
  // A masked name (“**县军休所”) is named, and said to be undisclosed elsewhere.
  const named = new RegExp(`([\\u4e00-\\u9fa5]{2}|\\*+)(?:${PLACE_KIND_ENDINGS[kind] ?? kind})`, 'g');
  return ![...passage.matchAll(named)].some((m) => !/[各全本每个多几余市省此该哪些]/.test(m[1] ?? ''));
}

/** "新兵欢送仪式是在哪里举办的": the place of an event. */
const ASKS_WHERE_HELD =
  /在哪(里|儿)?(举办|举行|召开|开)的|在什么地方(举办|举行|召开|开)|\bwhere (was|were)\b.*\bheld\b/i;
/** "在…举行", "于…召开": the report names where. */
// Not a time (在今年1月17日召开的): a place.
const GIVES_A_PLACE = /(在|于)(?![^，。]{0,8}(年|月|日|期间|之际|时))[^，。]{2,12}(举行|举办|召开)/;
/** Words with which the report says how a result came about. */
const GIVES_A_METHOD =
  /通过|采取|依托|采用|建立|按照|实行|推行|聚焦|坚持.{0,10}(为|和)|标准|程序|流程|步骤|做法是|措施/;
const GIVES_A_CAUSE = /因为|由于|得益于|原因|通过|依靠|因此|所以|在于/;

/** The first clause of a passage that holds `word`. */
const clauseHolding = (passage: string, word: string): string | undefined =>
  passage.split(/[，。；]/).find((c) => c.includes(word));

/** "具体是哪五化": the report's own shorthand (“五化”), when its clause does not list the items. */
function unlistedShorthand(question: string, passage: string): string | undefined {
  // 哪一档 asks which one, not for the members of a "一X".
  const m = /哪([二三四五六七八九十])([\u4e00-\u9fff])/.exec(question);
  const shorthand = m ? `${m[1]}${m[2]}` : undefined;
  if (!shorthand) return undefined;
  const clause = clauseHolding(passage, shorthand);
  if (clause === undefined || clause.includes('、')) return undefined;
  // "“七个确保”，即确保…": the items follow the shorthand (quoted whole: 七个 → “七个确保”).
  const whole = new RegExp(`“[^”]*${shorthand}[^”]*”`).exec(passage)?.[0] ?? shorthand;
  const after = passage.slice(passage.indexOf(whole) + whole.length);
  return /^[，,]?\s*(即|：|:|包括|分别是|就是)/.test(after) ? undefined : whole.replace(/[“”]/g, '');
}

/** "另外两个市州是哪两个": the clause that counts the asked thing lists no names (no 、 run, no quotes). */
function namesNone(question: string, passage: string): boolean {
  const thing = WHICH_ONES.exec(question)?.[1] ?? WHICH_NAMED.exec(question)?.[1];
  if (!thing) return false;
  const clause = clauseHolding(passage, thing);
  return clause !== undefined && !/、|“/.test(clause);
}

/** The refusal for a question the best passage answers only with what the report leaves out. */
export function leftOutOfReport(
  question: string,
  best: Passage | undefined,
  language: Language,
  cite: CiteQuote,
): Draft | undefined {
  if (!best) return undefined;
  const quote = best.quote;
  const shorthand = unlistedShorthand(question, quote);
  // The first thing asked that the passage leaves out, in the asker's language.
  const missing: { left: boolean; zh: string; en: string }[] = [
    {
      left: shorthand !== undefined,
      zh: `总结提到“${shorthand}”，但没有列出具体是哪几项，我不作猜测。`,
      en: `The report mentions “${shorthand}” but does not list what it stands for, and I won't guess.`,
    },
    {
      left: namesNone(question, quote),
      zh: '总结只写了数量，没有列出具体是哪些，我不作猜测。',
      en: "The report gives the number but does not name them, and I won't guess.",
    },
    {
      left: ASKS_WHY.test(question) && !GIVES_A_CAUSE.test(quote),
      zh: '总结写了这项工作的结果，没有写原因，我不作猜测。',
      en: "The report states the result but not the reasons, and I won't guess.",
    },
    {
      left: ASKS_WHERE_HELD.test(question) && !GIVES_A_PLACE.test(quote),
      zh: '总结写了这项活动，没有写在哪里举办，我不作猜测。',
      en: "The report mentions the event but not where it was held, and I won't guess.",
    },
    {
      left: namesNoPlace(question, quote),
      zh: '总结没有写具体是哪个地方，我不作猜测。',
      en: "The report does not say which place, and I won't guess.",
    },
    {
      left: ASKS_HOW_DONE.test(question) && !GIVES_A_METHOD.test(quote),
      zh: '总结写了这项工作的名称和结果，没有写具体做法，我不作猜测。',
      en: "The report names the work and its result but not how it was done, and I won't guess.",
    },
  ];
  const said = missing.find((m) => m.left);
  const text = said && (language === 'zh' ? said.zh : said.en);
  if (!text) return undefined;
  return draft('not_found', text, {
    citations: [cite(best.doc, best.quote)].flatMap((c) => c ?? []),
    settled: true,
  });
}

/** The draft gives a figure or its 未公开: something a note about what is left out can follow. */
const givesAnAnswer = (d: Draft): boolean => d.status === 'answered' || d.status === 'undisclosed';

/** A total asked for: "加起来", "一共". */
const ASKS_TOTAL = /加起来|加在一起|合计|一共|总共|共计/;
/** "各类培训加起来一共多少人次": a total over every kind of a thing. */
const TOTAL_OF_KINDS = new RegExp(String.raw`(各类|各项|各种|所有)[一-龥]{0,8}(${ASKS_TOTAL.source})`);
/** Words with which a passage states a total. */
const STATES_TOTAL = /共|合计|累计|总计|总数/;
/** "网上祭扫和实地擦碑加起来一共多少人": two things joined, then a total asked. */
const TOTAL_OF_TWO = new RegExp(
  String.raw`([\u4e00-\u9fa5]{2,12})(?:和|与|及|跟|加上)([\u4e00-\u9fa5]{2,12}?)(?:${ASKS_TOTAL.source})`,
);

/**
 * A total of two things the report states apart: the answer must rest on a quote that holds both,
 * else the report gives no total (its figure for one of them is not the sum). So must a total of
 * every kind of a thing, on a quote that states a total.
 */
export function totalNotGiven(question: string, answer: Draft, language: Language): Draft | undefined {
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

/**
 * "2021年和2022年一共迁了多少座": an answer for the year held says plainly which named year is not,
 * and a total over a year not held is no total at all.
 */
export function withYearsNotHeld(u: Understanding, knownYears: ReadonlySet<number>, answer: Draft): Draft {
  const missing = u.years.filter((y) => !knownYears.has(y));
  if (missing.length === 0 || !givesAnAnswer(answer)) return answer;
  const which = missing.map((y) => yearAsWritten(u, y)).join(u.language === 'zh' ? '、' : ', ');
  // A passage without a figure compares nothing either ("慰问金去年比前年多了还是少了").
  if (answer.figures.length === 0 && !COMPARES.test(u.text)) return answer;
  if (ASKS_TOTAL.test(u.text)) {
    const text =
      u.language === 'zh'
        ? `现有资料中没有${which}的相关数据，给不出合计，我不作猜测。`
        : `The documents hold no figures for ${which}, so there is no total, and I won't guess.`;
    return draft('not_found', text, { settled: true });
  }
  // "2022年的1041座比上年多了多少": no comparison with a year not held; what is held still shows.
  if (COMPARES.test(u.text)) {
    const text =
      u.language === 'zh'
        ? `现有资料中没有${which}的相关数据，无法比较，我不作猜测。`
        : `The documents hold no figures for ${which}, so there is no comparison, and I won't guess.`;
    const held = answer.answer.includes(which) ? '' : `\n${answer.answer}`;
    return { ...answer, status: 'not_found', answer: `${text}${held}`, settled: true };
  }
  if (answer.answer.includes(which)) return answer;
  const note =
    u.language === 'zh'
      ? `现有资料中没有${which}的相关数据。`
      : `The documents hold no figures for ${which}.`;
  return { ...answer, answer: `${answer.answer}\n${note}` };
}

/** "跟邻市比，我们的就业培训做得怎么样": the city's record compared with other places'. */
const COMPARED_WITH_OTHERS =
  /(跟|和|与|比)[^，。？?]{0,3}(邻市|兄弟市州?|其他(地)?市州?|外市|别的市|周边(城)?市)|(邻市|兄弟市州?|其他(地)?市州?|别的市|周边(城)?市)[^，。？?]{0,6}(比|相比|对比|比较)|\b(compared? (with|to)|than) (other|neighbou?ring) (cities|city|prefectures?)\b/i;

/** "和长沙比，哪个多": a place the documents never name, set against this city. */
const COMPARED_WITH_NAMED = /(?:跟|和|与|比)([\u4e00-\u9fff]{2,3}?)(?:市|州|县|区)?(?:比|相比|对比|比较)/;

/** The question compares the city's record with another place's. */
export function comparesWithOthers(question: string, corpusText: () => string): boolean {
  if (COMPARED_WITH_OTHERS.test(question)) return true;
  const named = COMPARED_WITH_NAMED.exec(question)?.[1];
  // 和去年比, 跟目标比, 和全省比 compare with the record's own years, targets or province. The
  // corpus is read only for a named comparison: building its text costs a one-shot run ~9 ms.
  return (
    named !== undefined && !/年|月|目标|计划|指标|省|全国|平均/.test(named) && !corpusText().includes(named)
  );
}

/**
 * The reports hold the city's own record, not other cities': a comparison is said to be missing,
 * with what the report does say of the city itself after it.
 */
export function comparisonNotHeld(
  question: string,
  answer: Draft,
  language: Language,
  corpusText: string,
): Draft | undefined {
  if (!comparesWithOthers(question, () => corpusText)) return undefined;
  const text =
    language === 'zh'
      ? '现有资料只有本市自己的情况，没有与其他市州的对比数据，我不作猜测。'
      : "The documents only cover this city's own work and hold no comparison with other cities, and I won't guess.";
  const own = givesAnAnswer(answer);
  const also = language === 'zh' ? '本市的情况：' : "What they say about this city's own work:";
  return {
    ...answer,
    ...draft('not_found', own ? `${text}\n${also}\n${answer.answer}` : text, {
      citations: own ? answer.citations : [],
      settled: true,
    }),
    figures: own ? answer.figures : [],
  };
}

/** "用的是什么平台", "在哪个村": the thing a question asks the name or kind of. */
const ASKED_KIND = /(?:什么|啥|哪个|哪家|哪一个|哪座|哪所)([\u4e00-\u9fff]{2})/;
/** Kinds every passage is an instance of: what was done, how, which honours or problems. */
const GENERAL_KINDS =
  /^(时候|时间|意思|情况|工作|内容|活动|措施|办法|荣誉|奖项|问题|目标|任务|成绩|成果|方面|亮点|举措|要求|经验|做法|特点|作用|意义|称号|名字|名称|品牌|表彰|级别|程度|水平|样子|地方|部门|单位|数字|指标|东西|事情|政策|待遇|程序|流程|范围|层级|方式|形式|类型|渠道|原因|结果|部分|章节|板块|栏目|标题|段落|名次|位次|排名|位置|档次|等次|星级|等级|得分|分数)$/;

/**
 * "网上祭扫用的是什么平台": the asked kind (平台) must be what the passage names; a passage on the
 * topic that never says which platform does not answer which one.
 */
export function askedKindMissing(
  question: string,
  passages: readonly string[],
  nouns: readonly string[],
): boolean {
  const kind = ASKED_KIND.exec(question)?.[1];
  if (!kind || passages.length === 0 || GENERAL_KINDS.test(kind) || !nouns.includes(kind)) return false;
  // “舆情通” names the platform without the word 平台: a quoted name in a clause on the topic.
  const others = nouns.filter((noun) => noun !== kind);
  const namesOne = (passage: string) =>
    passage
      .split(/[，。；]/)
      .some((clause) => /“[^”]+”/.test(clause) && others.some((n) => clause.includes(n)));
  return !passages.some((passage) => passage.includes(kind) || namesOne(passage));
}

/**
 * "移交安置工作在全省具体排第几名": the report ranks in bands (排位全省一档), not places. An exact
 * place asked for is not given; the band is said with its line.
 */
export function exactRankNotGiven(
  question: string,
  { figure, clause }: FigureCandidate,
  language: Language,
  cite: CiteQuote,
): Draft | undefined {
  if (figure.unit !== '档' || !/(具体|准确|确切|精确)[^，。？?]{0,6}(第几|名次)|第几名/.test(question))
    return undefined;
  const text =
    language === 'zh'
      ? `总结没有写具体名次，只写了“${clause}”，我不作猜测。`
      : `The report gives no exact place, only the band: “${clause}”, and I won't guess.`;
  return draft('not_found', text, {
    citations: [cite(figure.docId, clause)].flatMap((c) => c ?? []),
    settled: true,
  });
}
