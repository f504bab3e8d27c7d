import path from 'node:path';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { loadKnowledgeFiles, readKnowledgeFiles } from './knowledge/load-knowledge.js';
import { hashFiles } from './knowledge/knowledge-hash.js';
import type { KnowledgeBase } from './knowledge/types.js';
import { HashedEmbeddings } from './retrieval/hashed-embeddings.js';
import type { IdentifiedEmbeddings } from './retrieval/embedder.js';
import { loadOrBuildIndex } from './retrieval/index-cache.js';
import type { SearchIndex } from './retrieval/search-index.js';
import { createAssistant, type OfflineAssistant } from './assistant/create-assistant.js';
import { createKnowledgeTools, type KnowledgeToolsImpl } from './assistant/tools/knowledge-tools.js';
import type { Answer } from './assistant/answer.js';
import type { AskOptions, SessionStore } from './assistant/ports.js';
import type { StoredKpiUpdate } from './storage/store.js';

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
}

interface Loaded {
  kb: KnowledgeBase;
  index: SearchIndex;
  tools: KnowledgeToolsImpl;
  assistant: OfflineAssistant;
}

/** Loads knowledge/ and the index (from cache when fresh) and builds the assistant over them. */
export async function createCore(deps: CoreDeps): Promise<Core> {
  const embeddings = deps.embeddings ?? new HashedEmbeddings();
  const { sessions } = deps;
  const load = async (): Promise<Loaded> => {
    const { knowledgeDir, cacheDir } = deps.config.paths;
    // One read of the folder serves both the knowledge base and the cache manifest's hash.
    const files = await readKnowledgeFiles(knowledgeDir);
    const kb = await loadKnowledgeFiles(files, { logger: deps.logger });
    const knowledgeHash = hashFiles(files);
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
    });
    const assistant = createAssistant({
      kb,
      tools,
      logger: deps.logger,
      ...(sessions ? { sessions } : {}),
      ...(deps.clock ? { clock: deps.clock } : {}),
      ...(deps.sessionIdleMs !== undefined ? { sessionIdleMs: deps.sessionIdleMs } : {}),
    });
    return { kb, index, tools, assistant };
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
      current = await load();
      return counts();
    },
  };
}
