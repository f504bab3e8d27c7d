import type { DataProblem } from './yaml-data.js';
import { normaliseForMatch } from './normalise.js';
import { numberValues } from './numbers.js';
import type { EntitlementCard, LawText } from './types.js';

/**
 * Checks entitlement cards against the laws they cite: ids unique, every article exists, every
 * quote is verbatim in its article, related cards exist, and every number a card states appears in
 * an article it cites — a card may simplify the law's words but never invent a figure.
 */
export function checkCards(cards: readonly EntitlementCard[], laws: readonly LawText[]): DataProblem[] {
  const problems: DataProblem[] = [];
  const byShortTitle = new Map(laws.map((l) => [l.shortTitle, l]));
  const known = [...byShortTitle.keys()].join('、') || '(none: add the law texts to knowledge/laws/)';
  const ids = new Map<string, string>();
  const indexInFile = new Map<string, number>();
  for (const card of cards) {
    const i = indexInFile.get(card.file) ?? 0;
    indexInFile.set(card.file, i + 1);
    const at = (field: string) => `cards[${i}].${field}`;
    const problem = (field: string, message: string) => problems.push({ file: card.file, field: at(field), message });

    const other = ids.get(card.id);
    if (other) problem('id', `duplicate id "${card.id}" (also in ${other}) — give each card its own id`);
    else ids.set(card.id, card.file);

    const citedTexts: string[] = [];
    card.basis.forEach((basis, j) => {
      const law = byShortTitle.get(basis.law);
      if (!law) {
        problem(`basis[${j}].law`, `unknown law "${basis.law}" — use one of: ${known}`);
        return;
      }
      const article = law.articles.get(basis.article);
      if (!article) {
        problem(
          `basis[${j}].article`,
          `《${law.shortTitle}》 has no article ${basis.article} (it has ${law.articles.size}) — check the number in ${law.docId}`,
        );
        return;
      }
      citedTexts.push(article.text);
      if (!squash(article.text).includes(squash(basis.quote))) {
        problem(
          `basis[${j}].quote`,
          `not found verbatim in 《${law.shortTitle}》 article ${basis.article} — copy a phrase of that article exactly`,
        );
      }
    });

    const allowed = new Set<number>([
      ...card.basis.map((b) => b.article),
      ...citedTexts.flatMap((t) => numberValues(t)),
    ]);
    for (const field of NUMBER_CHECKED_FIELDS) {
      const value = card[field];
      if (!value) continue;
      const invented = numberValues(stripArticleRefs(value)).filter((n) => !allowed.has(n));
      if (invented.length > 0) {
        problem(
          SNAKE[field],
          `states ${invented.join(', ')}, which no cited article states — quote the number from the law or leave it to "local"`,
        );
      }
    }
  }
  for (const card of cards) {
    card.related.forEach((id, j) => {
      if (!ids.has(id)) {
        const i = cards.filter((c) => c.file === card.file).indexOf(card);
        problems.push({
          file: card.file,
          field: `cards[${i}].related[${j}]`,
          message: `no card with id "${id}" — use the id of an existing card`,
        });
      }
    });
  }
  return problems;
}

// Titles too: an English answer shows its card's title, and a number there is checked like any other.
const NUMBER_CHECKED_FIELDS = [
  'title',
  'titleEn',
  'answer',
  'answerEn',
  'who',
  'exceptions',
  'where',
  'whereEn',
  'bring',
  'local',
] as const;
const SNAKE: Record<(typeof NUMBER_CHECKED_FIELDS)[number], string> = {
  title: 'title',
  titleEn: 'title_en',
  answer: 'answer',
  answerEn: 'answer_en',
  who: 'who',
  exceptions: 'exceptions',
  where: 'where',
  whereEn: 'where_en',
  bring: 'bring',
  local: 'local',
};

/** 第十五条, Article 15: references, not figures. */
const stripArticleRefs = (text: string): string =>
  text.replace(/第[零〇一二两三四五六七八九十百\d]+条/g, '').replace(/\barticles?\s+\d+(\s*(,|and|–|-)\s*\d+)*/gi, '');

/** Whitespace and full-width differences do not make a quote wrong. */
const squash = (text: string): string => normaliseForMatch(text).replace(/\s+/g, '');
