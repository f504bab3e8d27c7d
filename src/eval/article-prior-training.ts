/**
 * Training of the article model (src/assistant/benefits/article-prior.ts): for every answerable
 * question of the blind benefits sets' dev splits, which of its features came with which of the
 * articles it names as its basis. Only dev splits are read, so the test splits measure the model;
 * `scripts/train-article-prior.ts` writes the result, and a test checks that the committed model is
 * what the current dev splits give.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { questionFeatures } from '../assistant/understand/question-features.js';
import { articleKey } from '../assistant/benefits/article-prior.js';
import { keyedModelSource, trainKeyedModel, type KeyedModel } from '../assistant/understand/keyed-bayes.js';

const setNumber = (file: string) => Number(/^benefits(\d*)\./.exec(file)?.[1] || 1);

interface BlindLine {
  question: string;
  expect: { answerable?: boolean; basis?: { law: string; articles: number[] }[] };
}

/** `half`: only the odd- or even-numbered sets, for checking the model on writers it has not seen. */
export function trainArticlePrior(blindDir: string, half?: 'odd' | 'even'): KeyedModel {
  const examples: { features: string[]; articles: string[] }[] = [];
  for (const file of readdirSync(blindDir).sort()) {
    if (!/^benefits\d*\.dev\.jsonl$/.test(file)) continue;
    if (half && (setNumber(file) % 2 === 1) !== (half === 'odd')) continue;
    for (const line of readFileSync(path.join(blindDir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { question, expect } = JSON.parse(line) as BlindLine;
      if (expect.answerable === false || !expect.basis?.length) continue;
      const articles = [...new Set(expect.basis.flatMap((b) => b.articles.map((a) => articleKey(b.law, a))))];
      examples.push({ features: questionFeatures(question), articles });
    }
  }
  return trainKeyedModel(examples.map(({ features, articles }) => ({ features, keys: articles })));
}

/** The model as the TypeScript module the assistant imports. */
export const articleModelSource = (model: KeyedModel, note = ''): string =>
  keyedModelSource(model, 'ARTICLE_MODEL', 'scripts/train-article-prior.ts', note);
