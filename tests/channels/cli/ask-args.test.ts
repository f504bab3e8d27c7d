import { describe, expect, it } from 'vitest';
import { parseAskArgs } from '../../../src/channels/cli/ask-args.js';

const error = (argv: string[]): string => {
  const parsed = parseAskArgs(argv);
  if (parsed.success) throw new Error(`expected a usage error for ${argv.join(' ')}`);
  return parsed.error;
};

describe('parseAskArgs', () => {
  it('reads the options and joins the remaining words into the question', () => {
    expect(parseAskArgs(['--json', '--lang', 'en', '--session', 's1', '2022年', '迁移了多少'])).toEqual({
      success: true,
      value: {
        kind: 'ask',
        args: { json: true, jsonl: false, session: 's1', language: 'en', question: '2022年 迁移了多少' },
      },
    });
  });

  it('takes --jsonl without a question, and words after -- even when they start with a dash', () => {
    expect(parseAskArgs(['--jsonl'])).toMatchObject({
      success: true,
      value: { args: { jsonl: true, question: '' } },
    });
    expect(parseAskArgs(['--', '-5度算低温吗'])).toMatchObject({
      success: true,
      value: { args: { question: '-5度算低温吗' } },
    });
  });

  it('refuses a mistyped option, naming it, instead of asking it as part of the question', () => {
    const message = error(['--jsn', '2023年培训合格率目标是多少？']);
    expect(message).toMatch(/^unknown option --jsn/);
    expect(message).toContain('usage:');
    expect(error(['-j', '问题'])).toMatch(/^unknown option -j/);
  });

  it('names an option that lacks its value or takes none', () => {
    expect(error(['--session'])).toMatch(/--session <value>' argument missing/);
    expect(error(['--json=yes', '问题'])).toMatch(/'--json' does not take an argument/);
    expect(error(['--lang', 'fr', '问题'])).toMatch(/^--lang must be zh or en, got fr/);
  });

  it('asks for a question when none is given, and answers --help with the usage', () => {
    expect(error([])).toMatch(/^no question given\nusage:/);
    expect(error(['--json'])).toMatch(/^no question given/);
    expect(parseAskArgs(['--help'])).toMatchObject({ success: true, value: { kind: 'help' } });
    expect(parseAskArgs(['-h', '问题'])).toMatchObject({ success: true, value: { kind: 'help' } });
  });
});
