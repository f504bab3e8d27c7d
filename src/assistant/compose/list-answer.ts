import type { KnowledgeBase, Section } from '../../knowledge/types.js';
import type { Language } from '../answer.js';
import { uniqueCitations, type CiteQuote } from './cite.js';
import { draft, type Draft } from './draft.js';
import { coverage } from './relevance.js';
import { englishTermsOf } from './english-gloss.js';
import type { ScoredPassage } from './passage-answer.js';

const MIN_HEADING_COVERAGE = 0.6;

/**
 * "存在哪些问题" / "七个确保是什么": the items of a section (its sub-headings) or of an enumeration
 * in the best passage ("即……；……；……"). Returns undefined when neither fits, so the caller
 * answers with passages instead.
 */
export function composeListAnswer(
  question: string,
  terms: string[],
  kb: KnowledgeBase,
  passages: ScoredPassage[],
  language: Language,
  cite: CiteQuote,
  sectionText: (chunkId: string) => string | undefined,
): Draft | undefined {
  return (
    fromSubHeadings(terms, kb, language, cite) ??
    fromEnumeration(question, passages, terms, language, cite, sectionText)
  );
}

function fromSubHeadings(
  terms: string[],
  kb: KnowledgeBase,
  language: Language,
  cite: CiteQuote,
): Draft | undefined {
  const withChildren = kb.sections.filter((s) => s.path.length > 0 && childrenOf(kb, s).length >= 2);
  // A heading an English question names whole (存在的问题和不足, translated from "shortcomings") is
  // the asked one, whatever else it names ("the bureau", "the report"). A Chinese question may name
  // the heading only to place what it asks ("工作打算里的“七个确保”").
  const namedWhole = (heading: string) =>
    language === 'en' && terms.some((t) => t.length >= 4 && heading.endsWith(t));
  const scored = withChildren
    .map((s) => {
      const heading = s.path[s.path.length - 1] ?? '';
      return { s, score: namedWhole(heading) ? 1 : coverage(terms, heading) };
    })
    .filter((x) => x.score >= MIN_HEADING_COVERAGE)
    .sort((a, b) => b.score - a.score || a.s.path.length - b.s.path.length);
  const section = scored[0]?.s;
  if (!section) return undefined;
  const items = childrenOf(kb, section).map((c) => headingOf(c));
  const title = section.path[section.path.length - 1] ?? '';
  const count = items.length;
  const lead =
    language === 'zh' ? `「${title}」共${count}项：` : `"${title}" has ${count} items (in Chinese):`;
  // An English reader gets the items' known terms in English beside each (信访稳定 → stability).
  const shown = items.map((i) => {
    const gloss = language === 'en' ? englishTermsOf(i, kb.glossary) : [];
    return gloss.length > 0 ? `${i} (${gloss.join('; ')})` : i;
  });
  return draft('answered', `${lead}\n${shown.map((i) => `· ${i}`).join('\n')}`, {
    citations: uniqueCitations(items.map((i) => cite(section.docId, i))),
    derived: [String(count)],
    topic: section.path[0] ?? title,
  });
}

/**
 * An enumeration often runs past the passage that starts it (chunks end at ；), and the passage
 * that names it may end before it starts ("…力争实现“七个确保”，即…"), so it is read from the
 * enclosing section, starting where the passage starts.
 */
function fromEnumeration(
  question: string,
  passages: ScoredPassage[],
  terms: readonly string[],
  language: Language,
  cite: CiteQuote,
  sectionText: (chunkId: string) => string | undefined,
): Draft | undefined {
  for (const { passage } of passages.slice(0, 2)) {
    const section = sectionText(passage.chunkId) ?? passage.quote;
    const start = Math.max(0, section.indexOf(passage.quote));
    const window = section.slice(start, start + ENUMERATION_WINDOW);
    const found =
      enumerationAfterAskedWords(window, terms) ??
      namesOfTheAskedKind(window, question, terms) ??
      namedRunBesideAskedWords(window, terms, question) ??
      enumerationIn(window);
    if (!found) continue;
    const lead = language === 'zh' ? '包括：' : 'They are (in Chinese):';
    return draft('answered', `${lead}\n${found.items.map((i) => `· ${i}`).join('\n')}`, {
      citations: uniqueCitations([cite(passage.doc, found.source)]),
      topic: passage.section.split(' › ')[0] ?? '',
    });
  }
  return undefined;
}

/** How far past the passage's start an enumeration may begin. */
const ENUMERATION_WINDOW = 600;

/**
 * Items after "即" separated by ；, or a run of “quoted” names such as “喜报进家门”“鲜花敬英烈”;
 * `source` is the verbatim text they were read from (the citation).
 */
export function enumerationIn(text: string): { items: string[]; source: string } | undefined {
  const afterJi = /即([^。]+)/.exec(text);
  if (afterJi?.[1]?.includes('；')) {
    const items = afterJi[1]
      .split('；')
      .map((s) => s.trim())
      .filter(Boolean);
    return { items, source: afterJi[0] };
  }
  const quoted = /(?:“[^”]{2,12}”){2,}/.exec(text)?.[0];
  if (quoted) return { items: [...quoted.matchAll(/“([^”]+)”/g)].map((m) => m[1] ?? ''), source: quoted };
  return undefined;
}

/**
 * "着力推进哪些业务": the items the passage lists right after the question's own words ("着力推进
 * 信访稳定、移交安置、就业创业…等工作") or right before them ("元旦、端午、春节等节假日"), before
 * any other enumeration in the window.
 */
function enumerationAfterAskedWords(
  text: string,
  terms: readonly string[],
): { items: string[]; source: string } | undefined {
  // Of the asked words that lead into a list, the one nearest to it ("着力推进": 推进, not 着力).
  let best: { items: string[]; source: string; end: number } | undefined;
  for (const term of terms) {
    if (!/^[\u4e00-\u9fa5]{2,6}$/.test(term)) continue;
    const at = text.indexOf(term);
    if (at < 0) continue;
    const end = at + term.length;
    const run = /^((?:[\u4e00-\u9fa5]{2,8}、){2,}[\u4e00-\u9fa5]{2,8}?)(等|[，。；])/.exec(text.slice(end));
    if (run?.[1] && !(best && best.end >= end)) {
      best = { items: run[1].split('、'), source: `${term}${run[1]}${run[2] === '等' ? '等' : ''}`, end };
      continue;
    }
    // "元旦、端午、春节等节假日": the items may stand right before the asked word, closed by 等.
    const before = /((?:[\u4e00-\u9fa5]{2,8}、){2,}[\u4e00-\u9fa5]{2,8})等$/.exec(
      text.slice(Math.max(0, at - 60), at),
    );
    if (before?.[1] && !best) {
      // The first item's start is not marked ("把准元旦、端午…"): it is no longer than the others.
      const [first = '', ...rest] = before[1].split('、');
      const longest = Math.max(...rest.map((r) => r.length));
      const items = [first.slice(Math.max(0, first.length - longest)), ...rest];
      best = { items, source: `${items.join('、')}等${term}`, end };
    }
  }
  return best && { items: best.items, source: best.source };
}

/**
 * "开展了哪些主题宣传活动": names in quotes each followed by the kind asked, though in separate
 * clauses (“老兵喜迎二十大，不忘初心跟党走”系列宣传活动，围绕“强国复兴有我”主题活动). A run of names
 * followed by another kind (“喜报进家门”“鲜花敬英烈”红色基因传承工程) is not of the kind asked.
 * Only names from two or more places count; a single run is namedRunBesideAskedWords' case.
 */
function namesOfTheAskedKind(
  text: string,
  question: string,
  terms: readonly string[],
): { items: string[]; source: string } | undefined {
  const asked = terms.filter((t) => /^[\u4e00-\u9fa5]{2,6}$/.test(t));
  const groups: { names: string[]; source: string }[] = [];
  // The kind is the few characters right after the name (系列宣传活动), not the clause's verb.
  for (const m of text.matchAll(/((?:“[^”]{2,20}”)+)([\u4e00-\u9fa5]{0,6})/g)) {
    const kind = m[2] ?? '';
    if (!asked.some((t) => kind.includes(t))) continue;
    const names = [...(m[1] ?? '').matchAll(/“([^”]+)”/g)].map((x) => x[1] ?? '');
    // "“四强”是哪四强", "返乡第一课得到了哪些肯定": a name the asker gives is what is asked about.
    if (names.some((n) => question.includes(n))) return undefined;
    groups.push({ names, source: m[0] });
  }
  if (groups.length < 2) return undefined;
  const first = text.indexOf(groups[0]?.source ?? '');
  const last = groups[groups.length - 1]?.source ?? '';
  const source = text.slice(first, text.indexOf(last, first) + last.length);
  return { items: [...new Set(groups.flatMap((g) => g.names))], source };
}

/**
 * "看了哪些红色片": of the runs of names in the window (“喜报进家门”“鲜花敬英烈”, 《村路弯弯》《守岛人》),
 * the one the question's own words stand beside ("《…》《…》等红色教育片").
 */
function namedRunBesideAskedWords(
  text: string,
  terms: readonly string[],
  question = '',
): { items: string[]; source: string } | undefined {
  // "参观的那个教育基地是哪一个": names of another kind (《村路弯弯》…等红色教育片) do not answer.
  const kind = /([\u4e00-\u9fa5]{2})(?:都|分别)?是哪/.exec(question)?.[1];
  const asked = terms.filter((t) => /^[\u4e00-\u9fa5]{2,6}$/.test(t));
  for (const m of text.matchAll(
    /(?:“[^”]{2,12}”|《[^》]{2,12}》)(?:[、和及与]?(?:“[^”]{2,12}”|《[^》]{2,12}》))+/g,
  )) {
    const at = m.index ?? 0;
    const around = text.slice(Math.max(0, at - 8), at + m[0].length + 8);
    if (!asked.some((t) => around.includes(t))) continue;
    if (kind && !around.includes(kind)) continue;
    return { items: [...m[0].matchAll(/[“《]([^”》]+)[”》]/g)].map((x) => x[1] ?? ''), source: m[0] };
  }
  return undefined;
}

function childrenOf(kb: KnowledgeBase, parent: Section): Section[] {
  const depth = parent.path.length;
  return kb.sections.filter(
    (s) =>
      s.docId === parent.docId && s.path.length === depth + 1 && parent.path.every((p, i) => s.path[i] === p),
  );
}

/** The heading line of a section, without the body text that may follow on the same line. */
const headingOf = (s: Section): string => s.path[s.path.length - 1] ?? s.text.split('\n')[0] ?? '';
