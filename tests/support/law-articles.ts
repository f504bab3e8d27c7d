/**
 * A verified table of the 中华人民共和国退役军人保障法 (Law on the Protection of Veterans) for tests:
 * its dates, its chapters and, for each of its 85 articles, the first 12 characters of its text.
 *
 * Why a hand-kept table: the guide in knowledge/policies/ cites articles by number, and a test
 * must be able to tell a real citation from a typo (第四十六条 vs 第六十四条) without the internet.
 * Source: LawRefBook/Laws, 社会法/退役军人保障法(2020-11-11).md (2020-11-11 text, commit ad3fc7a7),
 * read article by article; the openings below are copied verbatim from it.
 */

/** The law's identity and dates, as stated in its own text (通过 line and 第八十五条). */
export const VETERANS_LAW = {
  title: '中华人民共和国退役军人保障法',
  shortTitle: '退役军人保障法',
  adoptedBy: '第十三届全国人民代表大会常务委员会第二十三次会议',
  /** ISO date of adoption (2020年11月11日). */
  adoptedDate: '2020-11-11',
  /** ISO date it takes effect (第八十五条: 本法自2021年1月1日起施行). */
  effectiveDate: '2021-01-01',
  chapterCount: 10,
  articleCount: 85,
} as const;

/** Chapter number → [title, first article, last article]. */
export const VETERANS_LAW_CHAPTERS: ReadonlyArray<readonly [string, number, number]> = [
  ['总则', 1, 11],
  ['移交接收', 12, 19],
  ['退役安置', 20, 30],
  ['教育培训', 31, 37],
  ['就业创业', 38, 47],
  ['抚恤优待', 48, 56],
  ['褒扬激励', 57, 64],
  ['服务管理', 65, 74],
  ['法律责任', 75, 80],
  ['附则', 81, 85],
];

/** Article number → the first 12 characters of the article's text. */
export const VETERANS_LAW_ARTICLES: ReadonlyMap<number, string> = new Map<number, string>([
  [1, '为了加强退役军人保障工作'],
  [2, '本法所称退役军人，是指从'],
  [3, '退役军人为国防和军队建设'],
  [4, '退役军人保障工作坚持中国'],
  [5, '退役军人保障应当与经济发'],
  [6, '退役军人应当继续发扬人民'],
  [7, '国务院退役军人工作主管部'],
  [8, '国家加强退役军人保障工作'],
  [9, '退役军人保障工作所需经费'],
  [10, '国家鼓励和引导企业、社会'],
  [11, '对在退役军人保障工作中做'],
  [12, '国务院退役军人工作主管部'],
  [13, '退役军人原所在部队应当将'],
  [14, '退役军人应当在规定时间内'],
  [15, '安置地人民政府退役军人工'],
  [16, '军人所在部队在军人退役时'],
  [17, '安置地人民政府公安机关应'],
  [18, '退役军人原所在部队应当按'],
  [19, '退役军人移交接收过程中，'],
  [20, '地方各级人民政府应当按照'],
  [21, '对退役的军官，国家采取退'],
  [22, '对退役的军士，国家采取逐'],
  [23, '对退役的义务兵，国家采取'],
  [24, '退休、转业、逐月领取退役'],
  [25, '转业军官、安排工作的军士'],
  [26, '机关、群团组织、事业单位'],
  [27, '以逐月领取退役金方式安置'],
  [28, '国家建立伤病残退役军人指'],
  [29, '各级人民政府加强拥军优属'],
  [30, '军人退役安置的具体办法由'],
  [31, '退役军人的教育培训应当以'],
  [32, '国家建立学历教育和职业技'],
  [33, '军人退役前，所在部队在保'],
  [34, '退役军人在接受学历教育时'],
  [35, '现役军人入伍前已被普通高'],
  [36, '国家依托和支持普通高等学'],
  [37, '省级人民政府退役军人工作'],
  [38, '国家采取政府推动、市场引'],
  [39, '各级人民政府应当加强对退'],
  [40, '服现役期间因战、因公、因'],
  [41, '公共人力资源服务机构应当'],
  [42, '机关、群团组织、事业单位'],
  [43, '各地应当设置一定数量的基'],
  [44, '退役军人服现役年限计算为'],
  [45, '县级以上地方人民政府投资'],
  [46, '退役军人创办小微企业，可'],
  [47, '用人单位招用退役军人符合'],
  [48, '各级人民政府应当坚持普惠'],
  [49, '国家逐步消除退役军人抚恤'],
  [50, '退役军人依法参加养老、医'],
  [51, '退役军人符合安置住房优待'],
  [52, '军队医疗机构、公立医疗机'],
  [53, '退役军人凭退役军人优待证'],
  [54, '县级以上人民政府加强优抚'],
  [55, '国家建立退役军人帮扶援助'],
  [56, '残疾退役军人依法享受抚恤'],
  [57, '国家建立退役军人荣誉激励'],
  [58, '退役军人安置地人民政府在'],
  [59, '地方人民政府应当为退役军'],
  [60, '国家、地方和军队举行重大'],
  [61, '国家注重发挥退役军人在爱'],
  [62, '县级以上人民政府退役军人'],
  [63, '县级以上地方人民政府负责'],
  [64, '国家统筹规划烈士纪念设施'],
  [65, '国家加强退役军人服务机构'],
  [66, '退役军人服务中心、服务站'],
  [67, '县级以上人民政府退役军人'],
  [68, '县级以上人民政府退役军人'],
  [69, '县级以上人民政府退役军人'],
  [70, '县级以上人民政府退役军人'],
  [71, '县级以上人民政府退役军人'],
  [72, '国家实行退役军人保障工作'],
  [73, '退役军人工作主管部门及其'],
  [74, '对退役军人保障工作中违反'],
  [75, '退役军人工作主管部门及其'],
  [76, '其他负责退役军人有关工作'],
  [77, '违反本法规定，拒绝或者无'],
  [78, '退役军人弄虚作假骗取退役'],
  [79, '退役军人违法犯罪的，由省'],
  [80, '违反本法规定，构成违反治'],
  [81, '中国人民武装警察部队依法'],
  [82, '本法有关军官的规定适用于'],
  [83, '参试退役军人参照本法有关'],
  [84, '军官离职休养和军级以上职'],
  [85, '本法自2021年1月1日'],
]);

/**
 * Facts with a fixed home: a phrase that, wherever the guide states it, must be backed by (one of)
 * the articles given here. Each fact is stated in that article (checked against the source above).
 */
export const VETERANS_LAW_FACT_ANCHORS: ReadonlyArray<{
  phrase: RegExp;
  articles: readonly number[];
  what: string;
}> = [
  { phrase: /两年内/, articles: [35], what: '退役后两年内允许入学或者复学' },
  { phrase: /满五年/, articles: [43], what: '服现役满五年的高校毕业生退役军人' },
  { phrase: /二等功/, articles: [63], what: '荣获二等功以上奖励的退役军人录入地方志' },
  { phrase: /由省级人民政府制定/, articles: [53], what: '交通、文化和旅游优待的具体办法' },
  { phrase: /创业担保贷款/, articles: [46], what: '创办小微企业申请创业担保贷款' },
  { phrase: /计算为工龄/, articles: [44], what: '服现役年限计算为工龄' },
  { phrase: /缴费年限/, articles: [50], what: '服现役年限与缴费年限合并计算' },
  { phrase: /残疾抚恤金由县级/, articles: [56], what: '残疾抚恤金由县级退役军人工作主管部门发放' },
  { phrase: /下个月起停发退役金/, articles: [27], what: '录用、聘用下月起停发退役金' },
  {
    phrase: /一次性退役金/,
    articles: [22, 23],
    what: '自主就业的军士、义务兵领取一次性退役金',
  },
];

/**
 * Every number the law's text contains outside its article and chapter numbering: the dates
 * (2020年11月11日 adoption, 2021年1月1日 in force), the adopting session (第十三届),
 * 两年 (第三十五条), 五年 (第四十三条) and 二等功 (第六十三条). The guide may use no other number.
 */
export const VETERANS_LAW_NUMBERS: ReadonlySet<string> = new Set([
  '2020',
  '11',
  '2021',
  '1',
  '十三届',
  '两年',
  '五年',
  '二等功',
]);

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * Converts a Chinese numeral as used in article numbers (一, 十, 十二, 四十六, 一百零五) to a number.
 * Returns undefined for anything that is not such a numeral, so a malformed citation is reported
 * instead of silently becoming a valid-looking number.
 */
export function chineseNumeralToNumber(numeral: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(numeral)) return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const ch of numeral) {
    if (ch === '百' || ch === '十') {
      const unit = ch === '百' ? 100 : 10;
      total += (digit ?? 1) * unit;
      digit = undefined;
    } else {
      if (digit !== undefined && digit !== 0) return undefined; // two digits in a row, e.g. 四六
      digit = DIGITS[ch];
    }
  }
  return total + (digit ?? 0);
}
