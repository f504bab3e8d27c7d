import { createInterface } from 'node:readline';
import { createCliRuntime, runCli } from './runtime.js';
import { formatAnswerForTerminal } from './format-answer.js';

const USAGE = `usage:
  npm run ask -- "问题"            human-readable answer with sources
  npm run ask -- --json "问题"     exactly one JSON Answer on stdout
  npm run ask -- --jsonl          one question per line on stdin → one JSON Answer per line
options: --session <id> (follow-ups across --jsonl lines), --lang zh|en`;

interface AskArgs {
  json: boolean;
  jsonl: boolean;
  session: string | undefined;
  language: 'zh' | 'en' | undefined;
  question: string;
}

function parseArgs(argv: string[]): AskArgs | string {
  const args: AskArgs = { json: false, jsonl: false, session: undefined, language: undefined, question: '' };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') args.json = true;
    else if (arg === '--jsonl') args.jsonl = true;
    else if (arg === '--session') args.session = argv[++i];
    else if (arg === '--lang') {
      const value = argv[++i];
      if (value !== 'zh' && value !== 'en') return `--lang must be zh or en, got ${value ?? 'nothing'}`;
      args.language = value;
    } else if (arg === '--help' || arg === '-h') return USAGE;
    else words.push(arg);
  }
  args.question = words.join(' ');
  if (!args.jsonl && !args.question.trim()) return `no question given\n${USAGE}`;
  return args;
}

runCli(async () => {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return 2;
  }
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
