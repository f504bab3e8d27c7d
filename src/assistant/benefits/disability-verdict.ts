import type { EntitlementCard } from '../../knowledge/types.js';
import type { Language } from '../answer.js';

/**
 * The disability pension depends on two facts a veteran often states: how the disability came
 * about and its grade. The law (军人抚恤优待条例 第二十七条) pays grades 1–10 for a disability from
 * combat or duty, grades 1–6 for one from illness. When the question gives both and the card states
 * that rule, the answer opens with the verdict for this case ("在部队生病落下残疾，评了八级，能领
 * 抚恤金吗" → 不能), instead of leaving the asker to apply the rule.
 */
const RULE = /因病致残[^。]{0,12}一级至六级/;
const BY_ILLNESS = /因病|生病|得病|病残|患病|\bill(ness)?\b|\bdisease\b/i;
const BY_DUTY = /因战|因公|打仗|作战|执行任务|训练|工伤|负伤|受伤|\bcombat\b|\bon duty\b|\binjur/i;
const CHINESE_GRADES = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The one grade the question states (1–10), as "八级", "8级" or "grade 8"; a range ("一级至六级") is none. */
export function statedGrade(question: string): number | undefined {
  const found = new Set<number>();
  for (const m of question.matchAll(
    /(?<![至到~－-])(10|[1-9]|十|[一二三四五六七八九])\s*级(?!以上|以下|至|到)/g,
  )) {
    const raw = m[1] ?? '';
    found.add(/\d/.test(raw) ? Number(raw) : CHINESE_GRADES.indexOf(raw));
  }
  for (const m of question.matchAll(/\bgrade\s*(10|[1-9])\b/gi)) found.add(Number(m[1]));
  return found.size === 1 ? [...found][0] : undefined;
}

export function disabilityVerdictLine(
  card: EntitlementCard,
  question: string,
  language: Language,
): string | undefined {
  if (!RULE.test(card.answer)) return undefined;
  const grade = statedGrade(question);
  const illness = BY_ILLNESS.test(question);
  const duty = BY_DUTY.test(question);
  if (grade === undefined || illness === duty) return undefined;
  const paid = duty || grade <= 6;
  const gradeZh = `${CHINESE_GRADES[grade]}级`;
  if (language === 'zh') {
    const cause = duty ? '因战、因公致残' : '因病致残';
    return paid
      ? `按您说的（${cause}、${gradeZh}），能领残疾抚恤金。`
      : `按您说的（因病致残、${gradeZh}），不能领残疾抚恤金：因病致残的，评为一级至六级才享受抚恤。`;
  }
  const cause = duty ? 'a disability from combat or duty' : 'a disability from illness';
  return paid
    ? `From what you say (${cause}, grade ${grade}), you receive the disability pension.`
    : `From what you say (a disability from illness, grade ${grade}), no disability pension is paid: for a disability from illness only grades one to six are paid.`;
}
