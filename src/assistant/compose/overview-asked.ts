import type { Understanding } from '../understand/understand.js';
import { askingText, splitClauses } from '../understand/clauses.js';
import type { ComposeContext } from './compose-context.js';
import type { Draft } from './draft.js';
import { composeHighlights, composeTargetsOverview } from './overview-answers.js';
import { composeBrief } from './brief-answer.js';
import { contentTerms } from './relevance.js';

/**
 * The overviews a leader asks for — all the targets, the year's honours, a brief — when the question
 * names no subject of its own ("23年军休干部这块的目标" does: its targets are in the plan's text).
 */

/** Words of a targets question that name no subject of their own. */
export const OVERVIEW_WORDS =
  /^(七个|确保|目标|指标|量化|任务|计划|打算|主要|全部|所有|哪些|百分|百分比|比例|数字|数据|targets?|goals?)+$/i;

/** Words of an honours question that name no subject of their own. */
const HIGHLIGHT_WORDS =
  /^(荣誉|肯定|各项|上级|上头|上面|列出|下属|下属单位|称号|誉称|表彰|成绩|亮点|成果|获奖|奖项|奖|先进|单位|先进单位|取得|获得|得了|拿了|拿到|得到|拿下|获|主要|哪些|全部|所有|拿得出手|工作|年度|全年|本局|我局|局里|退役军人事务局|honou?rs?|awards?|achievements?|highlights?)+$/i;

export function composeOverviewAsked(u: Understanding, ctx: ComposeContext): Draft | undefined {
  const { language } = u;
  const questionTerms = contentTerms(u.resolvedText, u.translations);
  // "23年军休干部这块的目标": a subject's targets are in the plan's text, not the indicator list.
  const namesASubject = questionTerms.some((term) => !OVERVIEW_WORDS.test(term));
  if (u.intent === 'targets_overview' && !namesASubject) {
    const overview = composeTargetsOverview(ctx.tools, language, ctx.cite);
    if (overview) return overview;
  }
  // "党史学习教育成果巩固方面开展了哪些活动" names its own subject: not the year's honours list.
  // The asker's own words: a glossary translation (荣誉 → 荣誉激励) is not a subject they named.
  // Only what is asked names a subject: "我刚来，想有个全貌" tells why.
  const askedOwn = askingText(splitClauses(u.resolvedText));
  const namesOwnSubject = contentTerms(askedOwn, []).some((term) => !HIGHLIGHT_WORDS.test(term));
  if (u.intent === 'highlights' && !namesOwnSubject) {
    const highlights = composeHighlights(ctx.tools, language, ctx.cite);
    if (highlights) return highlights;
  }
  if (u.intent === 'brief') {
    const brief = composeBrief(ctx.tools, ctx.kb, language, ctx.cite);
    if (brief) return brief;
  }
  return undefined;
}
