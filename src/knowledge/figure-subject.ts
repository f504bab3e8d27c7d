/**
 * Finds the phrase a number measures in Chinese report prose, by a few ordered rules:
 * - a counted noun right after the measure word wins: `9家企业` → 企业, `四项表彰` → 表彰;
 * - a metric before the number keeps its whole name: `培训合格率达**％` → 培训合格率;
 * - otherwise the object after the last action verb: `发放慰问金12000元` → 慰问金,
 *   `完成集中迁移散葬烈士墓1041座` → 集中迁移散葬烈士墓;
 * - otherwise the words before the number, without leading time/scope words or trailing linkers:
 *   `网上祭扫达20000余人` → 网上祭扫.
 * Heuristic by nature: the result is a label for people and for matching, never a key.
 */
import type { NumberMention } from './numbers.js';

/** Ends a clause: a subject never reaches across these. */
const CLAUSE_END = /[，,；;：:。！？!?\n]/;

/** Verbs whose object is the thing counted (`发放慰问金12000元`). Longer forms first. */
const ACTION_VERBS = [
  '调整使用',
  '走访慰问',
  '配齐配强',
  '评选出',
  '完成',
  '发放',
  '接待',
  '办理',
  '化解',
  '组建',
  '发布',
  '举办',
  '召开',
  '签订',
  '评出',
  '引进',
  '调动',
  '选派',
  '观看',
  '参观',
  '听取',
  '进行',
  '争取',
  '出台',
  '制定',
  '印发',
  '受理',
  '投入',
  '拨付',
  '开展',
  '组织',
  '参加',
  '获得',
  '实现',
  '推荐',
  '晋升',
  '实施',
];
/** Verbs that, at the very end of the words before a number, point at a noun after it. */
const TRAILING_VERBS = [...ACTION_VERBS, '发展', '提前', '新增', '新建', '帮扶', '救助', '表彰', '安置'];

/** Trailing words linking a subject to its number: 达, 为, 共, 累计, 最高达… */
const TRAILING_LINKERS =
  /(?:达到|达|为|是|共计|合计|总计|累计|共|约|近|超过|突破|有|各|仅|全部|最高|最多|了|的|到|未满|已满|年满|满|全市|全省|全局|[“"《（(、])$/;
/** Leading words that are not part of the subject: time, scope, connectors, masked place names. */
const LEADING_WORDS =
  /^(?:\d{4}年度?|确保|力争|全年|今年|明年|去年|当年|年内|全市|全省|全局|全县|全区|全国|以及|或者|或|但|且|其中|此外|另外|同时|共|累计|并|和|及|与|为|对|将|在|按照|通过|面向|有|占|[*＊×]+[市县区镇乡村省])/;
/** A subject ending in one of these is a metric and keeps its full name (`训后推荐就业率`). */
const METRIC_END = /(?:率|数|量|额|比例|比重|得分|积分|指数)$/;
/** Words that end the noun phrase after a number (`4项重点工作进行了表彰` → 重点工作). */
const FOLLOW_STOP = /以及|或者|或|但|且|进行|于|在|被|由|获|得到|纳入|完成|实现|提前|已|将|并|和|及|与|中|评出|发放|等|为|是|达|内|的|[”"》）)、*＊×\d]/;
const MAX_SUBJECT = 20;
/** Words before a rating: who was rated, then the verb (`…军休总站获评`, `…军休所被评为`). */
const RATED = /([\u4e00-\u9fa5*＊]{2,12}?)(?:获评为?|被评为|评为|荣获)$/;
const MAX_FOLLOWING = 12;
const WORDY = /[\p{L}\p{N}]/u;

function stripRepeatedly(text: string, pattern: RegExp): string {
  let current = text;
  for (let next = current.replace(pattern, ''); next !== current; next = current.replace(pattern, '')) {
    current = next;
  }
  return current;
}

/** The counted noun right after the mention (`家企业发放…` → 企业), or ''. */
function followingNoun(after: string): string {
  const first = after[0] ?? '';
  if (first === '' || !WORDY.test(first)) return '';
  const clause = after.split(CLAUSE_END)[0] ?? '';
  const stop = clause.search(FOLLOW_STOP);
  return (stop < 0 ? clause : clause.slice(0, stop)).slice(0, MAX_FOLLOWING);
}

/** The object after the last action verb in `text`, or undefined when no verb occurs. */
function afterLastVerb(text: string): string | undefined {
  let cut = -1;
  for (const verb of ACTION_VERBS) {
    const at = text.lastIndexOf(verb);
    if (at >= 0) cut = Math.max(cut, at + verb.length);
  }
  return cut < 0 ? undefined : text.slice(cut);
}

/** Keeps a long subject's head: after the last 、 or 等 (Chinese noun phrases end in their head). */
function shorten(subject: string): string {
  const unquoted = /^[“"]([^“”"]+)[”"]$/.exec(subject)?.[1] ?? subject;
  if (unquoted.length <= MAX_SUBJECT) return unquoted;
  const cut = Math.max(unquoted.lastIndexOf('、'), unquoted.lastIndexOf('等'));
  const head = cut >= 0 ? unquoted.slice(cut + 1) : unquoted;
  return head.length <= MAX_SUBJECT ? head : head.slice(-MAX_SUBJECT);
}

/** Subject from the words before the number (see the module comment for the rules). */
function subjectBefore(before: string, after: string): string {
  const trimmed = stripRepeatedly(before.trim(), TRAILING_LINKERS);
  const core = stripRepeatedly(trimmed, LEADING_WORDS);
  if (METRIC_END.test(core)) return core;
  const endsInVerb = TRAILING_VERBS.some((v) => core.endsWith(v)) || /[和及与、]$/.test(core);
  if (endsInVerb || core === '') {
    const noun = followingNoun(after.replace(/^的/, ''));
    if (noun !== '') return noun;
  }
  const object = afterLastVerb(core);
  if (object !== undefined && object !== '') return stripRepeatedly(object, LEADING_WORDS);
  return core;
}

/**
 * The subject of `mentions[i]` within `sentence` (mention indexes are offsets into `sentence`).
 * Returns '' when nothing sensible is found; the caller may fall back to the section title.
 */
export function figureSubject(sentence: string, mentions: readonly NumberMention[], i: number): string {
  const m = mentions[i];
  if (!m) return '';
  const end = m.index + m.raw.length;
  const after = sentence.slice(end);
  let start = 0;
  for (let k = m.index - 1; k >= 0; k--) {
    if (CLAUSE_END.test(sentence[k] ?? '')) {
      start = k + 1;
      break;
    }
  }
  // `**市军休总站获评五星级服务机构`: a rating's subject is what was rated (军休总站), not its kind.
  const rated = RATED.exec(sentence.slice(start, m.index))?.[1];
  if (m.unit === '星级' && rated) return stripRepeatedly(rated, LEADING_WORDS);
  const counted = followingNoun(after);
  if (counted !== '') return shorten(counted);
  // An earlier number in the clause ends the words that belong to this one: `…4次以及残疾人演出节目3次`.
  const previous = mentions[i - 1];
  if (previous) start = Math.max(start, previous.index + previous.raw.length);
  return stripRepeatedly(shorten(subjectBefore(sentence.slice(start, m.index), after)), LEADING_WORDS);
}
