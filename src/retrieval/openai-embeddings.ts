import { Embeddings } from '@langchain/core/embeddings';
// This file is the embeddings adapter: like hnsw-store.ts it is the edge where a library does I/O.
// eslint-disable-next-line no-restricted-imports
import type OpenAI from 'openai';
import { LlmError } from '../errors.js';
import { createOpenAiClient, openAiErrorDetail, openAiFailureKind } from '../adapters/llm/openai-client.js';
import type { IdentifiedEmbeddings } from './embedder.js';

export interface OpenAiEmbeddingsConfig {
  apiKey: string;
  baseURL?: string | undefined;
  /** e.g. `text-embedding-3-small`, `nomic-embed-text` (Ollama), `text-embedding-v3` (DashScope). */
  model: string;
  /** Inputs per request; providers cap it (DashScope v3/v4: 10, OpenAI: 2048). Default 64 (10 for DashScope), at most 64. */
  batchSize?: number;
  /** SDK retries per request on 429/5xx/connection errors (default 3). */
  maxRetries?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const MAX_BATCH = 64;

/** DashScope's compatible mode rejects more than 10 inputs per request for text-embedding-v3/v4. */
function defaultBatchSize(baseURL: string | undefined): number {
  return baseURL && /dashscope/i.test(baseURL) ? 10 : MAX_BATCH;
}

/**
 * Embeddings through an OpenAI-compatible `/v1/embeddings` endpoint. Its `id` is `openai:<model>`:
 * the index cache records it, so switching embedders rebuilds the index instead of mixing vectors.
 * Chunks go in batches of at most 64 inputs; each batch is retried by the SDK (with backoff that
 * honours Retry-After). Throws LlmError naming OPENAI_EMBEDDING_MODEL / OPENAI_BASE_URL on failure.
 */
export function createOpenAiEmbeddings(config: OpenAiEmbeddingsConfig): IdentifiedEmbeddings {
  return new OpenAiEmbeddings(config);
}

class OpenAiEmbeddings extends Embeddings {
  readonly id: string;
  private readonly client: OpenAI;
  private readonly batchSize: number;

  constructor(private readonly config: OpenAiEmbeddingsConfig) {
    // Retries are the SDK's; LangChain's AsyncCaller would retry a second time on top.
    super({ maxRetries: 0 });
    const batchSize = config.batchSize ?? defaultBatchSize(config.baseURL);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH) {
      throw new RangeError(
        `createOpenAiEmbeddings: batchSize must be an integer 1-${MAX_BATCH}, got ${batchSize}`,
      );
    }
    this.batchSize = batchSize;
    this.id = `openai:${config.model}`;
    this.client = createOpenAiClient({
      apiKey: config.apiKey,
      baseURL: config.baseURL,
      maxRetries: config.maxRetries ?? 3,
      timeoutMs: config.timeoutMs ?? 60_000,
      ...(config.fetch ? { fetch: config.fetch } : {}),
    });
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < documents.length; start += this.batchSize) {
      vectors.push(...(await this.embedBatch(documents.slice(start, start + this.batchSize))));
    }
    return vectors;
  }

  override async embedQuery(document: string): Promise<number[]> {
    const [vector] = await this.embedBatch([document]);
    if (!vector) throw new LlmError(`Embedding endpoint returned no vector for the query (${this.id}).`);
    return vector;
  }

  private async embedBatch(inputs: string[]): Promise<number[][]> {
    // Some servers reject empty strings; a space embeds as "nothing" everywhere.
    const input = inputs.map((text) => (text.trim() === '' ? ' ' : text));
    let response: OpenAI.Embeddings.CreateEmbeddingResponse;
    try {
      response = await this.client.embeddings.create({ model: this.config.model, input });
    } catch (error) {
      throw this.toError(error);
    }
    const vectors = [...response.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
    if (vectors.length !== inputs.length) {
      throw new LlmError(
        `Embedding endpoint returned ${vectors.length} vectors for ${inputs.length} inputs (${this.id}); check OPENAI_BASE_URL.`,
      );
    }
    return vectors;
  }

  private toError(error: unknown): LlmError {
    const kind = openAiFailureKind(error);
    const advice =
      kind === 'model'
        ? 'check OPENAI_EMBEDDING_MODEL (the endpoint does not serve it) and OPENAI_BASE_URL'
        : kind === 'auth'
          ? 'check OPENAI_API_KEY'
          : 'check OPENAI_BASE_URL, or set EMBEDDINGS=local';
    const detail = openAiErrorDetail(error, this.config.apiKey);
    return new LlmError(`Embedding request failed (${this.id}); ${advice}: ${detail}`, { cause: error });
  }
}
