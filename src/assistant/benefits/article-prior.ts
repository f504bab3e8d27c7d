/**
 * Which law articles a question reads as asking about, learned from how people ask: a naive Bayes
 * model over the question's characters, character pairs and English words (questionFeatures),
 * trained by `scripts/train-article-prior.ts` on the dev splits of the blind benefits sets, whose
 * every answerable question names the articles that answer it. The card matcher weighs a card up
 * by how likely its articles are, so that of the cards whose words fit, the one whose entitlement
 * such questions are about leads — "考公务员当过兵有照顾吗" reads as the civil-service article
 * even where a retirement-pay card shares more words. The model itself is keyed-bayes.ts.
 */
import type { EntitlementCard } from '../../knowledge/types.js';
import { keyPosterior, type KeyedModel } from '../understand/keyed-bayes.js';
import { ARTICLE_MODEL } from './article-model.js';

const SMOOTHING = 0.003;
const TEMPERATURE = 10;

/** A card's article key, as the model names articles: "退役军人保障法#23". */
export const articleKey = (law: string, article: number): string => `${law}#${article}`;

/** The probability of each article (by articleKey) being what the question asks about. */
export const articlePosterior = (question: string, model: KeyedModel = ARTICLE_MODEL): Map<string, number> =>
  keyPosterior(question, model, { smoothing: SMOOTHING, temperature: TEMPERATURE });

/** How likely the card's likeliest article is to be what was asked (none for a topic overview). */
export function cardPrior(card: EntitlementCard, posterior: ReadonlyMap<string, number>): number {
  // An overview cites every article of its topic, so one of them is always likely: weighing it up
  // would let the overview answer every question on the topic instead of the card that answers it.
  if (card.id.endsWith('-overview')) return 0;
  return Math.max(0, ...card.basis.map((b) => posterior.get(articleKey(b.law, b.article)) ?? 0));
}
