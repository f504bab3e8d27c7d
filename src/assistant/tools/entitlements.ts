import type { EntitlementCard, KnowledgeBase } from '../../knowledge/types.js';
import { buildCardIndexData, CardIndex } from '../../retrieval/card-index.js';
import type { Citation } from '../answer.js';
import { createArticleCitation } from '../benefits/article-citation.js';
import { readCards } from '../benefits/match-cards.js';
import { CARD_TOPICS, type CardTopic } from '../../knowledge/card-topics.js';
import { glossaryMatches } from '../understand/expand.js';
import type { EntitlementMatch, EntitlementTopic } from '../ports.js';
import { computeAlways, type DerivedCache } from '../derived-cache.js';

/**
 * The entitlement-card tools shared by the offline composer, the LLM agent and the chat menus:
 * the card index (built on first use, or read from `cache`), matching a question to cards,
 * and the cards by topic.
 */
export interface EntitlementTools {
  cardIndex(): CardIndex;
  articleCitation(law: string, article: number): Citation | undefined;
  findEntitlements(question: string, k?: number): EntitlementMatch[];
  entitlementTopics(): EntitlementTopic[];
}

export function createEntitlementTools(
  kb: KnowledgeBase,
  cache: DerivedCache = computeAlways,
): EntitlementTools {
  let index: CardIndex | undefined;
  const cardIndex = (): CardIndex =>
    (index ??= CardIndex.fromData(
      kb.cards,
      cache.remember('card-index', () => buildCardIndexData(kb.cards)),
    ));
  const articleCitation = createArticleCitation(kb);
  const toMatch = (card: EntitlementCard, confidence: number): EntitlementMatch => ({
    card,
    confidence,
    citations: card.basis.flatMap((b) => articleCitation(b.law, b.article) ?? []),
  });
  return {
    cardIndex,
    articleCitation,
    findEntitlements(question, k = 3) {
      const boost = [...new Set(glossaryMatches(question, kb.glossary).map((m) => m.term))];
      return readCards(question, boost, cardIndex())
        .matches.slice(0, k)
        .map((m) => toMatch(m.card, m.confidence));
    },
    entitlementTopics() {
      return (Object.keys(CARD_TOPICS) as CardTopic[])
        .map((id) => ({
          id,
          zh: CARD_TOPICS[id].zh,
          en: CARD_TOPICS[id].en,
          cards: kb.cards
            .filter((c) => c.topic === id)
            .map((c) => ({ id: c.id, title: c.title, titleEn: c.titleEn, question: c.question })),
        }))
        .filter((t) => t.cards.length > 0);
    },
  };
}
