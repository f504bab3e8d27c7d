import { createInterface } from 'node:readline/promises';
import { randomUUID } from 'node:crypto';
import { createCliRuntime, runCli } from './runtime.js';
import { formatAnswerForTerminal } from './format-answer.js';
import { parseCliArgs } from './cli-args.js';

const HELP = `输入问题后回车；可以接着追问（如“那2022年呢？”）。命令：/new 新会话，/quit 退出。
Type a question and press Enter; follow-ups work. Commands: /new (new session), /quit.`;

/** A terminal conversation: one session, so follow-ups resolve against earlier turns. */
runCli(async () => {
  const usage = `usage: npm run chat  (no options)\n${HELP}`;
  const parsed = parseCliArgs(process.argv.slice(2), { help: { type: 'boolean', short: 'h' } }, usage, false);
  if (!parsed.success) {
    process.stderr.write(`${parsed.error}\n`);
    return 2;
  }
  if (parsed.value.values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const { assistant } = await createCliRuntime();
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  let session = randomUUID();
  process.stdout.write(`${HELP}\n\n`);
  rl.setPrompt('问 › ');
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === '/quit' || text === '/exit') break;
    if (text === '/new') {
      session = randomUUID();
      process.stdout.write('（新会话 / new session）\n');
    } else if (text === '/help') {
      process.stdout.write(`${HELP}\n`);
    } else if (text) {
      const answer = await assistant.ask(text, { session });
      process.stdout.write(`\n${formatAnswerForTerminal(answer)}\n\n`);
    }
    rl.prompt();
  }
  rl.close();
  return 0;
});
