import type { Understanding } from '../understand/understand.js';
import { COMPARES, OWN_CASE } from '../understand/intent.js';
import type { ComposeContext } from './compose-context.js';
import { draft, type Draft } from './draft.js';
import { t } from './messages.js';
import { notFound } from './not-found.js';
import { FINISHED_WHEN, ROUND_NUMBER, TOOK_HOW_LONG } from '../understand/asked-units.js';
import { namedPlaces } from './narrower-scope.js';
import { answerBenefits, composeBeyondTheLaws } from '../benefits/answer-benefits.js';
import { beyondTheLaws } from '../benefits/beyond-the-laws.js';
import { answerBesideTheLaws } from '../benefits/beside-the-laws.js';
import { contactAsked } from '../understand/contact-question.js';
import { composeContactAnswer } from './contact-answer.js';
import type { SessionTurn } from '../ports.js';
import { ASKER_IS_NO_CLAIMANT, askingText, splitClauses } from '../understand/clauses.js';
import { citesTheRecord } from './record-cues.js';
import { recordProbability } from '../understand/asker-kind.js';
import { alternativesOf } from './relevance.js';

import { bestReportCoverage } from './evidence.js';
import { composeFromReports } from './report-route.js';
import { asksForPersonsNames, asksWhichPlace } from './report-leaves-out.js';
import { comparesWithOthers } from './figures-not-given.js';
export type { ComposeContext } from './compose-context.js';

/**
 * The bureau and its own bodies ("局里那个党建牌子，口号叫么子"): never a veteran's circumstances, so
 * they place a question in the record wherever they stand, unlike a time ("去年我爸…") told as
 * the asker's own story.
 */
const THE_BUREAU_ITSELF =
  /本局|我局|我们局|局里|局机关|咱局|咱们局|你们局|市局|省厅|厅里|省考|领导班子|党组(?!织)|意识形态|舆情|廉政/;

/** Words that place a question in the bureau's own record: the reports answer it first. */
const BUREAU_CUES = new RegExp(
  `${THE_BUREAU_ITSELF.source}|${
    /去年|(举办|举行|召开)的|你们(?![^，。？?]*(我|俺))[^，。？?]{0,12}了(多少|几)|(那|这)几(起|件|家|场|批)|前年|全年|年度|全市|(?<!在|还是)市里|总结|汇报|部里|我市|本市|稿子|稿件|脚本|片子|党总支|党支部|支部|班子|党建|党员|in 20\d\d|last year|(the|this) bureau|\bparty (members|branch|committee|organi[sz]ation)\b|the city's|citywide|city-wide|\bin (the|this|our) city\b|\b(was|were)\b[^.?]{0,40}\b(finished|completed|achieved|held|carried out|handed out|given out|paid out|distributed|spent|sent|organi[sz]ed|visited|moved|relocated|trained|received|won|awarded|rated|recogni[sz]ed|promoted|commended|praised|piloted|launched)\b|^(?!.*\b(i|my|me|we|our)\b).*\bdid\b[^?]{0,60}\b(receive|win|get|achieve|complete|finish|hold|organi[sz]e|visit|send|relocate|train|secure|obtain|spend|allocate|award|issue|publish|hand out)\b/
      .source
  }`,
  'i',
);

/**
 * "总结里送喜报用的单位是…", "what problems does the report identify": the question is about the
 * report itself, wherever it says so.
 */
const ABOUT_THE_REPORT =
  /(总结|报告|材料|汇报)(里|中|上|说|写)|\b(the|this|that|your|its|20\d\d)( annual| year-end| 20\d\d)? (work )?(report|summary)\b/i;
/**
 * "准数是多少", "喜报是不是送了265次": a figure checked against the record (so is a round number
 * the asker heard, ROUND_NUMBER: a veteran asking about their own due does not count in 二百多回).
 */
const CHECKS_A_NUMBER =
  /准数|确切数|具体数字|到底多少|(是不是|是否|对不对)[^，。？?]{0,6}\d[\d.]*(万|千|百)?(元|座|人次|人|次|回|场|家|个|项|名|户|%|％|万)?/;

/** Statistics of the bureau's work ("多少人", "几次"); weaker: a veteran may ask "几次" too. */
const STATISTICS_CUES =
  /几星|几颗星|星级|评星|\bstar[- ]?(rating|rated)\b|\btotal (amount|number|sum)\b|\bhow many stars\b|\bhow (many|much)\b.*\bbureau\b|\bhow many\b.*\b(were|was|did)\b|(给|发|花|拨|挂|建|办|评|开|迁|送)了多少|几个奖|几项奖|什么奖|获奖|得奖|几家|多少家|人次|多少人|几人|几名|(多少|几)(个|位|名)?(烈士|退役)?(退役军人|老兵|军人|烈属|遗属|家属|党员)|[^\s，。？?]了(多少|几)(位|名|座|家|场|项|户|批|份|篇|期)|(退役军人|老兵|烈属|遗属|党员)(一共|总共|共)?有多少|多少名|几场|多少场|几次|多少次|几回|多少回|几趟|多少趟|多少座|几座|几项|多少项|批次|覆盖率|知晓率|合格率|安置率|满意度|满意率|认可度|\b(satisfaction|awareness|pass|coverage) rate\b|排名|排第几|第几名|名次|排位|排在|哪一档|在全省|全省(第一|率先|前列)|表彰|荣誉|(?<!优)先进|考核|指标|目标|this year/i;

/**
 * A veteran asking about their own entitlement, or whether one exists ("找工作有照顾吗"). "我们县",
 * "我们村" name a place, not the asker's own case; nor does "分布在哪些区县" (where things are,
 * not where to go).
 */
const PERSONAL_CUES =
  /要钱(吗|不|么|没)|有(啥|什么)用|收钱(吗|不|么)|免费(吗|不|么)|半价|能报|每个?人(能|可以)|有(没有)?(什么|啥)?(照顾|优待|优惠|补贴|补助)(吗|没|不|么)|(一年|一个月|每月|每年|能|给|发)(给|发|拿|领)?多少钱|一个月.{0,4}多少|我(?!们(县|村|镇|乡|区|街道|社区|局|市)|市|局|听说|听人说|想知道|想了解|看到|记得|注意到)|俺(?!们(县|村|镇|乡|区|这|那))|咱家|孩子|爱人|老伴|老婆|媳妇|父母|爸|妈|家属|能不能|能否|可不可以|享受|怎么办|怎么(领|申请|办理|算|落|转|用|弄)|咋(办|弄|落|转|领|申请|算|整|用)|能用(吗|不|么)|好使(吗|不)|在哪(?!(个|一)?[档名位]|里?(举办|举行|召开)的|些|个(区|县|乡|镇|村|学校|陵园|市州|省))|哪里|去哪|找谁|哪个部门(给|来)?(发|管|办|负责)|谁(来|给)?(发|管)(?!了)|要带|带什么|申请|领(?!了|到|导|域|袖)|能拿|算不算|\b(i|my|me|can|am)\b/i;

/** A count of people ("就业多少人", "几名"): the record's statistic, never a card's answer. */
const COUNTS_PEOPLE =
  /多少(个|位|名)?人(?!民)|几(个|位|名)人|多少名|人次|(一共|总共)有多少(退役)?(老兵|退役军人)|\bhow many (veterans|people|persons|ex-servicemen|soldiers|martyrs|families|households)\b/i;

/** A rate of the bureau's work (满意度, 知晓率): the record's, never a card's. */
const RATE_OF_THE_WORK =
  /(满意|认可|知晓|合格|覆盖|参与)(度|率)|\b(satisfaction|awareness|pass|coverage|participation) rate\b/i;

/** What a veteran is entitled to, asked as such: the laws answer it, not the bureau's record. */
const POLICY_ASKED =
  /(什么|啥|哪些)(政策|待遇|优待|优惠|补贴|照顾)|政策(是什么|有哪些|怎么规定)|怎么(安置|安排)$/;

/** A total given out or spent ("一共给了多少钱", "发了多少慰问钱"): done, so the record's. */
const TOTAL_GIVEN =
  /(一共|总共|共计|累计|合计)[^，。？?]{0,6}(给|发|花|拨|投入|发放)了?多少|(给|发|花|拨|发放)了多少/;

/** An English question for a rule, in the present tense ("how much is the payment for …"). */
const RULE_ASKED_EN = /\bhow (much|many) (is|are)\b|\bwhat is the (amount|rate|standard)\b/i;

/** A total asked ("一共走访了多少户"). */
const TOTAL_ASKED = /(一共|总共|共计|合计|累计)[^，。？?]{0,8}(多少|几)/;

/** The reports said "not found" without it being their answer (`settled`): a card may answer instead. */
const refusedUnsettled = (d: Draft): boolean =>
  (d.status === 'not_found' || d.status === 'out_of_scope') && !d.settled;

/** Report evidence must beat the best card by this much to take a question the cards also answer. */
const REPORT_MARGIN = 0.1;
/**
 * A card match this clear answers a question without domain words, and a question the reports
 * refuse ("当兵的坐市里公交要钱不": 市里 is a place, not the bureau's year).
 */
const CLEAR_CARD = 0.6;
/** A word used by this share of the cards or more is common in them. */
const CARDS_VOCABULARY = 0.05;
/** A veteran's question no card fits is answered from a report only when a passage holds this much of it. */
const REPORT_ALONE = 0.6;
/**
 * The learned reading (understand/asker-kind.ts) places a question in the record from this
 * probability on; chosen by training on half the blind sets and checking the other half.
 */
const RECORD_LIKE = 0.5;

/**
 * Picks the composer for an understood question and returns its draft (offline, extractive).
 * Two bodies of knowledge compete: entitlement cards (what the law gives a veteran) and the
 * reports (what the bureau did). The route, in order:
 *
 * | question                                              | route                                   |
 * | ----------------------------------------------------- | --------------------------------------- |
 * | greeting, off-topic                                   | fixed reply                             |
 * | no card fits, a veteran's own question                | reports if a passage holds most of it   |
 * | no card fits, otherwise                               | reports                                 |
 * | names the bureau's year or work, or a typed indicator | reports; a veteran's falls back to cards |
 * | statistics ("多少人"), not a veteran's own question    | reports                                 |
 * | a veteran's own question                              | cards                                   |
 * | otherwise                                             | the better evidence                     |
 */
export async function composeOffline(
  u: Understanding,
  ctx: ComposeContext,
  previous?: SessionTurn,
): Promise<Draft> {
  const { language } = u;
  if (u.scope === 'greeting')
    return draft('out_of_scope', `${t('greeting', language)}${t('scope', language)}`);
  if (u.scope === 'out_of_scope') return draft('out_of_scope', t('scope', language));
  const question = { text: u.text, language, boostTerms: u.boostTerms, glossedWords: u.glossedWords };
  const beyond = beyondTheLaws(u.text);
  if (beyond)
    return (
      answerBesideTheLaws(question, beyond, ctx.benefits) ??
      composeBeyondTheLaws(beyond, language, ctx.benefits)
    );
  // "退伍兵去哪报到？报到的地方几点上班": a part about office hours does not sink the part a card
  // answers; the card answer says the hours are not stated.
  const contact = contactAsked(u.text);
  const otherPartAsked = splitClauses(u.text).filter((c) => c.asks && !contactAsked(c.text)).length > 0;
  if (contact && !(contact === 'hours' && otherPartAsked))
    return composeContactAnswer(contact, ctx.kb.bureau, language);
  // No card names a person: "站长是谁" is for the reports, which may (or may not) name them.
  if (asksForPersonsNames(u.text)) return composeFromReports(u, ctx);
  const matched = answerBenefits(
    {
      text: u.text,
      language,
      boostTerms: u.boostTerms,
      glossedWords: u.glossedWords,
      ...(previous?.cardIds ? { previousCards: previous.cardIds } : {}),
    },
    ctx.benefits,
  );
  // A question with no word of the domain ("recommend a restaurant") needs a clear card match.
  const benefits =
    matched && (u.scope === 'in_scope' || matched.confidence >= CLEAR_CARD) ? matched : undefined;
  // "去年看望烈士家属，一共给了多少钱": a total given out is the bureau's record, though it names
  // whom it was given to; the asker's own family ("给我家一共发了多少") stays personal.
  // "作为人大代表我想了解，…网上祭扫的人数": a staff member or deputy asking is no claimant.
  const asking = askingText(splitClauses(u.text));
  const personal =
    PERSONAL_CUES.test(u.text) &&
    !(TOTAL_GIVEN.test(u.text) && !/我|俺/.test(u.text)) &&
    !(ASKER_IS_NO_CLAIMANT.test(u.text) && !PERSONAL_CUES.test(asking));
  // "How much is the monthly family allowance while my son serves?" may match an indicator's
  // words (families), but a veteran's own question that names no year is not about the indicator.
  // "How much is the one-off payment for a martyr's family?" asks the rule in the present tense;
  // the year's record is asked in the past ("how much did … get").
  const ruleAsked = (OWN_CASE.test(u.text) || RULE_ASKED_EN.test(u.text)) && u.years.length === 0;
  const indicatorAsked =
    u.kpi !== undefined &&
    ['figure', 'target', 'progress'].includes(u.intent) &&
    !(ruleAsked && !u.isFollowUp);
  const figureAsked = indicatorAsked || ['brief', 'targets_overview', 'highlights'].includes(u.intent);
  // Cues count where the question asks: "我爸去年在河边救人没了，能评烈士吗" tells of last year,
  // it does not ask about the bureau's year. A year the reports cover is the bureau's year.
  const asked = u.isFollowUp ? u.resolvedText : asking;
  const cited = citesTheRecord(u.text, ctx);
  // Staff's questions read differently from veterans' in ways no cue list covers ("清明节在手机上给走了
  // 的英烈上香献花的人多不多"): the learned reading places them in the record too.
  const recordLike = recordProbability(u.text) >= RECORD_LIKE;
  const bureauCued =
    recordLike ||
    u.years.some((y) => ctx.knownYears.has(y) && asked.includes(String(y).slice(2))) ||
    BUREAU_CUES.test(asked) ||
    THE_BUREAU_ITSELF.test(u.text) ||
    FINISHED_WHEN.test(asked) ||
    TOOK_HOW_LONG.test(asked) ||
    ABOUT_THE_REPORT.test(u.text) ||
    comparesWithOthers(u.text, () => ctx.corpusText) ||
    // "迁坟比2021年多了还是少了": a year's figure compared is the record's, held or not.
    (u.years.length > 0 && COMPARES.test(u.text)) ||
    ROUND_NUMBER.test(u.text) ||
    CHECKS_A_NUMBER.test(u.text) ||
    cited ||
    // "迁到了哪个烈士陵园", "在哪所学校试点的": a particular place of something done.
    (asksWhichPlace(asked) && /了|的/.test(asked)) ||
    figureAsked;
  const statistics = STATISTICS_CUES.test(asked);
  if (!benefits) {
    // "服务站周六上班吗" is not answered by whichever report passage shares a word with it.
    // No card fits at all: cues anywhere in the question count ("信访稳定排名靠前，省厅还给了什么肯定").
    const cuedAnywhere = BUREAU_CUES.test(u.text) || STATISTICS_CUES.test(u.text);
    const strayBenefits = u.scope === 'in_scope' && !bureauCued && !statistics && !cuedAnywhere;
    // An English question's coverage rests on a few glossary translations: too coarse to trust alone.
    const reportHoldsIt = language === 'zh' && (await bestReportCoverage(u, ctx)) >= REPORT_ALONE;
    if (strayBenefits && !reportHoldsIt) return notFound(u, ctx);
    return composeFromReports(u, ctx);
  }
  if (bureauCued || (statistics && !personal)) {
    const fromReports = await composeFromReports(u, ctx);
    // "去年退伍的，能领什么": a veteran's question the reports cannot answer falls back to the cards,
    // and so does a question a card clearly answers that asks for no statistic and no year; a
    // statistics question ("全市退役军人总数", "2021年迁移了多少座烈士墓") stays "not found".
    const refused = refusedUnsettled(fromReports);
    // "假肢一辈子能换几次" counts like a statistic but names no year and nothing of the bureau's.
    // "我们县有多少退役军人": a count for one place is the reports' "no separate figure", not a card.
    const placeCounted = statistics && namedPlaces(u.text).length > 0;
    // A question that quotes the record ("发放慰问金12000元，每户多少") is not a card's either.
    const clearCard =
      !cited &&
      // "就业多少人": no card counts people, nor rates the bureau's work ("满意度是多少").
      !COUNTS_PEOPLE.test(asking) &&
      !RATE_OF_THE_WORK.test(asking) &&
      benefits.confidence >= CLEAR_CARD &&
      (!statistics || !bureauCued) &&
      u.years.length === 0 &&
      !placeCounted;
    // "去年…局里上门慰问我们普通老兵一共走访了多少户": a total of the bureau's work stays the record's,
    // though the asker counts themself among those served.
    const totalOfTheRecord = statistics && bureauCued && TOTAL_ASKED.test(asking);
    // A question that reads as staff's is the record's even when the record does not hold it: a card
    // that shares its words ("搬一座烈士墓要花多少钱" → 烈士纪念设施受保护) does not answer it.
    return refused && !totalOfTheRecord && !recordLike && (personal || clearCard)
      ? benefits.draft
      : fromReports;
  }
  // A veteran asking about their own case is not asking what the bureau did last year.
  // "军转干部安置有什么政策": a question about what the law gives, with nothing of the bureau's year.
  if (personal || POLICY_ASKED.test(asking)) return benefits.draft;
  // An English question's coverage rests on its few glossary translations: too coarse to compare.
  // A word many cards use (退伍), in any of its glossary alternatives, is the cards' vocabulary.
  const cardsUse = (term: string) =>
    alternativesOf(term).some(
      (alt) => ctx.benefits.cards().df(alt) >= ctx.benefits.cards().size * CARDS_VOCABULARY,
    );
  const reportEvidence = language === 'en' ? 0 : await bestReportCoverage(u, ctx, { cardsUse });
  if (reportEvidence <= benefits.confidence + REPORT_MARGIN) return benefits.draft;
  const fromReports = await composeFromReports(u, ctx);
  const refused = refusedUnsettled(fromReports);
  // The reports were the better evidence and refused ("安置任务为什么能提前完成": the report gives no
  // cause): only a clear card answers instead, not one that shares a word (安排工作的时限).
  return refused && benefits.confidence >= CLEAR_CARD ? benefits.draft : fromReports;
}
