import { loadConfig, loadDotEnv, type Config } from '../../config.js';
import { ConfigError } from '../../errors.js';
import { createLogger, type Logger } from '../../logger.js';
import type { Core } from '../../core.js';
import type { Assistant } from '../../assistant/ports.js';
import { createMemorySessionStore } from '../../assistant/memory-session-store.js';
import { createAssistantForMode } from '../../wiring/assistant-mode.js';
import { createCoreFor } from '../../wiring/core.js';

export interface CliRuntime {
  config: Config;
  logger: Logger;
  core: Core;
  /** The assistant in the configured mode: LLM when OPENAI_API_KEY is set, else offline. */
  assistant: Assistant;
}

/**
 * Config, logger, core and the assistant (in the configured mode) for a command-line tool. The CLI logs warnings only (to stderr) unless
 * LOG_LEVEL says otherwise, so stdout carries nothing but the answer.
 */
export async function createCliRuntime(
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<CliRuntime> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });
  const core = await createCoreFor(config, logger, {
    leanSegmenter: true,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const assistant = await createAssistantForMode({
    config,
    core,
    sessions: createMemorySessionStore(),
    logger,
  });
  return { config, logger, core, assistant };
}

/** Runs a CLI entry point: known errors print their message (they say how to fix it), exit 1. */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
      process.stderr.write(`error: ${message}\n`);
      process.exitCode = 1;
    },
  );
}
