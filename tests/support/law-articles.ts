/**
 * Verified tables of the two texts the policy guides in knowledge/policies/ summarise, for tests:
 * their dates, chapters, the numbers they contain and, for each article, the first 12 characters
 * of its text.
 *
 * Why hand-kept tables: a guide cites articles by number, and a test must be able to tell a real
 * citation from a typo (第四十六条 vs 第六十四条) without the internet. Sources, read article by
 * article from the LawRefBook/Laws repository (the openings below are copied verbatim):
 * - 社会法/退役军人保障法(2020-11-11).md (commit ad3fc7a7);
 * - 行政法规/军人抚恤优待条例(2024-08-05).md (commit cbdedcf4), the 2024 revision in force since
 *   2024-10-01 — the undated 军人抚恤优待条例.md there is the superseded 2019 text (54 articles).
 */

/** A fact with a fixed home: wherever a guide states the phrase, it must cite one of the articles. */
export interface FactAnchor {
  phrase: RegExp;
  articles: readonly number[];
  what: string;
}

export interface LawTable {
  title: string;
  /** The name used in a guide's citations: 依据：《shortTitle》第X条。 */
  shortTitle: string;
  /** Dates (ISO) as the source line of a guide must list them, in order. */
  keyDates: readonly string[];
  /** ISO date the text (in this version) takes effect. */
  effectiveDate: string;
  chapterCount: number;
  articleCount: number;
  /** [title, first article, last article] per chapter. */
  chapters: ReadonlyArray<readonly [string, number, number]>;
  /** Article number → the first 12 characters of its text. */
  articles: ReadonlyMap<number, string>;
  /**
   * Every number the text contains outside its article and chapter numbering (digits, and Chinese
   * numerals with a unit such as 两年); a guide may use no other number.
   */
  numbers: ReadonlySet<string>;
  anchors: readonly FactAnchor[];
}

/** 中华人民共和国退役军人保障法: adopted 2020-11-11, in force 2021-01-01 (第八十五条), 85 articles. */
export const VETERANS_LAW: LawTable = {
  title: '中华人民共和国退役军人保障法',
  shortTitle: '退役军人保障法',
  keyDates: ['2020-11-11', '2021-01-01'],
  effectiveDate: '2021-01-01',
  chapterCount: 10,
  articleCount: 85,
  chapters: [
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
  ],
  articles: new Map<number, string>([
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
  ]),
  // Dates, the adopting session (第十三届), 两年 (第三十五条), 五年 (第四十三条), 二等功 (第六十三条).
  numbers: new Set(['2020', '11', '2021', '1', '十三届', '两年', '五年', '二等功']),
  anchors: [
    { phrase: /两年内/, articles: [35], what: '退役后两年内允许入学或者复学' },
    { phrase: /满五年/, articles: [43], what: '服现役满五年的高校毕业生退役军人' },
    { phrase: /二等功/, articles: [63], what: '荣获二等功以上奖励的退役军人录入地方志' },
    { phrase: /由省级人民政府制定/, articles: [53], what: '交通、文化和旅游优待的具体办法' },
    { phrase: /创业担保贷款/, articles: [46], what: '创办小微企业申请创业担保贷款' },
    { phrase: /计算为工龄/, articles: [44], what: '服现役年限计算为工龄' },
    { phrase: /缴费年限/, articles: [50], what: '服现役年限与缴费年限合并计算' },
    { phrase: /残疾抚恤金由县级/, articles: [56], what: '残疾抚恤金由县级退役军人工作主管部门发放' },
    { phrase: /下个月起停发退役金/, articles: [27], what: '录用、聘用下月起停发退役金' },
    { phrase: /一次性退役金/, articles: [22, 23], what: '自主就业的军士、义务兵领取一次性退役金' },
  ],
};

/**
 * 军人抚恤优待条例 as revised on 2024-08-05 (国务院、中央军事委员会令第788号), in force 2024-10-01
 * (第六十四条), 64 articles; first published 2004-08-01.
 */
export const PENSION_REGULATIONS: LawTable = {
  title: '军人抚恤优待条例',
  shortTitle: '军人抚恤优待条例',
  keyDates: ['2004-08-01', '2024-08-05', '2024-10-01'],
  effectiveDate: '2024-10-01',
  chapterCount: 6,
  articleCount: 64,
  chapters: [
    ['总则', 1, 9],
    ['军人死亡抚恤', 10, 23],
    ['军人残疾抚恤', 24, 35],
    ['优待', 36, 54],
    ['法律责任', 55, 59],
    ['附则', 60, 64],
  ],
  articles: new Map<number, string>([
    [1, '为了保障国家对军人的抚恤'],
    [2, '本条例所称抚恤优待对象包'],
    [3, '军人抚恤优待工作坚持中国'],
    [4, '国家保障抚恤优待对象享受'],
    [5, '国务院退役军人工作主管部'],
    [6, '按照中央与地方财政事权和'],
    [7, '国家鼓励和引导群团组织、'],
    [8, '国家推进军人抚恤优待工作'],
    [9, '对在军人抚恤优待工作中做'],
    [10, '烈士遗属享受烈士褒扬金、'],
    [11, '军人牺牲，符合下列情形之'],
    [12, '军人死亡，符合下列情形之'],
    [13, '军人除本条例第十二条第一'],
    [14, '军人牺牲被评定为烈士、确'],
    [15, '烈士褒扬金由领取烈士证书'],
    [16, '服现役期间获得功勋荣誉表'],
    [17, '对生前作出特殊贡献的烈士'],
    [18, '烈士褒扬金发给烈士的父母'],
    [19, '对符合下列条件的烈士遗属'],
    [20, '烈士、因公牺牲军人、病故'],
    [21, '对领取定期抚恤金后生活仍'],
    [22, '享受定期抚恤金的烈士遗属'],
    [23, '军人失踪被宣告死亡的，在'],
    [24, '残疾军人享受残疾抚恤金，'],
    [25, '军人残疾，符合下列情形之'],
    [26, '残疾的等级，根据劳动功能'],
    [27, '军人因战、因公致残经治疗'],
    [28, '因战、因公、因病致残性质'],
    [29, '军人因战、因公致残，未及'],
    [30, '退出现役的残疾军人或者向'],
    [31, '残疾军人的抚恤金标准应当'],
    [32, '退出现役的因战、因公致残'],
    [33, '退出现役时为一级至四级的'],
    [34, '对退出现役时分散供养的一'],
    [35, '残疾军人因残情需要配制假'],
    [36, '抚恤优待对象依法享受家庭'],
    [37, '国家完善抚恤优待对象表彰'],
    [38, '国家建立抚恤优待对象关爱'],
    [39, '国家对烈士遗属逐步加大教'],
    [40, '烈士、因公牺牲军人、病故'],
    [41, '国家兴办优抚医院、光荣院'],
    [42, '国家建立中央和地方财政分'],
    [43, '烈士子女报考普通高中、中'],
    [44, '国家对一级至六级残疾军人'],
    [45, '义务兵和军士入伍前是机关'],
    [46, '国家依法保障军人配偶就业'],
    [47, '国家鼓励有用工需求的用人'],
    [48, '驻边疆国境的县（市）、沙'],
    [49, '随军的烈士遗属、因公牺牲'],
    [50, '退出现役后，在机关、群团'],
    [51, '国家适应住房保障制度改革'],
    [52, '军人凭军官证、军士证、义'],
    [53, '抚恤优待对象参观游览图书'],
    [54, '军人依法享受个人所得税优'],
    [55, '军人抚恤优待管理单位及其'],
    [56, '军人抚恤优待管理单位及其'],
    [57, '负有军人优待义务的单位不'],
    [58, '抚恤优待对象及其他人员有'],
    [59, '抚恤优待对象被判处有期徒'],
    [60, '本条例适用于中国人民武装'],
    [61, '军队离休退休干部和退休军'],
    [62, '国家按照规定为符合条件的'],
    [63, '深化国防和军队改革期间现'],
    [64, '本条例自2024年10月'],
  ]),
  // Every digit group of the 2024 text and its revision history (令第413号, 令第788号, 20倍, 60日…).
  numbers: new Set(
    '2004 8 1 413 2011 7 29 2019 3 2 2024 5 788 10 30 20 40 18 6 12 60 50 25 1954 31 35 15'.split(' '),
  ),
  anchors: [
    { phrase: /60日内/, articles: [30], what: '退役后60日内申请转入抚恤关系' },
    { phrase: /1年后/, articles: [29], what: '上一次评定残疾等级1年后才能申请调整' },
    { phrase: /12个月/, articles: [32], what: '残疾军人因病死亡，继续发放12个月残疾抚恤金作丧葬补助' },
    { phrase: /6个月/, articles: [22, 62], what: '继续发放6个月定期抚恤金或定期生活补助作丧葬补助' },
    { phrase: /50%/, articles: [34, 52], what: '护理费50%、残疾军人票价减收50%' },
    { phrase: /25%/, articles: [34], what: '精神障碍五级至六级护理费25%' },
    { phrase: /30倍|40个月/, articles: [15], what: '烈士褒扬金30倍、一次性抚恤金加40个月基本工资' },
    { phrase: /1954年10月31日|年满60周岁/, articles: [62], what: '定期生活补助的对象' },
    { phrase: /2万元以上5万元以下/, articles: [57], what: '单位不履行优待义务的罚款' },
    { phrase: /一级至六级才享受抚恤/, articles: [27], what: '因病致残一级至六级享受抚恤' },
    { phrase: /由国家供养终身/, articles: [33], what: '退出现役时一级至四级残疾军人国家供养终身' },
    { phrase: /18周岁/, articles: [19, 62], what: '遗属子女和烈士子女的年龄条件' },
  ],
};

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
