import type { FigureRecord, TargetComparison } from '../assistant/ports.js';

/** Chart wording, Chinese first. Kept apart from layout so a translator touches one file. */
export const CHART_TEXT = {
  zh: {
    targetsTitle: (year: number) => `${year}年目标`,
    statsTitle: (year: number) => `${year}年度工作主要数据`,
    headlines: '主要荣誉与成绩',
    keyFigures: '主要指标',
    actual: '最新实际',
    target: '目标',
    noTargets: '暂无目标数据',
    noFigures: '暂无已公开的指标数据',
    source: '数据来源：本局工作总结及经审核的指标更新。未公开：原文数字被隐去；未填报：尚无该年数据。',
  },
  en: {
    targetsTitle: (year: number) => `Targets for ${year}`,
    statsTitle: (year: number) => `Key figures of ${year}`,
    headlines: 'Honours and achievements',
    keyFigures: 'Key indicators',
    actual: 'Latest actual',
    target: 'Target',
    noTargets: 'No targets yet',
    noFigures: 'No disclosed figures yet',
    source:
      "Source: the bureau's work reports and reviewed updates. Not disclosed: the report masks the digits; not entered: no value for that year yet.",
  },
} as const;

export type ChartLanguage = keyof typeof CHART_TEXT;

/** The indicator's display name in the chart's language. */
export function figureName(figure: FigureRecord, language: ChartLanguage): string {
  return language === 'en' && figure.nameEn ? figure.nameEn : figure.name;
}

/** Comparison name in the chart's language (the English name lives on the figure records). */
export function comparisonName(comparison: TargetComparison, language: ChartLanguage): string {
  const record = comparison.target ?? comparison.latestActual;
  return record ? figureName(record, language) : comparison.name;
}
