/**
 * Which law articles a question reads as asking about, learned from how people ask: a naive Bayes
 * model over the question's characters, character pairs and English words (questionFeatures),
 * trained by `scripts/train-article-prior.ts` on the dev splits of the blind benefits sets, whose
 * every answerable question names the articles that answer it. The card matcher weighs a card up
 * by how likely its articles are, so that of the cards whose words fit, the one whose entitlement
 * such questions are about leads — "考公务员当过兵有照顾吗" reads as the civil-service article
 * even where a retirement-pay card shares more words.
 *
 * The smoothing is small on purpose: an article whose questions never had a feature of this one is
 * very unlikely, which makes the model a soft nearest-neighbour over the asked wording; the
 * temperature then flattens the result so it only tips cards the words already rank close.
 */
import type { EntitlementCard } from '../../knowledge/types.js';
import { questionFeatures } from '../understand/question-features.js';
import { ARTICLE_MODEL, type ArticleModel } from './article-model.js';

const SMOOTHING = 0.003;
const TEMPERATURE = 10;

/** A card's article key, as the model names articles: "退役军人保障法#23". */
export const articleKey = (law: string, article: number): string => `${law}#${article}`;

/** The probability of each article (by articleKey) being what the question asks about. */
export function articlePosterior(question: string, model: ArticleModel = ARTICLE_MODEL): Map<string, number> {
  const { articles, features } = model;
  const total = articles.reduce((sum, [, docs]) => sum + docs, 0);
  const asked = questionFeatures(question).filter((f) => features[f] !== undefined);
  const unseen = articles.map(([, docs]) => Math.log(SMOOTHING / (docs + 2 * SMOOTHING)));
  // Every article starts as if it never had an asked feature; the postings lift those that did.
  const logs = articles.map(([, docs], i) => Math.log(docs / total) + asked.length * unseen[i]!);
  for (const feature of asked) {
    const postings = features[feature]!;
    for (let p = 0; p < postings.length; p += 2) {
      const i = postings[p]!;
      const seen = postings[p + 1]!;
      logs[i] = logs[i]! + Math.log((seen + SMOOTHING) / (articles[i]![1] + 2 * SMOOTHING)) - unseen[i]!;
    }
  }
  const top = Math.max(...logs);
  const weights = logs.map((l) => Math.exp((l - top) / TEMPERATURE));
  const sum = weights.reduce((a, b) => a + b, 0);
  return new Map(articles.map(([key], i) => [key, weights[i]! / sum]));
}

/** How likely the card's likeliest article is to be what was asked (none for a topic overview). */
export function cardPrior(card: EntitlementCard, posterior: ReadonlyMap<string, number>): number {
  // An overview cites every article of its topic, so one of them is always likely: weighing it up
  // would let the overview answer every question on the topic instead of the card that answers it.
  if (card.id.endsWith('-overview')) return 0;
  return Math.max(0, ...card.basis.map((b) => posterior.get(articleKey(b.law, b.article)) ?? 0));
}
