import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Assistant } from '../../assistant/ports.js';
import { formatAnswerForTerminal } from './format-answer.js';
import { parseAskArgs } from './ask-args.js';

/** Where `ask` reads questions (--jsonl) and writes answers (stdout) and problems (stderr). */
export interface AskIo {
  stdin: Readable;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * `npm run ask`: answers the question on the command line (or one per stdin line with --jsonl)
 * and returns the exit code — 2 for a usage error, before any knowledge is loaded. The assistant
 * is opened only when there is something to answer. In-process so tests need no child process.
 */
export async function runAsk(
  argv: readonly string[],
  io: AskIo,
  openAssistant: () => Promise<Pick<Assistant, 'ask'>>,
): Promise<number> {
  const parsed = parseAskArgs([...argv]);
  if (!parsed.success) {
    io.stderr.write(`${parsed.error}\n`);
    return 2;
  }
  if (parsed.value.kind === 'help') {
    io.stdout.write(`${parsed.value.usage}\n`);
    return 0;
  }
  const { args } = parsed.value;
  const assistant = await openAssistant();
  const options = {
    ...(args.session ? { session: args.session } : {}),
    ...(args.language ? { language: args.language } : {}),
  };
  if (args.jsonl) {
    // One process for many questions: the index loads once; answers keep input order.
    for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      io.stdout.write(`${JSON.stringify(await assistant.ask(line, options))}\n`);
    }
    return 0;
  }
  const answer = await assistant.ask(args.question, options);
  io.stdout.write(args.json ? `${JSON.stringify(answer)}\n` : `${formatAnswerForTerminal(answer)}\n`);
  return 0;
}
