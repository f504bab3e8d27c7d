/**
 * Two figures asked at once: "网上祭扫和实地擦碑各多少人", "慰问了几名烈属，发了多少钱？". Each
 * part becomes a question of its own, so each gets its own figure (or its own "not found").
 * Pure: text in, parts out; one part (the question itself) when it asks for one thing.
 */

const NUMBER_ASKED =
  /多少|几(个|名|人|次|家|座|项|场|条|份|起|位)?|(人数|名额|数量|次数)[^。？?]{0,8}分别|how (many|much)/i;

/** "A和B各多少…", "A、B分别是多少…": subjects joined before 各/分别, then what is asked of each. */
const JOINED =
  /^(.{2,30}?)(?:和|与|跟|以及|及|、)(.{2,30}?)[，,]?(?:请)?(?:各|分别)(?:是|有|为|给出|列出|告诉我)?(.*)$/;

/**
 * "送喜报，再加上新兵欢送会，一共搞了多少次", "红色教育片和演出节目加起来看了几次": two subjects
 * whose figures are to be added, then what is asked of them. Each is a part of its own; the
 * assistant adds the two figures it finds (see asksForATotal).
 */
const SUMMED = [
  /^(.{2,40}?)[，,]?(?:再加上|加上|连同)([^，,？?]{2,30}?)(?:[，,]|(?=一共|总共|合计|总计|加起来|加在一起))(?:一共|总共|合计|总计|加起来|加在一起)?(.*(?:多少|几).*)$/,
  /^(.{2,30}?)(?:和|与|跟|以及|及|、)(.{2,30}?)[，,]?(?:加起来|加在一起|合计|总计)(?:一共|总共)?(.*)$/,
];

/** The question asks for the sum of its parts' figures. */
export const asksForATotal = (question: string): boolean =>
  /再加上|加上|连同|加起来|加在一起|合计|总计|in total|combined|altogether/i.test(question);

/** A clause that asks for a number on its own ("召开了几次专题会议、签订了多少份承诺书"). */
// Many type a space where a comma belongs ("去了几户烈属家 慰问金给了多少").
const CLAUSE = /[？?；;，,、]|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/;

/**
 * "During the Martyrs' Day activity, how many families were visited and how much money was
 * given?": each "how many / how much" is a part, with the words before the first one as context.
 */
const ENGLISH_PARTS = /^(.*?)\b(how (?:many|much)\b.*?)(?:,\s*|\s+)and\s+(how (?:many|much)\b.*)$/i;

export function figureParts(question: string): string[] {
  const text = question.trim();
  if (!NUMBER_ASKED.test(text)) return [text];
  const english = ENGLISH_PARTS.exec(text);
  if (english && !/[\u3400-\u9fff]/.test(text)) {
    const [, context = '', first = '', second = ''] = english;
    return [`${context}${first}?`, `${context}${second}`];
  }
  const summed = SUMMED.map((pattern) => pattern.exec(text.replace(/[？?。]+$/, ''))).find(Boolean);
  if (summed) {
    const [, a = '', b = '', rest = ''] = summed;
    const year = YEAR_NAMED.exec(a)?.[0];
    const second = year && !YEAR_NAMED.test(b) ? `${year}${b}` : b;
    return [`${a}${rest}`, `${sharedContext(a)}${second}${rest}`];
  }
  const joined = JOINED.exec(text.replace(/[？?。]+$/, ''));
  if (joined) {
    const [, a, b, rest] = joined;
    const tail = rest?.trim() || '多少';
    if (a && b) return [`${a}${tail}`, `${sharedContext(a)}${b}${tail}`];
  }
  const clauses = text
    .split(CLAUSE)
    .map((c) => c.trim())
    .filter((c) => c.length >= 3);
  const asking = clauses.filter(asksANumber);
  if (asking.length !== 2 || clauses.length > 3) return [text];
  const context = clauses.filter((c) => !asksANumber(c)).join('，');
  const [first, second] = asking as [string, string];
  // "发了多少钱" after "慰问了几名烈属" borrows the first part's subject.
  const subject = first.replace(NUMBER_WORDS, '');
  const own = second.replace(NUMBER_WORDS, '').replace(/[的了呢吗啊有是]/g, '');
  const withSubject =
    own.length < MIN_OWN_SUBJECT || REFERS_BACK.test(second) ? `${subject}${second}` : second;
  // "2022年…多少人，标准提高了多少": the year the first part names is the second's too.
  const year = YEAR_NAMED.exec(first)?.[0];
  const secondFull = year && !YEAR_NAMED.test(withSubject) ? `${year}${withSubject}` : withSubject;
  return [first, secondFull].map((part) => (context ? `${context}，${part}` : part));
}

/**
 * "送出的256次喜报中，一等功、二等功各有多少": what comes before the first subject in its own
 * sentence is both parts' (not an earlier question: "是这样吗？红色教育片和…").
 */
function sharedContext(first: string): string {
  const sentence = first.slice(Math.max(...['？', '?', '。', '！'].map((m) => first.lastIndexOf(m))) + 1);
  return sentence.slice(0, Math.max(sentence.lastIndexOf('，'), sentence.lastIndexOf(',')) + 1);
}

/** "省厅那几个奖" names a topic ("those few"), it does not ask how many. */
const asksANumber = (clause: string): boolean => NUMBER_ASKED.test(clause.replace(/[那这]几/g, ''));

/** Question words of a number question, removed to find what a part is about. */
const NUMBER_WORDS =
  /多少(人次|人|钱|元|家|座|次|名|个)?|几(个|名|人|次|家|座|项|场|条|份|起|位)?|how (many|much)/gi;
const MIN_OWN_SUBJECT = 4;
/** A year named as the time of what is counted. */
const YEAR_NAMED = /20\d\d年度?|(?<!\d)2\d年度?|去年|前年|今年|上一?年度/;

/** "全省像咱这样的有几家": the second part points back at the first one's subject. */
const REFERS_BACK = /这样|这些|那些|其中|同样/;
