import type { Answer } from '../assistant/answer.js';
import { checkGrounding } from '../assistant/grounding.js';
import { stripNonClaims } from '../assistant/llm/grounding-gate.js';
import { normaliseForMatch } from '../knowledge/normalise.js';
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from '../knowledge/chinese-numerals.js';
import type { Passage } from '../assistant/ports.js';
import { expectedStatus, isAnswerable, type GoldQuestion } from './gold.js';
import { citedArticles, saysNotStated } from './cited-articles.js';

export interface QuestionScore {
  id: string;
  kind: string;
  correct: boolean;
  statusOk: boolean;
  /** The expected status is undisclosed, not_found or out_of_scope (must be 100 % right). */
  guarded: boolean;
  /** The documents hold the answer (answered or undisclosed expected). */
  answerable: boolean;
  /** Answerable, yet the assistant said not found (or out of scope). */
  wronglyRefused: boolean;
  /** Not answerable, yet the assistant answered without saying the documents do not state it. */
  wronglyAnswered: boolean;
  /** undefined when the question names no expected quote (off-scope, not found, follow-ups). */
  hit1: boolean | undefined;
  hit3: boolean | undefined;
  citationOk: boolean | undefined;
  violations: string[];
  problems: string[];
}

/** Chinese numerals read as digits on both sides: "服现役满5年" states "五年". */
const NUMERAL_RUN = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+`, 'g');
const withDigits = (text: string): string =>
  text.replace(NUMERAL_RUN, (run) => String(parseChineseNumeral(run) ?? run));

const has = (answer: string, needle: string): boolean => {
  const [a, n] = [normaliseForMatch(answer), normaliseForMatch(needle)];
  return a.includes(n) || withDigits(a).includes(withDigits(n));
};

/** Scores one answer against its gold expectation (rules in tests/eval/README.md). */
export function scoreAnswer(
  q: GoldQuestion,
  answer: Answer,
  retrieved: Passage[] | undefined,
): QuestionScore {
  const e = q.expect;
  const problems: string[] = [];
  const expected = expectedStatus(q);
  const answerable = isAnswerable(q);
  const refused = answer.status === 'not_found' || answer.status === 'out_of_scope';
  // An unanswerable benefits question may also be answered by saying the law leaves it open.
  const statusOk =
    answer.status === expected ||
    (e.answerable === false && answer.status === 'answered' && saysNotStated(answer.answer, e.reason));
  if (!statusOk) problems.push(`status ${answer.status}, expected ${expected}`);
  if (answer.language !== e.language) problems.push(`language ${answer.language}, expected ${e.language}`);
  for (const needle of e.mustInclude ?? [])
    if (!has(answer.answer, needle)) problems.push(`missing "${needle}"`);
  for (const group of e.mustIncludeAny ?? [])
    if (!group.some((n) => has(answer.answer, n))) problems.push(`missing one of ${JSON.stringify(group)}`);
  for (const needle of e.mustNotInclude ?? [])
    if (has(answer.answer, needle)) problems.push(`must not include "${needle}"`);
  if (answer.status === 'answered') {
    for (const group of e.facts ?? [])
      if (!group.some((n) => has(answer.answer, n)))
        problems.push(`missing a fact: one of ${JSON.stringify(group)}`);
    if (e.basis && e.basis.length > 0) {
      const cited = citedArticles(answer);
      const ok = e.basis.some((b) => b.articles.some((n) => cited.has(`${b.law}#${n}`)));
      if (!ok)
        problems.push(
          `basis not cited: one of ${e.basis.map((b) => `${b.law} ${b.articles.join('/')}`).join('; ')} (cited ${[...cited].join(', ') || 'none'})`,
        );
    }
    if (e.gap && !saysNotStated(answer.answer))
      problems.push(`does not say the documents leave "${e.gap}" open`);
  }

  const quote = e.quote;
  const inPassage = (p: Passage) =>
    quote !== undefined && (p.quote.includes(quote) || (quote.includes(p.quote) && p.quote.length >= 8));
  const hit1 = quote && retrieved ? retrieved.slice(0, 1).some(inPassage) : undefined;
  const hit3 = quote && retrieved ? retrieved.slice(0, 3).some(inPassage) : undefined;
  const citationOk =
    quote === undefined
      ? undefined
      : answer.citations.some(
          (c) =>
            (e.doc === undefined || c.doc === e.doc) &&
            (c.quote.includes(quote) || (quote.includes(c.quote) && c.quote.length >= 6)),
        );
  // LLM answers cite inline as [1] and may number their lists; those are not figures to verify.
  const violations = checkGrounding(stripNonClaims(answer.answer), evalGroundingSources(answer)).violations;
  return {
    id: q.id,
    kind: q.kind,
    correct: problems.length === 0,
    statusOk,
    guarded: e.status !== undefined && e.status !== 'answered',
    answerable,
    wronglyRefused: answerable && refused,
    wronglyAnswered: !answerable && !refused && !statusOk,
    hit1,
    hit3,
    citationOk,
    violations,
    problems,
  };
}

/**
 * What an answer may take numbers from, seen from outside: its citations and figures, values
 * computed from its figures (progress, gaps), the count of listed items, and the question itself.
 */
export function evalGroundingSources(answer: Answer): string[] {
  const values = answer.figures.map((f) => f.value).filter((v): v is number => v !== null);
  const derived: string[] = [String(answer.citations.length)];
  values.forEach((a, i) =>
    values.forEach((b, j) => {
      // A total of two different figures ("合计：256 + 5 = 261次").
      if (i < j) derived.push(String(Math.round((a + b) * 100) / 100));
      if (b !== 0) derived.push(String(Math.round((a / b) * 1000) / 10));
      derived.push(
        String(Math.round((a - b) * 100) / 100),
        String(Math.abs(Math.round((a - b) * 100) / 100)),
      );
    }),
  );
  return [
    answer.question,
    ...answer.citations.flatMap((c) => [c.quote, c.title, c.section]),
    ...answer.figures.map((f) => `${f.year} ${f.value ?? ''} ${f.quote}`),
    derived.join(' '),
  ];
}
