import { fileURLToPath } from 'node:url';
import { runWithCodeCache } from './code-cache.js';

// `npm run ask`: the one-shot command bundled into dist/src/one-shot/bundle.cjs by scripts/build.mjs
// (this file is bundled beside it as dist/src/one-shot/ask.js), run with V8's code cache.
runWithCodeCache(fileURLToPath(new URL('../../one-shot/bundle.cjs', import.meta.url)));
