/**
 * What a benefits question asks about besides the entitlement itself: where to go, what to bring,
 * an amount or standard, how to apply, whether the asker qualifies. The card answer adds the
 * matching lines (办理, 材料, 说明, 注意) only when they were asked, so answers stay short.
 */
export interface AskedAspects {
  where: boolean;
  bring: boolean;
  amount: boolean;
  procedure: boolean;
  /** A time or deadline: 多久, 哪个月开始, 几天之内. */
  when: boolean;
  /** A date: 每个月几号, 哪天到账. */
  day: boolean;
  /** How long the office takes: 多久能批下来, 几天能办好. */
  processing: boolean;
  /** Whether it costs the asker: 要不要交钱, 收费吗. */
  fee: boolean;
  /** How many times or how often: 一辈子能换几次. */
  times: boolean;
  /** Online or by post instead of in person: 能寄到家里吗, 网上能办吗. */
  channel: boolean;
  /** How the money reaches the asker: 打到社保卡还是银行卡, 能打到微信吗. */
  payout: boolean;
  /** Whether a payment is taxed: 要不要交税, 交个人所得税吗. */
  tax: boolean;
  /** What things are handed out: 春节慰问都发些啥东西. */
  items: boolean;
  /** Office hours: 周末办不办, 几点上班. */
  hours: boolean;
  /** Whether it holds in another province: 外省景区认不认这个证. */
  elsewhere: boolean;
  eligibility: boolean;
  /** The asker described their own situation: the answer's conditions matter. */
  conditional: boolean;
}

const WHERE =
  /去哪|在哪|哪里|哪儿|哪个(部门|单位|地方)|找谁|谁(管|负责|发|办)|什么部门|\bwhere\b|\bwho (handles|pays|issues|decides)\b/i;
const BRING =
  /带(什么|啥|哪些)|材料|证件|证明|手续|资料|发票|票据|开(什么|啥)票|\bbring\b|documents?\b|paperwork/i;
const AMOUNT =
  /多少钱|减多少|免多少|打几折|几折|打折|折扣|百分之(多少|几)|报销?多少|给多少|发多少|拿多少|领多少|补多少|按多少|(补贴|补助|工资|待遇|费|金)[^，。？?]{0,6}多少|多拿|多给|多发|增发|加多少|几(个|块|千|万|百)?钱|标准|金额|数额|幅度|几成|几倍|比例|利率|利息|费率|多少分|几分|\bhow much\b|\bamount\b|\brate\b|\bstandard\b/i;
const WHEN =
  /多久|多长时间|几天|多少天|几日|多少日|几个月|几年|多少年|哪个月|哪一天|什么时候|啥时候|何时|期限|时限|之内|以内|\bhow long\b|\bwhen\b|deadline|how many (days|weeks|months)|how soon/i;
const PROCESSING =
  /(多久|多长时间|几天|几个月)[^，。？?]{0,4}(批|办|审|下来|到账|拿到|到手|出结果|办好)|(批|办|审)下来[^，。？?]{0,3}(多久|多长时间)|审批(时间|时限|要多久)|\bhow (long|many (working |business )?days)\b[^?]{0,40}\b(process|approve|take)|processing time/i;
const DAY = /几号|哪号|哪天|哪一天|几月几[日号]|几月份|哪个月份|到账|\bwhat (day|date)\b|\bwhich day\b/i;
const FEE =
  /要不要(交|花|付|出)钱|(交|花|付|出)钱吗|收(不收)?费|收钱|要钱(吗|不|么)|免费(吗|不|么)|免(门)?票|要(买)?门票|\b(cost|fee|fees|charge)\b/i;
const TIMES = /几次|多少次|几回|多少回|how many times|how often/i;
const ITEMS =
  /(发|送|给|带)(了)?(些|点)?(啥|什么)(东西|物品|礼品|慰问品|礼)|(啥|什么)(东西|物品|礼品|慰问品)|\bwhat (gifts|items|goods|things)\b/i;
const HOURS =
  /周末|周六|周日|星期[六天日]|礼拜[六天日]|节假日|几点|上班时间|办公时间|\bopening hours\b|\bweekends?\b/i;
const ELSEWHERE =
  /(外省|外地|别的省|其他省|跨省|省外)[^，。？?]{0,10}(认|能用|通用|有效|享受|管用)|\b(another|other) (province|provinces)\b/i;
const TAX = /交税|纳税|扣税|个税|所得税|\btax(ed|es)?\b/i;
const PAYOUT =
  /微信|支付宝|银行卡|社保卡|存折|现金|打到[^，。？?]{0,8}(卡|账|上)|\b(bank account|bank card|wechat|alipay|in cash)\b/i;
const CHANNEL =
  /寄|快递|网上|线上|手机上|小程序|12306|\bapp\b|\bonline\b|by (mail|post)|\bmail(ed)?\b|\bpost(ed)?\b|delivered/i;
const PROCEDURE =
  /怎么(办|申请|领|弄|搞|操作|报销)|如何(办|申请|领)|流程|程序|步骤|多久|多长时间|几天|期限|\bhow (do|can|to)\b|\bapply\b|procedure|how long/i;
const ELIGIBILITY =
  /能不能|能否|可不可以|可以|能(享受|领|拿|办|报)|有没有|是否|算不算|够不够|符合|资格|条件|行不行|有份|\bcan i\b|\bam i\b|\beligible\b|\bentitled\b|\bqualify\b|\bdo i get\b/i;

/**
 * `asking` is the text of the asking clauses; `whole` the whole message, for aspects asked in a
 * form the clause reader does not take for a question ("钱是打到社保卡还是银行卡").
 */
export function askedAspects(asking: string, hasContext: boolean, whole = asking): AskedAspects {
  return {
    where: WHERE.test(asking),
    bring: BRING.test(asking),
    amount: AMOUNT.test(asking),
    procedure: PROCEDURE.test(asking),
    when: WHEN.test(asking),
    day: DAY.test(asking),
    processing: PROCESSING.test(asking),
    fee: FEE.test(asking),
    times: TIMES.test(asking),
    channel: CHANNEL.test(asking),
    payout: PAYOUT.test(whole),
    tax: TAX.test(asking),
    items: ITEMS.test(asking),
    hours: HOURS.test(asking),
    elsewhere: ELSEWHERE.test(asking),
    eligibility: ELIGIBILITY.test(asking),
    conditional: hasContext,
  };
}

/** Words that ask for an aspect (where, what to bring, how long, how much) or only fill the sentence. */
const ASPECT_AND_FILLER =
  /那么|那|还有|另外|再|请问|想问|问一下|一下|我们|我|要|需要|得|该|应该|能|可以|去|到|在|带|准备|交|提供|办理|办|领取|领|申请|什么|啥|哪些|哪个|哪里|哪儿|哪|找谁|谁|多久|多长时间|几天|多少钱|多少|怎么|如何|咋|材料|证件|证明|手续|资料|东西|地方|部门|时间|流程|呢|吗|啊|呀|吧|的|了|么|and|what|where|who|how|long|much|do|does|i|need|to|bring|documents?|papers?|go|apply|[\s？?！!。，,.]/gi;

/**
 * "要带什么材料？", "去哪办？", "多久能办好": a message that asks only for an aspect and names no
 * entitlement of its own — about the entitlement of the previous answer.
 */
export const asksOnlyAnAspect = (text: string): boolean =>
  text.replace(ASPECT_AND_FILLER, '').trim() === '' &&
  /带|材料|证件|证明|手续|资料|哪|找谁|谁|多久|多长时间|几天|多少钱|怎么|如何|咋|流程|bring|documents|where|who|how/i.test(
    text,
  );
