/**
 * `npx tsx scripts/calibrate-cards.ts [--show]`: measures card matching on the dev split of the
 * blind benefits set — for answerable questions, whether the best card cites an article the writer
 * named; for unanswerable ones, whether confidence stays under the bar — and searches the matching
 * parameters (src/assistant/benefits/calibration.ts) for the best trade-off. Reads dev only.
 */
import path from 'node:path';
import { readCards } from '../src/assistant/benefits/match-cards.js';
import { MATCH_PARAMS, type MatchParams } from '../src/assistant/benefits/calibration.js';
import { glossaryMatches } from '../src/assistant/understand/expand.js';
import { loadGoldSet } from '../src/eval/gold.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { CardIndex } from '../src/retrieval/card-index.js';

const show = process.argv.includes('--show');
const kb = await loadKnowledge(path.resolve('knowledge'));
const index = CardIndex.build(kb.cards);
const questions = (await loadGoldSet(path.resolve('tests/eval/blind'), ['benefits.dev.jsonl'])).map((q) => ({
  q,
  boost: [...new Set(glossaryMatches(q.question, kb.glossary).map((m) => m.term))],
}));

function evaluate(params: MatchParams, print = false) {
  let right = 0;
  let refused = 0;
  let overAnswered = 0;
  let wrongCard = 0;
  for (const { q, boost } of questions) {
    const reading = readCards(q.question, boost, index, params);
    const top = reading.matches[0];
    const answers = top !== undefined && top.confidence >= params.minConfidence;
    const expected = q.expect.basis ?? [];
    const cardRight =
      top !== undefined &&
      expected.some((b) => top.card.basis.some((c) => c.law === b.law && b.articles.includes(c.article)));
    const ok = q.expect.answerable === false ? !answers : answers && cardRight;
    if (ok) right++;
    if (q.expect.answerable !== false && !answers) refused++;
    if (q.expect.answerable !== false && answers && !cardRight) wrongCard++;
    if (q.expect.answerable === false && answers) overAnswered++;
    if (print && !ok)
      console.log(
        `✗ ${q.id} [${q.kind}] conf ${top?.confidence.toFixed(2)} ${top?.card.id} ${answers ? (q.expect.answerable === false ? 'OVER' : 'WRONG') : 'REFUSED'} | ${q.question}\n    expected ${expected.map((b) => `${b.law}${b.articles.join('/')}`).join(' ')} unknown: ${reading.unknownNouns.join(',')}`,
      );
  }
  return { right: right / questions.length, refused, overAnswered, wrongCard };
}

console.log(`${kb.cards.length} cards, ${questions.length} dev questions`);
console.log('current', MATCH_PARAMS, evaluate(MATCH_PARAMS, show));
let best = { params: MATCH_PARAMS, result: evaluate(MATCH_PARAMS) };
for (const contextWeight of [0.5, 0.7, 1])
  for (const glossaryWeight of [0.5, 0.7])
    for (const unknownNounWeight of [0, 0.5, 1, 2])
      for (const unknownTokenWeight of [0, 0.1, 0.2, 0.4])
        for (const minConfidence of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]) {
          const params = {
            ...MATCH_PARAMS,
            contextWeight,
            glossaryWeight,
            unknownNounWeight,
            unknownTokenWeight,
            minConfidence,
          };
          const result = evaluate(params);
          if (result.right > best.result.right) best = { params, result };
        }
console.log('best', best.params, best.result);
