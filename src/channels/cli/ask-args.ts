import { fail, ok, type Result } from '../../errors.js';
import { parseCliArgs } from './cli-args.js';

export const ASK_USAGE = `usage:
  npm run ask -- "问题"            human-readable answer with sources
  npm run ask -- --json "问题"     exactly one JSON Answer on stdout
  npm run ask -- --jsonl          one question per line on stdin → one JSON Answer per line
options: --session <id> (follow-ups across --jsonl lines), --lang zh|en, --help`;

export interface AskArgs {
  json: boolean;
  jsonl: boolean;
  session: string | undefined;
  language: 'zh' | 'en' | undefined;
  /** The words after the options, joined by spaces ('' with --jsonl). */
  question: string;
}

/** What the command line asks for: a question to answer, or the usage text (`--help`). */
export type AskCommand = { kind: 'ask'; args: AskArgs } | { kind: 'help'; usage: string };

const OPTIONS = {
  json: { type: 'boolean' },
  jsonl: { type: 'boolean' },
  session: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Parses `npm run ask` arguments strictly (see parseCliArgs): `--jsn` is an error naming it, not a
 * word of the question. Fails with a message followed by the usage text.
 */
export function parseAskArgs(argv: readonly string[]): Result<AskCommand> {
  const parsed = parseCliArgs(argv, OPTIONS, ASK_USAGE, true);
  if (!parsed.success) return parsed;
  const { values, positionals } = parsed.value;
  if (values.help) return ok({ kind: 'help', usage: ASK_USAGE });
  const lang = values.lang;
  if (lang !== undefined && lang !== 'zh' && lang !== 'en')
    return fail(`--lang must be zh or en, got ${lang || 'nothing'}\n${ASK_USAGE}`);
  const question = positionals.join(' ');
  const jsonl = values.jsonl ?? false;
  if (!jsonl && !question.trim()) return fail(`no question given\n${ASK_USAGE}`);
  return ok({
    kind: 'ask',
    args: { json: values.json ?? false, jsonl, session: values.session, language: lang, question },
  });
}
