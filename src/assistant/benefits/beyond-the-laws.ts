import type { EntitlementCard } from '../../knowledge/types.js';
import { askingText, splitClauses } from '../understand/clauses.js';

/**
 * Situations the four laws do not govern at all, recognised by what the question is about rather
 * than by how well a card happens to match it: another country's benefits or life abroad, private
 * disputes between people (a loan not repaid, dividing property in a divorce, a neighbour's land),
 * money taken by a relative, pledging a benefit as collateral, a village collective's dividends,
 * a driving licence, a commercial insurer's terms, property taxes, nationality and visas. A loosely
 * matching card would answer a question that was not asked ("战友借钱不还" → the fines for units
 * that withhold benefits), so these get "the documents do not say", with the card that does help
 * (legal aid) as related, when there is one.
 */
export interface BeyondTheLaws {
  /** What was asked, in the asker's language, for "您问的“…”，现有资料没有写明". */
  label: { zh: string; en: string };
  /** A card that helps with it though it does not answer it. */
  relatedCard?: string;
}

const COUNTRIES =
  /美国|加拿大|英国|澳大利亚|澳洲|新西兰|日本|韩国|德国|法国|俄罗斯|新加坡|\b(united states|america|canada|britain|australia|new zealand|japan|korea|germany|france|russia|singapore)\b/i;
/** "US", "USA", "UK" in capitals only: "us" is a pronoun. */
const COUNTRY_CODES = /\b(U\.?S\.?A?|UK)\b/;
/** The country gives the benefit, or the asker lives there ("移民加拿大", "live in the US"). */
const ABROAD =
  /(住在|定居|移民|搬到|搬去|去了|去|到|在)(国外|海外|境外)|出国|出境|\b(abroad|overseas)\b|(在|住在|定居|移民|移民到|搬到|搬去|去)(美国|加拿大|英国|澳大利亚|澳洲|新西兰|日本|韩国|德国|法国|俄罗斯|新加坡)|\b(live|living|lives|move|moving|moved|settle|settled|emigrate|emigrating|emigrated) (in|to)\b|\bva\b|(美国|加拿大|英国|澳大利亚|日本|韩国|德国|法国)(的|政府)?(退伍军人|老兵|退役军人|福利|待遇)|\b(american|canadian|british|australian) (veterans?|benefits|va)\b/i;
/** Memorials abroad are in the martyrs regulations (第四十二条): not a question about life abroad. */
const MEMORIAL = /纪念设施|陵园|烈士墓|memorial|cemetery|grave/i;

/** Money between people, and splitting property in a divorce: civil law, not these laws. */
const PRIVATE_LOAN =
  /借了?我[^，。？?]{0,6}(钱|块|万)|不还钱|钱不还|经济纠纷|欠了?我[^，。？?]{0,4}(钱|块|万)|(借|欠)[^，。？?]{0,8}不还|讨债|要债|\b(lent|owes? me)\b/i;
const DIVORCE = /离婚|离了婚|\bdivorc/i;
/** "退伍费被老婆拿走了": money taken within a family or by someone else, a civil matter. */
const TAKEN_BY_OTHERS =
  /被(老婆|妻子|媳妇|丈夫|老公|家人|家里人|亲戚|儿子|女儿|父母|爸妈|兄弟|姐妹|别人|他人|朋友|战友)[^，。？?]{0,4}(拿走|拿了|骗|占|扣|抢|花了|花光|偷|挪用)/;
/**
 * A shop's, restaurant's, phone company's or car park's discount: businesses decide these; the laws
 * only encourage companies and others to help veterans (保障法第七条-type cards).
 */
const BUSINESS =
  /超市|商场|商店|饭店|餐馆|饭馆|酒店|宾馆|网购|话费|手机费|流量费|停车|\b(supermarkets?|restaurants?|shops?|shopping|malls?|hotels?|phone bills?|mobile (plan|bill)s?|parking)\b/i;
/** Going to a business (or a bank) as its customer: "去银行办信用卡". */
const AT_A_BUSINESS = new RegExp(`(去|到)[^，。？?]{0,3}(银行|${BUSINESS.source})`, 'i');
const BENEFIT_WORDS =
  /优惠|打折|折扣|免费|便宜|优待|减免|\b(discounts?|free|cheaper|concessions?|reduced)\b/i;
/** Pledging a benefit as collateral for a loan: the bank's rules, not these laws. */
const COLLATERAL = /抵押|质押|\b(collateral|mortgage (it|my|the) (pension|allowance|benefit))\b/i;
/**
 * A neighbour's quarrel over land, a village's own dividends: property and the village collective's
 * rules, which these laws do not touch.
 */
const LAND_DISPUTE =
  /宅基地|(邻居|邻里|兄弟|亲戚)[^。？?]{0,12}(吵|纠纷|矛盾|争|打架|官司)|\bneighbou?r\b.*\b(dispute|quarrel)/i;
/**
 * "我们市的优抚医院具体在哪个位置": where a particular hospital, home or cemetery stands is no
 * law's. (The bureau's and the service stations' own addresses are the contact answer's.)
 */
const LOCATION_ASKED =
  /具体(在)?(哪个|什么)?(位置|地址|方位)|在(哪个|什么)(位置|方位)|地址(是|在)(哪|什么)|门牌|怎么走|\b(what is the address|where exactly is|how do i get to)\b/i;
const CONTACT_PLACES =
  /退役军人事务局|服务站|服务中心|你们|局里|本局|\bbureau\b|service (station|centre|center)/i;

/**
 * "之前没领的残疾金还能补发不": money not drawn in past months paid late is nowhere in the laws
 * (they say when payment starts, not what happens to months missed).
 */
const BACK_PAY =
  /(之前|以前|过去|前几个月|那几个月|没领的?|漏领|少发的?|欠发的?|停(发)?的)[^。？?]{0,12}(补发|补领|补给|补回|补上)/;

/** "去服务中心哪个窗口办": an office's own counters and floors are no law's. */
const WHICH_COUNTER = /哪个窗口|几号窗口|哪个柜台|几楼|几层|\bwhich (counter|window|desk|floor)\b/i;
const WHICH_COUNTER_LABEL = { zh: '具体在哪个窗口办理', en: 'which counter handles it' };

/** "他去世后我能继承他的优待证待遇吗": the laws name what survivors receive, never an inherited benefit. */
const INHERITED = /继承|\binherit(ed|s)?\b/i;

const BACK_PAY_LABEL = { zh: '过去没领到的钱能否补发', en: 'back pay for months not drawn' };

/** "义务兵在部队往家打电话要钱吗": phone calls and their cost (the laws free a conscript's letters only). */
const PHONE_COST = /(打电话|电话费|话费|手机费)[^。？?]{0,8}(要钱|收钱|收费|免费|花钱|要不要钱|贵)/;

/** A landlord, tenant or property manager: a lease is a civil contract these laws do not touch. */
const LANDLORD = /房东|租客|物业公司|物业费|\b(landlord|tenant|evict(ed|ion)?)\b/i;
/** Turning an army driving licence into a civilian one: traffic rules, not these laws. */
const DRIVING_LICENCE = /驾照|驾驶证|驾驶执照|\bdriv(ing|er'?s) licen[cs]e\b/i;
const VILLAGE_DIVIDEND = /分红|集体收益|村里[^，。？?]{0,6}分钱|\bdividends?\b/i;
/** A commercial insurer's own terms (理赔, 意外险): the contract decides, not these laws. */
const COMMERCIAL_INSURANCE =
  /商业(保险|险)|保险公司|意外险|寿险|重疾险|车险|\b(insurance compan(y|ies)|insurer|life insurance|private insurance)\b/i;
/** Nationality, residence permits and visas: immigration law, not these laws. */
// The asker's own foreign citizenship ("我是韩国人"); a soldier's foreign spouse is still a 军属.
const NATIONALITY =
  /入籍|国籍|绿卡|签证|居留|我是[^，。？?]{0,3}(美国|加拿大|英国|澳大利亚|日本|韩国|德国|法国|俄罗斯|新加坡)(人|籍|公民)|\b(citizenship|naturali[sz](e|ation)|visa|residence permit|green card|citizen of|(i'?m|i am) an? (american|canadian|british|australian|korean|japanese|german|french|foreign) (citizen|national))\b/i;
/** An employer's own leave, overtime and bonus rules: labour law and the contract, not these laws. */
const EMPLOYER_RULES =
  /(公司|单位|老板|厂里)[^。？?]{0,24}(年假|休假|请假|加班|奖金|年终奖|过节费|绩效|考勤)|(年假|休假|请假|加班费|奖金|年终奖|过节费)[^。？?]{0,12}(公司|单位|老板|厂里)/;
/** Travel costs paid back (路费, 机票): not in these laws, except a martyr's family visiting the grave. */
const TRAVEL_COSTS =
  /(路费|车费|机票|火车票|差旅费)[^。？?]{0,12}(报销|报不|能报|报吗|补)|(报销|报)[^。？?]{0,6}(路费|车费|机票|火车票)/;
const GRAVE_VISIT = /扫墓|祭扫|上坟|陵园|烈士墓/;
/** Taxes on property or a car: tax law (the laws here give only income-tax and business breaks). */
const PROPERTY_TAX = /房产税|车船税|契税|\b(property|real estate|vehicle|car) tax(es)?\b/i;

/**
 * "退伍证搬家弄丢了咋补办", "光荣牌摔坏了能再领一块吗": replacing a lost or damaged certificate, card or plaque is nowhere in the four
 * laws (a 补办 card is about assessing a disability late, not papers).
 */
/** Words of losing a paper, or of having it made again. */
const LOSS = '丢|遗失|丢失|找不到|损坏|弄坏|弄脏|摔坏|坏了|破了|旧了|刮掉|掉了';
const REISSUE =
  '(咋|怎么|怎样|如何|能不能|能)补|补办|补领|补发|重办|重新办|再领|再发|再要|重新领|再申请|重新申请|换新';
const LOST_PAPERS = new RegExp(
  `(${LOSS})[^。？?]{0,12}(${REISSUE}|换|咋办|怎么办)|\\b(lost|damaged)\\b[^.?]{0,40}\\b(card|certificate|id)\\b|\\breplace(ment)?\\b[^.?]{0,20}\\b(lost|damaged)\\b`,
  'i',
);
// 光荣牌 too: the laws say it is hung, not that a broken one is replaced.
const PAPERS = /证|卡|牌|\b(card|certificate|id|plaque)\b/i;

/** The question asks to replace a lost or damaged certificate, card or plaque. */
export const asksToReplacePapers = (question: string): boolean =>
  LOST_PAPERS.test(question) && PAPERS.test(question);
/**
 * "哪家厂子做得好", "推荐个医院": which maker, hospital or school is best is no law's to say.
 */
const RECOMMENDATION =
  /哪(家|个|所)[^，。？?]{0,6}(好|靠谱|最好|更好|便宜|专业)|推荐(一下|个|一个|几家|哪)|\b(recommend|which [a-z]+ is (the )?best)\b/i;
export const asksForARecommendation = (question: string): boolean => RECOMMENDATION.test(question);
export const RECOMMENDING = {
  zh: '推荐哪家厂家、医院或机构',
  en: 'recommending a particular maker, hospital or provider',
};
export const REPLACING_PAPERS = {
  zh: '证件、光荣牌丢失或损坏后的补发',
  en: 'replacing a lost or damaged certificate, card or plaque',
};

/** "优待证是谁发的？要是丢了补办得等多久？": another part the cards answer, with the rest said open. */
const asksSomethingElse = (question: string): boolean =>
  splitClauses(question).some(
    (c) =>
      c.asks &&
      !new RegExp(`${LOSS}|${REISSUE}|lost|damaged|replace`, 'i').test(c.text) &&
      !asksOnlyCostOrTime(c.text),
  );
/** "…能再申请一块不 要不要钱": the cost or time of what the other part asks, not a question of its own. */
export const asksOnlyCostOrTime = (clause: string): boolean => COST_OR_TIME_ONLY.test(clause.trim());
const COST_OR_TIME_ONLY =
  /^(那|还|另外)?(要不要(交|花|付)?钱|收(不收)?费|收钱(吗|不|么)?|要钱(吗|不|么)?|免费(吗|不|么)?|(要|得|需要)?多久|(要|得|需要)?多长时间|(要|得|需要)?几天)[吗呢啊？?。]*$/;

export function beyondTheLaws(question: string): BeyondTheLaws | undefined {
  const foreign =
    COUNTRIES.test(question) ||
    COUNTRY_CODES.test(question) ||
    /国外|海外|境外|出国|abroad|overseas/i.test(question);
  if (foreign && ABROAD.test(question) && !MEMORIAL.test(question))
    return { label: { zh: '出国或在国外的事', en: "travel or life abroad, or another country's benefits" } };
  // An employer withholding wages is a labour matter, not a private loan.
  if (PRIVATE_LOAN.test(question) && !/单位|公司|工资|老板|employer|wages?/i.test(question))
    return {
      label: { zh: '个人之间的借款纠纷', en: 'a private loan between people' },
      relatedCard: 'rights-legal-aid',
    };
  if (TAKEN_BY_OTHERS.test(question))
    return {
      label: { zh: '家人或他人之间的财产纠纷', en: 'a property dispute within a family or with others' },
      relatedCard: 'rights-legal-aid',
    };
  // Asked of the business, not told of it: "我在镇上开了个小饭馆，个体经营有税收优惠不" is a tax question.
  const asked = askingText(splitClauses(question));
  // "拿优待证去银行办信用卡 有没有啥优惠": a discount sought at a business the asker goes to.
  const atABusiness = AT_A_BUSINESS.test(question);
  // A bank's own card discount is the bank's; a start-up loan's interest subsidy is in the laws.
  if (
    (BUSINESS.test(asked) || atABusiness) &&
    BENEFIT_WORDS.test(asked) &&
    !/税|贷款|贴息|\bloans?\b/i.test(asked)
  )
    return {
      label: {
        zh: '商家（超市、饭店、银行、话费、停车等）的优惠',
        en: 'discounts from businesses (shops, restaurants, banks, phone bills, parking)',
      },
      relatedCard: 'rights-social-support',
    };
  if (COLLATERAL.test(question))
    return { label: { zh: '用待遇或退役金做贷款抵押', en: 'pledging a benefit as collateral for a loan' } };
  if (DIVORCE.test(question))
    return {
      label: { zh: '离婚时的财产分割', en: 'dividing property in a divorce' },
      relatedCard: 'rights-legal-aid',
    };
  if (LAND_DISPUTE.test(question))
    return {
      label: { zh: '邻里之间的土地或财产纠纷', en: 'a land or property dispute between neighbours' },
      relatedCard: 'rights-legal-aid',
    };
  if (WHICH_COUNTER.test(question)) return { label: WHICH_COUNTER_LABEL };
  if (INHERITED.test(question))
    return { label: { zh: '待遇能否由家人继承', en: 'whether a benefit can be inherited' } };
  if (LOCATION_ASKED.test(question) && !CONTACT_PLACES.test(question))
    return { label: { zh: '具体地址或位置', en: 'the exact address or location' } };
  if (PHONE_COST.test(question))
    return { label: { zh: '打电话的费用', en: 'the cost of phone calls' }, relatedCard: 'family-free-mail' };
  if (BACK_PAY.test(question)) return { label: BACK_PAY_LABEL };
  if (LANDLORD.test(question))
    return {
      label: { zh: '房东、租房或物业的纠纷', en: 'a dispute with a landlord or property manager' },
      relatedCard: 'rights-legal-aid',
    };
  if (DRIVING_LICENCE.test(question))
    return { label: { zh: '驾驶证的换领', en: 'converting a driving licence' } };
  if (COMMERCIAL_INSURANCE.test(question))
    return {
      label: { zh: '商业保险公司的理赔', en: "a commercial insurer's terms and claims" },
      relatedCard: 'rights-legal-aid',
    };
  if (EMPLOYER_RULES.test(question))
    return {
      label: { zh: '单位自己的休假、奖金等规定', en: "an employer's own leave, overtime and bonus rules" },
      relatedCard: 'rights-legal-aid',
    };
  if (TRAVEL_COSTS.test(question) && !GRAVE_VISIT.test(question))
    return { label: { zh: '路费、机票的报销', en: 'paying back travel costs' } };
  if (NATIONALITY.test(question))
    return { label: { zh: '国籍、签证和居留', en: 'nationality, visas and residence' } };
  if (PROPERTY_TAX.test(question))
    return { label: { zh: '房产税、车船税等税收', en: 'property or vehicle taxes' } };
  if (asksToReplacePapers(question) && !asksSomethingElse(question)) return { label: REPLACING_PAPERS };
  if (asksForARecommendation(question) && !asksSomethingElse(question)) return { label: RECOMMENDING };
  if (VILLAGE_DIVIDEND.test(question))
    return { label: { zh: '村集体的分红', en: "a village collective's dividends" } };
  return undefined;
}

/**
 * Parts of a question the laws leave out, named beside the card that answers the rest ("优待证丢了
 * 咋补", "停的那些能补发吗", "哪家厂子做得好", "哪个窗口办"): the labels of those the cards do not state.
 */
export function unstatedParts(question: string, cards: readonly EntitlementCard[]): BeyondTheLaws['label'][] {
  const parts: BeyondTheLaws['label'][] = [];
  if (asksToReplacePapers(question) && !cards.some((c) => /补发|补办|更换|换发/.test(c.answer)))
    parts.push(REPLACING_PAPERS);
  if (asksForARecommendation(question)) parts.push(RECOMMENDING);
  if (BACK_PAY.test(question) && !cards.some((c) => /补发/.test(c.answer))) parts.push(BACK_PAY_LABEL);
  if (WHICH_COUNTER.test(question)) parts.push(WHICH_COUNTER_LABEL);
  return parts;
}
