/**
 * Splits a question into clauses and tells the asking clauses from the ones that describe the
 * asker. "我是2019年入伍的义务兵，去年9月退伍回村了，退伍能拿一次性的钱吗？": the first two clauses
 * are circumstances (conditions of the answer, never its subject); the last one is what is asked.
 * Pure: text in, clauses out.
 */

export interface Clause {
  text: string;
  /** True when the clause asks something; false when it describes the asker's situation. */
  asks: boolean;
}

/**
 * Words that make a Chinese clause a question (or a request for information). "没啥收入", "没什么
 * 文化", "没多少钱", "不咋样" tell how little there is: they describe the asker, they do not ask.
 */
const ASKING_ZH =
  /[吗么嘛呢吧？?]|(?<!没有?)什么|(?<!没有?)啥|(?<!不)咋|怎么|怎样|怎么样|如何|哪|(?<!好|没)几(?!乎)|(?<!没有?)多少|多久|多长|能不能|能否|可不可以|可以不|是不是|是否|有没有|有无|要不要|用不用|需不需要|算不算|行不行|给不给|管不管|会不会|该不该|谁|请问|问一下|问下|想问|想知道|咨询|帮我|告诉我|说说|讲讲|介绍|(.)不\1|[^\s]不$|有[^，。？?\s]{1,12}没有?$|了没有?$/;

/** An English sentence that asks: a question mark, or it opens with a question or request word. */
const ASKING_EN =
  /\?|^\s*(what|how|can|could|do|does|did|is|are|am|will|would|should|where|when|who|which|why|may|tell|please|explain|i (want|would like) to know)\b/i;

/** Clause boundaries: sentence and clause punctuation, and line breaks. */
const BOUNDARY_ZH = /[。！？!?；;，,、：\n]+|(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/;
const BOUNDARY_EN = /(?<=[.?!;])\s+|\n+/;

export function splitClauses(question: string): Clause[] {
  const english = !/[\u3400-\u9fff]/.test(question);
  // "医院停车费 退役军人 免不免": keywords typed as into a search box are one question, not parts.
  if (!english && isKeywordQuery(question)) return [{ text: question.replace(/\s+/g, ''), asks: true }];
  // Split keeping each boundary: a clause the asker closed with a question mark asks, whatever its
  // words ("烈士的孩子考公务员有照顾没？").
  const pieces = question.split(new RegExp(`(${(english ? BOUNDARY_EN : BOUNDARY_ZH).source})`));
  const clauses = pieces
    .flatMap((piece, i) => (i % 2 === 0 ? [{ text: piece.trim(), closing: pieces[i + 1] ?? '' }] : []))
    .filter((p) => p.text.length > 0)
    .map(({ text, closing }) => ({
      text,
      asks: (english ? ASKING_EN : ASKING_ZH).test(text) || /[？?]/.test(closing),
    }));
  // A question without any asking word ("退役金标准") asks as a whole.
  if (!clauses.some((c) => c.asks)) return clauses.map((c) => ({ ...c, asks: true }));
  // "请问一下，退伍费…": the request formula is not a part of its own; the clause after it asks.
  // A greeting ("你好") is not a part either, and says nothing about the clause after it.
  const marked = clauses.map((c, i) => {
    if (isGreeting(c.text) || isRequest(c.text)) return { ...c, asks: false };
    const previous = clauses[i - 1];
    return previous && isRequest(previous.text) ? { ...c, asks: true } : c;
  });
  // "听说干满年限能安排工作，我这个够不够？": a clause that only leans on the one before asks it.
  return marked.map((c, i) => {
    const next = marked[i + 1];
    return next?.asks && leansOnPrevious(next.text) && !isGreeting(c.text) ? { ...c, asks: true } : c;
  });
}

/** Longest keyword of a search-box query; a spoken clause runs longer. */
const KEYWORD_CHARS = 5;

/**
 * Short space-separated words with no punctuation ("优待证 申请了 多久能办下来", "意识形态 五项制度
 * 具体名称"): every piece but the last (which may carry the question) is a keyword.
 */
function isKeywordQuery(question: string): boolean {
  const text = question.trim();
  if (/[。！？!?；;，,、：:\n]/.test(text.replace(/[？?]$/, ''))) return false;
  const pieces = text.split(/\s+/);
  return pieces.length >= 2 && pieces.slice(0, -1).every((p) => Array.from(p).length <= KEYWORD_CHARS);
}

/**
 * "我这个够不够", "是真的吗", "有没有这回事": asks whether the clause before holds, naming nothing
 * itself; "具体是啥样的", "是怎么回事" ask for the details of what the clause before said.
 */
const leansOnPrevious = (text: string): boolean =>
  // "优待证从提交申请到拿到手，平均要等多久": a bare how long / how much asks of the clause before.
  /^(那|那么)?(平均|一般|大概|大约|通常|最快|最长)?(要|得|需要)?(等)?(多久|多长时间|几天|多少天|几个月|多少钱)(能|才)?(拿到|办好|下来)?[吗呢啊呀]?$/.test(
    bare(text),
  ) ||
  /^(那|那么)?(我|我们|俺|我家)?(这个|这样|这种|这种情况|那样|这)?(情况)?(到底|真的)?(够不够|够吗|行不行|行吗|可以吗|可不可以|算不算|算吗|符合吗|符不符合|能行吗|是真的吗|真的吗|是不是真的|对吗|对不对|准确吗|准不准|准不准确|属实吗|靠谱吗|没错吧|有没有戏|有戏吗|有没有(这|这个|这样)?(回事|事|事情)|有(这|这个|这样)?(回事|事|事情)|是不是这样|是这样吗)[吗呢啊呀]?$/.test(
    bare(text),
  ) ||
  /^(那|那么)?(这个|这)?(具体|到底)?(是)?(啥样|什么样|怎么样|怎样|啥情况|什么情况|怎么回事|咋回事|怎么个说法|有哪些|是什么|是啥)(的)?[吗呢啊呀]?$/.test(
    bare(text),
  );

const bare = (text: string) => text.replace(/\s+/g, '');

/** "你好", "同志您好", "打扰了". */
const isGreeting = (text: string): boolean =>
  /^(你好|您好|同志|老师|领导|大家好|打扰了?|麻烦了?|劳驾)+[啊呀哈]?$/.test(bare(text));

/** "请问一下", "麻烦问下", "想知道": a request formula with no subject. */
const isRequest = (text: string): boolean =>
  /^(你好|您好|同志|老师|麻烦|打扰了?|劳驾)*(请问|问一下|问下|想问(一下|下|问)?|想知道|咨询(一下)?)(一下)?[啊呀哈]?$/.test(
    bare(text),
  );

/** The clauses that ask, joined; the whole question when nothing else is found. */
export const askingText = (clauses: readonly Clause[]): string =>
  clauses
    .filter((c) => c.asks)
    .map((c) => c.text)
    .join('，');

/** The clauses that describe the asker, joined ('' when none). */
export const contextText = (clauses: readonly Clause[]): string =>
  clauses
    .filter((c) => !c.asks)
    .map((c) => c.text)
    .join('，');

/** "我是局里退休的老同志", "作为人大代表我想了解": a clause that says who asks. */
/** "人大代表想核实：…" introduces the asker as much as "我是人大代表" does. */
const ROLE_WANTS_TO_KNOW =
  /^(人大代表|政协委员|记者|领导)[^，。？?]{0,4}(想|要|需要)(核实|了解|问|知道|确认)/;
const INTRODUCES_ASKER = new RegExp(`^(我|本人|作为|俺)|我是|我想了解|我想问|${ROLE_WANTS_TO_KNOW.source}`);

/**
 * The question without the clauses that introduce the asker or instruct after it was asked: who
 * asks ("人大代表") and how they will use it ("PPT上要用原文") name no subject the report must hold.
 */
export function withoutAskerIntroduction(question: string): string {
  const clauses = splitClauses(question);
  const lastAsking = clauses.map((c) => c.asks).lastIndexOf(true);
  return clauses
    .filter((c, i) => c.asks || (!INTRODUCES_ASKER.test(c.text) && i < lastAsking))
    .map((c) => c.text)
    .join('，');
}

/**
 * The asker introduces themselves as the bureau's staff, a deputy, a journalist, or as taking over
 * a section (我刚接手双拥科): not a veteran's own case.
 */
export const ASKER_IS_NO_CLAIMANT = new RegExp(
  `${/(我是|作为|本人是?)[^，。？?]{0,10}(人大代表|政协委员|局里|本局|我局|机关|科室|办公室|工作人员|干部|老同志|记者|秘书|统计|领导|局长|处长|主任|书记|站长|同事|研究|科的|科长)|我(刚|新)?(接手|分管|负责|调到|新到)[^，。？?]{0,8}(科|室|办|工作)|我(刚|新)?从[^，。？?]{0,8}(局|单位|部门|机关)调(过来|来|到)|我(要|得|正在|在)?(准备|写|整理|赶)[^，。？?]{0,6}(材料|汇报|报告|稿子|讲话|发言|ppt|PPT)/.source}|${ROLE_WANTS_TO_KNOW.source}`,
);

/** The term a question quotes ("“四强”是哪四强"), if any. */
export const quotedTerm = (question: string): string | undefined =>
  /[“"]([^”"]{2,12})[”"]/.exec(question)?.[1];
