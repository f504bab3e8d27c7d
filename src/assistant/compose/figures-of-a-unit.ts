import type { ExtractedFigure, KnowledgeBase } from '../../knowledge/types.js';
import type { Language } from '../answer.js';
import { uniqueCitations, type CiteQuote } from './cite.js';
import { draft, type Draft } from './draft.js';
import { clauseOf } from './extracted-figure-answer.js';

/**
 * "报告里出现的资金数额有哪几笔？", "list every percentage in the report": an auditor's question
 * for all the report's figures of one kind, answered as a list of what each amount is for, its
 * value as written, and which ones are masked. Only money and percentages are listed this way: the
 * report's counts are too many and too varied to be one list.
 */

/**
 * Asks for all the figures ("哪几笔", "列出", "list all the amounts") rather than one; "哪些" only
 * of the report ("报告里有哪些百分比"), not "哪些人能领钱".
 */
const ASKS_FOR_ALL =
  /哪几笔|几笔|列出|列一下|全部|所有|每一笔|逐笔|\blist\b|\ball (the )?(amounts|sums|figures|percentages|rates)\b|\bevery (amount|sum|figure)\b/i;
const WHICH_IN_THE_REPORT = /(报告|总结|材料)[^。？?]{0,12}(哪些|都有哪)/;

const KINDS: { asked: RegExp; unit: RegExp; zh: string; en: string }[] = [
  {
    asked: /资金|金额|数额|款项|经费|\b(amounts? of money|sums? of money|money|funds|funding|amounts)\b/i,
    unit: /元$/,
    zh: '资金数额',
    en: 'amounts of money',
  },
  {
    asked: /百分比|百分数|比率|\b(percentages|rates)\b/i,
    unit: /^%$/,
    zh: '百分比',
    en: 'percentages',
  },
];

/** The clause of a figure's sentence that holds it (the citation). */

export function composeFiguresOfAUnit(
  question: string,
  kb: KnowledgeBase,
  language: Language,
  cite: CiteQuote,
): Draft | undefined {
  if (!ASKS_FOR_ALL.test(question) && !WHICH_IN_THE_REPORT.test(question)) return undefined;
  const kind = KINDS.find((k) => k.asked.test(question));
  if (!kind) return undefined;
  const reports = new Set(kb.documents.filter((d) => d.kind === 'report').map((d) => d.id));
  const figures = kb.figures.filter((f) => reports.has(f.docId) && kind.unit.test(f.unit));
  if (figures.length < 2) return undefined;
  const zh = language === 'zh';
  const masked = zh ? '未公开' : 'not disclosed';
  // A plan's target is not a result: "培训合格率：85％（2023年目标）".
  const notes = (f: ExtractedFigure) => [
    ...(f.kind === 'target'
      ? [zh ? `${f.year ?? ''}年目标` : `target for ${f.year ?? 'the plan year'}`]
      : []),
    ...(f.value === null ? [masked] : []),
  ];
  const lines = figures.map((f) => {
    const note = notes(f).join(zh ? '，' : ', ');
    return `· ${f.subject}${zh ? '：' : ': '}${f.raw}${note ? (zh ? `（${note}）` : ` (${note})`) : ''}`;
  });
  const given = figures.filter((f) => f.value !== null);
  // No count in the text: the figures outnumber their citations (two may share a clause), and a
  // count a reader cannot check against the quotes is not stated.
  const lead = zh ? `总结中写到的${kind.zh}有这些：` : `The ${kind.en} the report gives (in Chinese):`;
  const tail = zh
    ? given.length > 0
      ? `其中给出具体数字的：${given.map((f) => `${f.subject}${f.raw}`).join('、')}；其余未公开。`
      : '都未公开具体数字。'
    : given.length > 0
      ? `Stated: ${given.map((f) => `${f.subject} ${f.raw}`).join('; ')}; the rest are not disclosed.`
      : 'None of them is disclosed.';
  return draft('answered', [lead, ...lines, tail].join('\n'), {
    citations: uniqueCitations(figures.map((f) => cite(f.docId, clauseOf(f)))),
    topic: figures[0]?.sectionPath[0] ?? '',
  });
}
