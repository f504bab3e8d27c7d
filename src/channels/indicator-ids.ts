import type { KnowledgeTools } from '../assistant/ports.js';

/**
 * Writes and id lookups name an indicator by its exact id. The natural-language matcher behind
 * `lookupFigure` is right for questions ("合格率"), but for an id it would turn a typo (`q`,
 * `placement_rat`) into some other indicator, and an admin write would change the wrong record.
 */

/** `id` when it is exactly a known indicator id, else undefined. */
export function exactIndicatorId(
  tools: Pick<KnowledgeTools, 'lookupFigure'>,
  id: string,
): string | undefined {
  return tools.lookupFigure(id)?.metricId === id ? id : undefined;
}

/** Every indicator id, sorted, for "use one of …" messages. */
export function indicatorIds(tools: Pick<KnowledgeTools, 'listFigures'>): string[] {
  return [...new Set(tools.listFigures().map((f) => f.id))].sort();
}
