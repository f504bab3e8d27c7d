/**
 * Years mentioned in a question. Relative words are resolved against the knowledge base, not the
 * clock: the documents report on `latestActualYear` (去年/last year) and set targets for the year
 * after it (今年/明年/this year/next year), which is how the bureau's own reports use them.
 */
export interface YearContext {
  latestActualYear: number;
  targetYear: number;
}

export function findYears(text: string, context: YearContext): number[] {
  const years = new Set<number>();
  // "培训了2000多人" is a count, not the year 2000.
  for (const match of text.matchAll(/(?<!\d)(20\d\d)(?![\d多余来元块人次名座家个项场户份起位万])/g))
    years.add(Number(match[1]));
  // "干了12年", "满10年兵" are years of service, not 2012 or 2010.
  for (const match of text.matchAll(/(?<![\d.满了干役兵当近共第])(\d\d)年(?!兵|以上|以下|军龄|工龄|的兵)/g))
    years.add(2000 + Number(match[1]));
  // 本年度 is the year a work summary reports on ("本年度总结里…"), as 年度 is in its title.
  if (/去年|上一?年|上年度|本年度|last year|previous year/i.test(text)) years.add(context.latestActualYear);
  if (/前年|year before last/i.test(text)) years.add(context.latestActualYear - 1);
  if (/今年|明年|this year|next year|coming year/i.test(text)) years.add(context.targetYear);
  return [...years];
}
