import type { FigureRecord, TargetComparison } from '../assistant/ports.js';

/** Chart wording, Chinese first. Kept apart from layout so a translator touches one file. */
export const CHART_TEXT = {
  zh: {
    targetsTitle: (year: number) => `${year}年目标与最新实际`,
    statsTitle: (year: number) => `${year}年度工作主要数据`,
    headlines: '主要荣誉与成绩',
    keyFigures: '主要指标',
    actual: '最新实际',
    target: '目标',
    progress: '完成进度',
    undisclosed: '未公开',
    noTargets: '暂无目标数据',
    noFigures: '暂无指标数据',
    source: '数据来源：本局工作总结及经审核的指标更新；未公开表示原文数字被隐去。',
  },
  en: {
    targetsTitle: (year: number) => `Targets for ${year} vs latest actuals`,
    statsTitle: (year: number) => `Key figures of ${year}`,
    headlines: 'Honours and achievements',
    keyFigures: 'Key indicators',
    actual: 'Latest actual',
    target: 'Target',
    progress: 'Progress',
    undisclosed: 'not disclosed',
    noTargets: 'No targets yet',
    noFigures: 'No figures yet',
    source:
      "Source: the bureau's work reports and reviewed updates; 'not disclosed' means the report masks the digits.",
  },
} as const;

export type ChartLanguage = keyof typeof CHART_TEXT;

/** "85%", "20,000人", or 未公开 / not disclosed when the source masks the value. */
export function formatValue(value: number | null | undefined, unit: string, language: ChartLanguage): string {
  if (value === null || value === undefined) return CHART_TEXT[language].undisclosed;
  const number = value.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });
  if (unit === '%' || language === 'zh') return `${number}${unit}`;
  return `${number} ${unit}`;
}

/** The indicator's display name in the chart's language. */
export function figureName(figure: FigureRecord, language: ChartLanguage): string {
  return language === 'en' && figure.nameEn ? figure.nameEn : figure.name;
}

/** Comparison name in the chart's language (the English name lives on the figure records). */
export function comparisonName(comparison: TargetComparison, language: ChartLanguage): string {
  const record = comparison.target ?? comparison.latestActual;
  return record ? figureName(record, language) : comparison.name;
}
