import { parse, HTMLElement, TextNode, type Node } from 'node-html-parser';
import { ok, fail } from '../../../errors.js';
import { decodeUtf8Text, toNonBlankLines, NOT_UTF8, EMPTY, type ExtractResult } from './extracted-text.js';

/** Elements whose content is never document text. */
const DROPPED = new Set(['script', 'style', 'nav', 'noscript', 'template', 'head', 'svg', 'iframe', 'button']);

/** Elements that start and end a line of text. */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'pre',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead',
  'tbody', 'tfoot', 'tr', 'caption', 'figure', 'figcaption', 'address', 'hr', 'form', 'fieldset',
]);

/** `<meta name=…>` names read as front matter; other meta tags (viewport, description…) are ignored. */
const META_FIELDS = new Set(['title', 'kind', 'issuer', 'effective-date', 'source', 'superseded-by', 'year']);

/**
 * Loads an HTML page as plain text: script/style/nav dropped, block elements become line breaks,
 * entities decoded, whitespace collapsed as a browser would. Front matter comes from
 * `<meta name="kind|issuer|effective-date|source|superseded-by" content="…">`; the default title is
 * `<title>`, else the first `<h1>`.
 */
export async function loadHtml(bytes: Uint8Array): Promise<ExtractResult> {
  const source = decodeUtf8Text(bytes);
  if (source === undefined) return fail(NOT_UTF8);
  const root = parse(source, { comment: false });
  const frontMatter = readMetaTags(root);
  const title = textOf(root.querySelector('title')) ?? textOf(root.querySelector('h1'));
  const body = root.querySelector('body') ?? root;
  const parts: string[] = [];
  collectText(body, parts);
  const text = toNonBlankLines(parts.join('').replace(/[ \t]*\n[ \t]*/g, '\n'));
  if (!text) return fail(EMPTY);
  return ok({
    text,
    frontMatter: Object.keys(frontMatter).length > 0 ? frontMatter : undefined,
    defaultTitle: title,
  });
}

function readMetaTags(root: HTMLElement): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const meta of root.querySelectorAll('meta[name]')) {
    const name = meta.getAttribute('name')?.trim().toLowerCase();
    const content = meta.getAttribute('content');
    if (name && META_FIELDS.has(name) && content !== undefined) fields[name] = content;
  }
  return fields;
}

function textOf(element: HTMLElement | null): string | undefined {
  const text = element?.text.replace(/\s+/g, ' ').trim();
  return text || undefined;
}

function collectText(node: Node, parts: string[]): void {
  if (node instanceof TextNode) {
    parts.push(collapseWhitespace(node.text));
    return;
  }
  if (!(node instanceof HTMLElement)) return;
  const tag = node.rawTagName?.toLowerCase() ?? '';
  if (DROPPED.has(tag)) return;
  if (tag === 'br') {
    parts.push('\n');
    return;
  }
  if (tag === 'pre') {
    parts.push('\n', node.text, '\n');
    return;
  }
  const block = BLOCKS.has(tag);
  if (block) parts.push('\n');
  for (const child of node.childNodes) collectText(child, parts);
  if (block) parts.push('\n');
  else if (tag === 'td' || tag === 'th') parts.push(' ');
}

/** HTML whitespace rules, plus: a line break between two CJK characters is not a space in Chinese. */
function collapseWhitespace(text: string): string {
  return text
    .replace(/([\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])/g, '$1')
    .replace(/\s+/g, ' ');
}
