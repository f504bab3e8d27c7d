import { ok, fail } from '../../errors.js';
import { splitFrontMatter } from './front-matter.js';
import { decodeUtf8Text, firstNonEmptyLine, NOT_UTF8, EMPTY, type ExtractResult } from './extracted-text.js';

/**
 * Loads a plain-text document. An optional `---` YAML front matter block at the top is split off;
 * the rest is kept byte for byte (line endings normalised to LF) because quotes are cut from it.
 * The default title is the first non-empty line.
 */
export async function loadTxt(bytes: Uint8Array): Promise<ExtractResult> {
  const source = decodeUtf8Text(bytes);
  if (source === undefined) return fail(NOT_UTF8);
  const { raw, body, yamlError } = splitFrontMatter(source);
  if (!body.trim()) return fail(EMPTY);
  return ok({
    text: body,
    frontMatter: raw,
    ...(yamlError === undefined ? {} : { frontMatterError: yamlError }),
    defaultTitle: firstNonEmptyLine(body),
  });
}
