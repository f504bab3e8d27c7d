import { describe, expect, it } from 'vitest';
import { englishFigureGloss, englishTermsOf } from '../../src/assistant/compose/english-gloss.js';

describe('englishFigureGloss — the figures of a Chinese quote in English', () => {
  it('writes dates, durations and counts as an English reader needs them', () => {
    expect(englishFigureGloss('全市**名退役军人安置任务于8月30日提前3个月在全省率先完成')).toBe(
      'Figures: August 30; 3 months.',
    );
    expect(englishFigureGloss('网上祭扫达20000余人，描摹填漆1000余人次')).toBe(
      'Figures: 20000+ people; 1000+ person-times.',
    );
  });

  it('leaves out masked numbers and says nothing when the quote has no figure', () => {
    expect(englishFigureGloss('为全市9家企业发放奖补资金**万元')).toBe('Figures: 9 enterprises.');
    // A year is not a number of years.
    expect(englishFigureGloss('2022年，全市迁移烈士墓1041座')).toBe('Figures: 1041 graves.');
    expect(englishFigureGloss('坚持以退役军人为中心的服务理念')).toBeUndefined();
  });
});

describe('englishTermsOf — the glossary terms of a Chinese text in English', () => {
  const glossary = [
    { term: '信访', colloquial: [], english: ['petition'] },
    { term: '信访稳定', colloquial: [], english: ['petition and stability'] },
    { term: '奉献', colloquial: [], english: ['dedication'] },
  ];
  it('takes the longest term found, and no term inside it', () => {
    expect(englishTermsOf('（二）信访稳定形势依然严峻', glossary)).toEqual(['petition and stability']);
    expect(englishTermsOf('（一）主动担当奉献精神不够', glossary)).toEqual(['dedication']);
    expect(englishTermsOf('（三）提升服务保障质效', glossary)).toEqual([]);
  });
});
