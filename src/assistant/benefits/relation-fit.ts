import type { EntitlementCard } from '../../knowledge/types.js';
import type { Language } from '../answer.js';

/**
 * Relatives the four laws never name as beneficiaries: they give to a martyr's or soldier's
 * spouse, parents (or those who raised them), children and siblings, never to grandchildren,
 * nephews, in-laws or cousins, nor to a partner not (yet) married. "烈士的孙子孙女有啥优待", "我儿子是烈士的亲侄子，当兵能优先不": the
 * closest card is written for someone else, and the answer says so before it rather than leaving
 * the asker to read the 适用 line against their own case.
 */
const OUTSIDE_RELATIONS =
  /孙子|孙女|外孙女?|侄子|侄女|外甥女?|儿媳|女婿|堂(兄|弟|姐|妹)|表(兄|弟|姐|妹|亲)|叔叔|伯伯|舅舅|姑姑|姨妈|男朋友|女朋友|男友|女友|未婚夫|未婚妻|丈母娘|岳父|岳母|老丈人|\b(grand(child|children|son|sons|daughter|daughters)|nephews?|nieces?|cousins?|(son|daughter)s?-in-law|boyfriend|girlfriend|fianc[eé]e?|(mother|father|parents)-in-law|in-laws)\b/i;

/** The question names a relative the laws never name ("烈士的孙子孙女"). */
export const namesOutsideRelative = (question: string): boolean => OUTSIDE_RELATIONS.test(question);

/**
 * A veteran's family asking for a veteran's benefit ("我老公是退伍兵，我这个退伍兵家属看病有优待不",
 * "我是普通退伍兵，我家孩子考公务员能优先吗"): the laws give veterans' families only what they name.
 */
const VETERANS_FAMILY =
  /(退伍兵|退役军人|老兵|退伍军人|残疾军人)的?(家属|配偶|老婆|妻子|爱人|子女|孩子|儿子|女儿|儿女)|我是[^，。？?]{0,4}(退伍兵|退役军人|老兵|残疾军人|伤残军人)[^？?]{0,12}(我家|我)?(孩子|儿子|女儿|老婆|媳妇|爱人|老伴)/;
/** A card written for veterans' families names them so. */
const FOR_VETERANS_FAMILY = /(退役军人|残疾军人)[^，。；]{0,6}(家属|配偶|子女|亲属)|随调|随迁|家庭|遗属/;

/** A line saying the card's beneficiaries do not include the named relative, or undefined. */
export function relationMismatchLine(
  card: EntitlementCard,
  question: string,
  language: Language,
): string | undefined {
  const status = statusMismatchLine(card, question, language);
  if (status) return status;
  const family = VETERANS_FAMILY.test(question) && !FOR_VETERANS_FAMILY.test(card.who ?? '');
  const relative = OUTSIDE_RELATIONS.exec(question)?.[0] ?? (family ? '退役军人的家属' : undefined);
  const who = (card.who ?? '').replace(/。$/, '');
  if (!relative || who.includes(relative)) return undefined;
  if (who === '')
    return language === 'zh'
      ? `按您说的（${relative}），法律法规没有写明给这类亲属的待遇；相关的规定是：`
      : `From what you say (${relative}), the laws do not say what that relative gets; the related rule is:`;
  return language === 'zh'
    ? `按您说的（${relative}），法律法规没有写明这项待遇包括这类亲属：它适用于${who}。`
    : `From what you say (${relative}), the laws do not say this covers that relative; it is for the people the law names (适用：${who}).`;
}

/**
 * Kinds of veteran the laws name apart: a rule the law gives one kind (参战退役军人's subsidy paid on
 * for 6 months after death) is not the law for another ("带病回乡的老兵去世了…还发几个月").
 */
const STATUSES = ['带病回乡', '参战', '参试', '复员', '转业', '军休', '农村籍'];

function statusMismatchLine(card: EntitlementCard, question: string, language: Language): string | undefined {
  const who = (card.who ?? '').replace(/。$/, '');
  const asked = STATUSES.find((s) => question.includes(s));
  if (!asked || who.includes(asked) || !STATUSES.some((s) => who.includes(s))) return undefined;
  return language === 'zh'
    ? `按您说的（${asked}），法律法规没有写明这项规定也适用：它适用于${who}。`
    : `From what you say (${asked}), the laws do not say this rule covers you; it is for the people the law names (适用：${who}).`;
}
