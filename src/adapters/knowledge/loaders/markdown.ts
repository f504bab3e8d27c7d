import { loadFrontMatterText, type ExtractResult } from './extracted-text.js';

/**
 * Loads a Markdown document. The body is kept as written, `#` headings included: the splitter reads
 * them as section boundaries, and `**` is not stripped because in the bureau's documents it also
 * marks masked digits. The default title is the first `#` heading.
 */
export async function loadMarkdown(bytes: Uint8Array): Promise<ExtractResult> {
  return loadFrontMatterText(bytes, firstHeading);
}

/** The first level-1 heading, or else the first heading of any level. */
function firstHeading(markdown: string): string | undefined {
  const match = /^#[ \t]+(.+?)[ \t#]*$/m.exec(markdown) ?? /^#{2,6}[ \t]+(.+?)[ \t#]*$/m.exec(markdown);
  return match?.[1]?.trim() || undefined;
}
