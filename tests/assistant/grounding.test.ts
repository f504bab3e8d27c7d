import { describe, expect, it } from 'vitest';
import { checkGrounding } from '../../src/assistant/grounding.js';

describe('checkGrounding', () => {
  const quote = '完成集中迁移散葬烈士墓1041座。发放慰问金1.2万元，培训合格率达85％，获得全部四项表彰。';
  it('accepts numbers that occur in a source, in any normalised form', () => {
    expect(checkGrounding('迁移了1041座，慰问金12000元，合格率85%，4项表彰。', [quote]).ok).toBe(true);
  });
  it('names each number that no source holds', () => {
    expect(checkGrounding('迁移了1042座，合格率90%。', [quote])).toEqual({
      ok: false,
      violations: ['1042座', '90%'],
    });
  });
  it('ignores masked numbers, which state nothing', () => {
    expect(checkGrounding('合格率为**％（未公开）。', [quote]).ok).toBe(true);
  });
});
