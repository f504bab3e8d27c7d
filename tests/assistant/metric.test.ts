import { describe, expect, it } from 'vitest';
import { findMetric } from '../../src/assistant/understand/metric.js';
import type { Kpi } from '../../src/knowledge/types.js';

const startupFunds: Kpi = {
  id: 'startup_subsidy_funds',
  nameZh: '创业奖补资金',
  nameEn: 'Start-up subsidy funds',
  aliases: ['奖补资金', '创业补贴'],
  category: '就业创业',
  unit: '万元',
  values: [],
};

describe('findMetric', () => {
  it('matches an indicator by the words it explains', () => {
    expect(findMetric('去年创业奖补资金发了多少', [startupFunds])?.kpi.id).toBe('startup_subsidy_funds');
  });

  it('does not take a fund qualified otherwise (优抚资金) for the indicator’s fund', () => {
    expect(findMetric('优抚资金一共发了多少', [startupFunds])).toBeUndefined();
  });
});
