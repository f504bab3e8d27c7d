import { ROUND_NUMBER } from './asked-units.js';

/**
 * What kind of answer the question wants. Cheap keyword rules: the composer falls back to passages
 * whenever a more specific answer can't be built, so a wrong guess here costs little.
 */
export type Intent =
  | 'progress'
  | 'target'
  | 'figure'
  | 'targets_overview'
  | 'highlights'
  | 'brief'
  | 'list'
  | 'policy'
  | 'passage';

/**
 * A leader's overview request: "去年工作总体怎么样", "简单汇报一下2022年的数据", "给我看看关键指标",
 * "how did last year go". It names no indicator of its own.
 */
const BRIEF =
  /(总体|整体|总的|大体|大致|全年|全局|一年来?)(工作)?(干得|做得|搞得)?(怎么样|如何|情况|咋样)|工作(怎么样|如何|咋样|情况如何)|汇报一下|简单汇报|汇报汇报|简报|概况|总体情况|关键指标|主要指标|主要数据|核心数据|年度数据|全年数据|看看(数据|指标)|\bbrief(ing)?\b|\boverview\b|(?<!\bwork )\bsummary\b|how did .{0,30}\bgo\b|key (figures|indicators|numbers)|main figures/i;

const PROGRESS =
  /完成(得|的)?(怎么样|如何|情况)|进度|差(多少|距)|达标|离目标|完成率|progress|on track|gap|compared? (with|to) (the )?target|vs\.? target|against (the )?target/i;
const TARGET = /目标|计划|打算|力争|确保|要达到|指标是|\btarget|\bgoal|\bplan(ned)?\b|aim/i;
const HOW_MANY_WORDS =
  /多少|几星|星级|star rating|how many stars|\b(what|which) rating\b|(?<![那这])几(个|名|次|家|座|项|起|份|人|位|条|批)?|数量|数字|人数|百分比|比例|比率|占比|\d+\s*%|率|how (many|much)|what (is|was) the (number|rate|share|amount|total)|\brate\b|\bnumber of|percentage|amount/i;
/** A number asked for: the asking words, or a round number to check ("是不是两万多人"). */
const asksHowMany = (text: string): boolean => HOW_MANY_WORDS.test(text) || ROUND_NUMBER.test(text);
/** All targets at once ("几个量化目标分别是多少"); plans and 确保 alone are list questions. */
const OVERVIEW_TARGET = /目标|指标|targets|goals/i;

/** Honours and achievements of the year: the leaders' headline list. */
/** The year's honours; an "honor home" (光荣院) is a place, not an honour. */
const HIGHLIGHTS =
  /荣誉|表彰|成绩|亮点|成果|获奖|拿得出手|先进单位|honou?rs?(?! homes?\b)|awards?|achievements?|highlights?|accomplish/i;

/** "四强是哪四强", "分别是什么": the items themselves, even when a count is mentioned. */
/** Asking for the named items, not their values. */
const WHICH_ITEMS = /具体(是|指)哪|哪[一二两三四五六七八九十]/;
const LIST_ITEMS =
  /哪[一二两三四五六七八九十]|哪几(个|家|位|项|所|部|种|类|条|本|篇)?[？?]?$|分别(是|指)|具体(是|指)哪/;
const LIST =
  /哪[一二两三四五六七八九十几]|分别|哪些|哪几|有什么|有啥|是什么|都是啥|都是什么|都有|列一下|列出|包括|具体内容|内容是|what are|which|list|what were|what did|problems|shortcomings|honou?rs|awards/i;
const POLICY =
  /能不能|能否|可不可以|可以(申请|享受|领|拿)|有没有(补贴|补助|优惠|政策|待遇)|享受|待遇|申请|政策|规定|补贴|补助|优惠|优先|贷款|工龄|社保|医保|养老|复学|上学|入学|考公|招录|抚恤金|伤残|残疾|免费|坐车|乘车|看病|就医|退役金|安置方式|条件|资格|怎么办|咋办|找谁|帮我|能帮|办啥|管用|算数|扶持|帮扶|照顾|支持政策|有啥好处|entitle|eligible|can i|am i|do i get|benefit|allowance|subsidy|loan|policy|law|rights|how do i|apply/i;

/** "迁坟比前年多了还是少了", "同比": a figure compared with another year's. */
export const COMPARES =
  /比[^，。？?]{0,8}(多|少|增|减|高|低|好|差)|同比|相比|比一下|比较一下|对比|环比|增长了?多少|下降了?多少|\bcompared?\b|\bcomparison\b|\bto compare\b|\bmore than in\b|\bfewer than in\b/i;

/**
 * A year of the bureau's record ("2022年", "去年"), not the asker's own ("我2019年入伍"); in English
 * also a total ("the total amount of subsidy paid to those nine enterprises").
 */
const RECORD_YEAR = /20\d\d年|去年|今年|[12]\d年|\bin 20\d\d\b|\blast year\b|\btotal (amount|number|sum)\b/i;
/** The asker or their family, not the bureau ("我们局", "我市"): the question is about their own case. */
export const OWN_CASE =
  /我(?!们|局|市)|俺|本人|咱家|孩子|儿子|女儿|爱人|老伴|老婆|媳妇|父母|爸|妈|\b(i|my|me)\b/i;
/** "2022年发放创业担保贷款多少万元": a number of the year's record, though it names a benefit. */
const asksYearsRecord = (text: string): boolean =>
  RECORD_YEAR.test(text) && asksHowMany(text) && !OWN_CASE.test(text);

/**
 * A named indicator makes a figure question only when a number is asked for (or the question is a
 * follow-up of one); "党风廉政这块是怎么抓的" names an indicator but wants the passage.
 */
export function classifyIntent(text: string, hasMetric: boolean, isFollowUp = false): Intent {
  if (!hasMetric && BRIEF.test(text)) return 'brief';
  if (hasMetric && PROGRESS.test(text)) return 'progress';
  if (hasMetric && TARGET.test(text)) return 'target';
  if (hasMetric && (asksHowMany(text) || isFollowUp) && !LIST_ITEMS.test(text)) return 'figure';
  if (
    !hasMetric &&
    !WHICH_ITEMS.test(text) &&
    OVERVIEW_TARGET.test(text) &&
    (asksHowMany(text) || LIST.test(text))
  )
    return 'targets_overview';
  if (!hasMetric && HIGHLIGHTS.test(text) && (LIST.test(text) || asksHowMany(text))) return 'highlights';
  // "获得了哪些荣誉和表彰" is the year's honours, though 表彰 names one indicator too.
  if (HIGHLIGHTS.test(text) && /哪些|哪几|什么荣誉|what (honou?rs|awards)/i.test(text)) return 'highlights';
  if (LIST_ITEMS.test(text)) return 'list';
  if (POLICY.test(text) && !asksYearsRecord(text)) return 'policy';
  if (LIST.test(text)) return 'list';
  if (asksHowMany(text)) return 'figure';
  return 'passage';
}

/** Deadlines and options are what the guides state: "多少天之内报到", "有几种安置方式". */
const RULE_QUESTION = /报到|几种|多长时间|多久|期限|时限|之内|以内|安置方式|怎么安置/;
export const asksAboutBenefits = (text: string): boolean => POLICY.test(text) || RULE_QUESTION.test(text);
export const asksForNumber = (text: string): boolean => asksHowMany(text);
export const asksForTarget = (text: string): boolean => TARGET.test(text);
export const asksForProgress = (text: string): boolean => PROGRESS.test(text);
