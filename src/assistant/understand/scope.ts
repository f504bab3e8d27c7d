/**
 * Is the question about the bureau's work at all? Off-topic requests (weather, poems, code) and
 * attempts to steer the assistant ("ignore your instructions") get `out_of_scope` unless they also
 * carry domain words, in which case the domain part is answered as usual: the tools are read-only
 * and hold no secrets, so there is nothing for an injection to reach.
 */
const OFF_TOPIC =
  /天气|气温|下雨|写.{0,10}诗|作诗|诗歌|笑话|段子|股票|股价|基金净值|彩票|翻译|编程|写代码|代码|python|javascript|菜谱|怎么做菜|做饭|红烧|世界杯|足球|篮球|电影推荐|明星|八卦|星座|算命|游戏|聊天吧|唱歌|\bweather\b|\bpoem\b|\bjoke\b|\bstock\b|\brecipe\b|\bcode\b|\btranslate\b|world cup|football|soccer|movie/i;

/** Markup, code or format strings with nothing else: never a question for this assistant. */
const MARKUP_OR_CODE =
  /<\/?[a-z][^>]*>|\bselect\b[\s\S]*\bfrom\b|\bdrop\s+table\b|%[sdn]|\$\{|\{\{|javascript:|\balert\s*\(/i;

const INJECTION =
  /忽略(之前|以上|前面|你的)?(的)?(所有)?(指令|指示|规则|设定)|系统提示词|提示词|system prompt|ignore (all |your |the )?(previous |prior |above )?(instructions|rules)|api[ _-]?key|bot token|令牌|密钥|jailbreak|developer mode|你现在是|pretend you are|act as/i;

const GREETING =
  /^(你好|您好|嗨|哈喽|hello|hi|hey|在吗|在不在|早上好|晚上好|谢谢|多谢|thanks|thank you)[\s!！。.,，?？~～]*$/i;

/** Words that put a question inside the bureau's domain even when retrieval finds nothing. */
const DOMAIN_CORE =
  /退役|退伍|复员|转业|老兵|军人|军队|部队|当兵|服役|兵|烈士|英烈|优抚|抚恤|优待|安置|双拥|拥军|信访|上访|就业|创业|培训|军休|褒扬|纪念|补贴|补助|津贴|慰问金|事务局|总结|工作报告|局里|你们局|本局|局长|局领导|领导班子|服务站|服务中心|党建|党组|廉政|指标|目标|考核|表彰|荣誉|喜报|慰问|veteran|military|soldier|martyr|resettle|placement|bureau|pension|pass rate|employment|petition|target|kpi/i;

/**
 * A number of a year ("去年上门来咨询的大概几千人"): the bureau's record is what this assistant
 * holds, so the documents decide — "not found" at worst, never "I only answer …".
 */
const NUMBER_OF_A_YEAR = /(去年|前年|今年|明年|(?:20)?\d\d年)[^。？?]*(多少|几)/;

/** `uncertain`: no domain words and nothing off-topic; the documents decide (see compose/route.ts). */
export type Scope = 'in_scope' | 'out_of_scope' | 'greeting' | 'uncertain';

export interface ScopeSignals {
  /** True when a glossary term, KPI name/alias or document vocabulary matched the question. */
  domainMatch: boolean;
}

export function classifyScope(text: string, signals: ScopeSignals): Scope {
  if (GREETING.test(text.trim())) return 'greeting';
  // Against an off-topic or steering request only explicit domain words count: a stray English word
  // that happens to be in an indicator's name ("won", "key") is no evidence.
  const explicit = DOMAIN_CORE.test(text);
  if ((INJECTION.test(text) || OFF_TOPIC.test(text) || MARKUP_OR_CODE.test(text)) && !explicit)
    return 'out_of_scope';
  return signals.domainMatch || explicit || NUMBER_OF_A_YEAR.test(text) ? 'in_scope' : 'uncertain';
}

/** True for phrasing that asks the assistant to change its rules; logged, never obeyed. */
export const looksLikeInjection = (text: string): boolean => INJECTION.test(text);
