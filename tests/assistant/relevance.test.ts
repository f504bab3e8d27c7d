import { describe, expect, it } from 'vitest';
import { contentTerms, coverage, createTermWeight } from '../../src/assistant/compose/relevance.js';

describe('contentTerms — a colloquial word and its official term are one term', () => {
  const translations = [{ term: '军休服务机构', variant: '军休总站' }];

  it('keeps both as alternatives of one term and drops the pieces of the colloquial word', () => {
    const terms = contentTerms('市军休总站评上几星级了', translations);
    expect(terms).toContain('军休服务机构|军休总站');
    expect(terms).not.toContain('总站');
  });

  it('lets either alternative count in a passage, without a penalty for the other', () => {
    const terms = contentTerms('军休总站在哪', translations);
    const weight = createTermWeight(['市军休总站获评五星级', '县军休所被评为四星级军休服务机构']);
    expect(coverage(terms, '市军休总站获评五星级', weight)).toBeCloseTo(
      coverage(terms, '四星级军休服务机构', weight),
    );
    expect(coverage(terms, '市军休总站获评五星级', weight)).toBeGreaterThan(
      coverage(terms, '培训合格率', weight),
    );
  });

  it('does not take a word written inside the official term as an alternative (军休 in 军休干部)', () => {
    expect(contentTerms('军休干部有多少人', [{ term: '军休干部', variant: '军休' }])).toContain('军休干部');
  });

  it('keeps English glossary matches out of the alternatives: only the official term is searched', () => {
    expect(contentTerms('How many graves were moved?', [{ term: '烈士墓', variant: 'graves' }])).toEqual([
      '烈士墓',
    ]);
  });
});
