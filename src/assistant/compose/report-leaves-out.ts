/**
 * What a report states about its work and what it leaves out: it counts things and people it does
 * not name ("全省获得四项表彰的市州仅3个"), states results without their causes or methods, and
 * names few places (figures it does not give are in figures-not-given.ts). A question for the
 * names, the cause or the place gets that said, with the passage cited where there is one, and no card answers
 * instead (`settled`): "安置任务为什么能提前完成" is not answered by the placement-deadline card.
 */
import type { Language } from '../answer.js';
import type { Passage } from '../ports.js';
import type { CiteQuote } from './cite.js';
import { draft, type Draft } from './draft.js';
import { clauseAbout, clauseHolding, unlistedShorthand } from './report-shorthand.js';

/**
 * "评出的10名最美退役军人都是谁": the people's names are asked for. A passage that only counts them
 * does not answer ("谁负责/找谁" asks for an office, which a passage does name).
 */
export const asksForPersonsNames = (question: string): boolean =>
  /(都|分别|各)是谁|(都|分别|各)叫什么名字|(人|兵)(都|分别|各)叫(什么|啥)|(长|主任|书记|负责人|领导)(是谁|叫什么|叫啥|是哪位)|(军人|候选人|同志|典型|模范|标兵|先进个人)(都|分别)?(是谁|叫什么|叫啥|是哪(两|几|些)?位)|名单|姓名|(都|分别)?是哪(些|几位|几个)人|(都|分别)是哪(几|些)?位|哪(些|几位|几个)人(签|参加|出席|获|当选|入选)|哪(位|些)[^，。？?]{0,4}(领导|同志)|\bwho (were|are) (they|the)\b|\bwho (is|was) the (head|director|chief|leader)\b|\bnames of\b/i.test(
    question,
  );
/** A passage that names people: a roll ("名单") or names listed after a colon. */
export const namesPersons = (passage: string): boolean =>
  /名单|：[\u4e00-\u9fa5]{2,4}、[\u4e00-\u9fa5]{2,4}、/.test(passage);

const WHICH_ONES = /([\u4e00-\u9fa5]{2})(?:是|都是|分别是)?哪(?:两|三|四|五|几)(?:个|家|位|项)/;
/** "具体是哪几项工作": which ones in particular, of the kind named after the question word. */
const WHICH_IN_PARTICULAR =
  /具体(?:是|指|有)?哪(?:两|三|四|五|几|些)(?:个|家|位|项|种|类)?([\u4e00-\u9fa5]{2})/;
/** "领到奖补资金的9家企业具体是哪几家": which ones of the things counted right before. */
const WHICH_OF_THE_COUNTED =
  /\d+(家|个|位|名|所|座)(?<thing>[\u4e00-\u9fa5]{2})[^，。？?]{0,6}哪(?:几|些)\1?(?=[？?，。]|$)/;
/** "9家企业都是哪些企业": which ones of a counted kind the report may only count. */
const WHICH_NAMED =
  /哪(?:些|几)(?:家|个|位)?(企业|单位|公司|个人|同志|学校|医院|媒体|村|社区|乡镇|县|区|市州)/;
/** "推荐的2名候选人最后当选了吗": what came of a nomination, after the report's year. */
const ASKS_THE_OUTCOME =
  /(最后|最终|后来)[^，。？?]{0,6}(当选|选上|评上|入选|结果)|有没有(当选|选上|评上|入选)|当选了(吗|没)|\b(go on to (win|be (selected|chosen|named))|in the end|end up (winning|being))\b/i;
/** "军休总站是哪个部门评的五星级": who gave an honour. */
const ASKS_WHO_AWARDED =
  /(哪个|哪级|哪一级|什么)(部门|单位|机构|级别)(评|授予|颁发|认定|表彰)的?|谁(评|授予|颁发)的|\bwho (awarded|rated|gave)\b/i;
/** The report names who gave it: "被省退役军人事务厅评为", "省厅…进行了表彰". */
const NAMES_THE_AWARDER =
  /被[^，。]{2,20}(评为|授予|表彰|通报表扬)|(部|厅|委|局|小组)[^，。]{0,10}(表彰|授予|推介|肯定)/;

/** "慰问金是从哪笔经费里出的": where the money came from. */
const ASKS_FUND_SOURCE =
  /(从|由)哪(笔|项|个|里|儿)?[^，。？?]{0,4}(经费|资金|钱|预算|款)?[^，。？?]{0,2}(出|拨|支出|列支)|资金来源|经费来源|钱从哪|\b(where did the money come from|funded (from|by) what|source of (the )?(funds|money))\b/i;
/** The report says where money came from: "争取省厅支持项目资金". */
const GIVES_A_SOURCE = /争取|拨付|列支|来源|(省厅|中央|财政)[^，。]{0,6}(支持|资金)/;

/** "这项指标由哪个科室牵头": the section in charge. */
const ASKS_WHICH_SECTION =
  /哪个(科室|处室|部门|科|股)(牵头|负责|承办|来抓|主抓)|由谁牵头|谁牵头|牵头(科室|单位|部门)是|\bwhich (section|department|office|division) (leads|is (in charge|responsible))\b/i;
/** "引进的高学历人才是什么学历、安排在哪个科室": a person's education, field or posting. */
const ASKS_A_PERSONS_DETAILS =
  /什么学历|学历是|什么专业|学的什么|学的啥|哪所(学校|大学)毕业|毕业于|安排在哪(个|些)?(科室|部门|岗位|单位)|\bwhat (degree|qualification|field)\b/i;
/** The question names a figure but asks who leads it, who they are or how it turned out. */
export const asksBesidesTheFigure = (question: string): boolean =>
  // "为什么2023年把目标定在85%": the reason, which the figure is not.
  ASKS_WHY.test(question) ||
  ASKS_WHO_AWARDED.test(question) ||
  ASKS_FUND_SOURCE.test(question) ||
  ASKS_WHICH_SECTION.test(question) ||
  ASKS_A_PERSONS_DETAILS.test(question) ||
  ASKS_THE_OUTCOME.test(question);

/** "你觉得…值不值得推开": the asker wants a judgement, which the report does not give. */
const ASKS_AN_OPINION =
  /你(觉得|认为|看来)|你怎么看|你的看法|值不值得|该不该|应不应该|\bdo you think\b|\bin your (view|opinion)\b|\byour opinion\b|\bworth (it|rolling out|expanding)\b/i;
// Not 被评为什么 (rated as what).
const ASKS_WHY =
  /(?<![评选列称认作定])为什么|为啥|什么原因|原因是|啥原因|为何|\bwhy\b|\bwhat (was|were) the reasons?\b/i;
/** "安置任务是怎么做到提前完成的", "评选标准是什么", "三训一扶具体怎么做的": how it was done. */
const ASKS_HOW_DONE =
  /怎么做到|(采取|用)了(哪些|什么|啥)(做法|措施|办法)|具体做法|(最后|最终)?(是)?(怎么|如何)(处理|解决|化解|处置)的|如何做到|是怎么(评(?!价)|选|做到|实现)|怎么(打分|评出来|选出来)|按(什么|啥|哪些)(标准|条件|程序)|是如何(评|选|做到|实现)|(评选|评定|考核)(的)?(标准|条件|程序|办法)|具体(是)?(怎么|如何)(做|搞|操作|实施)|(课|讲座|培训)[^，。？?]{0,4}(讲|教)了(些)?(什么|啥)|\bhow (was|were|did) (it|they|the)\b.*\b(achieved|selected|chosen)\b/i;
/** "完成用了多长时间", "前后花了几个月": how long a piece of work took. */
const ASKS_HOW_LONG_IT_TOOK =
  /(用|花)了(多长时间|多久|几个月|几天|多少天)|历时多久|前后(用了|花了)?多久|\bhow long did\b[^?]*\btake\b/i;
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

/** "另外两个市州是哪两个": the clause that counts the asked thing lists no names (no 、 run, no quotes). */
function namesNone(question: string, passage: string): string | undefined {
  const things = [WHICH_ONES, WHICH_NAMED, WHICH_IN_PARTICULAR, WHICH_OF_THE_COUNTED]
    .map((pattern) => {
      const m = pattern.exec(question);
      return m?.groups?.thing ?? m?.[1];
    })
    .filter((thing): thing is string => thing !== undefined && thing !== '具体');
  // The first thing asked that the passage names: its clause lists no names (no 、 run, no quotes).
  const clause = things.map((thing) => clauseHolding(passage, thing)).find((c) => c !== undefined);
  return clause !== undefined && !/、|“/.test(clause) ? clause : undefined;
}

/**
 * "党组书记上的那堂廉政党课主题是什么": the clause on the thing (…上廉政党课) names no title in quotes
 * or 《》, as the report does when it gives one (“返乡第一课”, 《村路弯弯》).
 */
function titleNotGiven(question: string, passage: string): boolean {
  const thing = /([\u4e00-\u9fa5]{2})的?(主题|题目|标题)(是|叫)?(什么|啥)/.exec(question)?.[1];
  if (!thing) return false;
  const clauses = passage.split(/[，。；]/).filter((c) => c.includes(thing));
  return clauses.length > 0 && !clauses.some((c) => /[“”《》]/.test(c));
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
  const unnamed = namesNone(question, quote);
  const counted = unnamed !== undefined && /\d|[一二三四五六七八九十两几]+(个|家|位|项|名|种)/.test(unnamed);
  // The first thing asked that the passage leaves out, in the asker's language.
  const missing: { left: boolean; zh: string; en: string }[] = [
    {
      left: shorthand !== undefined,
      zh: `总结提到“${shorthand}”，但没有列出具体是哪几项，我不作猜测。`,
      en: `The report mentions “${shorthand}” but does not list what it stands for, and I won't guess.`,
    },
    {
      left: unnamed !== undefined,
      zh: counted
        ? '总结只写了数量，没有列出具体是哪些，我不作猜测。'
        : '总结提到了，但没有列出具体是哪些，我不作猜测。',
      en: counted
        ? "The report gives the number but does not name them, and I won't guess."
        : "The report mentions them but does not say which they are, and I won't guess.",
    },
    {
      left: ASKS_THE_OUTCOME.test(question) && !/当选|入选|落选/.test(quote),
      zh: '总结只写到推荐、评选这一步，没有写最后的结果，我不作猜测。',
      en: "The report stops at the nomination and does not say how it turned out, and I won't guess.",
    },
    {
      left: ASKS_WHO_AWARDED.test(question) && !NAMES_THE_AWARDER.test(clauseAbout(question, quote)),
      zh: '总结只写了获评的结果，没有写由哪个部门评定，我不作猜测。',
      en: "The report gives the rating but not who awarded it, and I won't guess.",
    },
    {
      left: ASKS_FUND_SOURCE.test(question) && !GIVES_A_SOURCE.test(clauseAbout(question, quote)),
      zh: '总结写了这笔钱的数目或用途，没有写钱从哪里出，我不作猜测。',
      en: "The report does not say where the money came from, and I won't guess.",
    },
    {
      left: ASKS_WHICH_SECTION.test(question) && !/牵头|科室|处室/.test(quote),
      zh: '总结没有写由哪个科室或部门牵头负责，我不作猜测。',
      en: "The report does not say which section or department leads it, and I won't guess.",
    },
    {
      left: ASKS_A_PERSONS_DETAILS.test(question) && !/本科|硕士|博士|研究生|专业|毕业/.test(quote),
      zh: '总结只写了人数，没有写这些人的学历、专业或去向，我不作猜测。',
      en: "The report gives only the number, not these people's education, field or posting, and I won't guess.",
    },
    {
      left: titleNotGiven(question, quote),
      zh: '总结提到了这件事，但没有写它的主题或题目，我不作猜测。',
      en: "The report mentions it but gives no theme or title, and I won't guess.",
    },
    {
      left: ASKS_AN_OPINION.test(question),
      zh: '总结写的是做了什么、结果如何，没有对此作评价，我也不作评判。',
      en: "The report says what was done and what came of it; it gives no opinion on this, and I won't either.",
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
      // "安置任务从开始到完成用了多长时间": a date or "提前3个月" is not how long it took.
      left: ASKS_HOW_LONG_IT_TOOK.test(question) && !/历时|用时|耗时/.test(quote),
      zh: '总结写了完成的结果，没有写用了多长时间，我不作猜测。',
      en: "The report gives the result but not how long it took, and I won't guess.",
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

/** "用的是什么平台", "在哪个村": the thing a question asks the name or kind of. */
const ASKED_KIND = /(?:什么|啥|哪个|哪家|哪一个|哪座|哪所)([\u4e00-\u9fff]{2})/;
/** Kinds every passage is an instance of: what was done, how, which honours or problems. */
const GENERAL_KINDS =
  /^(时候|时间|意思|情况|工作|内容|活动|措施|办法|荣誉|奖项|问题|目标|任务|成绩|成果|方面|亮点|举措|要求|经验|做法|特点|作用|意义|称号|名字|名称|品牌|表彰|级别|程度|水平|样子|地方|部门|单位|数字|指标|东西|事情|政策|待遇|程序|流程|范围|层级|方式|形式|类型|渠道|原因|结果|评价|认可|部分|章节|板块|栏目|标题|段落|名次|位次|排名|位置|档次|等次|星级|等级|得分|分数)$/;

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
