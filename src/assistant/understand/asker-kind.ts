/**
 * Who a question reads as coming from: staff asking about the bureau's record, or a veteran asking
 * what the law gives. A naive Bayes model over the question's characters, character pairs and
 * English words, trained by `scripts/train-asker-kind.ts` on the dev splits of the blind question
 * sets (work-summary questions against benefits questions, each set written by another writer).
 * The router takes it as one more cue for the record — beside the hand-written cue lists, which
 * only catch the phrasings someone thought of.
 */
import { ASKER_KIND_MODEL, type AskerKindModel } from './asker-kind-model.js';
import { questionFeatures } from './question-features.js';

/** Smoothing of the feature counts: an unseen feature weighs as half a document. */
const SMOOTHING = 0.5;

/** The probability that the question asks about the bureau's record rather than a benefit. */
export function recordProbability(question: string, model: AskerKindModel = ASKER_KIND_MODEL): number {
  const [benefitsDocs, recordDocs] = model.docs;
  let logOdds = Math.log(recordDocs / benefitsDocs);
  for (const feature of questionFeatures(question)) {
    const [inBenefits, inRecord] = model.features[feature] ?? [0, 0];
    logOdds +=
      Math.log((inRecord + SMOOTHING) / (recordDocs + 1)) -
      Math.log((inBenefits + SMOOTHING) / (benefitsDocs + 1));
  }
  return 1 / (1 + Math.exp(-logOdds));
}
