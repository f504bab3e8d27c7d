// `npm run ask|chat|ingest|db:migrate -- …`: builds dist/ when src/ or prompts/ changed since the
// last build (scripts/build.mjs), then runs the built entry point in this same process. Checking in
// a Node process of its own before `exec node dist/…` cost a second Node start (~0.1 s) per command.
// Usage: node scripts/run-built.mjs dist/src/<entry>.js [arguments…]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDist, isStale } from './build.mjs';

const [entry] = process.argv.splice(2, 1);
if (!entry) throw new Error('usage: node scripts/run-built.mjs dist/src/<entry>.js [arguments…]');
if (isStale()) await buildDist();
const file = path.resolve(import.meta.dirname, '..', entry);
// The entry reads its arguments from process.argv.slice(2), as when Node runs it directly.
process.argv[1] = file;
await import(pathToFileURL(file).href);
