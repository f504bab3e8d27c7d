import { describe, expect, it } from 'vitest';
import { approximationIn } from '../../src/knowledge/approximation.js';

describe('approximationIn', () => {
  it('reads 余 and 多 written right after the value', () => {
    expect(approximationIn(20000, '网上祭扫达20000余人')).toBe('余');
    expect(approximationIn(1000, '描摹填漆1000余人次')).toBe('余');
    expect(approximationIn(300, '走访300多户')).toBe('多');
    expect(approximationIn(20000, '网上祭扫达20,000余人')).toBe('余');
  });

  it('is undefined for exact, masked or other numbers', () => {
    expect(approximationIn(1041, '完成集中迁移散葬烈士墓1041座')).toBeUndefined();
    expect(approximationIn(null, '接待来访咨询****余人次')).toBeUndefined();
    // 1000 inside "11000余" is another number; 98.5 must not match "9835余".
    expect(approximationIn(1000, '共11000余人')).toBeUndefined();
    expect(approximationIn(98.5, '共9835余人')).toBeUndefined();
  });
});
