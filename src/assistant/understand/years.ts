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
  for (const match of text.matchAll(/(?<!\d)(20\d\d)(?!\d)/g)) years.add(Number(match[1]));
  for (const match of text.matchAll(/(?<![\d.])(\d\d)年/g)) years.add(2000 + Number(match[1]));
  if (/去年|上一?年|上年度|last year|previous year/i.test(text)) years.add(context.latestActualYear);
  if (/前年|year before last/i.test(text)) years.add(context.latestActualYear - 1);
  if (/今年|明年|本年度|this year|next year|coming year/i.test(text)) years.add(context.targetYear);
  return [...years];
}
