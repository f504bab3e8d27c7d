import { firstNonEmptyLine, loadFrontMatterText, type ExtractResult } from './extracted-text.js';

/**
 * Loads a plain-text document. An optional `---` YAML front matter block at the top is split off;
 * the rest is kept byte for byte (line endings normalised to LF) because quotes are cut from it.
 * The default title is the first non-empty line.
 */
export async function loadTxt(bytes: Uint8Array): Promise<ExtractResult> {
  return loadFrontMatterText(bytes, firstNonEmptyLine);
}
