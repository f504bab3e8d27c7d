/**
 * `npx tsx scripts/tune-card-ranking.ts`: tunes the card index's BM25 settings and the matcher's
 * token weights on the cards' own sample phrasings, never on evaluation questions. Half of each
 * card's phrasings stay on the card; the other half are asked as questions, and the card they
 * belong to must rank first. Prints hit@1 and mean reciprocal rank per setting, best last.
 */
import path from 'node:path';
import { MATCH_PARAMS } from '../src/assistant/benefits/calibration.js';
import { readCards } from '../src/assistant/benefits/match-cards.js';
import { glossaryMatches } from '../src/assistant/understand/expand.js';
import { loadKnowledge } from '../src/adapters/knowledge/load-knowledge.js';
import { CardIndex, type CardIndexOptions } from '../src/retrieval/card-index.js';

const kb = await loadKnowledge(path.resolve('knowledge'));
const held: { question: string; id: string; boost: string[] }[] = [];
const cards = kb.cards.map((card) => {
  const keep = card.phrasings.filter((_, i) => i % 2 === 0);
  for (const question of card.phrasings.filter((_, i) => i % 2 === 1))
    held.push({
      question,
      id: card.id,
      boost: [...new Set(glossaryMatches(question, kb.glossary).map((m) => m.term))],
    });
  return { ...card, phrasings: keep };
});

function measure(options: CardIndexOptions, bigramWeight: number, contextWeight: number) {
  const index = CardIndex.build(cards, options);
  const params = { ...MATCH_PARAMS, bigramWeight, contextWeight };
  let hits = 0;
  let reciprocal = 0;
  for (const q of held) {
    const rank = readCards(q.question, q.boost, index, params).matches.findIndex((m) => m.card.id === q.id);
    if (rank === 0) hits++;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
  }
  return { hit1: hits / held.length, mrr: reciprocal / held.length };
}

const results: { setting: string; hit1: number; mrr: number }[] = [];
for (const namingWeight of [0.3, 0.6, 1, 1.5])
  for (const k1 of [0.9, 1.2, 1.6])
    for (const b of [0.5, 0.75, 0.9])
      for (const bigramWeight of [0.5, 1]) {
        const r = measure({ namingWeight, k1, b }, bigramWeight, MATCH_PARAMS.contextWeight);
        results.push({ setting: JSON.stringify({ namingWeight, k1, b, bigramWeight }), ...r });
      }
results.sort((a, b) => a.mrr - b.mrr);
console.log(`${held.length} held-out phrasings over ${cards.length} cards`);
for (const r of results.slice(-10))
  console.log(`${r.setting} hit@1 ${(r.hit1 * 100).toFixed(1)}% mrr ${r.mrr.toFixed(3)}`);
