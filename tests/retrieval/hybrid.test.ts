import { describe, expect, it } from 'vitest';
import { analyseQuery, fuseRanks, hybridRank, rerankBonus } from '../../src/retrieval/hybrid.js';

describe('fuseRanks', () => {
  it('sums 1/(k+rank) over both lists and records the ranks', () => {
    const fused = fuseRanks([7, 3], [3, 9], 60);
    const byIndex = new Map(fused.map((c) => [c.index, c]));
    expect(byIndex.get(3)).toEqual({ index: 3, bm25Rank: 2, vectorRank: 1, score: 1 / 62 + 1 / 61 });
    expect(byIndex.get(7)).toEqual({ index: 7, bm25Rank: 1, score: 1 / 61 });
    expect(byIndex.get(9)).toEqual({ index: 9, vectorRank: 2, score: 1 / 62 });
  });
});

describe('rerankBonus', () => {
  it('rewards a number from the query that the chunk states, but not a longer number', () => {
    const features = analyseQuery('迁了1041座吗');
    expect(rerankBonus(features, '完成集中迁移散葬烈士墓1041座。', '')).toBeGreaterThan(
      rerankBonus(features, '完成集中迁移散葬烈士墓10413座。', '') + 0.015,
    );
  });

  it('rewards longer exact phrases of the query', () => {
    const features = analyseQuery('散葬烈士墓');
    const exact = rerankBonus(features, '完成集中迁移散葬烈士墓1041座。', '');
    const partial = rerankBonus(features, '烈士陵园散布各地，墓碑擦拭。', '');
    expect(exact).toBeGreaterThan(partial);
  });

  it('counts a year in the section title at half weight', () => {
    const features = analyseQuery('2023年目标');
    const inText = rerankBonus(features, '2023年目标任务', '');
    const inTitle = rerankBonus(features, '目标任务', '三、2023年工作打算');
    const nowhere = rerankBonus(features, '目标任务', '一、工作开展情况');
    expect(inText).toBeGreaterThan(inTitle);
    expect(inTitle).toBeGreaterThan(nowhere);
  });

  it('rewards boost terms found in the chunk, capped', () => {
    const plain = analyseQuery('老兵');
    const boosted = analyseQuery('老兵', ['退役军人']);
    expect(rerankBonus(boosted, '退役军人服务站', '')).toBeGreaterThan(
      rerankBonus(plain, '退役军人服务站', ''),
    );
    const many = analyseQuery('x', ['a', 'b', 'c', 'd', 'e', 'f']);
    const few = analyseQuery('x', ['a', 'b', 'c']);
    expect(rerankBonus(many, 'abcdef', '')).toBeCloseTo(rerankBonus(few, 'abcdef', ''), 10);
  });
});

describe('hybridRank', () => {
  const texts = [
    '开展清明祭英烈活动，组织发动干部群众到实地为墓碑擦拭灰尘。',
    '完成集中迁移散葬烈士墓1041座。',
    '走访慰问烈士遗属6名，发放慰问金12000元。',
  ];
  const textOf = (i: number) => ({ text: texts[i] ?? '', title: '' }); // already normalised

  it('puts the chunk with the exact number first even when both lists rank it lower', () => {
    const ranked = hybridRank({
      bm25: [0, 2, 1],
      vector: [0, 2, 1],
      features: analyseQuery('烈士墓迁了1041座？'),
      textOf,
      k: 3,
    });
    expect(ranked[0]?.index).toBe(1);
  });

  it('puts the exact phrase match first among equally ranked candidates', () => {
    const ranked = hybridRank({
      bm25: [2, 1],
      vector: [1, 2],
      features: analyseQuery('散葬烈士墓'),
      textOf,
      k: 2,
    });
    expect(ranked.map((c) => c.index)).toEqual([1, 2]);
  });

  it('drops vector-only candidates that share nothing with the query unless told to keep them', () => {
    const features = analyseQuery('英雄');
    const args = { bm25: [], vector: [2], features, textOf: () => ({ text: '无关', title: '' }), k: 5 };
    expect(hybridRank(args)).toEqual([]);
    expect(hybridRank({ ...args, keepVectorOnly: true })).toHaveLength(1);
  });
});
