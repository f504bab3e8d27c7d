import { withApproximation } from '../../src/assistant/tools/figure-records.js';
import type { Answer } from '../../src/assistant/answer.js';
import type {
  AskOptions,
  Assistant,
  FigureRecord,
  KnowledgeTools,
  PassageContext,
  SessionState,
  SourceSummary,
  StatsSummary,
  TargetComparison,
} from '../../src/assistant/ports.js';
import type {
  FeedbackEntry,
  KpiUpdate,
  QuestionLogEntry,
  Store,
  StoredFeedback,
  StoredKpiUpdate,
  UsageReport,
} from '../../src/storage/store.js';
import { compareFigures } from './target-comparison.js';

/**
 * Deterministic fakes for the HTTP channel's tests, built from the seed document
 * (knowledge/2022-work-summary.txt). They stand in until the real assistant and tools exist and
 * stay useful afterwards for tests that need exact, known data (e.g. hostile strings).
 */
const DOC = '2022-work-summary.txt';
const TITLE = '市退役军人事务局2022年度领导班子工作总结';

const figure = (
  id: string,
  name: string,
  nameEn: string,
  category: string,
  year: number,
  kind: FigureRecord['kind'],
  value: number | null,
  unit: string,
  quote: string,
): FigureRecord => ({
  id,
  name,
  nameEn,
  category,
  year,
  kind,
  value,
  unit,
  doc: DOC,
  quote,
  // As the real tools do: "20000余人" keeps its 余.
  ...withApproximation(value, quote),
});

export const FAKE_FIGURES: FigureRecord[] = [
  figure(
    'training-pass-rate',
    '培训合格率',
    'Training pass rate',
    '就业创业',
    2022,
    'actual',
    null,
    '%',
    '培训合格率达**％',
  ),
  figure(
    'training-pass-rate',
    '培训合格率',
    'Training pass rate',
    '就业创业',
    2023,
    'target',
    85,
    '%',
    '培训合格率达85％',
  ),
  figure(
    'post-training-employment-rate',
    '训后推荐就业率',
    'Post-training job placement rate',
    '就业创业',
    2022,
    'actual',
    null,
    '%',
    '训后推荐就业率达**％',
  ),
  figure(
    'post-training-employment-rate',
    '训后推荐就业率',
    'Post-training job placement rate',
    '就业创业',
    2023,
    'target',
    85,
    '%',
    '训后推荐就业率达85％',
  ),
  figure(
    'service-station-coverage',
    '示范型服务站覆盖率',
    'Model service station coverage',
    '服务保障',
    2022,
    'actual',
    100,
    '%',
    '覆盖率达100％',
  ),
  figure(
    'online-memorial-visits',
    '网上祭扫人数',
    'Online memorial visits',
    '褒扬纪念',
    2022,
    'actual',
    20000,
    '人',
    '网上祭扫达20000余人',
  ),
  figure(
    'martyr-tombs-moved',
    '集中迁移散葬烈士墓',
    'Scattered martyrs’ tombs relocated',
    '褒扬纪念',
    2022,
    'actual',
    1041,
    '座',
    '完成集中迁移散葬烈士墓1041座',
  ),
  figure(
    'placement-rate',
    '计划分配安置率',
    'Planned placement rate',
    '移交安置',
    2023,
    'target',
    100,
    '%',
    '确保计划分配安置率达100％',
  ),
];

const TARGET_METRICS = ['training-pass-rate', 'post-training-employment-rate', 'placement-rate'];

const compare = (metric: string, year: number): TargetComparison | undefined =>
  compareFigures(
    FAKE_FIGURES.filter((f) => f.id === metric),
    year,
  );

const SECTION = '一、工作开展情况 › （四）聚焦高效发展真抓实干';
const PASSAGE_TEXT =
  '3.褒扬纪念营造尊崇氛围。开展清明祭英烈活动，网上祭扫达20000余人，组织发动干部群众到实地为墓碑擦拭灰尘。完成集中迁移散葬烈士墓1041座。';

/** Fake read-only tools over FAKE_FIGURES; `extra` adds figures (e.g. hostile names) for one test. */
export function createFakeTools(extra: FigureRecord[] = []): KnowledgeTools {
  const all = [...FAKE_FIGURES, ...extra];
  const sources: SourceSummary[] = [
    { doc: DOC, title: TITLE, kind: 'report', superseded: false, chunks: 42 },
  ];
  return {
    searchKnowledge: async () => [],
    findEntitlements: () => [],
    entitlementTopics: () => [],
    lookupFigure(metric, year) {
      const values = all.filter(
        (f) => (f.id === metric || f.name === metric) && (year === undefined || f.year === year),
      );
      const first = values[0];
      return first ? { metricId: first.id, name: first.name, values } : undefined;
    },
    listFigures: (category, year) =>
      all.filter(
        (f) => (category === undefined || f.category === category) && (year === undefined || f.year === year),
      ),
    compareWithTarget: compare,
    listSources: () => sources,
    passageContext(chunkId): PassageContext | undefined {
      if (chunkId !== `${DOC}#7`) return undefined;
      return {
        chunkId,
        doc: DOC,
        title: TITLE,
        section: SECTION,
        text: PASSAGE_TEXT,
        quote: '网上祭扫达20000余人',
      };
    },
    statsSummary(): StatsSummary {
      return {
        year: 2022,
        headlines: [
          { text: '省考指标移交安置工作排位全省一档，双拥工作考核得分为满分。', doc: DOC },
          { text: '我局获得全部四项表彰，全省获得四项表彰的市州仅3个。', doc: DOC },
        ],
        keyFigures: all.filter((f) => f.year === 2022),
        targets: TARGET_METRICS.map((m) => compare(m, 2023)).filter(
          (c): c is TargetComparison => c !== undefined,
        ),
      };
    },
  };
}

/** Builds the canned answer: echoes the question (so hostile input shows up in the page) with one citation. */
export function fakeAnswer(question: string, options: AskOptions = {}): Answer {
  const en = options.language === 'en' || /^[\x20-\x7e]+$/.test(question);
  const found = /祭扫|memorial/i.test(question);
  return {
    question,
    answer: found
      ? en
        ? 'In 2022 online memorial visits exceeded 20000 people.'
        : '2022年，网上祭扫达20000余人。'
      : en
        ? `No answer was found for: ${question}`
        : `没有找到答案：${question}`,
    status: found ? 'answered' : 'not_found',
    language: en ? 'en' : 'zh',
    citations: found
      ? [{ doc: DOC, title: TITLE, section: SECTION, quote: '网上祭扫达20000余人', chunkId: `${DOC}#7` }]
      : [],
    figures: found
      ? [
          {
            id: 'online-memorial-visits',
            name: '网上祭扫人数',
            year: 2022,
            kind: 'actual',
            value: 20000,
            unit: '人',
            quote: '网上祭扫达20000余人',
          },
        ]
      : [],
    mode: 'offline',
    suggestions: found ? ['集中迁移散葬烈士墓多少座？'] : [],
  };
}

/** Fake assistant; with `streaming` it also offers askStream, yielding the answer in three pieces. */
export function createFakeAssistant(options: { streaming?: boolean } = {}): Assistant & { calls: string[] } {
  const calls: string[] = [];
  const assistant: Assistant & { calls: string[] } = {
    calls,
    async ask(question, askOptions) {
      calls.push(question);
      return fakeAnswer(question, askOptions);
    },
  };
  if (options.streaming) {
    assistant.askStream = (question, askOptions) => {
      calls.push(question);
      const answer = { ...fakeAnswer(question, askOptions), mode: 'llm' as const };
      const text = answer.answer;
      const third = Math.ceil(text.length / 3);
      async function* chunks(): AsyncIterable<string> {
        for (let i = 0; i < text.length; i += third) yield text.slice(i, i + third);
      }
      return { chunks: chunks(), answer: Promise.resolve(answer) };
    };
  }
  return assistant;
}

/** In-memory Store with the same observable behaviour the HTTP channel relies on. */
export function createMemoryStore(): Store & {
  questions: QuestionLogEntry[];
  feedback: StoredFeedback[];
} {
  const sessions = new Map<string, SessionState>();
  const questions: QuestionLogEntry[] = [];
  const feedback: StoredFeedback[] = [];
  const updates: StoredKpiUpdate[] = [];
  const now = () => new Date().toISOString();
  return {
    questions,
    feedback,
    backend: 'sqlite',
    getSession: async (id) => sessions.get(id),
    saveSession: async (id, state) => void sessions.set(id, state),
    logQuestion: async (entry) => questions.push(entry),
    recordFeedback: async (entry: FeedbackEntry) =>
      feedback.push({ ...entry, id: feedback.length + 1, at: now() }),
    latestNegativeFeedback: async (limit) => feedback.filter((f) => f.rating === 'down').slice(-limit),
    usage: async (): Promise<UsageReport> => ({ perDay: [], topTopics: [], unanswered: [] }),
    async recordKpiUpdate(update: KpiUpdate) {
      const stored = { ...update, id: updates.length + 1, at: now() };
      updates.push(stored);
      return stored;
    },
    kpiUpdates: async (kpiId) => updates.filter((u) => kpiId === undefined || u.kpiId === kpiId),
    prune: async () => ({ sessions: 0, questions: 0, feedback: 0 }),
    health: async () => ({ backend: 'sqlite', writable: true, failures: {} }),
    close: async () => undefined,
  };
}
