import { getJieba } from '../../retrieval/tokenizer.js';

/**
 * Which words of a question name something (a thing a card could be about), by their part of
 * speech: for the card matcher's unknown-word penalty and for telling a part of a question that
 * names a thing of its own from one that only leans on another ("具体是啥样的").
 */

/**
 * Words that may be what a question is about, for the unknown-word penalty: nouns, verbs, idioms,
 * time words (not places or people). A narrower set — nouns only — names what a card does not say.
 */
export const CONTENT_TAGS = new Set(['n', 'nz', 'l', 'vn', 'v', 't']);
const NOUN_TAGS = new Set(['n', 'nz', 'l']);

/** Nouns that name nothing a card could be about. */
export const VAGUE = new Set(
  '时候 时间 事情 东西 地方 家里 情况 问题 办法 事儿 样子 大家 咱们 我们 你们 他们 人家 老家 农村 城里 村里 县里 镇上 市里 县乡镇 乡镇上 县城 城区 这边 那边 今年 去年 明年 现在 以前 以后 当时 之前 之后 一下 朋友 同事 邻居 领导 单位 公司 老板 政府 国家 部门 手续 流程 规定 政策 待遇 好处 要求 特殊要求 特别要求 实际 目标 计划 完成 结果 数据 数字 进度 比例 年份 问下 一下 问问 请教 打听 听说'.split(
    ' ',
  ),
);

/** The text holds a noun of two characters or more: "那22年实际呢" names nothing. */
export const namesSomething = (text: string): boolean => wordsTagged(text, NOUN_TAGS).length > 0;

/** Names, places, organisations and verbal nouns count too (jieba files 光荣院 as a name). */
const THING_TAGS = new Set([...NOUN_TAGS, 'nr', 'ns', 'nt', 'vn']);
/** A part of a question names a thing of its own ("想住光荣院能不能优先"; not "具体是啥样的"). */
export const namesAThing = (text: string): boolean => wordsTagged(text, THING_TAGS).length > 0;

/** The words of a text with these tags, two characters or more (vague words excluded). */
export function wordsTagged(text: string, tags: ReadonlySet<string>): string[] {
  return getJieba()
    .tag(text.toLowerCase(), true)
    .filter((t) => tags.has(t.tag) && t.word.length >= 2 && /[\u3400-\u9fff]/.test(t.word))
    .map((t) => t.word)
    .filter((word) => !VAGUE.has(word));
}
