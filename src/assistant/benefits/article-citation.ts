import type { KnowledgeBase } from '../../knowledge/types.js';
import type { Citation } from '../answer.js';

/**
 * The citation of a law article: the article's chunk (laws are split one article per chunk), so the
 * quote is the whole article, verbatim, and "show the source" opens it in its chapter.
 */
export function createArticleCitation(
  kb: KnowledgeBase,
): (law: string, article: number) => Citation | undefined {
  const byLaw = new Map(kb.laws.map((l) => [l.shortTitle, l]));
  return (law, number) => {
    const text = byLaw.get(law);
    const article = text?.articles.get(number);
    if (!text || !article) return undefined;
    const chunk = kb.chunks.find((c) => c.docId === text.docId && c.text === article.text);
    return {
      doc: text.docId,
      title: text.title,
      section: chunk?.sectionPath.join(' › ') ?? '',
      quote: article.text,
      ...(chunk ? { chunkId: chunk.id } : {}),
    };
  };
}
