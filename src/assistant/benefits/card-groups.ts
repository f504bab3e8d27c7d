import type { EntitlementCard } from '../../knowledge/types.js';

/**
 * Cards written for one group, named first in their title (烈士子女考公务员优先, 残疾军人…), go
 * behind others when the question names nobody of that group: "考公务员当过兵有照顾吗" is a
 * veteran's question, not a martyr's child's.
 */
/** The question speaks of a disability (the asker's or a relative's). */
const DISABILITY_NAMED = /残疾|伤残|残废|致残|评残|[一二三四五六七八九十\d]级|disab|injur|wound|amput/i;

const GROUPS: { title: RegExp; asker: RegExp }[] = [
  // 因公牺牲 is its own status, not a martyr's: "儿子训练出意外，认定因公牺牲" is not a martyrs' question.
  { title: /^(烈士|烈属)/, asker: /烈士|烈属|英烈|(?<!因公)牺牲|martyr/i },
  {
    title: /^(残疾|伤残|一至四级残疾)/,
    asker: DISABILITY_NAMED,
  },
  {
    title: /^(遗属|牺牲|病故|因公牺牲)/,
    asker: /遗属|牺牲|病故|去世|死亡|走了|没了|烈士|died|death|killed|survivor|widow|martyr/i,
  },
  // A card about a beneficiary's own death (丧葬补助) is not about the living veteran's pension,
  // nor about what a martyr's family receives while they live.
  {
    title: /去世|死亡|丧葬/,
    asker: /去世|死亡|死了|病死|走了|没了|过世|病逝|病故|丧葬|后事|died|dies|death|funeral|passed away/i,
  },
];
const GROUP_MISMATCH = 0.7;
/** Cards whose beneficiaries are disabled servicemen only, by their `who`. */
const DISABLED_WHO =
  /^(持《中华人民共和国残疾军人证》的|退出现役的|评定了残疾等级的)?(一级至[一二三四五六七八九十]级)?残疾军人(?![、子])/;
/** Cards whose beneficiaries are martyrs' families alone, by their `who`. */
const MARTYRS_FAMILY_WHO = /烈士遗属|烈士的?(父母|配偶|子女)/;
const OTHER_DEATHS_WHO = /因公牺牲|病故/;
/** A death by illness named ("当兵的生病死了"): 病故, which the laws keep apart from martyrs. */
const ILLNESS_DEATH_NAMED = /病故|病死|生病死|因病(去世|死)|病逝|died of (an )?illness/i;
/**
 * A martyr's family asking by name (评了烈士, 烈属) is asking about the martyrs' cards (烈士褒扬金
 * and all), not the general death benefits every serviceman's family shares.
 */
const MARTYRS_NAMED = { title: /^(烈士|烈属)/, asker: /烈士|烈属|martyr/i };
/**
 * So is a disabled veteran asking as one ("残疾军人坐火车有优惠没"): the disabled veterans' own
 * fare card, not the general veterans' transport card.
 */
const DISABLED_NAMED = {
  title: /^(残疾|伤残)/,
  // "残疾军人的孩子", "残疾军人证" name someone else or a document, not the asker's group.
  asker:
    /(残疾|伤残)(军人|老兵|退役军人|退伍军人|退伍兵)(?!证|的?(孩子|子女|儿子|女儿|家属|配偶|老伴|爱人|妻子|丈夫|父母))|disabled (veteran|soldier|servicem[ae]n|ex-servicem)/i,
};
/** Militia and reservists are named apart in the laws: only the cards that name them are theirs. */
const MILITIA_NAMED = { title: /民兵|预备役/, asker: /民兵|预备役|\b(militia|reservists?)\b/i };
const GROUP_NAMED = 1.15;
/** A card whose title and beneficiaries never name the group the asker belongs to. */
const NOT_FOR_THE_NAMED = 0.8;

/**
 * Cards for serving soldiers (who: 现役军人) do not answer a veteran who names themself as one
 * ("退伍兵坐公交是不是免费"): the veterans' own card does.
 */
const SERVING_ONLY = /^现役军人(。|及|；|$)/;
const VETERAN_NAMED = /退伍|退役|老兵|复员|转业|veteran|ex-service|former soldier/i;
const SERVING_NAMED = /现役|在部队|正在服役|服役期间|serving|active[- ]duty/i;
const servingCardForVeteran = (card: EntitlementCard, question: string): boolean =>
  SERVING_ONLY.test(card.who ?? '') && VETERAN_NAMED.test(question) && !SERVING_NAMED.test(question);

/**
 * Cards for a soldier's or veteran's family (随军配偶就业, 军人家属看病) do not answer a question that
 * names no family member ("国企招人，退伍的能不能优先", "Will the government arrange a job for me?"):
 * the veteran's own card does. A married sergeant's own placement (已婚军士随配偶安置) and the
 * families of the dead (烈士父母、配偶) are not such cards.
 */
const FAMILY_CARD = /随军|配偶|家属|随调|随迁/;
const NOT_FAMILY_CARD = /烈士|遗属|定期抚恤金|已婚军士|配偶是现役军人/;
const FAMILY_NAMED =
  /家属|配偶|老婆|媳妇|爱人|妻子|丈夫|老公|老伴|军嫂|随军|随调|随迁|孩子|子女|儿子|女儿|父母|爸|妈|家里|家人|亲属|\b(spouse|wife|husband|family|partner|child|children|son|daughter|parents?|relatives?)\b/i;
const familyCardForOther = (card: EntitlementCard, question: string): boolean =>
  FAMILY_CARD.test(card.title) && !NOT_FAMILY_CARD.test(card.title) && !FAMILY_NAMED.test(question);

/** How a card's group fits the question (see GROUPS, MARTYRS_NAMED): below 1 when it does not. */
export function groupFactor(card: EntitlementCard, question: string): number {
  if (GROUPS.some((g) => g.title.test(card.title) && !g.asker.test(question))) return GROUP_MISMATCH;
  if (familyCardForOther(card, question)) return GROUP_MISMATCH;
  // "户口又去哪落": a card for disabled veterans alone (退役后转入抚恤关系) is not a hukou answer.
  if (DISABLED_WHO.test(card.who ?? '') && !DISABILITY_NAMED.test(question)) return GROUP_MISMATCH;
  if (servingCardForVeteran(card, question)) return GROUP_MISMATCH;
  // "当兵的生病死了，家属有一次性的钱吗": not the martyrs' families' lump sum.
  const martyrsFamiliesOnly =
    MARTYRS_FAMILY_WHO.test(card.who ?? '') && !OTHER_DEATHS_WHO.test(card.who ?? '');
  if (martyrsFamiliesOnly && ILLNESS_DEATH_NAMED.test(question) && !MARTYRS_NAMED.asker.test(question))
    return GROUP_MISMATCH;
  const titleAndWho = `${card.title}${card.who ?? ''}`;
  if (DISABLED_NAMED.asker.test(question) && !/残疾|伤残/.test(titleAndWho)) return NOT_FOR_THE_NAMED;
  if (MILITIA_NAMED.asker.test(question) && !MILITIA_NAMED.title.test(titleAndWho)) return NOT_FOR_THE_NAMED;
  const named = [MARTYRS_NAMED, DISABLED_NAMED, MILITIA_NAMED].some(
    (g) => g.asker.test(question) && g.title.test(card.title),
  );
  return named ? GROUP_NAMED : 1;
}
