import { parseChineseNumeral } from './chinese-numerals.js';
import type { Chunk, LawArticle, LawText, Section, SourceDocument } from './types.js';

/**
 * Reads the articles of a law or regulation kept verbatim in `knowledge/laws/` (the LawRefBook
 * Markdown form: `## 第二章 …` chapter headings, paragraphs starting `第十五条 …`). An article's text
 * runs until the next article or chapter heading and keeps its paragraphs.
 */

const ARTICLE_START = /^第([零〇一二两三四五六七八九十百]+)条[\s\u3000]+/;
const CHAPTER = /^#{1,6}\s*(第[零〇一二两三四五六七八九十百]+章)\s*(.*)$/;
const SECTION = /^#{1,6}\s*第[零〇一二两三四五六七八九十百]+节/;

/** The name citations use: 中华人民共和国退役军人保障法 → 退役军人保障法. */
export function lawShortTitle(title: string): string {
  return title.replace(/^中华人民共和国/, '').replace(/[《》]/g, '').trim();
}

/** Splits a law document's text into its numbered articles, in order. */
export function parseLawArticles(text: string): LawArticle[] {
  const articles: LawArticle[] = [];
  let chapter = '';
  let current: { number: number; chapter: string; lines: string[]; start: number } | undefined;
  let offset = 0;
  const close = () => {
    if (!current) return;
    const body = current.lines.join('\n').trim();
    articles.push({ number: current.number, chapter: current.chapter, text: body, offset: current.start });
    current = undefined;
  };
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const chapterMatch = CHAPTER.exec(trimmed);
    const article = ARTICLE_START.exec(trimmed);
    if (chapterMatch) {
      close();
      chapter = `${chapterMatch[1]} ${(chapterMatch[2] ?? '').replace(/\s+/g, '')}`.trim();
    } else if (SECTION.test(trimmed) || trimmed.startsWith('#') || trimmed.startsWith('<!--')) {
      close();
    } else if (article) {
      close();
      const number = parseChineseNumeral(article[1] ?? '');
      if (number !== undefined) current = { number, chapter, lines: [trimmed], start: offset };
    } else if (current) {
      current.lines.push(trimmed);
    }
    offset += line.length + 1;
  }
  close();
  return articles;
}

/** A law document with its articles indexed by number. */
export function toLawText(doc: SourceDocument): LawText {
  const articles = parseLawArticles(doc.text);
  return {
    docId: doc.id,
    title: doc.title,
    shortTitle: lawShortTitle(doc.title),
    articles: new Map(articles.map((a) => [a.number, a])),
  };
}

const DIGITS = '零一二三四五六七八九';

/** 15 → 十五, 105 → 一百零五: how Chinese law texts number their articles (below 1000). */
export function articleNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 1000) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = hundreds > 0 ? `${DIGITS[hundreds]}百` : '';
  if (tens > 0) out += `${hundreds === 0 && tens === 1 ? '' : DIGITS[tens]}十`;
  else if (hundreds > 0 && ones > 0) out += '零';
  if (ones > 0) out += DIGITS[ones];
  return out;
}

/** 《退役军人保障法》第十五条 */
export function citeArticle(shortTitle: string, article: number): string {
  return `《${shortTitle}》第${articleNumeral(article)}条`;
}

/**
 * A law splits by article, not by sentence: an article is the unit a citation names, so each one is
 * a section (path: chapter, 第N条) and a single chunk, verbatim.
 */
export function splitLawDocument(doc: SourceDocument): { sections: Section[]; chunks: Chunk[] } {
  const sections: Section[] = [];
  const chunks: Chunk[] = [];
  for (const article of parseLawArticles(doc.text)) {
    const path = [article.chapter, `第${articleNumeral(article.number)}条`].filter(Boolean);
    const section: Section = { id: `${doc.id}§${sections.length}`, docId: doc.id, path, text: article.text };
    sections.push(section);
    chunks.push({
      id: `${doc.id}#${chunks.length}`,
      docId: doc.id,
      sectionId: section.id,
      sectionPath: path,
      text: article.text,
      order: chunks.length,
    });
  }
  return { sections, chunks };
}
