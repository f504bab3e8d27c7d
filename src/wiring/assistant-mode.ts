import type { Assistant, SessionStore } from '../assistant/ports.js';
import type { LlmAssistantDeps } from '../assistant/llm/create-llm-assistant.js';
import type { Config } from '../config.js';
import type { Core } from '../core.js';
import type { Logger } from '../logger.js';

export interface AssistantModeDeps {
  config: Pick<Config, 'llm'> & Partial<Pick<Config, 'sessionIdleMs'>>;
  core: Pick<Core, 'assistant' | 'tools'>;
  /** The store the offline assistant keeps its sessions in; the LLM mode shares it for follow-ups. */
  sessions: SessionStore;
  logger: Logger;
  /** Extra LLM options (the eval's `onOutcome`, tests' retries); ignored in offline mode. */
  llmOptions?: Partial<Pick<LlmAssistantDeps, 'onOutcome' | 'maxRetries' | 'retryAfterMs' | 'fetch'>>;
}

/** Where the LLM endpoint is, for the log line: origin and path only, never credentials. */
function describeEndpoint(baseURL: string | undefined): string {
  if (baseURL === undefined) return 'OpenAI (default endpoint)';
  const url = new URL(baseURL);
  return `${url.origin}${url.pathname}`;
}

/**
 * The assistant the channels use: the core's offline assistant when `config.llm` is undefined
 * (no OPENAI_API_KEY), otherwise the LLM mode with the offline assistant as its fallback. Logs the
 * active mode once (never the key) and starts one health check in the background, which logs a
 * single warning when the key, model or endpoint is bad; it never throws for provider trouble.
 * Throws ConfigError when a prompt file is missing or broken (from createLlmAssistant).
 */
export async function createAssistantForMode(deps: AssistantModeDeps): Promise<Assistant> {
  const { config, core, logger } = deps;
  if (config.llm === undefined) {
    logger.info({ mode: 'offline' }, 'answer mode: offline (OPENAI_API_KEY not set)');
    return core.assistant;
  }
  // Loaded only in LLM mode: the openai SDK and the agent cost start-up time offline users don't need.
  const { createLlmAssistant } = await import('../assistant/llm/create-llm-assistant.js');
  const assistant = createLlmAssistant({
    llm: config.llm,
    tools: core.tools,
    offline: core.assistant,
    sessions: deps.sessions,
    // The same quiet spell ends a conversation in both modes (SESSION_IDLE_MINUTES).
    ...(config.sessionIdleMs !== undefined && { sessionIdleMs: config.sessionIdleMs }),
    logger,
    ...deps.llmOptions,
  });
  logger.info(
    { mode: 'llm', model: config.llm.model, endpoint: describeEndpoint(config.llm.baseURL) },
    'answer mode: llm (offline answers when the model fails)',
  );
  // health() never throws; the catch only guards against a bug turning into an unhandled rejection.
  void assistant.health().catch((error: unknown) => {
    logger.warn({ err: error }, 'LLM health check failed unexpectedly');
  });
  return assistant;
}
