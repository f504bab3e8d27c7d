import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter, validateFrontMatter } from '../../src/knowledge/loaders/front-matter.js';
import { parseGlossaryFile } from '../../src/knowledge/glossary-schema.js';
import { parseBureauFile } from '../../src/knowledge/bureau-schema.js';
import {
  VETERANS_LAW,
  VETERANS_LAW_ARTICLES,
  VETERANS_LAW_CHAPTERS,
  VETERANS_LAW_FACT_ANCHORS,
  VETERANS_LAW_NUMBERS,
  chineseNumeralToNumber,
} from '../support/law-articles.js';

/*
 * Checks of the plain-language benefits guide (knowledge/policies/) against the law it summarises:
 * every cited article exists, dates and counts agree with the law, the veteran-facing structure is
 * complete, and items the law leaves to local rules send the reader to the service station.
 */

const KNOWLEDGE_DIR = new URL('../../knowledge/', import.meta.url);
const GUIDE_ID = 'policies/veterans-protection-law-guide.md';
const NUMERAL = '[零〇一二两三四五六七八九十百]+';

const SECTIONS = [
  '一、移交接收与报到',
  '二、安置方式与退役金',
  '三、教育培训',
  '四、就业创业',
  '五、社保与工龄',
  '六、抚恤优待',
  '七、褒扬激励',
  '八、服务机构与维权',
] as const;

/** Paragraphs that depend on rules made elsewhere; each must point to the local service station. */
const LOCAL_RULE = /具体办法由|以当地规定为准|以国家和当地规定为准|本法没有(?:规定|列明)|没有写明/;

/** Glossary terms deliberately absent from the guide (asked for by staff; kept for future documents). */
const TERMS_NOT_IN_GUIDE = new Set(['烈士遗属', '信访']);

interface Paragraph {
  /** The `## ` section it is under, or '' for the introduction. */
  section: string;
  text: string;
}

const read = (id: string): string => readFileSync(new URL(id, KNOWLEDGE_DIR), 'utf8');

/** Splits a Markdown body into blank-line paragraphs, remembering the enclosing `## ` section. */
function toParagraphs(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  let section = '';
  for (const block of body.split(/\n\s*\n/)) {
    const text = block.trim();
    if (text === '') continue;
    const h2 = /^##\s+(.+)$/.exec(text);
    if (h2?.[1]) section = h2[1].trim();
    if (!text.startsWith('#')) out.push({ section, text });
  }
  return out;
}

/**
 * The articles a `依据：《退役军人保障法》第X条、第Y条。` sentence cites. Returns the numbers, or a
 * problem string when the sentence is malformed (another law, a bad numeral, a missing 条).
 */
function citedArticles(paragraph: string): { articles: number[]; problems: string[] } {
  const articles: number[] = [];
  const problems: string[] = [];
  for (const match of paragraph.matchAll(/依据：([^。]*)。/g)) {
    const basis = match[1] ?? '';
    const form = new RegExp(`^《退役军人保障法》第${NUMERAL}条(?:、第${NUMERAL}条)*$`);
    if (!form.test(basis)) problems.push(`malformed basis "${basis}"`);
    for (const m of basis.matchAll(new RegExp(`第(${NUMERAL})条`, 'g'))) {
      const n = chineseNumeralToNumber(m[1] ?? '');
      if (n === undefined) problems.push(`not a numeral: 第${m[1]}条`);
      else articles.push(n);
    }
  }
  return { articles, problems };
}

/** "2020年11月11日" → "2020-11-11". */
function toIsoDate(chinese: string): string | undefined {
  const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(chinese);
  return m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : undefined;
}

const raw = read(GUIDE_ID);
const { raw: frontMatterRaw, body } = splitFrontMatter(raw);
const frontMatter = validateFrontMatter(frontMatterRaw);
const paragraphs = toParagraphs(body);
const entitlements = paragraphs.filter((p) => p.text.includes('依据：'));

interface GoldLine {
  id: string;
  kind: string;
  question: string;
  expect: {
    status: string;
    language: string;
    mustInclude?: string[];
    mustIncludeAny?: string[][];
    quote?: string;
    doc?: string;
  };
}

/** Reads tests/eval/policy.jsonl; a line that is not JSON becomes a problem naming its number. */
function readPolicyGold(): { lines: GoldLine[]; problems: string[] } {
  const text = readFileSync(new URL('../eval/policy.jsonl', import.meta.url), 'utf8');
  const lines: GoldLine[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      lines.push(JSON.parse(line) as GoldLine);
    } catch {
      problems.push(`policy.jsonl:${i + 1} is not valid JSON`);
    }
  });
  return { lines, problems };
}

/** Problems of one gold line against the guide's paragraphs (see tests/eval/README.md). */
function goldLineProblems(line: GoldLine, texts: readonly string[]): string[] {
  const { kind, expect: e } = line;
  const out: string[] = [];
  const answered = e.status === 'answered';
  if (!/^pol-\d{3}$/.test(line.id)) out.push('id must look like pol-001');
  if ((kind === 'not_found') !== (e.status === 'not_found')) out.push('not_found kind ⇔ not_found status');
  if ((kind === 'policy_english') !== (e.language === 'en')) out.push('english kind ⇔ language en');
  if (kind === 'policy_local' && !(e.mustIncludeAny ?? []).some((g) => g.includes('服务站')))
    out.push('a local-rule answer must point to the 服务站');
  if (kind === 'policy_conditional' && (e.mustInclude ?? []).length < 2)
    out.push('a conditional answer must name the article and the condition');
  if (!answered) return e.quote === undefined ? out : [...out, 'only answered lines have a quote'];
  if (e.doc !== GUIDE_ID || e.quote === undefined) return [...out, `needs quote and doc ${GUIDE_ID}`];
  const home = texts.filter((t) => t.includes(e.quote ?? ''));
  if (home.length !== 1 || raw.split(e.quote).length !== 2) return [...out, 'quote must occur exactly once'];
  const paragraph = home[0] ?? '';
  if (!(e.mustInclude ?? []).some((m) => /^第.+条$/.test(m))) out.push('must include the cited article');
  for (const m of e.mustInclude ?? []) if (!paragraph.includes(m)) out.push(`"${m}" is not in the paragraph`);
  for (const g of e.mustIncludeAny ?? [])
    if (!g.some((a) => paragraph.includes(a))) out.push(`no alternative of [${g.join(', ')}] in the paragraph`);
  return out;
}

/** Problems across the whole gold set, each prefixed with the line id. */
function goldProblems(lines: readonly GoldLine[], texts: readonly string[]): string[] {
  const ids = lines.map((l) => l.id);
  const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `duplicate id ${id}`);
  return [...duplicates, ...lines.flatMap((l) => goldLineProblems(l, texts).map((p) => `${l.id}: ${p}`))];
}

describe('the law table in tests/support/law-articles.ts', () => {
  it('numbers the articles 1…85 without gaps and covers them with 10 contiguous chapters', () => {
    const numbers = [...VETERANS_LAW_ARTICLES.keys()];
    expect(numbers).toEqual(Array.from({ length: VETERANS_LAW.articleCount }, (_, i) => i + 1));
    expect(VETERANS_LAW_CHAPTERS).toHaveLength(VETERANS_LAW.chapterCount);
    let next = 1;
    for (const [title, first, last] of VETERANS_LAW_CHAPTERS) {
      expect(first, `chapter ${title}`).toBe(next);
      next = last + 1;
    }
    expect(next - 1).toBe(VETERANS_LAW.articleCount);
  });

  it('has the effective date in the last article, as the law states it', () => {
    const last = VETERANS_LAW_ARTICLES.get(VETERANS_LAW.articleCount) ?? '';
    const date = /(\d{4}年\d{1,2}月\d{1,2}日)/.exec(last)?.[1] ?? '';
    expect(toIsoDate(date)).toBe(VETERANS_LAW.effectiveDate);
  });

  it('converts Chinese article numerals and rejects malformed ones', () => {
    const cases: Array<[string, number | undefined]> = [
      ['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['四十六', 46], ['八十五', 85],
      ['一百零五', 105], ['两', 2], ['四六', undefined], ['46', undefined], ['', undefined],
    ];
    for (const [numeral, expected] of cases) expect(chineseNumeralToNumber(numeral), numeral).toBe(expected);
  });
});

describe('front matter and dates of the guide', () => {
  it('is valid front matter of a policy document with title, issuer, date and source', () => {
    expect(frontMatter.problems).toEqual([]);
    const fm = frontMatter.value;
    expect(fm.kind).toBe('policy');
    expect(fm.title).toContain(VETERANS_LAW.shortTitle);
    expect(fm.issuer).toMatch(/摘要/);
    expect(fm.superseded_by).toBeUndefined();
  });

  it('states the law\'s own dates and adopting session', () => {
    const fm = frontMatter.value;
    expect(fm.effective_date).toBe(VETERANS_LAW.effectiveDate);
    const dates = [...(fm.source ?? '').matchAll(/\d{4}年\d{1,2}月\d{1,2}日/g)].map((m) => toIsoDate(m[0]));
    expect(dates).toEqual([VETERANS_LAW.adoptedDate, VETERANS_LAW.effectiveDate]);
    expect(fm.source).toContain(VETERANS_LAW.title);
    expect(fm.source).toContain(VETERANS_LAW.adoptedBy);
  });

  it('says in its introduction that it is a summary, with the same dates and counts as the law', () => {
    const intro = paragraphs.filter((p) => p.section === '').map((p) => p.text).join('\n');
    expect(intro).toMatch(/摘要/);
    expect(intro).toMatch(/不是法律条文/);
    expect(intro).toMatch(/退役军人服务站/);
    const dates = [...intro.matchAll(/\d{4}年\d{1,2}月\d{1,2}日/g)].map((m) => toIsoDate(m[0]));
    expect(dates).toEqual([VETERANS_LAW.adoptedDate, VETERANS_LAW.effectiveDate]);
    const counts = new RegExp(`共(${NUMERAL})章(${NUMERAL})条`).exec(intro);
    expect(chineseNumeralToNumber(counts?.[1] ?? '')).toBe(VETERANS_LAW.chapterCount);
    expect(chineseNumeralToNumber(counts?.[2] ?? '')).toBe(VETERANS_LAW.articleCount);
  });
});

describe('citations in the guide', () => {
  it('cites only articles that exist in the law, in the 依据：《退役军人保障法》第X条 form', () => {
    const problems: string[] = [];
    for (const p of entitlements) {
      const { articles, problems: found } = citedArticles(p.text);
      problems.push(...found.map((f) => `${f} in: ${p.text.slice(0, 20)}`));
      for (const n of articles) {
        if (!VETERANS_LAW_ARTICLES.has(n)) problems.push(`第${n}条 does not exist (in: ${p.text.slice(0, 20)})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('reports a citation of another law, a bad numeral and an article past 第八十五条', () => {
    expect(citedArticles('甲。依据：《军人抚恤优待条例》第五条。').problems).toHaveLength(1);
    expect(citedArticles('甲。依据：《退役军人保障法》第四六条。').problems).toEqual(['not a numeral: 第四六条']);
    const past = citedArticles('甲。依据：《退役军人保障法》第八十六条。');
    expect(past.problems).toEqual([]);
    expect(past.articles.filter((n) => !VETERANS_LAW_ARTICLES.has(n))).toEqual([86]);
  });

  it('mentions 第X条 nowhere outside a 依据 sentence, so every article reference is checked', () => {
    const stray = paragraphs.filter((p) => p.text.replace(/依据：[^。]*。/g, '').match(/第\S{1,4}条/));
    expect(stray.map((p) => p.text.slice(0, 30))).toEqual([]);
  });

  it('keeps anchored facts (deadlines, years of service, who pays) with the article that states them', () => {
    const problems: string[] = [];
    for (const anchor of VETERANS_LAW_FACT_ANCHORS) {
      for (const p of paragraphs.filter((x) => anchor.phrase.test(x.text))) {
        const { articles } = citedArticles(p.text);
        if (!anchor.articles.some((a) => articles.includes(a))) {
          problems.push(`"${anchor.what}" needs 第${anchor.articles.join('/')}条: ${p.text.slice(0, 30)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('covers a broad part of the law, not a handful of articles', () => {
    const cited = new Set(entitlements.flatMap((p) => citedArticles(p.text).articles));
    expect(cited.size).toBeGreaterThanOrEqual(60);
    expect(entitlements.length).toBeGreaterThanOrEqual(60);
  });
});

describe('structure of the guide', () => {
  it('has the eight veteran-facing sections in order, each with at least three entitlements', () => {
    const headings = [...body.matchAll(/^##\s+(.+)$/gm)].map((m) => m[1]?.trim());
    expect(headings).toEqual([...SECTIONS]);
    for (const section of SECTIONS) {
      const count = entitlements.filter((p) => p.section === section).length;
      expect(count, section).toBeGreaterThanOrEqual(3);
    }
  });

  it('ends each entitlement with its basis and keeps it within three sentences (one chunk)', () => {
    const problems = entitlements.flatMap((p) => {
      const sentences = p.text.match(/[^。！？]+[。！？]/g) ?? [];
      const last = sentences.at(-1) ?? '';
      const out: string[] = [];
      if (!last.startsWith('依据：')) out.push(`basis is not the last sentence: ${p.text.slice(0, 20)}`);
      if (sentences.length > 3) out.push(`${sentences.length} sentences: ${p.text.slice(0, 20)}`);
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('gives a basis for every statement under the sections, except the closing contact pointer', () => {
    const bare = paragraphs.filter((p) => p.section !== '' && !p.text.includes('依据：'));
    expect(bare.map((p) => p.text.slice(0, 12))).toEqual(['本局联系方式：本指南没有']);
  });

  it('sends every local-rule paragraph to the local service station', () => {
    const local = paragraphs.filter((p) => LOCAL_RULE.test(p.text));
    expect(local.length).toBeGreaterThanOrEqual(6);
    expect(local.filter((p) => !p.text.includes('退役军人服务站')).map((p) => p.text.slice(0, 30))).toEqual([]);
  });

  it('uses no number the law does not contain', () => {
    const numbers = body.match(/\d+|[一二两三四五六七八九十百]+(?:年|个月|天|日|周岁|岁|等功|倍|届|元)/g) ?? [];
    expect(numbers.filter((n) => !VETERANS_LAW_NUMBERS.has(n))).toEqual([]);
  });
});

describe('policy glossary and bureau contact', () => {
  it('parses the glossary and maps onto terms the guide really uses', () => {
    const parsed = parseGlossaryFile(read('glossary-policy.yaml'), 'glossary-policy.yaml');
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error));
    const missing = parsed.value.filter((e) => !body.includes(e.term) && !TERMS_NOT_IN_GUIDE.has(e.term));
    expect(missing.map((e) => e.term)).toEqual([]);
    const english = new Set(parsed.value.flatMap((e) => e.english));
    for (const word of ['pension', 'disability', 'loan', 'start a business', 'seniority', 'burial']) {
      expect(english.has(word), word).toBe(true);
    }
  });

  it('keeps the bureau contact block as marked placeholders with no invented numbers', () => {
    const parsed = parseBureauFile(read('bureau.yaml'), 'bureau.yaml');
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.value.placeholder).toBe(true);
    for (const value of [parsed.value.name, parsed.value.hours, parsed.value.hotline, parsed.value.address]) {
      expect(value).toMatch(/待填写/);
      expect(value).not.toMatch(/\d/);
    }
  });
});

describe('gold policy questions in tests/eval/policy.jsonl', () => {
  const gold = readPolicyGold();

  it('has at least 45 well-formed questions spread over every kind and every section', () => {
    expect(gold.problems).toEqual([]);
    expect(gold.lines.length).toBeGreaterThanOrEqual(45);
    const count = (kind: string) => gold.lines.filter((l) => l.kind === kind).length;
    expect(count('policy_english')).toBeGreaterThanOrEqual(8);
    expect(count('policy_conditional')).toBeGreaterThanOrEqual(8);
    expect(count('policy_local')).toBeGreaterThanOrEqual(6);
    expect(count('not_found')).toBeGreaterThanOrEqual(3);
    for (const section of SECTIONS) {
      const inSection = gold.lines.filter((l) =>
        paragraphs.some((p) => p.section === section && l.expect.quote && p.text.includes(l.expect.quote)),
      );
      expect(inSection.length, section).toBeGreaterThanOrEqual(3);
    }
  });

  it('takes every expectation from the guide paragraph its quote comes from', () => {
    expect(goldProblems(gold.lines, paragraphs.map((p) => p.text))).toEqual([]);
  });
});
