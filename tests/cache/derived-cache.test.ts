import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileDerivedCache } from '../../src/cache/derived-cache.js';
import { loadKnowledge } from '../../src/adapters/knowledge/load-knowledge.js';
import { buildCardIndexData, CardIndex } from '../../src/retrieval/card-index.js';
import { captureLogger } from '../support/capture-logger.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'derived-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A cache over `dir` for knowledge hash `hash`, counting how often values are computed. */
async function open(hash = 'knowledge-1') {
  const log = captureLogger('warn');
  const cache = await createFileDerivedCache({ dir, knowledgeHash: hash, logger: log.logger });
  let computed = 0;
  const value = () => {
    computed += 1;
    return { words: new Map([['优待证', ['you dai zen']]]), seen: new Set(['待证']), n: computed };
  };
  return { cache, log, value, computed: () => computed };
}

describe('createFileDerivedCache', () => {
  it('computes a value once, then reads it back in a later process with Maps and Sets intact', async () => {
    const first = await open();
    const stored = first.cache.remember('table', first.value);
    await first.cache.flush();
    const second = await open();
    const read = second.cache.remember('table', second.value);
    expect(second.computed()).toBe(0);
    expect(read).toEqual(stored);
    expect(read.words).toBeInstanceOf(Map);
    expect(await readdir(dir)).toEqual(['table.v8']);
  });

  it('computes again when the knowledge changed, and overwrites the old entry', async () => {
    const first = await open('knowledge-1');
    first.cache.remember('table', first.value);
    await first.cache.flush();
    const changed = await open('knowledge-2');
    expect(changed.cache.remember('table', changed.value).n).toBe(1);
    expect(changed.computed()).toBe(1);
    await changed.cache.flush();
    const again = await open('knowledge-2');
    again.cache.remember('table', again.value);
    expect(again.computed()).toBe(0);
  });

  it('treats a damaged file as missing: the value is computed and the file rewritten', async () => {
    const first = await open();
    first.cache.remember('table', first.value);
    await first.cache.flush();
    const key = readFileSync(path.join(dir, 'table.v8'), 'latin1').slice(0, 65);
    await writeFile(path.join(dir, 'table.v8'), `${key}not v8 data`, 'latin1');
    const second = await open();
    expect(second.cache.remember('table', second.value).n).toBe(1);
    expect(second.log.lines().map((l) => l.msg)).toContain('derived cache file unreadable: rebuilding it');
    // The rewrite finishes before the test ends (it raced the folder's removal), and reads back.
    await second.cache.flush();
    const third = await open();
    third.cache.remember('table', third.value);
    expect(third.computed()).toBe(0);
  });

  it('removes the temp file a killed process left behind, never one a live process is writing', async () => {
    // A pid no process has (above the kernel's pid_max) and this test's own live parent.
    const abandoned = 'table.v8.4194999-1.tmp';
    const live = `table.v8.${process.ppid}-1.tmp`;
    await writeFile(path.join(dir, abandoned), 'half');
    await writeFile(path.join(dir, live), 'half');
    const { cache, value } = await open();
    cache.remember('table', value);
    await cache.flush();
    const names = await readdir(dir);
    expect(names).not.toContain(abandoned);
    expect(names).toContain(live);
    expect(names).toContain('table.v8');
  });

  it('still answers when the folder cannot be created, warning once', async () => {
    // A file where the folder should be: mkdir fails even for root.
    await writeFile(path.join(dir, 'blocked'), '');
    const log = captureLogger('warn');
    const cache = await createFileDerivedCache({
      dir: path.join(dir, 'blocked', 'derived'),
      knowledgeHash: 'k',
      logger: log.logger,
    });
    expect(cache.remember('a', () => 1)).toBe(1);
    expect(cache.remember('b', () => 2)).toBe(2);
    await cache.flush();
    expect(log.lines().filter((l) => l.msg.startsWith('derived cache not written'))).toHaveLength(1);
  });

  it('keeps the real knowledge base and card index exactly as loaded and built', async () => {
    const { cache } = await open();
    const { value: kb } = await cache.rememberAsync('knowledge', () => loadKnowledge('knowledge'));
    const data = cache.remember('card-index', () => buildCardIndexData(kb.cards));
    await cache.flush();
    const again = await open();
    const { value: cachedKb, cached } = await again.cache.rememberAsync('knowledge', () =>
      loadKnowledge('knowledge'),
    );
    expect(cached).toBe(true);
    // Prototypes, Maps (law articles), undefined fields and shared references all survive.
    expect(isDeepStrictEqual(cachedKb, kb)).toBe(true);
    const cachedData = again.cache.remember('card-index', () => buildCardIndexData(kb.cards));
    expect(again.computed()).toBe(0);
    const built = CardIndex.build(cachedKb.cards);
    const restored = CardIndex.fromData(cachedKb.cards, cachedData);
    const query = ['优待证', '创业', '抚恤金', '医疗'].map((term) => ({ term, weight: 1 }));
    expect(restored.search(query, 10)).toEqual(built.search(query, 10));
    for (const token of ['优待证', '创业', '个税', '\u0000']) {
      expect(restored.df(token)).toBe(built.df(token));
      expect(cachedKb.cards.map((c) => restored.holds(c, token))).toEqual(
        cachedKb.cards.map((c) => built.holds(c, token)),
      );
    }
    expect(restored.words).toEqual(built.words);
    expect(data.terms.length).toBeGreaterThan(1000);
  });
});
