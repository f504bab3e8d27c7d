/**
 * The reports' route: what a question about the bureau's record gets — an indicator, an extracted
 * figure or date, a list, a passage, or "not found" — and the checks that keep it from answering
 * what the reports do not hold (a name, an unseen subject, a masked figure of another subject).
 */
import type { Understanding } from '../understand/understand.js';
import { COMPARES } from '../understand/intent.js';
import { nounsOf } from '../../retrieval/nouns.js';
import { ASKER_IS_NO_CLAIMANT, quotedTerm, withoutAskerIntroduction } from '../understand/clauses.js';
import { askedNotSubject, focusTermMissing, isVagueNoun } from './answerability.js';
import {
  askedNumber,
  asksAnotherUnit,
  asksForADate,
  asksForAYear,
  asksForARank,
  asksForMoney,
} from '../understand/asked-units.js';
import { composeDateAnswer } from './date-answer.js';
import { asksForARange, composeRangeAnswer } from './range-answer.js';
import { anotherOccasion, namesAnOccasion, sentenceAround } from './occasions.js';
import { composeMaskedNameAnswer } from './masked-name-answer.js';
import type { ComposeContext } from './compose-context.js';
import type { ScoredPassage } from './passage-answer.js';
import { draft, type Draft } from './draft.js';
import {
  betterExtractedFigure,
  passagesForTerms,
  relevantPassages,
  relevantWithoutYears,
  withEnglishFocus,
  withIndicatorPassage,
  withWholeSection,
} from './evidence.js';
import { bestExtractedFigure, composeExtractedFigureAnswer } from './extracted-figure-answer.js';
import { composeFigureAnswer } from './figure-answer.js';
import { composeListAnswer } from './list-answer.js';
import { askedUnitNotInReport, numberFallbackAllowed } from './number-evidence.js';
import { withLikeRatings } from './like-figures.js';
import { t } from './messages.js';
import { notFound, withLocalRuleNote, yearAsWritten, yearNotCovered } from './not-found.js';
import {
  answersTheWhole,
  partAsked,
  partNotCovered,
  placeNotCovered,
  unknownPlace,
} from './narrower-scope.js';
import { composeTargetsOverview } from './overview-answers.js';
import { composeOverviewAsked, OVERVIEW_WORDS } from './overview-asked.js';
import { composePassageAnswer } from './passage-answer.js';
import {
  askedKindMissing,
  asksBesidesTheFigure,
  asksForPersonsNames,
  leftOutOfReport,
  namesPersons,
} from './report-leaves-out.js';
import { composeFiguresOfAUnit } from './figures-of-a-unit.js';
import { composeClaimCheck } from './claim-check.js';
import { comparisonNotHeld, exactRankNotGiven, withYearsNotHeld } from './figures-not-given.js';
import { countNotGiven } from './counts-not-given.js';
import { alternativesOf, contentTerms } from './relevance.js';
import { composeTopicOverview } from './topic-answer.js';
import { composeTopicDigest } from './topic-digest.js';
import { asksForTarget } from '../understand/intent.js';

/** No domain words: only a passage that holds most of the question makes it in scope. */
const UNCERTAIN_SCOPE_COVERAGE = 0.5;

/** A term the question quotes and asks the meaning or members of. */
const ASKS_WHAT_IT_IS =
  /指的?是|是指|是什么|是啥|啥意思|什么意思|哪(几|两|三|四|五|六|七)?(项|个|方|条|种)|\bwhat (is|are|does)\b/i;

function definingPassage(
  question: string,
  relevant: ScoredPassage[],
): { term: string; passage: ScoredPassage } | undefined {
  const term = quotedTerm(question);
  if (!term || !ASKS_WHAT_IT_IS.test(question)) return undefined;
  const passage = relevant.find((r) => r.passage.quote.includes(term));
  return passage ? { term, passage } : undefined;
}

/** Several figures asked at once: "分别定了多少", "这几个指标". */
const SEVERAL_ASKED = /分别|这几个|那几个|各(是|定了|为)|\beach\b|\brespectively\b/i;
/** The question names the year the documents set targets for (2023). */
const asksAboutTargetYear = (u: Understanding, ctx: ComposeContext): boolean =>
  u.years.some((year) => ctx.tools.statsSummary().targets.some((c) => c.target?.year === year));

/** The report and uploaded-document routes: indicators, extracted figures, passages. */
export async function composeFromReports(u: Understanding, ctx: ComposeContext): Promise<Draft> {
  // Asked of the report as a whole: all its figures of one kind, or whether it words a claim so.
  const whole =
    composeFiguresOfAUnit(u.text, ctx.kb, u.language, ctx.cite) ??
    composeClaimCheck(u.text, ctx.kb, u.language, ctx.cite);
  if (whole) return whole;
  const place = u.intent !== 'policy' && unknownPlace(u.text, ctx.corpusText); // not to a rule: 县里发还是市里发
  if (place) return placeNotCovered(u, place);
  const answer = await composeForTheWhole(u, ctx);
  const part = partAsked(u, ctx.corpusText);
  if (part && answersTheWhole(answer, part)) return partNotCovered(u, part);
  const total = countNotGiven(u.text, answer, u.language);
  if (total) return total;
  const comparison = comparisonNotHeld(u.text, answer, u.language, ctx.corpusText);
  if (comparison) return comparison;
  return withYearsNotHeld(u, ctx.knownYears, answer);
}

/** The reports' answer, read as if the question asked for the whole city and year. */
async function composeForTheWhole(u: Understanding, ctx: ComposeContext): Promise<Draft> {
  const { language } = u;
  const unknownYear = u.years.length > 0 && !u.years.some((y) => ctx.knownYears.has(y));
  const figureish = u.kpi || ['figure', 'target', 'progress', 'targets_overview'].includes(u.intent);
  if (unknownYear && (figureish || COMPARES.test(u.text))) {
    return yearNotCovered(u, ctx.cite);
  }
  // Before one indicator: "23年培训和就业这几个指标分别定了多少": the targets of the named subjects, each with its figure.
  if (SEVERAL_ASKED.test(u.text) && (asksForTarget(u.text) || asksAboutTargetYear(u, ctx))) {
    const subjects = contentTerms(u.resolvedText, []).filter((term) => !OVERVIEW_WORDS.test(term));
    const about = (name: string) => subjects.some((subject) => name.includes(subject));
    const named = composeTargetsOverview(ctx.tools, language, ctx.cite, about);
    if (named && (named.figures?.filter((f) => f.kind === 'target').length ?? 0) >= 2) return named;
  }
  // "春节慰问发了多少慰问金": an indicator of another occasion (9·30) is not the asked figure.
  const kpiOccasion =
    namesAnOccasion(u.text) &&
    u.kpi?.values.some((v) => anotherOccasion(u.text, sentenceAround(ctx.corpusText, v.quote)));
  // "这项指标由哪个科室牵头", "是人数在什么区间的站" name an indicator and ask something the
  // indicator list does not hold.
  const indicatorAsked = !kpiOccasion && !asksBesidesTheFigure(u.text) && !asksForARange(u.text);
  if (
    u.kpi &&
    indicatorAsked &&
    (u.intent === 'figure' || u.intent === 'target' || u.intent === 'progress')
  ) {
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
    // "培训合格率全省排第几", "how much was spent" (plainly money in English): no rate answers them.
    if (wrongUnit && (asksForARank(u.text) || (language === 'en' && asksForMoney(u.text)))) {
      return notFound(u, ctx);
    }
    return composeFigureAnswer({
      kpi: u.kpi,
      years: u.years,
      intent: u.intent,
      language,
      cite: ctx.cite,
      wantsActual,
      yearAsWritten: (year) => yearAsWritten(u, year),
    });
  }
  const overview = composeOverviewAsked(u, ctx);
  if (overview) return overview;
  const questionTerms = contentTerms(u.resolvedText, u.translations);
  const nouns = nounsOf(withoutAskerIntroduction(u.text));
  // Everyday verbs and adverbs no document uses (以后, 掏钱, 考上) say nothing about relevance;
  // an unseen noun does, and is kept (see focusTermMissing). A staff member's introduction
  // ("我刚接手权益维护科") names no subject; a veteran's circumstances are kept as conditions.
  const introduced = language === 'zh' && ASKER_IS_NO_CLAIMANT.test(u.text);
  const asked = withoutAskerIntroduction(u.resolvedText);
  const terms = questionTerms.filter(
    (term) =>
      !isVagueNoun(term) &&
      (!introduced || alternativesOf(term).some((a) => asked.includes(a))) &&
      (!ctx.termWeight.unseen(term) || nouns.includes(term) || u.boostTerms.includes(term)),
  );
  const found = withWholeSection(u, withIndicatorPassage(u, await relevantPassages(u, terms, ctx), ctx), ctx);
  const inScope = (passages: ScoredPassage[]) =>
    u.scope !== 'uncertain' || passages.some((r) => r.coverage >= UNCERTAIN_SCOPE_COVERAGE);
  // "2022年存在哪些问题": in a report about 2022 the year is in every other passage and can push
  // the one on the topic out of the first results; before calling the question out of scope,
  // the topic is looked for without the year.
  let relevant = inScope(found) ? found : await relevantWithoutYears(u, terms, ctx);
  // No domain words: only a passage that holds most of the question makes it in scope.
  // A figure asked ("迁墓花了多少钱"), or the reports' year ("2022年化解的重复访，当事人…"), is the
  // bureau's business the documents do not hold, not a question outside the assistant's scope.
  if (!inScope(relevant)) {
    const bureausYear = u.years.some((y) => ctx.knownYears.has(y));
    return u.intent === 'figure' || bureausYear
      ? notFound(u, ctx)
      : draft('out_of_scope', t('scope', language));
  }
  if (relevant.length === 0) return notFound(u, ctx);
  const exempt = [
    ...u.replacedWords,
    ...u.boostTerms,
    ...askedNotSubject(u.text, nouns, relevant[0]?.passage.quote),
  ];
  // A quoted term the passage holds (“四强”) pins the subject: the other words only describe it.
  const quoted = quotedTerm(u.text);
  const pinned = quoted !== undefined && (relevant[0]?.passage.quote.includes(quoted) ?? false);
  if (
    !u.kpi &&
    !pinned &&
    focusTermMissing(nouns, exempt, ctx.termWeight, relevant[0]?.passage.quote, u.text)
  ) {
    return notFound(u, ctx);
  }
  if (asksForPersonsNames(u.text) && !namesPersons(relevant[0]?.passage.quote ?? '')) return notFound(u, ctx);
  // Names the report does not give, a cause it does not state.
  const leftOut = leftOutOfReport(u.text, relevant[0]?.passage, language, ctx.cite);
  if (leftOut) return leftOut;
  const ranged =
    asksForARange(u.text) && composeRangeAnswer(terms, relevant, ctx.termWeight, language, ctx.cite);
  if (ranged) return ranged;
  const topQuotes = relevant.slice(0, 3).map((r) => r.passage.quote);
  if (askedKindMissing(u.text, topQuotes, nouns)) return notFound(u, ctx);
  if (language === 'en' && !u.kpi) {
    const focused = await withEnglishFocus(terms, relevant, ctx);
    // "How much did the bureau spend on …": passages that state no sum of money do not answer it.
    const statesMoney = (r: ScoredPassage) => /元/.test(r.passage.quote);
    if (!focused || (asksForMoney(u.text) && !focused.slice(0, 3).some(statesMoney))) return notFound(u, ctx);
    relevant = focused;
  }
  const maskedName = composeMaskedNameAnswer(u.text, relevant, language, ctx.cite);
  if (maskedName) return maskedName;
  if (asksForADate(u.text)) {
    const yearAsked = asksForAYear(u.text);
    const dated =
      composeDateAnswer(terms, relevant, ctx.termWeight, language, ctx.cite, yearAsked, u.text) ??
      // An English question's own words find few passages: look again with its official terms.
      composeDateAnswer(
        terms,
        await passagesForTerms(terms, ctx),
        ctx.termWeight,
        language,
        ctx.cite,
        yearAsked,
      );
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
    const rank = candidate && exactRankNotGiven(u.text, candidate, language, ctx.cite);
    if (rank) return rank;
    if (candidate) {
      const answer = composeExtractedFigureAnswer(candidate, language, ctx.cite);
      return withLikeRatings(answer, candidate, ctx.kb.figures, u.text, language, ctx.cite);
    }
    if (!numberFallbackAllowed(u, relevant, terms, ctx.termWeight)) return notFound(u, ctx);
  } else if (askedUnitNotInReport(u, relevant, terms, ctx.termWeight)) return notFound(u, ctx);
  const digest = composeTopicDigest(u.text, terms, ctx.kb, ctx.termWeight, language, ctx.cite);
  if (digest) return digest;
  if (u.intent === 'policy' || u.intent === 'list') {
    const overview = composeTopicOverview(u.text, terms, ctx.kb, language);
    if (overview) return withLocalRuleNote(overview, u, ctx);
  }
  // "“三满意”指的是哪三方": the passage that names the quoted term says what it is, not a list
  // that happens to share the question's other words.
  const defining = definingPassage(u.text, relevant);
  if (u.intent === 'list') {
    const list = composeListAnswer(
      u.text,
      terms,
      ctx.kb,
      relevant,
      language,
      ctx.cite,
      (id) => ctx.tools.passageContext(id)?.text,
    );
    // The list must come from where the quoted term is (“七个确保” and its items), not from a passage
    // that only shares other words ("三满意" is not the 七个确保).
    const listsTheTerm =
      !defining ||
      list?.citations.some(
        (c) =>
          c.quote.includes(defining.term) || defining.passage.passage.quote.includes(c.quote.slice(0, 12)),
      );
    if (list && listsTheTerm) return list;
  }
  if (defining) return composePassageAnswer([defining.passage], language, 1);
  const answer = composePassageAnswer(relevant, language, 3, u.translations);
  return withLocalRuleNote(answer, u, ctx);
}
