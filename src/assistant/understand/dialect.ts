/**
 * Dialect words veterans type (this bureau is in Hunan; the same words are common across the
 * south-west) read as the Mandarin the documents use: "口号叫么子" → 叫什么, "迁了好多座" →
 * 多少座, "搞完哒" → 搞完了. Only words that cannot be read otherwise in a question are mapped;
 * 好多 stays "many" in a statement about people (好多人都说). One everyday phrasing is read the same
 * way: "优待证怎么办" asks how to get the card.
 */
const DIALECT: readonly [RegExp, string][] = [
  [/么子|啥子/g, '什么'],
  // Not the 么样 of 怎么样, 这么样.
  [/咋个|(?<![怎这那什多])么样/g, '怎么'],
  // Before a measure word or at the end ("迁了好多座", "发了好多"), not "好多人说…" (many people say).
  [
    /好多(?=[座个次回场家项名位块元钱条份批起件天年月]|人(?![都说讲在觉认家也])|[咯啰哦呢啊呀哇嘛]?([？?]|$))/g,
    '多少',
  ],
  // "找到工作的有几多人", "给了好多慰问钱": how many, how much.
  [/几多(?=[人个次座家块元钱条份批起件天年月场项名位]|[？?]|$)/g, '多少'],
  [/好多(?=[^，。？?]{0,3}钱)/g, '多少'],
  [/(?<=[了完好过])哒/g, '了'],
  [/有冇/g, '有没有'],
  [/冇得|冇有/g, '没有'],
  [/冇/g, '没'],
  [/晓得/g, '知道'],
  // "优待证怎么办(理)" asks how to get the card, not what to do when refused it (…怎么办).
  [/(证|卡)(怎么|咋|如何|怎样)办(理)?(?=[？?。！!]?$|[，,])/g, '$1怎么申请'],
  [/啵(?=[？?。！!]|$)/g, '吗'],
  // "上头发的那个优待证": the higher-ups (not 上/头发, hair).
  [/上头(?=发|给|下发|定|要求|让|批)/g, '上级'],
];

export function dialectAsMandarin(text: string): string {
  return DIALECT.reduce((out, [word, mandarin]) => out.replace(word, mandarin), text);
}
