/**
 * Telegram HTML helpers. Telegram's HTML parse mode understands only a few tags and the entities
 * &lt; &gt; &amp; &quot;, so every piece of user or document text goes through escapeHtml.
 */

/** Escapes text for Telegram's HTML parse mode (and for attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Turns Telegram HTML into plain text: tags removed, entities decoded. Used when Telegram rejects
 * the HTML of a message, so the user still gets the words.
 */
export function toPlainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, body: string) => {
      if (body.startsWith('#x') || body.startsWith('#X'))
        return String.fromCodePoint(parseInt(body.slice(2), 16));
      if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
      return NAMED_ENTITIES[body.toLowerCase()] ?? match;
    });
}

/** Shortens text to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
