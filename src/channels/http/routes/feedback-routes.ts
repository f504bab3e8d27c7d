import type { FeedbackEntry } from '../../../storage/store.js';
import type { Route, RouteContext } from '../http-deps.js';
import { readJson, sendJson } from '../http-io.js';
import { FeedbackBodySchema, parseInput } from '../validation.js';

/** POST /api/feedback { questionId?, question, answer?, rating: up|down, comment? } → 201 { id }. */
async function postFeedback(ctx: RouteContext): Promise<void> {
  const body = parseInput(FeedbackBodySchema, await readJson(ctx.req), 'body');
  const entry: FeedbackEntry = {
    channel: 'http',
    userKey: ctx.userKey,
    question: body.question,
    rating: body.rating,
  };
  if (body.questionId !== undefined) entry.questionId = body.questionId;
  if (body.answer !== undefined) entry.answer = body.answer;
  if (body.comment) entry.comment = body.comment;
  const id = await ctx.deps.store.recordFeedback(entry);
  sendJson(ctx.res, 201, { id });
}

export const feedbackRoutes: Route[] = [
  { method: 'POST', pattern: '/api/feedback', handler: postFeedback, limited: true },
];
