/**
 * `npx tsx scripts/split-blind-set.ts <all.jsonl> <name>`: splits a blind question set 50/50 into
 * tests/eval/blind/<name>.dev.jsonl and <name>.test.jsonl with a fixed seed, stratified by `kind`
 * (questions sharing a `session` stay together). Run once per set, when the set arrives; it prints
 * only counts, so the test half is never shown.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SEED = 20261201;
const [input, name] = process.argv.slice(2);
if (!input || !name) {
  process.stderr.write('usage: split-blind-set.ts <all.jsonl> <name>\n');
  process.exit(2);
}

/** mulberry32: a small seeded generator, so the split is the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Line {
  raw: string;
  kind: string;
  group: string;
}
const lines: Line[] = readFileSync(input, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((raw) => {
    const q = JSON.parse(raw) as { id: string; kind: string; session?: string };
    return { raw, kind: q.kind, group: q.session ?? q.id };
  });

const next = random(SEED);
const dev: Line[] = [];
const test: Line[] = [];
for (const kind of [...new Set(lines.map((l) => l.kind))].sort()) {
  const groups = [...new Set(lines.filter((l) => l.kind === kind).map((l) => l.group))];
  // Fisher–Yates with the seeded generator, then alternate halves for an even split per kind.
  for (let i = groups.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [groups[i], groups[j]] = [groups[j] as string, groups[i] as string];
  }
  groups.forEach((g, i) => (i % 2 === 0 ? dev : test).push(...lines.filter((l) => l.group === g)));
}
const order = (xs: Line[]) => xs.sort((a, b) => lines.indexOf(a) - lines.indexOf(b)).map((l) => l.raw);
const dir = path.resolve('tests/eval/blind');
writeFileSync(path.join(dir, `${name}.dev.jsonl`), `${order(dev).join('\n')}\n`);
writeFileSync(path.join(dir, `${name}.test.jsonl`), `${order(test).join('\n')}\n`);
process.stdout.write(`${name}: ${dev.length} dev, ${test.length} test (seed ${SEED})\n`);
