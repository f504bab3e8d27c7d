/**
 * `npx tsx scripts/train-asker-kind.ts [--sets odd|even]`: trains the asker-kind model on the blind
 * sets' dev splits and writes src/assistant/understand/asker-kind-model.ts. Run it after adding a
 * blind set (a test fails until the model matches the dev splits). `--sets odd|even` trains on half
 * the sets, to check on the other half how well the model carries over to writers it has not seen.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { askerKindModelSource, trainAskerKind } from '../src/eval/asker-kind-training.js';

const root = path.resolve(import.meta.dirname, '..');
const flag = process.argv.indexOf('--sets');
const half = flag >= 0 ? process.argv[flag + 1] : undefined;
if (half !== undefined && half !== 'odd' && half !== 'even') {
  process.stderr.write('usage: train-asker-kind.ts [--sets odd|even]\n');
  process.exit(2);
}
const model = trainAskerKind(path.join(root, 'tests/eval/blind'), half);
const note = half ? ` (${half}-numbered sets only)` : '';
writeFileSync(
  path.join(root, 'src/assistant/understand/asker-kind-model.ts'),
  askerKindModelSource(model, note),
);
process.stdout.write(
  `${model.docs[0]} benefits + ${model.docs[1]} work-summary questions, ${Object.keys(model.features).length} features\n`,
);
