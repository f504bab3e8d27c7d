import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AnswerStatusSchema, LanguageSchema } from '../../src/assistant/answer.js';

/*
 * Sanity checks of the gold question set itself (not of the assistant). The eval is only as honest
 * as its ground truth, so every expectation must be traceable to a verbatim quote of the source,
 * and no question may be a copied sentence (that would flatter retrieval).
 */

const KNOWLEDGE_DIR = new URL('../../knowledge/', import.meta.url);
const EVAL_DIR = new URL('./', import.meta.url);
const SUMMARY_DOC = '2022-work-summary.txt';

/** Longest run of characters a question may share with its document (shorter than a clause). */
const MAX_COPIED_CHARS = 11;
const QUOTE_MIN_CHARS = 8;
const QUOTE_MAX_CHARS = 40;

/** Every kind of these files, with its minimum count (the brief's approximate counts, rounded down a little). */
const MIN_PER_KIND = {
  figure: 20,
  target: 10,
  masked: 12,
  list: 8,
  passage: 8,
  colloquial: 12,
  english: 10,
  followup: 8,
  not_found: 6,
  out_of_scope: 8,
} as const;
const MIN_SUMMARY_QUESTIONS = 110;
const MIN_TOTAL_QUESTIONS = 100;

type Kind = keyof typeof MIN_PER_KIND;
const KindSchema = z.enum(Object.keys(MIN_PER_KIND) as [Kind, ...Kind[]]);

const ExpectSchema = z.strictObject({
  status: AnswerStatusSchema,
  language: LanguageSchema,
  mustInclude: z.array(z.string().min(1)).min(1).optional(),
  mustIncludeAny: z
    .array(z.array(z.string().min(1)).min(1))
    .min(1)
    .optional(),
  mustNotInclude: z.array(z.string().min(1)).min(1).optional(),
  quote: z.string().min(1).optional(),
  doc: z.string().min(1).optional(),
});

const GoldLineSchema = z.strictObject({
  id: z.string().regex(/^[a-z]+-\d{3}$/, 'id must look like sum-001'),
  kind: KindSchema,
  question: z.string().min(2),
  session: z.string().min(1).optional(),
  expect: ExpectSchema,
});

type GoldLine = z.infer<typeof GoldLineSchema>;

/** Full-width → half-width and lower case: the eval compares answers the same way. */
function normalize(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase();
}

function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count += 1;
  return count;
}

/** Returns the first substring longer than MAX_COPIED_CHARS that the question shares with the doc. */
function copiedSpan(question: string, docText: string): string | undefined {
  const q = normalize(question);
  const doc = normalize(docText);
  const span = MAX_COPIED_CHARS + 1;
  for (let i = 0; i + span <= q.length; i += 1) {
    const piece = q.slice(i, i + span);
    if (doc.includes(piece)) return piece;
  }
  return undefined;
}

/** Dominant script of a question: CJK characters against Latin words. */
function scriptLanguage(question: string): 'zh' | 'en' {
  const cjk = question.match(/[\u4E00-\u9FFF]/g)?.length ?? 0;
  const words = question.match(/[A-Za-z]+/g)?.length ?? 0;
  return words > cjk ? 'en' : 'zh';
}

interface ParsedFile {
  lines: GoldLine[];
  problems: string[];
}

/** Parses JSONL text; every malformed line becomes a problem naming the file and line number. */
function parseGold(text: string, file: string): ParsedFile {
  const lines: GoldLine[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    const where = `${file}:${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      problems.push(`${where}: not valid JSON (${(error as Error).message})`);
      return;
    }
    const parsed = GoldLineSchema.safeParse(json);
    if (parsed.success) lines.push(parsed.data);
    else problems.push(`${where}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
  });
  return { lines, problems };
}

/** Status, language, session and quote/doc presence must fit the kind. */
function kindProblems(line: GoldLine): string[] {
  const { kind, expect: e } = line;
  const problems: string[] = [];
  const needsSource = e.status === 'answered' || e.status === 'undisclosed';
  if (kind === 'out_of_scope' && e.status !== 'out_of_scope')
    problems.push('out_of_scope kind needs that status');
  if (kind === 'not_found' && e.status !== 'not_found') problems.push('not_found kind needs that status');
  if (kind === 'masked' && e.status !== 'undisclosed') problems.push('masked kind needs status undisclosed');
  if (kind === 'english' && e.language !== 'en') problems.push('english kind needs language en');
  if (kind === 'followup' && line.session === undefined) problems.push('followup kind needs a session');
  if (needsSource && (e.quote === undefined || e.doc === undefined)) problems.push('needs quote and doc');
  if (!needsSource && (e.quote !== undefined || e.doc !== undefined))
    problems.push('must not have quote/doc');
  if (e.status === 'answered' && !e.mustInclude && !e.mustIncludeAny) {
    problems.push('an answered question must check something (mustInclude or mustIncludeAny)');
  }
  if (e.status === 'undisclosed') {
    const says = (e.mustIncludeAny ?? []).some((g) => g.includes('未公开') || g.includes('not disclosed'));
    if (!says) problems.push('undisclosed needs mustIncludeAny with 未公开 / not disclosed');
  }
  if (scriptLanguage(line.question) !== e.language)
    problems.push(`language ${e.language} does not fit the question`);
  return problems;
}

/** The quote must be a short verbatim clause, found exactly once, inside one sentence of its doc. */
function quoteProblems(quote: string, docText: string): string[] {
  const problems: string[] = [];
  const length = [...quote].length;
  if (length < QUOTE_MIN_CHARS || length > QUOTE_MAX_CHARS) {
    problems.push(`quote has ${length} chars; keep it ${QUOTE_MIN_CHARS}–${QUOTE_MAX_CHARS}`);
  }
  if (/[。！？\n]/.test(quote)) problems.push('quote spans a sentence end; cut it to one clause');
  const found = countOccurrences(docText, quote);
  if (found !== 1) problems.push(`quote occurs ${found} times in the doc (must be exactly once): ${quote}`);
  return problems;
}

/** Every expected number must be visible in the quote, so the expectation is traceable to the source. */
function traceProblems(line: GoldLine): string[] {
  const quote = normalize(line.expect.quote ?? '');
  const hasDigit = (s: string) => /\d/.test(s);
  const inQuote = (s: string) => quote.includes(normalize(s).replace(/,/g, ''));
  const problems = (line.expect.mustInclude ?? [])
    .filter((s) => hasDigit(s) && !inQuote(s))
    .map((s) => `mustInclude "${s}" is not in the quote`);
  for (const group of line.expect.mustIncludeAny ?? []) {
    if (group.some(hasDigit) && !group.some(inQuote))
      problems.push(`no alternative of [${group}] is in the quote`);
  }
  return problems;
}

/** All problems of one line, each prefixed with its id. */
function lineProblems(line: GoldLine, docs: ReadonlyMap<string, string>): string[] {
  const problems = kindProblems(line);
  const { quote, doc } = line.expect;
  const docText = doc === undefined ? undefined : docs.get(doc);
  if (doc !== undefined && docText === undefined) problems.push(`doc knowledge/${doc} does not exist`);
  if (quote !== undefined && docText !== undefined) problems.push(...quoteProblems(quote, docText));
  if (quote !== undefined) problems.push(...traceProblems(line));
  for (const text of docs.values()) {
    const copied = copiedSpan(line.question, text);
    if (copied !== undefined) problems.push(`question copies "${copied}" from a document; paraphrase it`);
  }
  const clash = (line.expect.mustNotInclude ?? []).filter((s) => line.expect.mustInclude?.includes(s));
  if (clash.length > 0) problems.push(`mustInclude and mustNotInclude both hold ${clash.join(', ')}`);
  return problems.map((p) => `${line.id}: ${p}`);
}

/** Problems across lines: duplicate ids and sessions with fewer than two questions. */
function setProblems(lines: readonly GoldLine[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const sessions = new Map<string, number>();
  for (const line of lines) {
    if (seen.has(line.id)) problems.push(`duplicate id ${line.id}`);
    seen.add(line.id);
    if (line.session !== undefined) sessions.set(line.session, (sessions.get(line.session) ?? 0) + 1);
  }
  for (const [session, count] of sessions) {
    if (count < 2) problems.push(`session ${session} has ${count} question; a follow-up needs at least 2`);
  }
  return problems;
}

function loadDocs(lines: readonly GoldLine[]): Map<string, string> {
  const ids = new Set([SUMMARY_DOC, ...lines.flatMap((l) => (l.expect.doc ? [l.expect.doc] : []))]);
  const docs = new Map<string, string>();
  for (const id of ids) {
    try {
      docs.set(id, readFileSync(new URL(id, KNOWLEDGE_DIR), 'utf8'));
    } catch {
      // A missing doc is reported per line by lineProblems.
    }
  }
  return docs;
}

function readGold(file: string): ParsedFile {
  return parseGold(readFileSync(new URL(file, EVAL_DIR), 'utf8'), file);
}

const summary = readGold('summary.jsonl');
const offscope = readGold('summary-offscope.jsonl');
const all = [...summary.lines, ...offscope.lines];
const docs = loadDocs(all);

describe('gold question set for the 2022 work summary', () => {
  it('parses every line with the fields of the format', () => {
    expect([...summary.problems, ...offscope.problems]).toEqual([]);
  });

  it('keeps every line consistent, quoted verbatim, traceable and paraphrased', () => {
    expect(all.flatMap((line) => lineProblems(line, docs))).toEqual([]);
  });

  it('has unique ids and follow-up sessions of at least two questions', () => {
    expect(setProblems(all)).toEqual([]);
  });

  it('uses the file prefix and keeps off-scope questions in their own file', () => {
    expect(summary.lines.filter((l) => !l.id.startsWith('sum-') || l.kind === 'out_of_scope')).toEqual([]);
    expect(offscope.lines.filter((l) => !l.id.startsWith('off-') || l.kind !== 'out_of_scope')).toEqual([]);
  });

  it('covers every kind with enough questions', () => {
    const counts = new Map<string, number>();
    for (const line of all) counts.set(line.kind, (counts.get(line.kind) ?? 0) + 1);
    const short = Object.entries(MIN_PER_KIND)
      .filter(([kind, min]) => (counts.get(kind) ?? 0) < min)
      .map(([kind, min]) => `${kind}: ${counts.get(kind) ?? 0} < ${min}`);
    expect(short).toEqual([]);
    expect(summary.lines.length).toBeGreaterThanOrEqual(MIN_SUMMARY_QUESTIONS);
    expect(all.length).toBeGreaterThanOrEqual(MIN_TOTAL_QUESTIONS);
  });
});

describe('the gold-set checks catch bad lines', () => {
  const good = {
    id: 'sum-901',
    kind: 'figure',
    question: '去年迁了多少座烈士墓？',
    expect: {
      status: 'answered',
      language: 'zh',
      mustInclude: ['1041'],
      quote: '完成集中迁移散葬烈士墓1041座',
      doc: SUMMARY_DOC,
    },
  };
  const check = (value: unknown): string[] => {
    const parsed = parseGold(JSON.stringify(value), 'bad.jsonl');
    return [...parsed.problems, ...parsed.lines.flatMap((line) => lineProblems(line, docs))];
  };

  it('accepts the good line the negative cases are derived from', () => {
    expect(check(good)).toEqual([]);
  });

  it('rejects broken JSON, unknown kinds and missing fields', () => {
    expect(parseGold('{"id":"sum-1",', 'bad.jsonl').problems[0]).toMatch(/bad\.jsonl:1: not valid JSON/);
    expect(check({ ...good, kind: 'trivia' })[0]).toMatch(/kind/);
    expect(check({ ...good, expect: { ...good.expect, status: undefined } })[0]).toMatch(/status/);
  });

  it('rejects a quote that is not verbatim and a number the quote does not hold', () => {
    expect(check({ ...good, expect: { ...good.expect, quote: '完成集中迁移烈士墓1041座' } })).toEqual(
      expect.arrayContaining([expect.stringMatching(/quote occurs 0 times/)]),
    );
    expect(check({ ...good, expect: { ...good.expect, mustInclude: ['1042'] } })).toEqual([
      'sum-901: mustInclude "1042" is not in the quote',
    ]);
  });

  it('rejects a question copied from the document', () => {
    expect(check({ ...good, question: '完成集中迁移散葬烈士墓1041座是真的吗' })).toEqual([
      expect.stringMatching(/question copies/),
    ]);
  });

  it('rejects a masked question that does not expect 未公开 and a wrong language', () => {
    const masked = { ...good, kind: 'masked', expect: { ...good.expect, status: 'undisclosed' } };
    expect(check(masked)).toEqual([expect.stringMatching(/未公开/)]);
    expect(check({ ...good, expect: { ...good.expect, language: 'en' } })).toEqual([
      expect.stringMatching(/language en/),
    ]);
  });

  it('rejects duplicate ids and one-question sessions', () => {
    const line = parseGold(JSON.stringify({ ...good, kind: 'followup', session: 's1' }), 'bad.jsonl').lines;
    expect(setProblems([...line, ...line.map((l) => ({ ...l, session: 's2' }))])).toEqual([
      'duplicate id sum-901',
      'session s1 has 1 question; a follow-up needs at least 2',
      'session s2 has 1 question; a follow-up needs at least 2',
    ]);
  });
});
