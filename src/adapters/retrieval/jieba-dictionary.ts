import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** jieba's dictionary file (`word freq tag` lines), as @node-rs/jieba ships it. */
export function readJiebaDictionary(): string {
  return readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'), 'utf8');
}
