import type { KnowledgeTools } from '../../assistant/ports.js';
import { exactIndicatorId, indicatorIds } from '../indicator-ids.js';
import { HttpError } from './http-io.js';
import { FigureIdSchema, parseInput } from './validation.js';

/**
 * The `:id` path parameter as an exact indicator id; 404 listing the valid ids otherwise (names and
 * near misses are refused, see indicator-ids.ts).
 */
export function indicatorIdParam(tools: KnowledgeTools, raw: string | undefined): string {
  const id = parseInput(FigureIdSchema, raw, 'path');
  const exact = exactIndicatorId(tools, id);
  if (exact !== undefined) return exact;
  const validIds = indicatorIds(tools);
  throw new HttpError(
    404,
    `No indicator with the id "${id}". Use an exact id (GET /api/figures lists them with their names): ${validIds.join(', ')}.`,
    { field: 'id', details: { validIds } },
  );
}
