/**
 * `npx tsx scripts/check-cards.ts [cards/<file>.yaml …]`: checks entitlement cards against the law
 * texts in knowledge/laws/ (schema, articles, verbatim quotes, numbers, related ids) and prints each
 * problem with file and field. With file names, only their problems are printed (related ids may
 * point into any card file). Exits 1 when a problem is found.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCardFile } from '../src/knowledge/card-schema.js';
import { checkCards } from '../src/knowledge/check-cards.js';
import { readKnowledgeFiles } from '../src/adapters/knowledge/read-knowledge-files.js';
import { loadDocuments } from '../src/adapters/knowledge/loaders/index.js';
import { toLawText } from '../src/knowledge/law-text.js';
import type { EntitlementCard } from '../src/knowledge/types.js';

const dir = path.resolve('knowledge');
const only = process.argv.slice(2).map((f) => f.replace(/^knowledge\//, ''));
const files = await readKnowledgeFiles(dir);
const { documents } = await loadDocuments(files.filter((f) => f.path.startsWith('laws/')));
const laws = documents.filter((d) => d.kind === 'law').map(toLawText);
const cards: EntitlementCard[] = [];
let failed = false;
for (const file of files.filter((f) => /^cards\/[^/]+\.ya?ml$/.test(f.path))) {
  const parsed = parseCardFile(await readFile(path.join(dir, file.path), 'utf8'), file.path);
  if (parsed.success) cards.push(...parsed.value);
  else if (only.length === 0 || only.includes(file.path)) {
    failed = true;
    for (const p of parsed.error) console.log(`${p.file} ${p.field ?? ''}: ${p.message}`);
  }
}
for (const p of checkCards(cards, laws)) {
  if (only.length > 0 && !only.includes(p.file)) continue;
  failed = true;
  console.log(`${p.file} ${p.field ?? ''}: ${p.message}`);
}
const counted = only.length > 0 ? cards.filter((c) => only.includes(c.file)) : cards;
console.log(
  `${counted.length} cards checked against ${laws.map((l) => `${l.shortTitle} (${l.articles.size} articles)`).join(', ')}`,
);
process.exitCode = failed ? 1 : 0;
