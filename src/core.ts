import path from 'node:path';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { readKnowledgeFiles } from './adapters/knowledge/read-knowledge-files.js';
import { hashFiles } from './knowledge/knowledge-hash.js';
import type { KnowledgeBase } from './knowledge/types.js';
import { HashedEmbedder } from './retrieval/hashed-embedder.js';
import type { IdentifiedEmbeddings } from './retrieval/embedder.js';
import { loadOrBuildIndex } from './adapters/retrieval/index-cache.js';
import type { SearchIndex } from './retrieval/search-index.js';
import { createAssistant, type OfflineAssistant } from './assistant/create-assistant.js';
import { createKnowledgeTools, type KnowledgeToolsImpl } from './assistant/tools/knowledge-tools.js';
import type { Answer } from './assistant/answer.js';
import type { AskOptions, SessionStore } from './assistant/ports.js';
import type { StoredKpiUpdate } from './storage/store.js';
import { readJiebaDictionary } from './adapters/retrieval/jieba-dictionary.js';
import { jiebaLexiconFrom } from './retrieval/jieba-lexicon.js';
import { useJiebaLexicon } from './retrieval/tokenizer.js';
import { createFileDerivedCache, type FileDerivedCache } from './cache/derived-cache.js';

export interface IndexCounts {
  documents: number;
  chunks: number;
  figures: number;
  kpis: number;
  problems: { file: string; reason: string }[];
}

/** The engine every channel sits on: knowledge, index, tools and the offline assistant. */
export interface Core {
  readonly assistant: OfflineAssistant;
  readonly tools: KnowledgeToolsImpl;
  knowledge(): KnowledgeBase;
  index(): SearchIndex;
  counts(): IndexCounts;
  /** Reloads knowledge/ and rebuilds the index if needed; answers in flight finish on the old one. */
  reindex(): Promise<IndexCounts>;
  /** Resolves when the derived cache's background writes have finished (before deleting CACHE_DIR). */
  flush(): Promise<void>;
}

export interface CoreDeps {
  config: Pick<Config, 'paths'>;
  logger: Logger;
  embeddings?: IdentifiedEmbeddings;
  sessions?: SessionStore;
  kpiUpdates?: () => StoredKpiUpdate[];
  onProgress?: (done: number, total: number) => void;
  /** The time, for session expiry (injected in tests). */
  clock?: () => Date;
  /** A conversation quiet for longer than this starts afresh. */
  sessionIdleMs?: number;
  /**
   * Segment with only the dictionary words each text needs, from a sorted copy of jieba's
   * dictionary kept in the derived cache (see jieba-lexicon.ts): for one-shot commands, which
   * segment a few texts and would spend ~200 ms loading the whole dictionary. Same results.
   */
  leanSegmenter?: boolean;
}

interface Loaded {
  kb: KnowledgeBase;
  index: SearchIndex;
  tools: KnowledgeToolsImpl;
  assistant: OfflineAssistant;
  cache: FileDerivedCache;
}

/** Loads knowledge/ and the index (from cache when fresh) and builds the assistant over them. */
export async function createCore(deps: CoreDeps): Promise<Core> {
  const embeddings = deps.embeddings ?? new HashedEmbedder();
  const { sessions } = deps;
  const load = async (): Promise<Loaded> => {
    const { knowledgeDir, cacheDir } = deps.config.paths;
    // One read of the folder serves the knowledge base, the caches' keys and the index manifest.
    const files = await readKnowledgeFiles(knowledgeDir);
    const knowledgeHash = hashFiles(files);
    // Unchanged knowledge and code: the loaded knowledge, the cards' tokens and the typo table come
    // from the cache (a one-shot `npm run ask` would otherwise spend most of its time on them).
    const cache = await createFileDerivedCache({
      dir: path.join(cacheDir, 'derived'),
      knowledgeHash,
      logger: deps.logger,
    });
    if (deps.leanSegmenter) {
      useJiebaLexicon(cache.remember('jieba-lexicon', () => jiebaLexiconFrom(readJiebaDictionary())));
    }
    const { value: kb, cached } = await cache.rememberAsync('knowledge', async () => {
      // The loaders (YAML, HTML, PDF, Word libraries) are imported only when the cache misses.
      const { loadKnowledgeFiles } = await import('./adapters/knowledge/load-knowledge.js');
      return loadKnowledgeFiles(files, { logger: deps.logger });
    });
    if (cached) deps.logger.info({ ...knowledgeCounts(kb), cached }, 'knowledge loaded');
    for (const problem of kb.problems) deps.logger.warn(problem, 'knowledge file skipped');
    const { index } = await loadOrBuildIndex({
      cacheDir: path.join(cacheDir, 'index'),
      knowledgeHash,
      chunks: kb.chunks,
      documents: kb.documents,
      embeddings,
      logger: deps.logger,
      ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
    });
    const tools = createKnowledgeTools({
      kb,
      index,
      ...(deps.kpiUpdates ? { kpiUpdates: deps.kpiUpdates } : {}),
      cache,
    });
    const assistant = createAssistant({
      kb,
      tools,
      logger: deps.logger,
      cache,
      ...(sessions ? { sessions } : {}),
      ...(deps.clock ? { clock: deps.clock } : {}),
      ...(deps.sessionIdleMs !== undefined ? { sessionIdleMs: deps.sessionIdleMs } : {}),
    });
    return { kb, index, tools, assistant, cache };
  };

  let current = await load();
  const counts = (): IndexCounts => ({
    documents: current.kb.documents.length,
    chunks: current.kb.chunks.length,
    figures: current.kb.figures.length,
    kpis: current.kb.kpis.length,
    problems: current.kb.problems,
  });

  // Stable facades: channels keep one reference while reindex swaps what is behind it.
  const assistant: OfflineAssistant = {
    ask: (question: string, options?: AskOptions): Promise<Answer> =>
      current.assistant.ask(question, options),
    groundingSources: (answer, derived) => current.assistant.groundingSources(answer, derived),
  };
  const tools = new Proxy({} as KnowledgeToolsImpl, {
    get: (_target, property) => Reflect.get(current.tools, property),
  });

  return {
    assistant,
    tools,
    knowledge: () => current.kb,
    index: () => current.index,
    counts,
    async reindex() {
      const previous = current;
      current = await load();
      await previous.cache.flush();
      return counts();
    },
    flush: () => current.cache.flush(),
  };
}

/** The counts `loadKnowledgeFiles` logs, for the same line when the knowledge comes from the cache. */
function knowledgeCounts(kb: KnowledgeBase) {
  return {
    documents: kb.documents.length,
    chunks: kb.chunks.length,
    figures: kb.figures.length,
    kpis: kb.kpis.length,
    problems: kb.problems.length,
  };
}
