import type { Logger } from '../logger.js';
import { systemDate } from '../clock.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { AnswerSchema, type Answer, type Language } from './answer.js';
import { createCiteQuote } from './compose/cite.js';
import { draft, type Draft } from './compose/draft.js';
import { t } from './compose/messages.js';
import { composeOffline, type ComposeContext } from './compose/route.js';
import { checkGrounding } from './grounding.js';
import type { Assistant, AskOptions, SessionState, SessionStore } from './ports.js';
import type { KnowledgeToolsImpl } from './tools/knowledge-tools.js';
import { latestActualYear, latestTargetYear } from './tools/figure-records.js';
import { spokenNumbersAsDigits } from './understand/spoken-numbers.js';
import { dialectAsMandarin } from './understand/dialect.js';
import { sanitizeQuestion } from './understand/sanitize.js';
import { understand, type Understanding } from './understand/understand.js';
import { asksForATotal, figureParts } from './understand/parts.js';
import { withTotal } from './compose/figures-total.js';
import { uniqueCitations } from './compose/cite.js';
import { createMemorySessionStore } from './memory-session-store.js';
import { activeSession, appendTurn, DEFAULT_SESSION_IDLE_MS } from './session-turns.js';
import { withNextQuestions } from './compose/next-questions.js';
import { createTermWeight } from './compose/relevance.js';
import { normaliseForMatch } from '../knowledge/normalise.js';
import { showMaskedNames } from '../knowledge/masked-names.js';
import type { CardIndex } from '../retrieval/card-index.js';
import { asksOnlyAnAspect } from './benefits/aspects.js';
import type { MatchParams } from './benefits/calibration.js';
import { namesSomething } from './benefits/named-words.js';
import {
  buildHomophoneTable,
  homophoneIndexFrom,
  wordsOf,
  type HomophoneIndex,
} from './understand/homophones.js';
import { computeAlways, type DerivedCache } from './derived-cache.js';

export interface AssistantDeps {
  kb: KnowledgeBase;
  tools: KnowledgeToolsImpl;
  sessions?: SessionStore;
  logger?: Logger;
  /** The time (injected so expiry is tested without waiting). */
  clock?: () => Date;
  /** A conversation quiet for longer than this starts afresh (default 30 minutes). */
  sessionIdleMs?: number;
  /** Card-matching settings; the calibrated defaults unless a calibration run tries others. */
  matchParams?: MatchParams;
  /** Where the typo table is kept between runs (computed on the first question without one). */
  cache?: DerivedCache;
}

/** A message names an entitlement of its own when a card matches it at least this well. */
const OWN_ENTITLEMENT_CONFIDENCE = 0.5;

export interface OfflineAssistant extends Assistant {
  /** The numbers-to-sources check used for an Answer (also used by the eval). */
  groundingSources(answer: Answer, derived?: string[]): string[];
}

/**
 * The offline assistant: (question, session) → Answer from retrieval and typed figures, with no
 * network. Every answer passes the grounding check before it leaves.
 */
export function createAssistant(deps: AssistantDeps): OfflineAssistant {
  const { kb, tools } = deps;
  const sessions = deps.sessions ?? createMemorySessionStore();
  const cards = (): CardIndex => tools.cardIndex();
  let corpusText: string | undefined;
  const ctx: ComposeContext = {
    kb,
    tools,
    cite: createCiteQuote(kb),
    knownYears: knownYears(kb),
    termWeight: createTermWeight(kb.chunks.map((c) => `${c.text} ${c.sectionPath.join(' ')}`)),
    // Read by questions that name a place only: built on first use, not at every start.
    get corpusText() {
      corpusText ??= normaliseForMatch(kb.documents.map((d) => d.text).join('\n'));
      return corpusText;
    },
    benefits: {
      cards,
      articleCitation: tools.articleCitation,
      ...(deps.matchParams ? { params: deps.matchParams } : {}),
    },
  };
  // Built on the first question: a start that answers nothing should not pay for it.
  let homophones: HomophoneIndex | undefined;
  const correctTypos = (text: string): string => {
    homophones ??= homophoneIndexFrom(
      (deps.cache ?? computeAlways).remember('typo-table', () =>
        buildHomophoneTable(typoVocabulary(kb, cards().words)),
      ),
    );
    return homophones.apply(text, homophones.correct(text));
  };

  const now = deps.clock ?? systemDate;
  const idleMs = deps.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS;
  /** A session quiet for longer than the idle time is over: its turns no longer shape the answer. */
  const activeState = (state: SessionState | undefined) => activeSession(state, now(), idleMs);

  const understandWith = (text: string, state: SessionState | undefined, options: AskOptions) => {
    const kpis = tools.currentKpis();
    return understand(text, {
      kpis,
      glossary: kb.glossary,
      years: { latestActualYear: latestActualYear(kpis) ?? 2022, targetYear: latestTargetYear(kpis) ?? 2023 },
      previous: state?.turns[state.turns.length - 1],
      previousLanguage: state?.language,
      forcedLanguage: options.language,
      namesEntitlement: (q) =>
        namesSomething(q) &&
        !asksOnlyAnAspect(q) &&
        (tools.findEntitlements(q, 1)[0]?.confidence ?? 0) >= OWN_ENTITLEMENT_CONFIDENCE,
    });
  };

  /**
   * "网上祭扫和实地擦碑各多少人": a question for two figures is answered part by part, each with its
   * own figure or its own "not found"; the whole question answers when no part does.
   */
  async function composeParts(
    u: Understanding,
    text: string,
    read: (q: string) => Understanding,
    state: SessionState | undefined,
  ): Promise<Draft> {
    const parts = u.isFollowUp ? [text] : figureParts(text);
    const whole = composeOffline(u, ctx, state?.turns.at(-1));
    if (parts.length < 2) return whole;
    // The whole question already answered with several targets ("培训和就业这几个指标分别定了多少").
    const wholeDraft = await whole;
    if (wholeDraft.figures.filter((f) => f.kind === 'target').length >= 2) return wholeDraft;
    const drafts = await Promise.all(parts.map((p) => composeOffline(read(p), ctx)));
    if (!drafts.some((d) => d.status === 'answered' || d.status === 'undisclosed')) return whole;
    const merged = mergeDrafts(drafts);
    return asksForATotal(text) ? withTotal(wholeDraft, merged, drafts, u.language) : merged;
  }

  async function ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const sanitized = sanitizeQuestion(question);
    const state = options.session ? activeState(sessions.get(options.session)) : undefined;
    if (sanitized.kind === 'empty') {
      const language = options.language ?? state?.language ?? 'zh';
      return finish('', language, draft('out_of_scope', t('empty', language)));
    }
    // Dialect words (叫么子) and numbers in characters (一千零四十一座) are read as the documents
    // write them; an answer may echo the reading.
    const text = spokenNumbersAsDigits(correctTypos(dialectAsMandarin(sanitized.text)));
    const read = (q: string) => understandWith(q, state, options);
    const u = read(text);
    // Every figure answer offers what to ask next (other years, the category's other figures).
    const composed = withNextQuestions(
      await composeParts(u, text, read, state),
      tools.currentKpis(),
      u.language,
    );
    const answer = finish(
      sanitized.text,
      u.language,
      { ...composed, derived: [...composed.derived, text] },
      sanitized.truncated ? t('truncated', u.language) : undefined,
    );
    if (options.session)
      remember(options.session, u.language, {
        question: sanitized.text,
        resolvedQuestion: u.resolvedText,
        answer: answer.answer,
        composed,
      });
    deps.logger?.debug(
      { status: answer.status, intent: u.intent, metric: u.kpi?.id, followUp: u.isFollowUp },
      'answered',
    );
    return answer;
  }

  function finish(question: string, language: Language, d: Draft, notice?: string): Answer {
    const answer: Answer = {
      question,
      answer: showMaskedNames(d.answer),
      status: d.status,
      language,
      citations: d.citations,
      figures: d.figures,
      mode: 'offline',
      ...(notice ? { notice } : {}),
    };
    const next = otherQuestions(d.suggestions ?? [], question);
    if (next.length > 0) answer.suggestions = next;
    const grounding = checkGrounding(answer.answer, groundingSources(answer, d.derived));
    if (grounding.ok) return AnswerSchema.parse(answer);
    // A composer bug, never expected: quote the sources instead of printing an unverified number.
    deps.logger?.error(
      { violations: grounding.violations, question },
      'offline answer failed the grounding check',
    );
    const quotes = answer.citations.map((c) => `“${c.quote}”`).join('\n');
    return AnswerSchema.parse({ ...answer, answer: quotes || t('notFound', language) });
  }

  function groundingSources(answer: Answer, derived: string[] = []): string[] {
    return [
      ...answer.citations.flatMap((c) => [c.quote, c.title, c.section]),
      ...answer.figures.map((f) => `${f.year} ${f.value ?? ''} ${f.quote}`),
      ...derived,
      answer.question,
    ];
  }

  function remember(
    session: string,
    language: Language,
    turn: { question: string; resolvedQuestion: string; answer: string; composed: Draft },
  ) {
    appendTurn(
      sessions,
      session,
      {
        question: turn.question,
        resolvedQuestion: turn.resolvedQuestion,
        answer: turn.answer,
        ...(turn.composed.metricId ? { metricId: turn.composed.metricId } : {}),
        ...(turn.composed.year !== undefined ? { year: turn.composed.year } : {}),
        ...(turn.composed.topic ? { topic: turn.composed.topic } : {}),
        ...(turn.composed.cardIds ? { cardIds: turn.composed.cardIds } : {}),
      },
      { now: now(), idleMs, language },
    );
  }

  return { ask, groundingSources };
}

/** The words a typo may stand for: the cards', the reports', and the glossary's and indicators' terms. */
function typoVocabulary(kb: KnowledgeBase, cardWords: Iterable<string>): string[] {
  return [
    ...cardWords,
    ...reportWords(kb),
    // Terms the dictionary does not know as words (报到, 优待证) count whole.
    ...kb.glossary.flatMap((g) => [g.term, ...g.colloquial]),
    ...kb.cards.flatMap((c) => [c.title, ...c.keywords]),
    ...kb.kpis.flatMap((k) => [k.nameZh, ...k.aliases]),
  ];
}

const asWritten = (q: string) => q.replace(/[\s？?。！!]+/g, '');

/** Next questions other than the one just asked (a card list may name the asked card's own question). */
function otherQuestions(suggestions: string[], asked: string): string[] {
  return suggestions.filter((s) => asWritten(s) !== asWritten(asked));
}

/** Words of the reports (not laws, which the cards restate): typos of report terms (慰问今) too. */
function reportWords(kb: KnowledgeBase): string[] {
  const reports = kb.documents.filter((d) => d.kind === 'report');
  // A bulk upload would make the first answer slow; the cards' and glossary's words still count.
  const total = reports.reduce((n, d) => n + d.text.length, 0);
  return total > MAX_REPORT_CHARS_FOR_TYPOS ? [] : reports.flatMap((d) => wordsOf(d.text));
}

const MAX_REPORT_CHARS_FOR_TYPOS = 200_000;

/** Part answers one after another, with all their sources; answered when any part is. */
function mergeDrafts(drafts: readonly Draft[]): Draft {
  const statuses = drafts.map((d) => d.status);
  const status = statuses.includes('answered')
    ? 'answered'
    : statuses.includes('undisclosed')
      ? 'undisclosed'
      : 'not_found';
  const first = drafts.find((d) => d.status === status) ?? drafts[0];
  return {
    ...draft(status, drafts.map((d) => d.answer).join('\n'), {
      citations: uniqueCitations(drafts.flatMap((d) => d.citations)),
      figures: drafts.flatMap((d) => d.figures),
      derived: drafts.flatMap((d) => d.derived),
    }),
    ...(first?.metricId ? { metricId: first.metricId } : {}),
    ...(first?.year !== undefined ? { year: first.year } : {}),
  };
}

function knownYears(kb: KnowledgeBase): Set<number> {
  const years = new Set<number>();
  for (const d of kb.documents) if (d.year) years.add(d.year);
  for (const k of kb.kpis) for (const v of k.values) years.add(v.year);
  for (const f of kb.figures) if (f.year) years.add(f.year);
  return years;
}
