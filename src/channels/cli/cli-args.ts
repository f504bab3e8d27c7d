import { parseArgs, type ParseArgsConfig } from 'node:util';
import { fail, ok, type Result } from '../../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util's strict `parseArgs` for the command-line tools: an unknown option (a typo such as
 * `--jsn`), a missing value or a value given to a flag is an error naming the option, followed by
 * the tool's usage; never a question word. Words after `--` are positionals even when they start
 * with a dash.
 */
export function parseCliArgs<T extends Options>(
  argv: readonly string[],
  options: T,
  usage: string,
  allowPositionals: boolean,
): Result<ReturnType<typeof parseArgs<{ options: T; allowPositionals: boolean; strict: true }>>> {
  try {
    return ok(parseArgs({ args: [...argv], options, allowPositionals, strict: true }));
  } catch (error) {
    return fail(`${describeParseError(error)}\n${usage}`);
  }
}

/** node:util's message, shortened to what a user needs: which option was not understood. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(message)?.[1] ?? message;
    return `unknown option ${option} (a question that starts with a dash goes after --)`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const word = /'([^']*)'/.exec(message)?.[1];
    return `unexpected argument ${word ?? ''}`.trim();
  }
  // "Option '--session <value>' argument missing", "Option '--json' does not take an argument".
  return message.split('\n')[0] ?? message;
}
