import { heldShare } from './char-pairs.js';

/**
 * The clauses of a report passage a question is about, and the report's own numbered shorthands
 * (“五化”, 三大主题, 五项制度) whose members a question asks for but the clause does not list.
 */

/** The clause of a passage that shares the most character pairs with the question. */
export function clauseAbout(question: string, passage: string): string {
  const clauses = passage.split(/[，。；]/);
  const score = (clause: string) => heldShare(question, clause);
  return clauses.reduce((best, c) => (score(c) > score(best) ? c : best), clauses[0] ?? passage);
}

/** The first clause of a passage that holds `word`. */
export const clauseHolding = (passage: string, word: string): string | undefined =>
  passage.split(/[，。；]/).find((c) => c.includes(word));

/** Asks what a shorthand's members are, without a 哪N ("五项制度 具体名称", "what does … consist of"). */
const ASKS_MEMBERS =
  /具体(名称|内容|是什么|是啥|指什么|有哪些|包括)|分别是|都是什么|都有哪些|包括哪些|\b(consists? of|stands? for|what are the|list the|name the|what do(es)? .{1,30} (mean|refer to))\b/i;

/**
 * "意识形态 五项制度 具体名称", "What does “三训一扶” consist of?": a numbered shorthand of the report
 * (五项制度, 三训一扶) named in the question, which asks for its members.
 */
function namedShorthand(question: string, passage: string): string | undefined {
  if (!ASKS_MEMBERS.test(question)) return undefined;
  const named = [...question.matchAll(/[一二三四五六七八九十两][项个大条种类]?[\u4e00-\u9fff]{1,4}/g)]
    .map((m) => m[0])
    .map((run) => [...Array.from({ length: run.length - 1 }, (_, i) => run.slice(0, run.length - i))])
    .flat()
    .find((candidate) => candidate.length >= 2 && passage.includes(candidate));
  return named;
}

/** "具体是哪五化": the report's own shorthand (“五化”), when its clause does not list the items. */
export function unlistedShorthand(question: string, passage: string): string | undefined {
  // 哪一档 asks which one, not for the members of a "一X".
  // "哪16个字" counts in digits: the shorthand is 16字 (…16字方针).
  const m =
    /哪([二三四五六七八九十])([\u4e00-\u9fff])/.exec(question) ??
    /哪(\d+)个?([\u4e00-\u9fff])/.exec(question);
  // "“三训”具体指哪三种培训": the asker quotes the shorthand that the numeral counts.
  const quoted = [...question.matchAll(/“([^”]{2,8})”/g)]
    .map((q) => q[1] ?? '')
    .find((q) => m && q.startsWith(m[1] ?? '') && passage.includes(q));
  // "分别是哪三个": a measure word stands for the noun the report counts (三大主题, 三项制度).
  const counted =
    m && /[个项种类条]/.test(m[2] ?? '')
      ? new RegExp(`${m[1]}[大个项种类条](?=[\\u4e00-\\u9fff])`).exec(passage)?.[0]
      : undefined;
  const shorthand = quoted ?? counted ?? (m ? `${m[1]}${m[2]}` : namedShorthand(question, passage));
  if (!shorthand) return undefined;
  const clause = clauseHolding(passage, shorthand);
  if (clause === undefined || clause.includes('、')) return undefined;
  // "“七个确保”，即确保…": the items follow the shorthand (quoted whole: 七个 → “七个确保”).
  // Unquoted, the name runs on a little (16字 → 16字方针).
  const whole =
    new RegExp(`“[^”]*${shorthand}[^”]*”`).exec(passage)?.[0] ??
    new RegExp(`${shorthand}[\\u4e00-\\u9fff]{0,2}`).exec(passage)?.[0] ??
    shorthand;
  const after = passage.slice(passage.indexOf(whole) + whole.length);
  return /^[，,]?\s*(即|：|:|包括|分别是|就是)/.test(after) ? undefined : whole.replace(/[“”]/g, '');
}
