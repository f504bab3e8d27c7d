/**
 * "我刚接手双拥科，报告里双拥这块写了些什么": a section chief asks what the report says about a
 * line of work. The report is organised by theme (思想政治, 从严治党, 干部队伍…), not by line of
 * work, so no one passage answers: every sentence of the bureau's reports that names the topic
 * is listed, in document order, each quoted and cited.
 */
import type { KnowledgeBase } from '../../knowledge/types.js';
import { normaliseForMatch } from '../../knowledge/normalise.js';
import { sentenceSpans } from '../../knowledge/sentences.js';
import type { Language } from '../answer.js';
import type { CiteQuote } from './cite.js';
import { draft, type Draft } from './draft.js';
import { alternativesOf, type TermWeight } from './relevance.js';

/**
 * What the report says about a topic, asked of nothing more specific: "写了哪些内容", "这块提了
 * 什么", "这条线有哪些工作" (not "信访方面有哪些新的风险隐患", which asks for the risks).
 */
const ASKS_WHAT_IS_SAID =
  /((写|提|讲|说|提到|涉及)了?(哪些|什么|些什么|啥|些啥)(内容|工作|东西|事情?)?|有(哪些|什么|些什么|啥|些啥)(内容|工作))[吗呢啊呀]?[？?。]?$|\bwhat does the (report|summary) say about\b/i;
/** Words of such a question that name no topic. */
const NOT_A_TOPIC =
  /^(报告|总结|工作总结|材料|内容|工作|这条线|这块|一块|方面|板块|科|科室|新到|接手|写了|提了|哪些|什么|年度|全年|本局|我局|局里|去年|今年|现有|退役军人|退役军人事务局|report|summary)$/i;
/** A topic word must be this distinctive (退役军人 ≈ 1.0 is in most sentences). */
const TOPIC_WEIGHT = 1.5;
const MAX_SENTENCES = 8;
const LONG_SENTENCE = 100;
/** Fewer sentences than this: the ordinary passage answer serves better. */
const MIN_SENTENCES = 2;

export function composeTopicDigest(
  question: string,
  terms: readonly string[],
  kb: KnowledgeBase,
  weight: TermWeight,
  language: Language,
  cite: CiteQuote,
): Draft | undefined {
  if (!ASKS_WHAT_IS_SAID.test(question)) return undefined;
  const topics = terms.filter(
    (t) =>
      !weight.unseen(t) && weight(t) >= TOPIC_WEIGHT && !alternativesOf(t).some((a) => NOT_A_TOPIC.test(a)),
  );
  if (topics.length === 0) return undefined;
  const mentions = (text: string) => {
    const haystack = normaliseForMatch(text);
    return topics.some((t) => alternativesOf(t).some((a) => haystack.includes(normaliseForMatch(a))));
  };
  // A long sentence lists many works: only its clauses on the topic are quoted.
  const clausesOn = (sentence: string) =>
    sentence
      .split(/(?<=[，；])/)
      .filter(mentions)
      .join('')
      .replace(/[，；]$/, '');
  const found = kb.documents
    .filter((d) => d.kind === 'report' && !d.supersededBy)
    .flatMap((doc) =>
      sentenceSpans(doc.text, 0, doc.text.length)
        .map((span) => doc.text.slice(span.start, span.end).trim())
        .filter(mentions)
        .map((sentence) => ({
          doc,
          sentence: sentence.length > LONG_SENTENCE ? clausesOn(sentence) : sentence,
        })),
    )
    .slice(0, MAX_SENTENCES);
  if (found.length < MIN_SENTENCES) return undefined;
  const topic = alternativesOf(topics[0] ?? '')[0] ?? '';
  const lead =
    language === 'zh'
      ? `总结中写到“${topic}”的内容：`
      : `What the report says about “${topic}” (quoted in Chinese):`;
  return draft('answered', `${lead}\n${found.map((f) => `· ${f.sentence}`).join('\n')}`, {
    citations: found.flatMap((f) => cite(f.doc.id, f.sentence) ?? []),
  });
}
