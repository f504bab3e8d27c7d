import type { CardBasis, EntitlementCard } from '../../knowledge/types.js';
import { articleNumeral } from '../../knowledge/law-text.js';
import type { Citation, Language } from '../answer.js';
import { uniqueCitations } from '../compose/cite.js';
import { draft, type Draft } from '../compose/draft.js';
import type { AskedAspects } from './aspects.js';

/**
 * A veteran's answer from entitlement cards: the direct answer first, then 依据 (law and article,
 * for each claim the article it rests on), 办理 (where to go), what to bring or what other rules
 * decide when that was asked, and what the documents do not say about the rest of the question.
 * The law's words are in the citations, shown once by the channel; related cards become the
 * suggested next questions.
 */

export interface CardAnswerInput {
  /** The card that answers the question; a second card answers a second question in the message. */
  cards: readonly EntitlementCard[];
  /** A card nearly as good a match, shown in one line after the answer. */
  also?: EntitlementCard;
  /** Parts of the question no card answers, in the asker's words. */
  gaps: readonly string[];
  /** Say what is not stated before the card (the question asked only that). */
  gapFirst?: boolean;
  /** Said before everything else: the card is not for the asker's stated case (see rank-fit.ts). */
  caveat?: string;
  aspects: AskedAspects;
  language: Language;
  /** The citation of a law article: the whole article, verbatim, as its quote. */
  articleCitation: (law: string, article: number) => Citation | undefined;
  /** Resolves related card ids. */
  card: (id: string) => EntitlementCard | undefined;
}

const MAX_SUGGESTIONS = 2;

/** English names of the laws cards cite. */
export const LAW_NAMES_EN: Readonly<Record<string, string>> = {
  退役军人保障法: 'Veterans Protection Law',
  军人抚恤优待条例: 'Regulations on Pensions and Preferential Treatment for Service Members',
  退役军人安置条例: 'Regulations on the Placement of Veterans',
  烈士褒扬条例: 'Regulations on Commending Martyrs',
};

export function composeCardAnswer(input: CardAnswerInput): Draft {
  const { cards, language } = input;
  const lead = cards[0];
  if (!lead) throw new Error('composeCardAnswer needs a card');
  const lines: string[] = [];
  if (input.caveat) lines.push(input.caveat);
  if (input.gapFirst) lines.push(...input.gaps.map((gap) => gapLeadLine(gap, language)));
  for (const [i, card] of cards.entries()) {
    if (i > 0) lines.push('');
    lines.push(...cardLines(card, input, cards.length > 1 || Boolean(input.gapFirst)));
  }
  if (input.also) lines.push(...alsoLines(input.also, language));
  if (!input.gapFirst) for (const gap of input.gaps) lines.push(gapLine(gap, language));
  const shownCards = input.also ? [...cards, input.also] : cards;
  const citations = uniqueCitations(
    shownCards.flatMap((card) => card.basis.map((b) => input.articleCitation(b.law, b.article))),
  );
  const suggestions = relatedQuestions(cards, input);
  // What was asked is not in the documents; the card is shown as related, not as the answer.
  const status = input.gapFirst ? 'not_found' : 'answered';
  return {
    ...draft(status, lines.join('\n'), { citations, topic: lead.topic }),
    ...(suggestions.length > 0 ? { suggestions } : {}),
    cardIds: cards.map((c) => c.id),
  };
}

function cardLines(card: EntitlementCard, input: CardAnswerInput, titled: boolean): string[] {
  const { aspects, language } = input;
  const zh = language === 'zh';
  const lines: string[] = [];
  // English readers get the Chinese name too: it is what they will say or show at the office.
  if (titled || !zh) lines.push(zh ? `【${card.title}】` : `[${card.titleEn} · ${card.title}]`);
  lines.push(zh ? card.answer : card.answerEn);
  // Who qualifies and who does not are part of the answer: a veteran reads them against their own case.
  if (zh && card.who) lines.push(`适用：${card.who}`);
  if (zh && card.exceptions) lines.push(`注意：${card.exceptions}`);
  lines.push(basisLine(card.basis, language));
  const where = zh ? card.where : card.whereEn;
  if (where) lines.push(zh ? `办理：${where}` : `Where to go: ${where}`);
  if (aspects.bring && card.bring) {
    lines.push(zh ? `材料：${card.bring}` : `What to bring: ${BRING_EN(card.bring)}`);
  }
  const shown = lines.join('\n');
  // An amount or a deadline the card does not state is said to be unstated, with who sets it.
  const timeUnstated = aspects.when && !statesTime(shown);
  const unstatedAsked = [
    aspects.amount && !statesAmount(shown) ? 'amount' : undefined,
    timeUnstated ? 'time' : undefined,
    // A deadline already said to be unstated covers how long the office takes.
    aspects.processing && !statesProcessingLimit(shown) && !timeUnstated ? 'processing' : undefined,
    aspects.day && !statesDay(shown) ? 'day' : undefined,
    aspects.fee && !statesFee(shown) ? 'fee' : undefined,
    aspects.times && !statesTimes(shown) ? 'times' : undefined,
    aspects.channel && !statesChannel(shown) ? 'channel' : undefined,
    aspects.payout && !statesPayout(shown) ? 'payout' : undefined,
    aspects.tax && !statesTax(shown) ? 'tax' : undefined,
    aspects.items && !statesItems(shown) ? 'items' : undefined,
    aspects.hours && !statesHours(shown) ? 'hours' : undefined,
    aspects.elsewhere && !statesElsewhere(shown) ? 'elsewhere' : undefined,
    // What to bring, when the card does not say: the law leaves the paperwork to the office.
    aspects.bring && !card.bring ? 'bring' : undefined,
  ].filter((kind): kind is UnstatedKind => kind !== undefined);
  const unstated = unstatedAsked.length > 0 ? unstatedLine(card, language, unstatedAsked) : undefined;
  if (unstated) lines.push(unstated);
  else if (card.local && aspects.procedure && !answerStates(card, language, card.local)) {
    lines.push(
      zh ? `说明：${card.local}` : `Note: the details are set by other rules (in Chinese: ${card.local})`,
    );
  }
  return lines;
}

/** 依据：《退役军人保障法》第十五条、第十六条；《退役军人安置条例》第二十条 */
export function basisLine(basis: readonly CardBasis[], language: Language): string {
  const byLaw = new Map<string, number[]>();
  for (const b of basis) {
    const list = byLaw.get(b.law) ?? [];
    if (!list.includes(b.article)) list.push(b.article);
    byLaw.set(b.law, list);
  }
  const parts = [...byLaw].map(([law, articles]) => {
    const zh = `《${law}》${articles.map((n) => `第${articleNumeral(n)}条`).join('、')}`;
    if (language === 'zh') return zh;
    const en = LAW_NAMES_EN[law] ?? law;
    return `${zh} (${en}, Article${articles.length > 1 ? 's' : ''} ${articles.join(', ')})`;
  });
  return language === 'zh' ? `依据：${parts.join('；')}` : `Basis: ${parts.join('; ')}`;
}

/** 也可能相关：【title】its answer's first full sentence, and its basis. */
function alsoLines(card: EntitlementCard, language: Language): string[] {
  const zh = language === 'zh';
  const text = zh ? card.answer : card.answerEn;
  const sentence =
    (text.match(/[^。！？!?]+[。！？!?]?|[^.!?]+[.!?]?/g) ?? [text]).find((x) => x.length > 8) ?? text;
  return [
    '',
    zh
      ? `也可能相关：【${card.title}】${sentence.trim()}`
      : `Also relevant: [${card.titleEn}] ${sentence.trim()}`,
    basisLine(card.basis, language),
  ];
}

function gapLeadLine(gap: string, language: Language): string {
  return language === 'zh'
    ? `您问的“${gap}”，现有资料没有写明，请咨询当地退役军人服务站。相关的规定是：`
    : `The documents do not say anything about "${gap}"; please ask your local veterans service station. What they do say on this:`;
}

export function gapLine(gap: string, language: Language): string {
  return language === 'zh'
    ? `您问的“${gap}”，现有资料没有写明，请咨询当地退役军人服务站。`
    : `The documents do not say anything about "${gap}"; please ask your local veterans service station.`;
}

/** The related cards' questions, as the next things to ask. */
function relatedQuestions(cards: readonly EntitlementCard[], input: CardAnswerInput): string[] {
  const shown = new Set(cards.map((c) => c.id));
  const out: string[] = [];
  for (const card of cards)
    for (const id of card.related) {
      const related = input.card(id);
      if (!related || shown.has(id)) continue;
      shown.add(id);
      out.push(input.language === 'zh' ? related.question : related.titleEn);
    }
  return out.slice(0, MAX_SUGGESTIONS);
}

/** 金额/时限 the documents leave open, and who sets them when the card says so. */
type UnstatedKind =
  | 'amount'
  | 'time'
  | 'processing'
  | 'day'
  | 'fee'
  | 'times'
  | 'channel'
  | 'payout'
  | 'tax'
  | 'items'
  | 'hours'
  | 'elsewhere'
  | 'bring';

const UNSTATED_LABELS: Record<UnstatedKind, { zh: string; en: string }> = {
  amount: { zh: '具体数额', en: 'Amounts' },
  time: { zh: '时限', en: 'deadlines' },
  processing: { zh: '办理要多长时间', en: 'how long the office takes' },
  day: { zh: '具体发放日期', en: 'the exact date' },
  fee: { zh: '是否收费', en: 'whether it costs anything' },
  times: { zh: '次数', en: 'how many times' },
  channel: { zh: '能否网上办理或邮寄', en: 'whether it can be done online or by post' },
  payout: { zh: '钱发到哪里（哪张卡、能否分次）', en: 'how the money is paid out' },
  tax: { zh: '是否交税', en: 'whether it is taxed' },
  items: { zh: '具体发放什么物品', en: 'what exactly is handed out' },
  hours: { zh: '办理时间（几点、周末节假日是否办理）', en: 'office hours' },
  elsewhere: { zh: '在外省外地能否同样享受', en: 'whether it holds in other provinces' },
  bring: { zh: '需要带哪些材料', en: 'what documents to bring' },
};

/** "具体数额和时限：法律法规没有写明…": what was asked and the card does not state, and who sets it. */
function unstatedLine(card: EntitlementCard, language: Language, kinds: readonly UnstatedKind[]): string {
  // Amounts and deadlines go together: a question about one is usually about the other.
  const named: UnstatedKind[] = kinds.some((k) => k === 'amount' || k === 'time')
    ? ['amount', 'time', ...kinds.filter((k) => k !== 'amount' && k !== 'time')]
    : [...kinds];
  // The card's note names who sets the amounts and standards, not how long an office takes.
  const local = named.every((k) => k === 'processing') ? undefined : card.local;
  if (language === 'en') {
    const what = named.map((k) => UNSTATED_LABELS[k].en).join(' and ');
    const subject = what.charAt(0).toUpperCase() + what.slice(1);
    return local
      ? `${subject}: the law does not state them here; they are set by other rules (in Chinese: ${local}). Ask your local veterans service station.`
      : `${subject}: the law does not state them; ask your local veterans service station.`;
  }
  const what = named.map((k) => UNSTATED_LABELS[k].zh).join('和');
  // A card's own note may already send the asker to the station: say it once.
  // …nor say twice that the law does not state it.
  const note = local
    ?.replace(/[；;，,]?\s*(请|可)?(先)?(咨询|问)当地退役军人服务站。?$/, '')
    .replace(/[；;，,]?\s*法律(法规)?没有写明。?$/, '')
    .replace(/。$/, '');
  const perLocalRules = note && /以当地规定为准$/.test(note) ? '' : '请以当地规定为准，';
  return note
    ? `${what}：法律法规没有写明，${note}，${perLocalRules}可咨询当地退役军人服务站。`
    : `${what}：法律法规没有写明，请以当地规定为准，可咨询当地退役军人服务站。`;
}

/** "6个月内完成安排工作": a limit within which the office must act ("从确认当月起" is when payment starts). */
const statesProcessingLimit = (text: string): boolean =>
  /(\d+|[一二三四五六七八九十两]+)\s*个?(日|天|工作日|月)(内|以内|之内)/.test(text);

export const statesAmount = (text: string): boolean =>
  /\d+(\.\d+)?\s*(%|％|倍|元|万元|个月)|[一二三四五六七八九十两]+倍|百分之/.test(text);
const statesDay = (text: string): boolean => /\d+\s*[日号](?!内|以内|之内|起)/.test(text);
export const statesFee = (text: string): boolean =>
  /免费|免收|不收|收费|减免|费用由|自付|承担|报销|free of charge|\bfree\b/i.test(text);
const statesTimes = (text: string): boolean =>
  /\d+\s*次|[一两二三四五六七八九十]次|每\d*\s*年|每[一两二三四五六七八九十]?年|once|twice|times/i.test(text);
const statesItems = (text: string): boolean => /慰问品|物品|礼品|实物|\bgifts?\b/i.test(text);
const statesHours = (text: string): boolean => /周末|节假日|工作日|\d+[:：]\d+|\bweekends?\b/i.test(text);
const statesElsewhere = (text: string): boolean =>
  /全国(统一|通用|范围|各地)|跨省|异地|nationwide/i.test(text);
const statesTax = (text: string): boolean => /所得税|免征|免税|纳税|\btax\b/i.test(text);
const statesPayout = (text: string): boolean =>
  /社保卡|银行卡|银行账户|存折|现金|\bbank account\b/i.test(text);
const statesChannel = (text: string): boolean => /网上|线上|互联网|邮寄|寄送|\bonline\b|by post/i.test(text);
// Not 起 of 提起 or 一起, nor 一年 of 上一年度: a time is a count of days or months, or a month to start from.
export const statesTime = (text: string): boolean =>
  /\d+\s*(日|天|个月|年(?!度)|周)|[一二三四五六七八九十两]+(日|天|个月|年(?!度))(内|以内|之内)?|当月|次月|下个月|(之日|当日|月|年)起/.test(
    text,
  );

/** The answer already says who sets the details. */
const answerStates = (card: EntitlementCard, language: Language, local: string): boolean =>
  (language === 'zh' ? card.answer : card.answerEn).includes(local.slice(0, 12));

const BRING_EN = (bring: string): string =>
  /没有(写明|列明|规定)/.test(bring)
    ? 'the law does not list the documents to bring; ask your local veterans service station first.'
    : `(in Chinese) ${bring}`;
