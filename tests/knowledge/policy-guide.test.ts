import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter, validateFrontMatter } from '../../src/knowledge/loaders/front-matter.js';
import { parseGlossaryFile } from '../../src/knowledge/glossary-schema.js';
import { parseBureauFile } from '../../src/knowledge/bureau-schema.js';
import { groupSpans, sentenceSpans } from '../../src/knowledge/sentences.js';
import {
  PENSION_REGULATIONS,
  VETERANS_LAW,
  chineseNumeralToNumber,
  type LawTable,
} from '../support/law-articles.js';

/*
 * Checks of the plain-language benefits guides (knowledge/policies/) against the texts they
 * summarise: every cited article exists, dates and counts agree with the source, facts stay with
 * the article that states them, the veteran-facing structure is complete, and items left to other
 * rules send the reader to the service station. Also checks the policy gold questions.
 */

const KNOWLEDGE_DIR = new URL('../../knowledge/', import.meta.url);
const NUMERAL = '[零〇一二两三四五六七八九十百]+';

interface GuideSpec {
  id: string;
  law: LawTable;
  sections: readonly string[];
  /** Fewest distinct articles the guide must cite: a guide, not a handful of quotes. */
  minArticles: number;
}

const GUIDES: readonly GuideSpec[] = [
  {
    id: 'policies/veterans-protection-law-guide.md',
    law: VETERANS_LAW,
    sections: [
      '一、移交接收与报到',
      '二、安置方式与退役金',
      '三、教育培训',
      '四、就业创业',
      '五、社保与工龄',
      '六、抚恤优待',
      '七、褒扬激励',
      '八、服务机构与维权',
    ],
    minArticles: 60,
  },
  {
    id: 'policies/military-pension-preferential-guide.md',
    law: PENSION_REGULATIONS,
    sections: [
      '一、谁能享受抚恤优待',
      '二、残疾抚恤',
      '三、去世后的抚恤和丧葬补助',
      '四、定期生活补助和困难帮扶',
      '五、看病医疗',
      '六、出行和文化优待',
      '七、教育、就业和住房优待',
      '八、荣誉激励和养老',
      '九、待遇的中止、取消和违规责任',
    ],
    minArticles: 30,
  },
];

/** Paragraphs that depend on rules made elsewhere; each must point to the local service station. */
const LOCAL_RULE = /具体办法由|以当地规定为准|以国家和当地规定为准|本法没有(?:规定|列明)|没有写明|不列具体金额|有条件的地方/;

/** Glossary terms deliberately absent from the guides (asked for by staff; kept for future documents). */
const TERMS_NOT_IN_GUIDES = new Set(['信访']);

interface Paragraph {
  /** The `## ` section it is under, or '' for the introduction. */
  section: string;
  text: string;
}

interface LoadedGuide extends GuideSpec {
  raw: string;
  body: string;
  frontMatter: ReturnType<typeof validateFrontMatter>;
  paragraphs: Paragraph[];
  entitlements: Paragraph[];
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

function loadGuide(spec: GuideSpec): LoadedGuide {
  const raw = read(spec.id);
  const { raw: frontMatterRaw, body } = splitFrontMatter(raw);
  const paragraphs = toParagraphs(body);
  const entitlements = paragraphs.filter((p) => p.text.includes('依据：'));
  return { ...spec, raw, body, frontMatter: validateFrontMatter(frontMatterRaw), paragraphs, entitlements };
}

/**
 * The articles the `依据：《name》第X条、第Y条。` sentences of a paragraph cite. Returns the numbers
 * and a problem per malformed sentence (another text's name, a bad numeral, a missing 条).
 */
function citedArticles(paragraph: string, lawName: string): { articles: number[]; problems: string[] } {
  const articles: number[] = [];
  const problems: string[] = [];
  const form = new RegExp(`^《${lawName}》第${NUMERAL}条(?:、第${NUMERAL}条)*$`);
  for (const match of paragraph.matchAll(/依据：([^。]*)。/g)) {
    const basis = match[1] ?? '';
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

const isoDatesIn = (text: string): Array<string | undefined> =>
  [...text.matchAll(/\d{4}年\d{1,2}月\d{1,2}日/g)].map((m) => toIsoDate(m[0]));

const guides = GUIDES.map(loadGuide);

describe.each(GUIDES.map((g) => [g.law.shortTitle, g.law] as const))('the table of %s', (_name, law) => {
  it('numbers the articles without gaps and covers them with contiguous chapters', () => {
    expect([...law.articles.keys()]).toEqual(Array.from({ length: law.articleCount }, (_, i) => i + 1));
    expect(law.chapters).toHaveLength(law.chapterCount);
    let next = 1;
    for (const [title, first, last] of law.chapters) {
      expect(first, `chapter ${title}`).toBe(next);
      next = last + 1;
    }
    expect(next - 1).toBe(law.articleCount);
  });

  it('has the effective date in the last article, as the text states it', () => {
    // The tables keep 12 characters, so compare the start of the sentence 本法/本条例自…起施行.
    const [y, m, d] = law.effectiveDate.split('-').map(Number);
    const openings = ['本法', '本条例'].map((who) => `${who}自${y}年${m}月${d}日起施行`.slice(0, 12));
    expect(openings).toContain(law.articles.get(law.articleCount));
    expect(law.keyDates.at(-1)).toBe(law.effectiveDate);
  });
});

describe('Chinese article numerals', () => {
  it('converts them and rejects malformed ones', () => {
    const cases: Array<[string, number | undefined]> = [
      ['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['四十六', 46], ['八十五', 85],
      ['一百零五', 105], ['两', 2], ['四六', undefined], ['46', undefined], ['', undefined],
    ];
    for (const [numeral, expected] of cases) expect(chineseNumeralToNumber(numeral), numeral).toBe(expected);
  });

  it('reports a citation of another text, a bad numeral and an article past the last one', () => {
    expect(citedArticles('甲。依据：《军人抚恤优待条例》第五条。', '退役军人保障法').problems).toHaveLength(1);
    expect(citedArticles('甲。依据：《退役军人保障法》第四六条。', '退役军人保障法').problems).toEqual([
      'not a numeral: 第四六条',
    ]);
    const past = citedArticles('甲。依据：《退役军人保障法》第八十六条。', '退役军人保障法');
    expect(past.problems).toEqual([]);
    expect(past.articles.filter((n) => !VETERANS_LAW.articles.has(n))).toEqual([86]);
  });
});

describe.each(guides.map((g) => [g.id, g] as const))('guide %s', (_id, guide) => {
  const { law, body, paragraphs, entitlements } = guide;
  const cites = (p: Paragraph) => citedArticles(p.text, law.shortTitle);

  it('has valid policy front matter whose dates are the source text\'s dates', () => {
    expect(guide.frontMatter.problems).toEqual([]);
    const fm = guide.frontMatter.value;
    expect(fm.kind).toBe('policy');
    expect(fm.title).toContain(law.shortTitle);
    expect(fm.issuer).toMatch(/摘要/);
    expect(fm.superseded_by).toBeUndefined();
    expect(fm.effective_date).toBe(law.effectiveDate);
    expect(isoDatesIn(fm.source ?? '')).toEqual([...law.keyDates]);
    expect(fm.source).toContain(`《${law.title}》`);
  });

  it('says in its introduction that it is a summary, with the source\'s dates and counts', () => {
    const intro = paragraphs.filter((p) => p.section === '').map((p) => p.text).join('\n');
    expect(intro).toMatch(/摘要/);
    expect(intro).toMatch(/不是法(?:律|规)条文/);
    expect(intro).toMatch(/退役军人服务站/);
    expect(isoDatesIn(intro).every((d) => d !== undefined && law.keyDates.includes(d))).toBe(true);
    expect(isoDatesIn(intro)).toContain(law.effectiveDate);
    const counts = new RegExp(`共(${NUMERAL})章(${NUMERAL})条`).exec(intro);
    expect(chineseNumeralToNumber(counts?.[1] ?? '')).toBe(law.chapterCount);
    expect(chineseNumeralToNumber(counts?.[2] ?? '')).toBe(law.articleCount);
  });

  it('cites only articles that exist, in the 依据：《…》第X条 form', () => {
    const problems = entitlements.flatMap((p) => {
      const { articles, problems: found } = cites(p);
      const missing = articles.filter((n) => !law.articles.has(n)).map((n) => `第${n}条 does not exist`);
      return [...found, ...missing].map((f) => `${f} (in: ${p.text.slice(0, 20)})`);
    });
    expect(problems).toEqual([]);
  });

  it('mentions 第X条 nowhere outside a 依据 sentence, so every article reference is checked', () => {
    const stray = paragraphs.filter((p) => p.text.replace(/依据：[^。]*。/g, '').match(/第\S{1,4}条/));
    expect(stray.map((p) => p.text.slice(0, 30))).toEqual([]);
  });

  it('keeps anchored facts (deadlines, rates, ages) with the article that states them', () => {
    const problems: string[] = [];
    for (const anchor of law.anchors) {
      for (const p of paragraphs.filter((x) => anchor.phrase.test(x.text))) {
        if (!anchor.articles.some((a) => cites(p).articles.includes(a))) {
          problems.push(`"${anchor.what}" needs 第${anchor.articles.join('/')}条: ${p.text.slice(0, 30)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('covers a broad part of the source, not a handful of articles', () => {
    const cited = new Set(entitlements.flatMap((p) => cites(p).articles));
    expect(cited.size).toBeGreaterThanOrEqual(guide.minArticles);
  });

  it('has its veteran-facing sections in order, each with at least three entitlements', () => {
    expect([...body.matchAll(/^##\s+(.+)$/gm)].map((m) => m[1]?.trim())).toEqual([...guide.sections]);
    for (const section of guide.sections) {
      expect(entitlements.filter((p) => p.section === section).length, section).toBeGreaterThanOrEqual(3);
    }
  });

  it('ends each entitlement with its basis and keeps it within three sentences (one chunk)', () => {
    const problems = entitlements.flatMap((p) => {
      const sentences = p.text.match(/[^。！？]+[。！？]/g) ?? [];
      const out: string[] = [];
      if (!(sentences.at(-1) ?? '').startsWith('依据：')) out.push(`basis not last: ${p.text.slice(0, 20)}`);
      if (sentences.length > 3) out.push(`${sentences.length} sentences: ${p.text.slice(0, 20)}`);
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('keeps each entitlement and its basis in one chunk of the real splitter, so a citation quotes both', () => {
    const split = entitlements.filter((p) => groupSpans(p.text, sentenceSpans(p.text, 0, p.text.length)).length !== 1);
    expect(split.map((p) => `${p.text.length} chars: ${p.text.slice(0, 20)}`)).toEqual([]);
  });

  it('gives a basis for every statement under the sections, except the closing contact pointer', () => {
    const bare = paragraphs.filter((p) => p.section !== '' && !p.text.includes('依据：'));
    expect(bare.map((p) => p.text.slice(0, 7))).toEqual(['本局联系方式：']);
  });

  it('sends every paragraph that depends on other rules to the local service station', () => {
    const local = paragraphs.filter((p) => LOCAL_RULE.test(p.text));
    expect(local.length).toBeGreaterThanOrEqual(4);
    expect(local.filter((p) => !p.text.includes('退役军人服务站')).map((p) => p.text.slice(0, 30))).toEqual([]);
  });

  it('uses no number the source text does not contain', () => {
    // 上一年度/下一年 are not amounts; every other number must come from the source.
    const numbers = body.match(/\d+|(?<![上下])[一二两三四五六七八九十百]+(?:年|个月|天|日|周岁|岁|等功|倍|届|元)/g) ?? [];
    expect(numbers.filter((n) => !law.numbers.has(n))).toEqual([]);
  });
});

describe('policy glossary and bureau contact', () => {
  it('parses the glossary and maps onto terms the guides really use', () => {
    const parsed = parseGlossaryFile(read('glossary-policy.yaml'), 'glossary-policy.yaml');
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error));
    const bodies = guides.map((g) => g.body).join('\n');
    const missing = parsed.value.filter((e) => !bodies.includes(e.term) && !TERMS_NOT_IN_GUIDES.has(e.term));
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

const isArticle = (s: string): boolean => /^第.+条$/.test(s);

/** Status, language and the condition/local-rule words must fit the kind. */
function goldKindProblems(line: GoldLine): string[] {
  const { kind, expect: e } = line;
  const out: string[] = [];
  if (!/^pol-\d{3}$/.test(line.id)) out.push('id must look like pol-001');
  if ((kind === 'not_found') !== (e.status === 'not_found')) out.push('not_found kind ⇔ not_found status');
  if ((kind === 'policy_english') !== (e.language === 'en')) out.push('english kind ⇔ language en');
  if (kind === 'policy_local' && !(e.mustIncludeAny ?? []).some((g) => g.includes('服务站')))
    out.push('a local-rule answer must point to the 服务站');
  if (kind === 'policy_conditional' && (e.mustInclude ?? []).filter((m) => !isArticle(m)).length < 1)
    out.push('a conditional answer must name the condition in mustInclude');
  const latin = line.question.match(/[A-Za-z]+/g)?.length ?? 0;
  const cjk = line.question.match(/[\u4E00-\u9FFF]/g)?.length ?? 0;
  if ((latin > cjk ? 'en' : 'zh') !== e.language) out.push(`language ${e.language} does not fit the question`);
  // Written the way veterans type, never copied: no run of 12 characters shared with a guide.
  for (let i = 0; i + 12 <= line.question.length; i += 1) {
    const run = line.question.slice(i, i + 12);
    if (guides.some((g) => g.body.includes(run))) out.push(`question copies "${run}" from a guide`);
  }
  return out;
}

/** An answered line's expectations must all be found in the one guide paragraph its quote is from. */
function goldSourceProblems(line: GoldLine): string[] {
  const e = line.expect;
  if (e.status !== 'answered') return e.quote === undefined ? [] : ['only answered lines have a quote'];
  const guide = guides.find((g) => g.id === e.doc);
  if (guide === undefined || e.quote === undefined) return ['needs a quote and the doc of a policy guide'];
  const home = guide.paragraphs.filter((p) => p.text.includes(e.quote ?? ''));
  if (home.length !== 1 || guide.raw.split(e.quote).length !== 2) return ['quote must occur exactly once'];
  const paragraph = home[0]?.text ?? '';
  const out: string[] = [];
  const articleGroup = (e.mustIncludeAny ?? []).some((g) => g.every(isArticle));
  if (!(e.mustInclude ?? []).some(isArticle) && !articleGroup) out.push('must include the cited article');
  for (const m of e.mustInclude ?? []) if (!paragraph.includes(m)) out.push(`"${m}" is not in the paragraph`);
  for (const g of e.mustIncludeAny ?? [])
    if (!g.some((a) => paragraph.includes(a))) out.push(`no alternative of [${g.join(', ')}] in the paragraph`);
  return out;
}

describe('gold policy questions in tests/eval/policy.jsonl', () => {
  const gold = readPolicyGold();
  const inSection = (guide: LoadedGuide, section: string) =>
    gold.lines.filter((l) =>
      guide.paragraphs.some((p) => p.section === section && l.expect.quote && p.text.includes(l.expect.quote)),
    ).length;

  it('has at least 45 questions of every kind, covering every section of both guides', () => {
    expect(gold.problems).toEqual([]);
    expect(gold.lines.length).toBeGreaterThanOrEqual(45);
    const count = (kind: string) => gold.lines.filter((l) => l.kind === kind).length;
    expect(count('policy_english')).toBeGreaterThanOrEqual(8);
    expect(count('policy_conditional')).toBeGreaterThanOrEqual(8);
    expect(count('policy_local')).toBeGreaterThanOrEqual(6);
    expect(count('not_found')).toBeGreaterThanOrEqual(3);
    for (const guide of guides) {
      // The law guide is the main one (at least 3 per section); the regulations guide at least 1.
      const min = guide.law === VETERANS_LAW ? 3 : 1;
      for (const s of guide.sections) expect(inSection(guide, s), s).toBeGreaterThanOrEqual(min);
    }
  });

  it('takes every expectation from the guide paragraph its quote comes from', () => {
    const ids = gold.lines.map((l) => l.id);
    const problems = [
      ...ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `duplicate id ${id}`),
      ...gold.lines.flatMap((l) => [...goldKindProblems(l), ...goldSourceProblems(l)].map((p) => `${l.id}: ${p}`)),
    ];
    expect(problems).toEqual([]);
  });
});
