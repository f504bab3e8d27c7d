import type { Understanding } from '../understand/understand.js';
import { nounsOf } from '../../retrieval/nouns.js';
import { focusTermMissing, holdsOneFocusTerm, isVagueNoun } from './answerability.js';
import { askedNumber, asksAnotherUnit, asksForADate } from '../understand/asked-units.js';
import { composeDateAnswer } from './date-answer.js';
import { composeMaskedNameAnswer } from './masked-name-answer.js';
import type { ComposeContext } from './compose-context.js';
import { draft, type Draft } from './draft.js';
import {
  betterExtractedFigure,
  numberFallbackAllowed,
  relevantPassages,
  withIndicatorPassage,
  withWholeSection,
} from './evidence.js';
import { bestExtractedFigure, composeExtractedFigureAnswer } from './extracted-figure-answer.js';
import { composeFigureAnswer } from './figure-answer.js';
import { composeListAnswer } from './list-answer.js';
import { t } from './messages.js';
import { notFound, placeNotCovered, unknownPlace, withLocalRuleNote, yearNotCovered } from './not-found.js';
import { composeHighlights, composeTargetsOverview } from './overview-answers.js';
import { composeBrief } from './brief-answer.js';
import { composePassageAnswer } from './passage-answer.js';
import { contentTerms, coverage } from './relevance.js';
import { composeTopicOverview } from './topic-answer.js';
import { answerBenefits, composeBeyondTheLaws } from '../benefits/answer-benefits.js';
import { beyondTheLaws } from '../benefits/beyond-the-laws.js';
import { contactAsked } from '../understand/contact-question.js';
import { composeContactAnswer } from './contact-answer.js';
import type { SessionTurn } from '../ports.js';
import { askingText, splitClauses } from '../understand/clauses.js';
import { asksForTarget } from '../understand/intent.js';

export type { ComposeContext } from './compose-context.js';

/** No domain words: only a passage that holds most of the question makes it in scope. */
const UNCERTAIN_SCOPE_COVERAGE = 0.5;

/** Words that place a question in the bureau's own record: the reports answer it first. */
const BUREAU_CUES =
  /去年|前年|全年|年度|本局|我局|局里|局机关|咱局|咱们局|你们局|全市|市局|市里|总结|汇报|党总支|党支部|支部|党组(?!织)|领导班子|班子|党建|党员|廉政|意识形态|舆情|in 20\d\d|last year|the bureau/i;

/** Statistics of the bureau's work ("多少人", "几次"); weaker: a veteran may ask "几次" too. */
const STATISTICS_CUES =
  /几星|星级|评星|\bstar[- ]?(rating|rated)\b|\bhow many stars\b|\bhow (many|much)\b.*\bbureau\b|\bhow many\b.*\b(were|was|did)\b|(给|发|花|拨)了多少|几个奖|几项奖|什么奖|获奖|得奖|几家|多少家|人次|多少人|几人|几名|多少名|几场|多少场|几次|多少次|多少座|几座|几项|多少项|批次|覆盖率|知晓率|合格率|安置率|排名|表彰|荣誉|先进|考核|指标|目标|this year/i;

/** A veteran asking about their own entitlement, or whether one exists ("找工作有照顾吗"). */
const PERSONAL_CUES =
  /有(没有)?(什么|啥)?(照顾|优待|优惠|补贴|补助)(吗|没|不|么)|(一年|一个月|每月|每年|能|给|发)(给|发|拿|领)?多少钱|一个月.{0,4}多少|我|俺|咱家|孩子|爱人|老伴|老婆|媳妇|父母|爸|妈|家属|能不能|能否|可不可以|享受|怎么办|怎么(领|申请|办理|算|落|转|用|弄)|咋(办|弄|落|转|领|申请|算|整|用)|能用(吗|不|么)|好使(吗|不)|在哪|哪里|去哪|找谁|要带|带什么|申请|领(?!了)|能拿|算不算|\b(i|my|me|can|am)\b/i;

/** The asker or their family, not the bureau ("我们局", "我市"). */
const OWN_CASE = /我(?!们|局|市)|俺|本人|咱家|孩子|儿子|女儿|爱人|老伴|老婆|媳妇|父母|爸|妈|\b(i|my|me)\b/i;

/** Report evidence must beat the best card by this much to take a question the cards also answer. */
const REPORT_MARGIN = 0.1;
/**
 * A card match this clear answers a question without domain words, and a question the reports
 * refuse ("当兵的坐市里公交要钱不": 市里 is a place, not the bureau's year).
 */
const CLEAR_CARD = 0.6;
/** A veteran's question no card fits is answered from a report only when a passage holds this much of it. */
const REPORT_ALONE = 0.6;

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
  const beyond = beyondTheLaws(u.text);
  if (beyond) return composeBeyondTheLaws(beyond, language, ctx.benefits);
  const contact = contactAsked(u.text);
  if (contact) return composeContactAnswer(contact, ctx.kb.bureau, language);
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
  const personal = PERSONAL_CUES.test(u.text);
  // "How much is the monthly family allowance while my son serves?" may match an indicator's
  // words (families), but a veteran's own question that names no year is not about the indicator.
  const indicatorAsked =
    u.kpi !== undefined &&
    ['figure', 'target', 'progress'].includes(u.intent) &&
    !(OWN_CASE.test(u.text) && u.years.length === 0 && !u.isFollowUp);
  const figureAsked = indicatorAsked || ['brief', 'targets_overview', 'highlights'].includes(u.intent);
  // Cues count where the question asks: "我爸去年在河边救人没了，能评烈士吗" tells of last year,
  // it does not ask about the bureau's year. A year the reports cover is the bureau's year.
  const asked = u.isFollowUp ? u.resolvedText : askingText(splitClauses(u.text));
  const bureauCued =
    u.years.some((y) => ctx.knownYears.has(y) && asked.includes(String(y).slice(2))) ||
    BUREAU_CUES.test(asked) ||
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
    const refused = fromReports.status === 'not_found' || fromReports.status === 'out_of_scope';
    // "假肢一辈子能换几次" counts like a statistic but names no year and nothing of the bureau's.
    const clearCard =
      benefits.confidence >= CLEAR_CARD && (!statistics || !bureauCued) && u.years.length === 0;
    return refused && (personal || clearCard) ? benefits.draft : fromReports;
  }
  // A veteran asking about their own case is not asking what the bureau did last year.
  if (personal) return benefits.draft;
  // An English question's coverage rests on its few glossary translations: too coarse to compare.
  const reportEvidence = language === 'en' ? 0 : await bestReportCoverage(u, ctx);
  if (reportEvidence <= benefits.confidence + REPORT_MARGIN) return benefits.draft;
  const fromReports = await composeFromReports(u, ctx);
  const refused = fromReports.status === 'not_found' || fromReports.status === 'out_of_scope';
  return refused ? benefits.draft : fromReports;
}

const ASKS_A_NAME = /(叫|是)(什么|啥)(名字|名称)?|(名字|名称)(是|叫)(什么|啥)/;

/**
 * "品牌叫什么名字": the name is what is asked for, not a subject the documents must name, when
 * the passage gives a quoted name right beside a noun of the question (打造“…”党建品牌).
 */
function askedNotSubject(question: string, nouns: readonly string[], passage = ''): string[] {
  if (!ASKS_A_NAME.test(question)) return [];
  const named = nouns.some((noun) => {
    const word = noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return (
      !/^(名字|名称)$/.test(noun) &&
      new RegExp(`”[^，。；“]{0,4}${word}|${word}[^，。；”]{0,4}“`).test(passage)
    );
  });
  return named ? ['名字', '名称'] : [];
}

/**
 * "评出的10名最美退役军人都是谁": the people's names are asked for. A passage that only counts them
 * does not answer ("谁负责/找谁" asks for an office, which a passage does name).
 */
const asksForPersonsNames = (question: string): boolean =>
  /(都|分别|各)是谁|(长|主任|书记|负责人|领导)(是谁|叫什么|叫啥|是哪位)|名单|姓名|\bwho (were|are) (they|the)\b|\bwho (is|was) the (head|director|chief|leader)\b|\bnames of\b/i.test(
    question,
  );
/** A passage that names people: a roll ("名单") or names listed after a colon. */
const namesPersons = (passage: string): boolean =>
  /名单|：[\u4e00-\u9fa5]{2,4}、[\u4e00-\u9fa5]{2,4}、/.test(passage);

/** Words of a targets question that name no subject of their own. */
const OVERVIEW_WORDS =
  /^(七个|确保|目标|指标|量化|任务|计划|打算|主要|全部|所有|哪些|百分|百分比|比例|数字|数据|targets?|goals?)+$/i;

/** Several figures asked at once: "分别定了多少", "这几个指标". */
const SEVERAL_ASKED = /分别|这几个|那几个|各(是|定了|为)|\beach\b|\brespectively\b/i;
/** The question names the year the documents set targets for (2023). */
const asksAboutTargetYear = (u: Understanding, ctx: ComposeContext): boolean =>
  u.years.some((year) => ctx.tools.statsSummary().targets.some((c) => c.target?.year === year));

/** Words of an honours question that name no subject of their own. */
const HIGHLIGHT_WORDS =
  /^(荣誉|称号|誉称|表彰|成绩|亮点|成果|获奖|奖项|奖|先进|单位|先进单位|取得|获得|得了|拿了|主要|哪些|全部|所有|拿得出手|工作|年度|全年|本局|我局|局里|退役军人事务局|honou?rs?|awards?|achievements?|highlights?)+$/i;

/** Report passages found by the question's official terms themselves, best covered first. */
async function passagesForTerms(terms: string[], ctx: ComposeContext) {
  const query = terms.map((term) => term.split('|')[0]).join(' ');
  const found = await ctx.tools.searchKnowledge(query, 8, { kinds: ['report'] });
  return found
    .map((passage) => ({ passage, coverage: coverage(terms, passage.quote, ctx.termWeight) }))
    .sort((a, b) => b.coverage - a.coverage);
}

/** How much of the question the best report passage holds (0 when none qualifies). */
async function bestReportCoverage(u: Understanding, ctx: ComposeContext): Promise<number> {
  const terms = contentTerms(u.resolvedText, u.translations);
  const relevant = await relevantPassages(u, terms, ctx);
  return Math.max(0, ...relevant.filter((r) => r.passage.kind !== 'law').map((r) => r.coverage));
}

/** The report and uploaded-document routes: indicators, extracted figures, passages. */
async function composeFromReports(u: Understanding, ctx: ComposeContext): Promise<Draft> {
  const { language } = u;
  const place = unknownPlace(u.text, ctx.corpusText);
  if (place) return placeNotCovered(u, place);
  const unknownYear = u.years.length > 0 && !u.years.some((y) => ctx.knownYears.has(y));
  if (unknownYear && (u.kpi || u.intent === 'figure' || u.intent === 'target' || u.intent === 'progress')) {
    return yearNotCovered(u, ctx.cite);
  }
  // Before one indicator: "23年培训和就业这几个指标分别定了多少": the targets of the named subjects, each with its figure.
  if (SEVERAL_ASKED.test(u.text) && (asksForTarget(u.text) || asksAboutTargetYear(u, ctx))) {
    const subjects = contentTerms(u.resolvedText, []).filter((term) => !OVERVIEW_WORDS.test(term));
    const about = (name: string) => subjects.some((subject) => name.includes(subject));
    const named = composeTargetsOverview(ctx.tools, language, ctx.cite, about);
    if (named && (named.figures?.filter((f) => f.kind === 'target').length ?? 0) >= 2) return named;
  }
  if (u.kpi && (u.intent === 'figure' || u.intent === 'target' || u.intent === 'progress')) {
    const wantsActual = /实际|最终|最后达到|actual(ly)?\b|achieved/i.test(u.text);
    // English questions are matched through translations only, too coarse to overrule an indicator
    // on words alone; an indicator in another unit than the one asked is overruled in either language
    // ("How much money was paid to the 9 enterprises": 9 enterprises is not an amount of money).
    const wrongUnit = asksAnotherUnit(u.text, u.kpi.unit);
    const better =
      u.intent === 'figure' && (language === 'zh' || wrongUnit)
        ? await betterExtractedFigure(u, u.kpi, ctx)
        : undefined;
    if (better) return composeExtractedFigureAnswer(better, language, ctx.cite);
    return composeFigureAnswer({
      kpi: u.kpi,
      years: u.years,
      intent: u.intent,
      language,
      cite: ctx.cite,
      wantsActual,
    });
  }
  // "23年军休干部这块的目标": a subject's targets are in the plan's text, not the indicator list.
  const questionTerms = contentTerms(u.resolvedText, u.translations);
  const namesASubject = questionTerms.some((term) => !OVERVIEW_WORDS.test(term));
  if (u.intent === 'targets_overview' && !namesASubject) {
    const overview = composeTargetsOverview(ctx.tools, language, ctx.cite);
    if (overview) return overview;
  }
  // "党史学习教育成果巩固方面开展了哪些活动" names its own subject: not the year's honours list.
  // The asker's own words: a glossary translation (荣誉 → 荣誉激励) is not a subject they named.
  const namesOwnSubject = contentTerms(u.resolvedText, []).some((term) => !HIGHLIGHT_WORDS.test(term));
  if (u.intent === 'highlights' && !namesOwnSubject) {
    const highlights = composeHighlights(ctx.tools, language, ctx.cite);
    if (highlights) return highlights;
  }
  if (u.intent === 'brief') {
    const brief = composeBrief(ctx.tools, ctx.kb, language, ctx.cite);
    if (brief) return brief;
  }
  const nouns = nounsOf(u.text);
  // Everyday verbs and adverbs no document uses (以后, 掏钱, 考上) say nothing about relevance;
  // an unseen noun does, and is kept (see focusTermMissing).
  const terms = questionTerms.filter(
    (term) =>
      !isVagueNoun(term) &&
      (!ctx.termWeight.unseen(term) || nouns.includes(term) || u.boostTerms.includes(term)),
  );
  const relevant = withWholeSection(
    u,
    withIndicatorPassage(u, await relevantPassages(u, terms, ctx), ctx),
    ctx,
  );
  // No domain words: only a passage that holds most of the question makes it in scope.
  if (u.scope === 'uncertain' && !relevant.some((r) => r.coverage >= UNCERTAIN_SCOPE_COVERAGE)) {
    return draft('out_of_scope', t('scope', language));
  }
  if (relevant.length === 0) return notFound(u, ctx);
  const exempt = [
    ...u.replacedWords,
    ...u.boostTerms,
    ...askedNotSubject(u.text, nouns, relevant[0]?.passage.quote),
  ];
  if (!u.kpi && focusTermMissing(nouns, exempt, ctx.termWeight, relevant[0]?.passage.quote)) {
    return notFound(u, ctx);
  }
  if (asksForPersonsNames(u.text) && !namesPersons(relevant[0]?.passage.quote ?? '')) return notFound(u, ctx);
  // An English question rests on its few glossary translations: the best passage must hold the
  // heaviest of them ("the bureau's total budget" → 预算 is not in a passage about the bureau).
  if (
    language === 'en' &&
    !u.kpi &&
    !holdsOneFocusTerm(terms, ctx.termWeight, relevant[0]?.passage.quote ?? '')
  ) {
    return notFound(u, ctx);
  }
  const maskedName = composeMaskedNameAnswer(u.text, relevant, language, ctx.cite);
  if (maskedName) return maskedName;
  if (asksForADate(u.text)) {
    const dated =
      composeDateAnswer(terms, relevant, ctx.termWeight, language, ctx.cite) ??
      // An English question's own words find few passages: look again with its official terms.
      composeDateAnswer(terms, await passagesForTerms(terms, ctx), ctx.termWeight, language, ctx.cite);
    if (dated) return dated;
    // No sentence on the topic states a date: a passage without one does not answer "哪一天".
    return notFound(u, ctx);
  }
  if (u.intent === 'figure') {
    const candidate = bestExtractedFigure(terms, relevant, ctx.kb.figures, ctx.termWeight, {
      ...askedNumber(u.text),
      ownWords: u.glossedWords,
      // Chinese in the asker's own words (the glossary's 工作人员 → 干部 would name “科级干部”);
      // an English question through its translations.
      askedText: language === 'en' ? `${u.resolvedText} ${u.boostTerms.join(' ')}` : u.resolvedText,
    });
    if (candidate) return composeExtractedFigureAnswer(candidate, language, ctx.cite);
    if (!numberFallbackAllowed(u, relevant, terms, ctx.termWeight)) return notFound(u, ctx);
  }
  if (u.intent === 'policy' || u.intent === 'list') {
    const overview = composeTopicOverview(u.text, terms, ctx.kb, language);
    if (overview) return withLocalRuleNote(overview, u, ctx);
  }
  if (u.intent === 'list') {
    const list = composeListAnswer(
      terms,
      ctx.kb,
      relevant,
      language,
      ctx.cite,
      (id) => ctx.tools.passageContext(id)?.text,
    );
    if (list) return list;
  }
  const answer = composePassageAnswer(relevant, language, 3);
  return withLocalRuleNote(answer, u, ctx);
}
