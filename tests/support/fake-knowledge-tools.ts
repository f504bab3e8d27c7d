import type {
  FigureRecord,
  KnowledgeTools,
  Passage,
  PassageContext,
  StatsSummary,
  TargetComparison,
} from '../../src/assistant/ports.js';
import { compareFigures } from './target-comparison.js';

/**
 * A deterministic KnowledgeTools over a few verbatim passages and figures of
 * knowledge/2022-work-summary.txt, for the LLM agent's tests. Search scores passages by shared
 * characters (bigrams) with the query, so "烈士墓" finds the tomb passage without jieba or hnswlib.
 * Every call is recorded in `calls`, so tests can assert what the agent asked for.
 */
export const DOC = '2022-work-summary.txt';
export const TITLE = '市退役军人事务局2022年度领导班子工作总结';
const SECTION = '一、工作开展情况 › （四）聚焦高效发展真抓实干';

export const PASSAGES: Omit<Passage, 'n' | 'score'>[] = [
  {
    chunkId: `${DOC}#40`,
    doc: DOC,
    title: TITLE,
    kind: 'report',
    section: SECTION,
    quote: '完成集中迁移散葬烈士墓1041座。',
  },
  {
    chunkId: `${DOC}#37`,
    doc: DOC,
    title: TITLE,
    kind: 'report',
    section: SECTION,
    quote:
      '开展清明祭英烈活动，网上祭扫达20000余人，组织发动干部群众到实地为墓碑擦拭灰尘、对铭文碑文描摹填漆1000余人次。',
  },
  {
    chunkId: `${DOC}#38`,
    doc: DOC,
    title: TITLE,
    kind: 'report',
    section: SECTION,
    quote: '完成“9·30”祭英烈活动，走访慰问烈士遗属6名，发放慰问金12000元。',
  },
  {
    chunkId: `${DOC}#39`,
    doc: DOC,
    title: TITLE,
    kind: 'report',
    section: SECTION,
    quote: '为立功受奖军人送喜报256次，举办新兵欢送仪式5次。',
  },
];

const figure = (
  f: Omit<FigureRecord, 'doc' | 'category' | 'nameEn'> & Partial<FigureRecord>,
): FigureRecord => ({
  doc: DOC,
  category: 'commemoration',
  nameEn: f.name,
  ...f,
});

export const FIGURES: FigureRecord[] = [
  figure({
    id: 'martyr_tombs_relocated',
    name: '集中迁移散葬烈士墓',
    nameEn: 'scattered martyr tombs relocated',
    year: 2022,
    kind: 'actual',
    value: 1041,
    unit: '座',
    quote: '完成集中迁移散葬烈士墓1041座。',
  }),
  figure({
    id: 'condolence_money',
    name: '发放慰问金',
    nameEn: 'condolence money paid',
    year: 2022,
    kind: 'actual',
    value: 12000,
    unit: '元',
    quote: '走访慰问烈士遗属6名，发放慰问金12000元。',
  }),
  figure({
    id: 'training_pass_rate',
    name: '培训合格率',
    nameEn: 'training pass rate',
    category: 'employment',
    year: 2022,
    kind: 'actual',
    value: null,
    unit: '%',
    quote: '培训合格率达**％',
  }),
  figure({
    id: 'training_pass_rate',
    name: '培训合格率',
    nameEn: 'training pass rate',
    category: 'employment',
    year: 2023,
    kind: 'target',
    value: 85,
    unit: '%',
    quote: '培训合格率达85％',
  }),
];

export interface FakeKnowledgeTools extends KnowledgeTools {
  calls: { tool: string; args: unknown[] }[];
}

function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/\s+/g, '')];
  const result = new Set<string>();
  for (let i = 0; i < chars.length - 1; i += 1) result.add(`${chars[i]}${chars[i + 1]}`);
  return result;
}

/** Creates the fake; `extraPassages` adds passages (e.g. a document with a prompt injection). */
export function createFakeKnowledgeTools(
  options: { extraPassages?: Omit<Passage, 'n' | 'score'>[] } = {},
): FakeKnowledgeTools {
  const passages = [...PASSAGES, ...(options.extraPassages ?? [])];
  const calls: FakeKnowledgeTools['calls'] = [];
  const resolve = (metric: string) =>
    FIGURES.filter(
      (f) => f.id === metric || f.name === metric || f.nameEn === metric || metric.includes(f.name),
    );
  return {
    calls,
    findEntitlements(question, k = 3) {
      calls.push({ tool: 'findEntitlements', args: [question, k] });
      return [];
    },
    entitlementTopics: () => [],
    async searchKnowledge(query, k = 5) {
      calls.push({ tool: 'searchKnowledge', args: [query, k] });
      const q = bigrams(query);
      return passages
        .map((p) => ({ p, score: [...bigrams(p.quote)].filter((b) => q.has(b)).length }))
        .filter((x) => x.score > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, k)
        .map((x, i) => ({ ...x.p, n: i + 1, score: x.score }));
    },
    lookupFigure(metric, year) {
      calls.push({ tool: 'lookupFigure', args: [metric, year] });
      const values = resolve(metric).filter((f) => year === undefined || f.year === year);
      const first = values[0];
      return first ? { metricId: first.id, name: first.name, values } : undefined;
    },
    listFigures(category, year) {
      calls.push({ tool: 'listFigures', args: [category, year] });
      return FIGURES.filter((f) => (!category || f.category === category) && (!year || f.year === year));
    },
    compareWithTarget(metric, year): TargetComparison | undefined {
      calls.push({ tool: 'compareWithTarget', args: [metric, year] });
      return compareFigures(resolve(metric), year);
    },
    listSources() {
      calls.push({ tool: 'listSources', args: [] });
      return [{ doc: DOC, title: TITLE, kind: 'report', superseded: false, chunks: passages.length }];
    },
    passageContext(chunkId): PassageContext | undefined {
      const p = passages.find((x) => x.chunkId === chunkId);
      return p
        ? { chunkId, doc: p.doc, title: p.title, section: p.section, text: p.quote, quote: p.quote }
        : undefined;
    },
    statsSummary(): StatsSummary {
      return { year: 2022, headlines: [], keyFigures: FIGURES.filter((f) => f.year === 2022), targets: [] };
    },
  };
}
