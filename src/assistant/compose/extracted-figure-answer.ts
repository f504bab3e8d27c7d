import { anotherRateNamed, isAskedUnit, peopleAskedOfVisits } from '../understand/asked-units.js';
import type { ExtractedFigure } from '../../knowledge/types.js';
import type { Language } from '../answer.js';
import { uniqueCitations, type CiteQuote } from './cite.js';
import { draft, type Draft } from './draft.js';
import { t } from './messages.js';
import { withApproximation } from '../tools/figure-records.js';
import type { ScoredPassage } from './passage-answer.js';
import { coverage, type TermWeight } from './relevance.js';
import { anotherOccasion } from './occasions.js';
import { GENERAL_WEIGHT, namesSubjectOf, narrowerSubject } from './figure-subject.js';

/** The figure's sentence must hold at least half of what the question asks about… */
const MIN_SENTENCE_COVERAGE = 0.5;
/** …and its subject phrase must be part of it, unless its own clause holds nearly all of it. */
const MIN_SUBJECT_COVERAGE = 0.2;
const SENTENCE_ALONE_COVERAGE = 0.8;
const MONEY_OR_RISE = /(涨|增|加|降)了?多少|多少钱|待遇|工资|补贴|补助|\b(pay|salary|raise|increase)\b/i;
/** Added to a figure's rank for each of the asker's own (glossed) names its clause uses. */
const OWN_WORD_BONUS = 0.5;

/** What a number question asks for: a unit ("多少人次") and what it counts ("几个确保" → 确保). */
export interface AskedNumber {
  unit?: RegExp | undefined;
  counted?: string | undefined;
  /**
   * The asker's own words the glossary translated (军休总站 → 军休服务机构). The official term
   * stands for several things the documents name apart (军休总站, 军休所): a clause that uses the
   * asker's very word is about what they asked.
   */
  ownWords?: readonly string[] | undefined;
  /**
   * The question's text with its glossary terms: a masked figure (未公开) is only claimed for a
   * question that names something of the figure's own subject (see namesSubjectOf).
   */
  askedText?: string | undefined;
}

export interface FigureCandidate {
  figure: ExtractedFigure;
  /** The clause that states the number: a verbatim piece of the figure's sentence. */
  clause: string;
  sentence: number;
  subject: number;
  /** Coverage of the clause alone. */
  own: number;
}

/**
 * The automatically extracted figure, in the best passages, that fits a number question best
 * ("廉政谈话多少人次"), or undefined when none fits.
 */
/** The level of government a text names: the city (市) or a county (县). */
export const levelOf = (text: string): 'city' | 'county' | undefined => {
  const county = /县|county/i.test(text);
  const city = /市|\bcity\b|municipal/i.test(text);
  // Both named ("the city's station and the county office"): no level is preferred.
  return county === city ? undefined : county ? 'county' : 'city';
};
const LEVEL_BONUS = 0.3;

/**
 * "市里的军休总站评了几星": of two like figures, the one for the level asked (**市军休总站 五星级, not
 * **县军休所 四星级). 1 when the clause is of the asked level, -1 when of the other, else 0.
 */
function levelFit(askedText: string, clause: string): number {
  const asked = levelOf(askedText.replace(/市州|全市|市民|城市/g, ''));
  const stated = levelOf(clause.replace(/市州|全市|市民|城市/g, ''));
  return !asked || !stated ? 0 : asked === stated ? 1 : -1;
}

export function bestExtractedFigure(
  allTerms: string[],
  passages: ScoredPassage[],
  figures: readonly ExtractedFigure[],
  weight: TermWeight,
  asked: AskedNumber = {},
): FigureCandidate | undefined {
  const { unit, counted, ownWords = [], askedText } = asked;
  // "四个奖全拿的市州几个": a count the asker states (四个) names no figure's subject (四个季度).
  const terms = allTerms.filter((t) => !STATED_COUNT.test(t));
  // Names of things (军休总站), not short common words (省厅, 奖) that many clauses share.
  const ownWordsIn = (clause: string) => ownWords.filter((w) => w.length >= 3 && clause.includes(w)).length;
  // The extracted subject may miss the clause's topic (“军休总站获评五星级服务机构” → 服务机构):
  // the clause itself speaks for the figure as well.
  // A figure that counts the asked noun ("市州几个" → 市州仅3个) outranks one that merely shares words.
  const rankOf = (c: FigureCandidate) =>
    Math.max(c.subject, c.own) +
    c.sentence +
    OWN_WORD_BONUS * ownWordsIn(c.clause) +
    LEVEL_BONUS * levelFit(askedText ?? '', c.clause) +
    (counted !== undefined && countsThe(c.figure, counted) ? 1 : 0);
  // "来了多少退伍兵" names veterans in general: no figure of a narrower kind (最美退役军人) answers it.
  const generalOnly = terms.length > 0 && terms.every((t) => weight(t) < GENERAL_WEIGHT);
  const candidates = passages.slice(0, 3).flatMap(({ passage }) =>
    figures
      .filter((f) => f.docId === passage.doc)
      .map((f) => ({ figure: f, clause: clauseOf(f) }))
      .filter(({ figure, clause }) => passage.quote.includes(clause) || figure.quote.includes(passage.quote))
      .map(({ figure, clause }) => ({
        figure,
        clause,
        // Like a passage, a sentence is read with its headings ("2023年工作打算" › …确保).
        sentence: coverage(terms, `${figure.quote} ${figure.sectionPath.join(' ')}`, weight),
        subject: coverage(terms, figure.subject, weight),
        own: coverage(terms, clause, weight),
      })),
  );
  return (
    candidates
      .filter(
        (c) =>
          c.sentence >= MIN_SENTENCE_COVERAGE &&
          (c.subject >= MIN_SUBJECT_COVERAGE ||
            c.own >= SENTENCE_ALONE_COVERAGE ||
            (counted !== undefined && countsThe(c.figure, counted)) ||
            // The sentence's only figure in the asked unit answers "多少人次" if its clause is on topic.
            (unit !== undefined && c.own >= MIN_SUBJECT_COVERAGE && alone(c.figure, figures, unit)) ||
            (c.sentence >= SENTENCE_ALONE_COVERAGE && alone(c.figure, figures))) &&
          (!unit ||
            isAskedUnit(unit, c.figure.unit) ||
            visitsOfTheAskedPeople(unit, c) ||
            householdsOfPeople(unit, counted, c.figure.unit)) &&
          !(generalOnly && narrowerSubject(c.figure.subject, weight)) &&
          // A rating answers no question about money or a rise ("老干部待遇涨了多少" is not 四星级).
          (c.figure.unit !== '星级' || !MONEY_OR_RISE.test(askedText ?? terms.join(' '))) &&
          !anotherOccasion(askedText ?? terms.join(' '), c.figure.quote) &&
          !anotherRateNamed(askedText ?? '', c.clause) &&
          (c.figure.value !== null || askedText === undefined || namesSubjectOf(c.figure, askedText, weight)),
      )
      .sort((a, b) => rankOf(b) - rankOf(a))[0] ?? figureNamedInUnit(figures, askedText, unit)
  );
}

/**
 * "反腐败承诺书签了几份": the one figure anywhere whose subject the asker names (承诺书, three
 * characters or more) in the unit asked (签订承诺书14份), though its passage ranked low.
 */
function figureNamedInUnit(
  figures: readonly ExtractedFigure[],
  askedText: string | undefined,
  unit: RegExp | undefined,
): FigureCandidate | undefined {
  if (!askedText || !unit) return undefined;
  const named = figures.filter(
    (f) =>
      f.subject.length >= 3 &&
      askedText.includes(f.subject) &&
      isAskedUnit(unit, f.unit) &&
      !anotherOccasion(askedText, f.quote),
  );
  const figure = named.length === 1 ? named[0] : undefined;
  return figure && { figure, clause: clauseOf(figure), sentence: 0, subject: 1, own: 0 };
}

/** Answers with an extracted figure; masked ones as 未公开. */
export function composeExtractedFigureAnswer(
  candidate: FigureCandidate,
  language: Language,
  cite: CiteQuote,
): Draft {
  const { figure: f, clause } = candidate;
  const shown =
    f.value === null
      ? undefined
      : language === 'en' && f.unit === '星级'
        ? `${starsInEnglish(f.value)}-star`
        : `${f.raw}${f.raw.replace(/％$/, '%').endsWith(f.unit) ? '' : f.unit}`;
  const year = f.year === undefined ? '' : language === 'zh' ? `${f.year}年` : `In ${f.year}, `;
  const text =
    language === 'zh'
      ? shown === undefined
        ? `${year}“${f.subject}”的数字未公开（${t('masked', 'zh')}）。`
        : `${year}${f.subject}：${shown}。`
      : shown === undefined
        ? `The figure for “${f.subject}” is not disclosed (${t('masked', 'en')}).`
        : `${year}「${f.subject}」: ${shown}.`;
  return draft(
    f.value === null ? 'undisclosed' : 'answered',
    `${text}\n${t('quoteLabel', language)}：“${clause}”`,
    {
      citations: uniqueCitations([cite(f.docId, clause)]),
      figures:
        f.year === undefined
          ? []
          : [
              {
                name: f.subject,
                year: f.year,
                kind: f.kind,
                value: f.value,
                unit: f.unit,
                quote: clause,
                ...withApproximation(f.value, clause),
              },
            ],
      ...(f.year === undefined ? {} : { year: f.year }),
      topic: f.sectionPath[0] ?? '',
    },
  );
}

/**
 * The only figure stated in its sentence (in the asked unit, when one is asked): then the
 * sentence is about that figure. "擦碑描字多少人次": 20000余人 and 1000余人次 share a sentence.
 */
const alone = (f: ExtractedFigure, figures: readonly ExtractedFigure[], unit?: RegExp): boolean =>
  figures.filter(
    (other) => other.docId === f.docId && other.quote === f.quote && (!unit || isAskedUnit(unit, other.unit)),
  ).length === 1;

/** The figure counts what the question counts: "几个确保" and “七个确保”. */
const countsThe = (f: ExtractedFigure, counted: string): boolean => {
  const quote = f.quote.replace(/[“”"‘’]/g, '');
  if (quote.includes(`${f.raw}${counted}`)) return true; // “七个确保”
  // The counted noun before the number: "四项表彰的市州仅3个".
  const at = quote.indexOf(counted);
  return at >= 0 && quote.slice(at + counted.length, at + counted.length + 2 + f.raw.length).includes(f.raw);
};

/**
 * "来咨询的有多少人" of a count in 人次: a 人次 figure answers a 多少人 question when its own
 * clause is about what was asked.
 */
const visitsOfTheAskedPeople = (unit: RegExp, c: FigureCandidate): boolean =>
  peopleAskedOfVisits(unit, c.figure.unit) && c.own >= SENTENCE_ALONE_COVERAGE;

/** "看了几家烈属": families counted in 家 are the people the report counts in 名 or 户. */
const householdsOfPeople = (unit: RegExp, counted: string | undefined, figureUnit: string): boolean =>
  isAskedUnit(unit, '家') &&
  !isAskedUnit(unit, '名') &&
  /烈属|遗属|家属|军属|老兵|困难户|优抚对象/.test(counted ?? '') &&
  /^(名|户|人)$/.test(figureUnit);

const STATED_COUNT = /^[一二两三四五六七八九十\d]+[个项次名位家座]$/;

/** The comma-delimited clause of the figure's sentence that holds its number. */
export function clauseOf(f: ExtractedFigure): string {
  const clauses = f.quote.split(/(?<=[，；。：])/);
  // Masked figures look alike ("科级干部*人，…事业编制人员*人"): the clause that names the subject.
  const clause =
    clauses.find((c) => c.includes(f.raw) && c.includes(f.subject)) ??
    clauses.find((c) => c.includes(f.raw)) ??
    f.quote;
  return clause.replace(/[，；。：]$/, '');
}

const ENGLISH_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven'];
/** 五星级 reads "five-star" in English. */
const starsInEnglish = (stars: number): string => ENGLISH_NUMBERS[stars] ?? String(stars);
