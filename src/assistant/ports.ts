import type { Answer, Language } from './answer.js';
import type { DocKind, EntitlementCard, FigureKind } from '../knowledge/types.js';
import type { Approximation } from '../knowledge/approximation.js';
import type { Citation } from './answer.js';

/** Who is asking; selects the answer style in LLM mode (veterans: plain and warm; staff: exact; leaders: bullets). */
export type Audience = 'veteran' | 'staff' | 'leader';

export interface AskOptions {
  /** Session id for follow-ups ("那2022年呢？"). Omit for a one-off question. */
  session?: string;
  /** Force the answer language; detected from the question when omitted. */
  language?: Language;
  audience?: Audience;
  signal?: AbortSignal;
}

/** The one function every channel calls: (question, session) → Answer. */
export interface Assistant {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /**
   * Streams the answer text as it is written (LLM mode), then resolves `answer` with the final,
   * grounded Answer. Offline mode yields the whole text once.
   */
  askStream?(
    question: string,
    options?: AskOptions,
  ): { chunks: AsyncIterable<string>; answer: Promise<Answer> };
}

/** A passage returned by search; `n` is the number the LLM cites as [n]. */
export interface Passage {
  n: number;
  chunkId: string;
  doc: string;
  title: string;
  kind: DocKind;
  section: string;
  quote: string;
  score: number;
}

/** One value of an indicator as the tools report it. */
export interface FigureRecord {
  id: string;
  name: string;
  nameEn: string;
  category: string;
  year: number;
  kind: FigureKind;
  value: number | null;
  unit: string;
  doc: string;
  quote: string;
  note?: string;
  /** 余/多 after the value in its quote ("20000余人"): the value is a lower bound. */
  approx?: Approximation;
  updatedBy?: string;
  updatedAt?: string;
}

export interface TargetComparison {
  metricId: string;
  name: string;
  year: number;
  unit: string;
  target: FigureRecord | undefined;
  /** The latest actual at or before `year`. */
  latestActual: FigureRecord | undefined;
  /** actual / target × 100, rounded to one decimal; undefined when either is unknown or masked. */
  progressPercent: number | undefined;
  /** actual − target, in the indicator's unit; undefined when either is unknown or masked. */
  gap: number | undefined;
}

export interface SourceSummary {
  doc: string;
  title: string;
  kind: DocKind;
  issuer?: string;
  effectiveDate?: string;
  sourceRef?: string;
  superseded: boolean;
  chunks: number;
}

/**
 * Read-only typed tools over the knowledge base. The offline composer and the LLM agent use the
 * same tools, so both answer from the same facts. Arithmetic is done here, never by a model.
 */
export interface KnowledgeTools {
  /** Passages for a query; `kind` or `kinds` limit the document kinds searched. */
  searchKnowledge(
    query: string,
    k?: number,
    options?: { kind?: DocKind; kinds?: DocKind[] },
  ): Promise<Passage[]>;
  /** Resolves a metric by id, Chinese/English name or alias. */
  lookupFigure(
    metric: string,
    year?: number,
  ): { metricId: string; name: string; values: FigureRecord[] } | undefined;
  listFigures(category?: string, year?: number): FigureRecord[];
  compareWithTarget(metric: string, year: number): TargetComparison | undefined;
  listSources(): SourceSummary[];
  /** The whole paragraph/section around a cited chunk ("原文" button, click on a source). */
  passageContext(chunkId: string): PassageContext | undefined;
  /** The leaders' one-screen summary: headline honours, key figures, targets vs actuals. */
  statsSummary(): StatsSummary;
  /** The entitlement cards that fit a veteran's question, best first. */
  findEntitlements(question: string, k?: number): EntitlementMatch[];
  /** Benefits topics with their cards, in menu order. */
  entitlementTopics(): EntitlementTopic[];
}

/** An entitlement card that fits a question, with the law articles it rests on. */
export interface EntitlementMatch {
  card: EntitlementCard;
  /** 0..1, calibrated: below MATCH_PARAMS.minConfidence the card is not taken as the answer. */
  confidence: number;
  /** The cited articles, whole and verbatim. */
  citations: Citation[];
}

/** A benefits topic (安置与退役金, 看病医疗 …) and its cards, for menus. */
export interface EntitlementTopic {
  id: string;
  zh: string;
  en: string;
  cards: { id: string; title: string; titleEn: string; question: string }[];
}

export interface PassageContext {
  chunkId: string;
  doc: string;
  title: string;
  section: string;
  /** The verbatim text of the enclosing section. */
  text: string;
  /** The cited chunk's text (a substring of `text`). */
  quote: string;
}

export interface StatsSummary {
  /** The latest year with actuals. */
  year: number;
  /** Headline honours/achievements, each a verbatim quote from the report. */
  headlines: { text: string; doc: string }[];
  /** Key disclosed and undisclosed figures of that year. */
  keyFigures: FigureRecord[];
  /** Next year's targets next to the latest actuals. */
  targets: TargetComparison[];
}

/** One turn of a conversation, kept for follow-ups. */
export interface SessionTurn {
  question: string;
  /** The standalone form of the question after follow-up resolution. */
  resolvedQuestion: string;
  answer: string;
  metricId?: string;
  year?: number;
  topic?: string;
  /** Entitlement cards the answer was built from. */
  cardIds?: string[];
  at: string;
}

export interface SessionState {
  turns: SessionTurn[];
  language?: Language;
}

/** Where sessions live: in memory by default, SQLite in the service. */
export interface SessionStore {
  get(id: string): SessionState | undefined;
  set(id: string, state: SessionState): void;
}
