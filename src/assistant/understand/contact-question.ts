/**
 * "服务站几点上班", "你们电话多少", "What are the office hours?": questions about the offices
 * themselves, not about an entitlement or the bureau's record. Only the bureau's contact card
 * (knowledge/bureau.yaml) can answer them; a figure or a card that shares a word ("服务站" → the
 * service-station coverage rate) must not.
 */
export type ContactAsked = 'hours' | 'phone' | 'address';

const HOURS =
  /(几点|什么时候|啥时候|何时)(上班|下班|开门|关门|办公|营业)|(上班|办公|营业|开放|服务|对外服务)时间|(周[六日天末]|星期[六日天]|礼拜[六天日]|节假日|放假)[^，。？?]{0,6}(上班|办公|开门|营业|有人|能办)|\b(opening|office|business|working) hours\b|\bwhat time\b[^?]{0,40}\b(open|close|start|finish)|\bopen on (the )?(weekends?|saturdays?|sundays?|holidays)\b/i;
const PHONE =
  /(电话|热线|手机号|联系方式)(号码)?(是)?(多少|几号|是什么|是啥|有吗|呢)?[？?]?$|联系电话|怎么联系|\b(phone number|hotline|telephone number)\b|\bhow (do|can) i (contact|call|phone)\b/i;
const OFFICE =
  /退役军人事务局|事务局|服务站|服务中心|你们局|局里|你们单位|办公室|\b(bureau|office|service station|service centre|service center)\b/i;
// 处于什么位置 "in the province" is a standing, not a place.
const WHERE =
  /(地址|在哪|在哪里|在哪儿|(?<!处于什么|处在什么|排在什么)位置|怎么走)|\bwhere is\b|\baddress\b/i;
/**
 * "优待证在哪领" asks where to apply, "服务站一般设在哪" where stations are set up: the law says.
 * Only one office's own address is a contact question.
 */
const APPLY = /领|办|申请|报到|交|拿|设在|设立|设置|有没有|都有|\b(apply|get|collect|register|set up)\b/i;

export function contactAsked(question: string): ContactAsked | undefined {
  if (HOURS.test(question)) return 'hours';
  if (PHONE.test(question)) return 'phone';
  if (OFFICE.test(question) && WHERE.test(question) && !APPLY.test(question)) return 'address';
  return undefined;
}
