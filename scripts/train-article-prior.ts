/**
 * `npx tsx scripts/train-article-prior.ts [--sets odd|even]`: trains the article model on the blind
 * benefits sets' dev splits and writes src/assistant/benefits/article-model.ts. Run it after adding
 * a blind benefits set (a test fails until the model matches the dev splits). `--sets odd|even`
 * trains on half the sets, to check on the other half how well the model carries over to writers
 * it has not seen.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { articleModelSource, trainArticlePrior } from '../src/eval/article-prior-training.js';

const root = path.resolve(import.meta.dirname, '..');
const flag = process.argv.indexOf('--sets');
const half = flag >= 0 ? process.argv[flag + 1] : undefined;
if (half !== undefined && half !== 'odd' && half !== 'even') {
  process.stderr.write('usage: train-article-prior.ts [--sets odd|even]\n');
  process.exit(2);
}
const model = trainArticlePrior(path.join(root, 'tests/eval/blind'), half);
const note = half ? ` (${half}-numbered sets only)` : '';
writeFileSync(path.join(root, 'src/assistant/benefits/article-model.ts'), articleModelSource(model, note));
process.stdout.write(`${model.keys.length} articles, ${Object.keys(model.features).length} features\n`);
