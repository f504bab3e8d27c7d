import type { Answer, Language } from '../../src/assistant/answer.js';
import type {
  AskOptions,
  Assistant,
  FigureRecord,
  KnowledgeTools,
  PassageContext,
  SourceSummary,
  TargetComparison,
} from '../../src/assistant/ports.js';
import type { StoredKpiUpdate } from '../../src/storage/store.js';

/**
 * Deterministic fakes of the Assistant and KnowledgeTools for channel tests. The tools overlay the
 * store's KPI updates on the curated values (as the real service does), so /setkpi is visible in
 * /figures; the assistant answers by keyword so each test knows exactly what to expect.
 */

const DOC = '2022-work-summary.txt';
const TITLE = '2022年工作总结';

export const CURATED: FigureRecord[] = [
  fig(
    'jobs',
    '退役军人就业人数',
    'veterans employed',
    '就业创业',
    2021,
    'actual',
    1100,
    '人',
    '2021年实现就业1100人',
  ),
  fig(
    'jobs',
    '退役军人就业人数',
    'veterans employed',
    '就业创业',
    2022,
    'actual',
    1234,
    '人',
    '全年实现就业1234人',
  ),
  fig(
    'jobs',
    '退役军人就业人数',
    'veterans employed',
    '就业创业',
    2023,
    'target',
    1500,
    '人',
    '2023年力争实现就业1500人',
  ),
  fig(
    'pass-rate',
    '培训合格率',
    'training pass rate',
    '就业创业',
    2022,
    'actual',
    null,
    '%',
    '培训合格率达**%',
  ),
  fig(
    'pass-rate',
    '培训合格率',
    'training pass rate',
    '就业创业',
    2023,
    'target',
    95,
    '%',
    '培训合格率达到95%',
  ),
  fig('tombs', '烈士墓修缮', 'martyr tombs repaired', '褒扬纪念', 2022, 'actual', 36, '座', '修缮烈士墓36座'),
];

const ALIASES: Record<string, string> = {
  就业人数: 'jobs',
  就业: 'jobs',
  employment: 'jobs',
  合格率: 'pass-rate',
  培训合格率: 'pass-rate',
  烈士墓: 'tombs',
};

function fig(
  id: string,
  name: string,
  nameEn: string,
  category: string,
  year: number,
  kind: 'actual' | 'target',
  value: number | null,
  unit: string,
  quote: string,
): FigureRecord {
  return { id, name, nameEn, category, year, kind, value, unit, doc: DOC, quote };
}

/** `kpiUpdates` is the staff updates as the service's KPI mirror shows them (kpi-mirror.ts). */
export function createFakeTools(kpiUpdates: () => StoredKpiUpdate[] = () => []): KnowledgeTools {
  const all = (): FigureRecord[] => {
    const updates = kpiUpdates().flatMap((u): FigureRecord[] => {
      const base = CURATED.find((c) => c.id === u.kpiId);
      if (!base) return [];
      return [
        {
          ...base,
          year: u.year,
          kind: u.kind,
          value: u.value,
          quote: '',
          updatedBy: u.by,
          updatedAt: u.at,
          ...(u.note !== undefined && { note: u.note }),
        },
      ];
    });
    return [...CURATED, ...updates];
  };
  const resolve = (metric: string) =>
    CURATED.find((c) => c.id === metric || c.name === metric || c.nameEn === metric)?.id ?? ALIASES[metric];
  const context: PassageContext = {
    chunkId: `${DOC}#3`,
    doc: DOC,
    title: TITLE,
    section: '一、工作开展情况',
    text: '全年实现就业1234人，培训合格率达**%。这一段是完整的原文段落。',
    quote: '全年实现就业1234人',
  };
  return {
    searchKnowledge: async () => [],
    findEntitlements: () => [],
    entitlementTopics: () => [],
    lookupFigure(metric, year) {
      const id = resolve(metric);
      const values = all().filter((f) => f.id === id && (year === undefined || f.year === year));
      const first = values[0];
      return id && first ? { metricId: id, name: first.name, values } : undefined;
    },
    listFigures: (category, year) =>
      all().filter(
        (f) => (category === undefined || f.category === category) && (year === undefined || f.year === year),
      ),
    compareWithTarget(metric, year): TargetComparison | undefined {
      const id = resolve(metric);
      const values = all().filter((f) => f.id === id);
      const target = values.filter((f) => f.kind === 'target' && f.year === year).at(-1);
      const latestActual = values
        .filter((f) => f.kind === 'actual' && f.year <= year)
        .sort((a, b) => a.year - b.year)
        .at(-1);
      if (!id || !target) return undefined;
      const both = target.value !== null && latestActual?.value != null;
      return {
        metricId: id,
        name: target.name,
        year,
        unit: target.unit,
        target,
        latestActual,
        progressPercent: both
          ? Math.round(((latestActual!.value as number) / (target.value as number)) * 1000) / 10
          : undefined,
        gap: both ? (latestActual!.value as number) - (target.value as number) : undefined,
      };
    },
    listSources: (): SourceSummary[] => [
      { doc: DOC, title: TITLE, kind: 'report', superseded: false, chunks: 42 },
      {
        doc: 'policies/law.md',
        title: '退役军人保障法 <摘要>',
        kind: 'policy',
        issuer: '全国人大常委会',
        superseded: false,
        chunks: 9,
      },
    ],
    passageContext: (chunkId) => (chunkId === context.chunkId ? context : undefined),
    statsSummary: () => ({
      year: 2022,
      headlines: [{ text: '荣获全国双拥模范城称号', doc: DOC }],
      keyFigures: all().filter((f) => f.year === 2022 && f.kind === 'actual'),
      targets: [],
    }),
  };
}

export interface FakeAssistant extends Assistant {
  readonly calls: { question: string; options: AskOptions | undefined }[];
}

const isChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Keyword rules: 慢/slow waits for `hold` when given, else `slowMs`; 崩溃/crash throws; 合格率/pass rate → undisclosed;
 * 就业/employ → the latest jobs figure (store updates included); 天气/weather → out of scope;
 * 长文/long → a ~9000-character answer; anything else is echoed (for escaping and load tests).
 */
export function createFakeAssistant(
  tools: KnowledgeTools,
  options: { slowMs?: number; hold?: Promise<void> } = {},
): FakeAssistant {
  const calls: FakeAssistant['calls'] = [];
  return {
    calls,
    async ask(question, askOptions) {
      calls.push({ question, options: askOptions });
      const language: Language = askOptions?.language ?? (isChinese(question) ? 'zh' : 'en');
      const base = { question, language, mode: 'offline' as const, figures: [], citations: [] };
      if (/崩溃|crash/i.test(question)) throw new Error('fake assistant crashed on purpose');
      if (/慢|slow/i.test(question)) await (options.hold ?? sleep(options.slowMs ?? 1500));
      if (/合格率|pass rate/i.test(question)) return undisclosed(base);
      if (/就业|employ/i.test(question)) return jobs(tools, base);
      if (/天气|weather/i.test(question)) {
        const answer =
          language === 'en'
            ? 'I can only answer questions about veterans affairs.'
            : '抱歉，这个问题不在退役军人事务范围内。';
        return { ...base, status: 'out_of_scope', answer };
      }
      if (/长文|long/i.test(question)) return { ...base, status: 'answered', answer: longText() };
      return {
        ...base,
        status: 'answered',
        answer: `回答：${question}`,
        citations: [
          {
            doc: DOC,
            title: `${TITLE} <b>&`,
            section: '一、概况',
            quote: `引用 <i>${question}</i>`,
            chunkId: `${DOC}#3`,
          },
        ],
      };
    },
  };
}

type Base = Pick<Answer, 'question' | 'language' | 'mode' | 'figures' | 'citations'>;

function undisclosed(base: Base): Answer {
  const en = base.language === 'en';
  return {
    ...base,
    status: 'undisclosed',
    answer: en
      ? 'The 2022 training pass rate is not disclosed (未公开) in the report.'
      : '2022年培训合格率在公开文件中未公开（原文为“**%”）。',
    citations: [
      { doc: DOC, title: TITLE, section: '一、工作开展情况', quote: '培训合格率达**%', chunkId: `${DOC}#3` },
    ],
    figures: [
      {
        id: 'pass-rate',
        name: '培训合格率',
        year: 2022,
        kind: 'actual',
        value: null,
        unit: '%',
        quote: '培训合格率达**%',
      },
    ],
  };
}

function jobs(tools: KnowledgeTools, base: Base): Answer {
  const values = tools.lookupFigure('jobs')?.values.filter((v) => v.kind === 'actual') ?? [];
  const latest = values
    .sort((a, b) => a.year - b.year || (a.updatedAt ?? '').localeCompare(b.updatedAt ?? ''))
    .at(-1);
  const value = latest?.value ?? null;
  const en = base.language === 'en';
  return {
    ...base,
    status: 'answered',
    answer: en
      ? `In ${latest?.year}, ${value} veterans found jobs.`
      : `${latest?.year}年退役军人实现就业${value}人。`,
    citations: [
      {
        doc: DOC,
        title: TITLE,
        section: '一、工作开展情况',
        quote: '全年实现就业1234人',
        chunkId: `${DOC}#3`,
      },
    ],
    figures: latest
      ? [
          {
            id: 'jobs',
            name: latest.name,
            year: latest.year,
            kind: 'actual',
            value,
            unit: '人',
            quote: latest.quote,
          },
        ]
      : [],
    suggestions: en
      ? ['What about 2021?']
      : ['那2021年呢？', '2023年的就业目标是多少？这是一个很长的后续问题，用来测试按钮数据的长度限制'],
  };
}

function longText(): string {
  const paragraph = '这是一个很长的回答段落，用来测试消息拆分。句子一。句子二！句子三？'.repeat(5);
  return Array.from({ length: 60 }, (_, i) => `第${i + 1}段：${paragraph}`).join('\n\n');
}
