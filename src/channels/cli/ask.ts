import { createInterface } from 'node:readline';
import { createCliRuntime, runCli } from './runtime.js';
import { formatAnswerForTerminal } from './format-answer.js';
import { parseAskArgs } from './ask-args.js';

runCli(async () => {
  const parsed = parseAskArgs(process.argv.slice(2));
  if (!parsed.success) {
    process.stderr.write(`${parsed.error}\n`);
    return 2;
  }
  if (parsed.value.kind === 'help') {
    process.stdout.write(`${parsed.value.usage}\n`);
    return 0;
  }
  const { args } = parsed.value;
  const { assistant } = await createCliRuntime();
  const options = {
    ...(args.session ? { session: args.session } : {}),
    ...(args.language ? { language: args.language } : {}),
  };
  if (args.jsonl) {
    // One process for many questions: the index loads once; answers keep input order.
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      process.stdout.write(`${JSON.stringify(await assistant.ask(line, options))}\n`);
    }
    return 0;
  }
  const answer = await assistant.ask(args.question, options);
  process.stdout.write(args.json ? `${JSON.stringify(answer)}\n` : `${formatAnswerForTerminal(answer)}\n`);
  return 0;
});
