/**
 * The reports give the whole city's figures for the whole year. A number asked for a part of either
 * — a county the report names elsewhere ("桑植县2022年迁了多少座烈士墓"), a month ("8月份接待了多少
 * 人次"), a quarter — is not that figure: the answer says the documents hold no separate figure
 * rather than passing the city's year off as the part's. A figure whose own sentence names the
 * part answers as usual.
 */
import type { Understanding } from '../understand/understand.js';
import { draft, type Draft } from './draft.js';

/** Districts, counties and towns: the documents report on the whole city. */
// 返乡, 回乡, 家乡, 城乡 are no townships.
const PLACE_SUFFIX = /(区|县|镇|(?<![返回家老下城故同])乡|街道)(?![志里城委级域长直属内外部政军休所干领])/g;
const NOT_A_PLACE = /^(些|个|全|各|本|市|城|社|辖|园|县|地|小|景|军|片|新|老|是|在|的|了|和|与|到|从|给|对)/;
/** 辖区, 社区, 景区: common words for an area, not the name of one ("是辖区有多少名退役军人的站"). */
const AREA_WORD = /(辖|社|园|景|城|片|小|军|地|营|校|灾|疫)区$/;
/** "是哪个县的基地": the question asks which place, it does not ask for one place's figures. */
const ASKS_WHICH = /哪|啥|什么|那个|这个|每个|某/;

/**
 * The places a question names, each as its readings (a name is two or three characters before the
 * suffix: "参观桑植县" reads 观桑植县 or 桑植县), longest first.
 */
function placeReadings(text: string): string[][] {
  return [...text.matchAll(PLACE_SUFFIX)].flatMap((m) => {
    const end = m.index ?? 0;
    const readings = [3, 2]
      .map((length) => text.slice(Math.max(0, end - length), end))
      .filter((name) => /^[\u4e00-\u9fa5]{2,3}$/.test(name))
      .map((name) => `${name}${m[1]}`)
      .filter((name) => !NOT_A_PLACE.test(name) && !AREA_WORD.test(name) && !ASKS_WHICH.test(name));
    return readings.length > 0 ? [readings] : [];
  });
}

/** The places a question names: the reading the documents use when they use one. */
export function namedPlaces(text: string, corpusText = ''): string[] {
  return placeReadings(text).map(
    (readings) => readings.find((r) => corpusText.includes(r)) ?? readings.at(-1) ?? '',
  );
}

/** A place the documents never name: nothing of theirs is about it. */
export const unknownPlace = (text: string, corpusText: string): string | undefined =>
  placeReadings(text)
    .find((readings) => !readings.some((r) => corpusText.includes(r)))
    ?.at(-1);

export function placeNotCovered(u: Understanding, place: string): Draft {
  const text =
    u.language === 'zh'
      ? `现有资料是全市层面的总结，没有“${place}”的单独数据，我不作猜测。`
      : `The documents report on the whole city and hold no separate figures for ${place}, and I won't guess.`;
  return draft('not_found', text);
}

/** A month or quarter asked as a period of its own (not a date: "8月30日完成的"). */
const PART_OF_YEAR =
  /(?:\d{1,2}|[一二三四五六七八九十]{1,3})月份|[一二三四]季度|第[一二三四]季度|上半年|下半年|每个?月(?=各|分别|都)|各个?月|按月份?(?=分|统计|算)|分月|每个季度|各季度|按季度|\b(?:each|every|per|by) (?:month|quarter)\b|\bmonth by month\b/i;
/** Figures district by district ("各区县分别迁移了多少"). */
const BY_DISTRICT =
  /各(?:区县|县区|县市区|县|区|乡镇|镇|街道)|每个(?:县|区|乡镇)|分(?:区县|县区)|(?:主)?城区|市区|农村地区|\b(?:which|each|every|per|by) (?:district|county|township)s?\b|\bdistrict by district\b/i;
/** A figure per person or household ("每人发了多少", "人均"), where the report gives totals. */
const PER_HEAD = /每人|每位|每个人|每名|人均|每户|每家|平均每/;

/** What the asked number is limited to, in the asker's words. */
export interface AskedPart {
  text: string;
  kind: 'part' | 'perHead';
}

/** A quote that states the part's own figure: it names the part, or counts per head. */
const covers = (part: AskedPart, text: string): boolean =>
  part.kind === 'perHead' ? /每|人均/.test(text) : text.includes(part.text);

/** The part of the city or the year a number question is limited to, when it names one. */
export function partAsked(u: Understanding, corpusText: string): AskedPart | undefined {
  const text =
    namedPlaces(u.text, corpusText)[0] ?? PART_OF_YEAR.exec(u.text)?.[0] ?? BY_DISTRICT.exec(u.text)?.[0];
  if (text) return { text, kind: 'part' };
  const perHead = PER_HEAD.exec(u.text)?.[0];
  return perHead ? { text: perHead, kind: 'perHead' } : undefined;
}

/** True when a number answer rests on quotes that never name the asked part. */
export function answersTheWhole(answer: Draft, part: AskedPart): boolean {
  const numbered = answer.status === 'answered' || answer.status === 'undisclosed';
  return (
    numbered &&
    answer.figures.length > 0 &&
    !answer.citations.some((c) => covers(part, c.quote) || covers(part, c.section))
  );
}

export function partNotCovered(u: Understanding, part: AskedPart): Draft {
  const zh = u.language === 'zh';
  if (part.kind === 'perHead')
    return draft(
      'not_found',
      zh
        ? `现有资料只给了总数，没有“${part.text}”的数字，我不作猜测。`
        : `The documents give totals only, with no figure per person or household, and I won't guess.`,
    );
  return draft(
    'not_found',
    zh
      ? `现有资料是全市全年的总结，没有“${part.text}”的单独数字，我不作猜测。`
      : `The documents report on the whole city for the whole year and hold no separate figure for ${part.text}, and I won't guess.`,
  );
}
