import { describe, expect, it } from 'vitest';
import type { FigureRecord, TargetComparison } from '../../src/assistant/ports.js';
import { actualsMissingNote, figureText, targetLines } from '../../src/channels/figure-text.js';

const record = (year: number, kind: FigureRecord['kind'], value: number | null): FigureRecord => ({
  id: 'training_pass_rate',
  name: '培训合格率',
  nameEn: 'Training pass rate',
  category: '就业创业',
  year,
  kind,
  value,
  unit: '%',
  doc: 'd.txt',
  quote: value === null ? '培训合格率达**％' : `培训合格率达${value}％`,
});

const comparison = (actual: FigureRecord | undefined): TargetComparison => ({
  metricId: 'training_pass_rate',
  name: '培训合格率',
  year: 2023,
  unit: '%',
  target: record(2023, 'target', 85),
  latestActual: actual,
  progressPercent: actual?.value ? Math.round((actual.value / 85) * 1000) / 10 : undefined,
  gap: undefined,
});

describe('figureText', () => {
  it('keeps 余/多 and writes Chinese numbers as the documents do', () => {
    expect(figureText({ value: 20000, unit: '人', approx: '余' }, 'zh')).toBe('20000余人');
    expect(figureText({ value: 98.5, unit: '%' }, 'zh')).toBe('98.5%');
    expect(figureText({ value: 20000, unit: '人', approx: '余' }, 'en')).toBe('over 20,000 人');
  });

  it('tells masked (未公开) from missing (未填报)', () => {
    expect(figureText({ value: null, unit: '%' }, 'zh')).toBe('未公开');
    expect(figureText(undefined, 'zh')).toBe('未填报');
    expect(figureText({ value: null, unit: '%' }, 'en')).toBe('not disclosed');
    expect(figureText(undefined, 'en')).toBe('not entered');
  });
});

describe('targetLines and actualsMissingNote', () => {
  it('say the target year’s actual is 未填报, beside the latest earlier one', () => {
    expect(targetLines(comparison(record(2022, 'actual', null)), 'zh')).toEqual([
      '目标 85%',
      '2023年实际 未填报（2022年 未公开）',
    ]);
    expect(targetLines(comparison(undefined), 'zh')[1]).toBe('2023年实际 未填报');
    expect(targetLines(comparison(record(2023, 'actual', 80)), 'zh')).toEqual([
      '目标 85% · 完成进度 94.1%',
      '2023年实际 80%',
    ]);
  });

  it('tell staff how to enter missing actuals, and nothing once they are in', () => {
    expect(actualsMissingNote([comparison(undefined)], 'zh')).toMatch(
      /2023年实际完成数尚未填报.*\/setkpi.*PUT \/api\/admin\/figures/,
    );
    expect(actualsMissingNote([comparison(record(2023, 'actual', 80))], 'zh')).toBeUndefined();
  });
});
