import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articlePosterior, cardPrior } from '../../src/assistant/benefits/article-prior.js';
import { articleModelSource, trainArticlePrior } from '../../src/eval/article-prior-training.js';
import type { EntitlementCard } from '../../src/knowledge/types.js';
import { useCheckedAsk } from '../support/checked-ask.js';

const root = path.resolve(import.meta.dirname, '../..');

// Two articles: A's training questions said 火车, B's said 看病.
const toy = {
  keys: [
    ['甲法#1', 5],
    ['乙法#2', 5],
  ] as const,
  features: { 火: [0, 5], 车: [0, 5], 火车: [0, 5], 看: [1, 5], 病: [1, 5], 看病: [1, 5] },
};
const cardCiting = (law: string, article: number) =>
  ({ id: 'toy-card', basis: [{ law, article, quote: '' }] }) as unknown as EntitlementCard;

describe('the article prior', () => {
  it('finds likelier the article whose training questions used the asked words', () => {
    const train = articlePosterior('坐火车', toy);
    expect(train.get('甲法#1')).toBeGreaterThan(train.get('乙法#2')!);
    const doctor = articlePosterior('看病', toy);
    expect(doctor.get('乙法#2')).toBeGreaterThan(doctor.get('甲法#1')!);
    // Words no training question used say nothing: the articles stay as common as they were.
    const unknown = articlePosterior('xyz', toy);
    expect(unknown.get('甲法#1')).toBeCloseTo(0.5, 5);
  });

  it('gives a card the likelihood of its likeliest article, and none for an article it does not cite', () => {
    const train = articlePosterior('坐火车', toy);
    expect(cardPrior(cardCiting('甲法', 1), train)).toBe(train.get('甲法#1'));
    expect(cardPrior(cardCiting('丙法', 9), train)).toBe(0);
    // A topic overview cites all its topic's articles: it is not weighed up by any of them.
    const overview = { ...cardCiting('甲法', 1), id: 'travel-overview' } as EntitlementCard;
    expect(cardPrior(overview, train)).toBe(0);
  });

  it('is the model the current dev splits give (run scripts/train-article-prior.ts after adding a set)', () => {
    const committed = readFileSync(path.join(root, 'src/assistant/benefits/article-model.ts'), 'utf8');
    expect(committed).toBe(articleModelSource(trainArticlePrior(path.join(root, 'tests/eval/blind'))));
  });
});

describe('the card the article prior leads with', () => {
  const ask = useCheckedAsk();

  it('answers a disabled soldier’s train fare with the national half-fare rule, not the provincial one', async () => {
    const answer = await ask('伤残军人坐高铁能便宜点吗');
    expect(answer.answer).toContain('50%');
    expect(answer.answer).toContain('第五十二条');
  });
});
