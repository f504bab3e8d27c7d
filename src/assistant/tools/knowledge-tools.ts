import type { DocKind, Kpi, KnowledgeBase } from '../../knowledge/types.js';
import type { SearchIndex } from '../../retrieval/search-index.js';
import type { StoredKpiUpdate } from '../../storage/store.js';
import type { KnowledgeTools, Passage, PassageContext, SourceSummary, TargetComparison } from '../ports.js';
import { glossaryMatches } from '../understand/expand.js';
import { normaliseForMatch } from '../../knowledge/normalise.js';
import type { SearchHit } from '../../retrieval/search-index.js';
import { findMetric } from '../understand/metric.js';
import { applyKpiUpdates } from './kpi-overlay.js';
import { compareKpiWithTarget, latestTargetYear, toFigureRecord } from './figure-records.js';
import { buildStatsSummary } from './stats-summary.js';
import { createEntitlementTools, type EntitlementTools } from './entitlements.js';

export interface KnowledgeToolsDeps {
  kb: KnowledgeBase;
  index: SearchIndex;
  /** Staff updates to overlay on the curated indicators (the store's history), read per call. */
  kpiUpdates?: () => StoredKpiUpdate[];
}

export interface KnowledgeToolsImpl extends KnowledgeTools, EntitlementTools {
  /** The indicators with staff updates applied. */
  currentKpis(): Kpi[];
  /** Resolves a metric by id first, then by name or alias. */
  resolveMetric(metric: string): Kpi | undefined;
}

/** Read-only typed tools over one loaded knowledge base and its search index. */
export function createKnowledgeTools(deps: KnowledgeToolsDeps): KnowledgeToolsImpl {
  const { kb, index } = deps;
  const docsById = new Map(kb.documents.map((d) => [d.id, d]));
  const chunksById = new Map(kb.chunks.map((c) => [c.id, c]));
  const sectionsById = new Map(kb.sections.map((s) => [s.id, s]));
  const superseded = kb.documents.filter((d) => d.supersededBy).map((d) => d.id);

  const currentKpis = (): Kpi[] => applyKpiUpdates(kb.kpis, deps.kpiUpdates?.() ?? []);
  const resolveMetric = (metric: string, kpis = currentKpis()): Kpi | undefined =>
    kpis.find((k) => k.id === metric) ?? findMetric(metric, kpis)?.kpi;

  async function searchKnowledge(
    query: string,
    k = 5,
    options: { kind?: DocKind; kinds?: DocKind[] } = {},
  ): Promise<Passage[]> {
    const kinds = options.kind ? [options.kind] : options.kinds;
    const matches = glossaryMatches(query, kb.glossary);
    const search = (text: string) =>
      index.search(text, {
        k,
        boostTerms: [...new Set(matches.map((m) => m.term))],
        excludeDocs: superseded,
        ...(kinds ? { kinds } : {}),
      });
    // The documents use official words; "伤残退伍的找工作" is also searched as "…残疾…就业", and the
    // two rankings are interleaved so neither phrasing loses what it finds best.
    const official = [
      ...new Set(matches.filter((m) => m.variant !== normaliseForMatch(m.term)).map((m) => m.term)),
    ];
    const hits =
      official.length === 0
        ? await search(query)
        : interleave(await search(query), await search(`${query} ${official.join(' ')}`), k);
    return hits.map((hit, i) => {
      const doc = docsById.get(hit.chunk.docId);
      return {
        n: i + 1,
        chunkId: hit.chunk.id,
        doc: hit.chunk.docId,
        title: doc?.title ?? hit.chunk.docId,
        kind: doc?.kind ?? 'other',
        section: hit.chunk.sectionPath.join(' › '),
        quote: hit.chunk.text,
        score: hit.score,
      };
    });
  }

  function compareWithTarget(metric: string, year: number): TargetComparison | undefined {
    const kpi = resolveMetric(metric);
    return kpi ? compareKpiWithTarget(kpi, year) : undefined;
  }

  function allTargets(kpis: Kpi[]): TargetComparison[] {
    const year = latestTargetYear(kpis);
    if (year === undefined) return [];
    return kpis
      .filter((k) => k.values.some((v) => v.kind === 'target' && v.year === year))
      .map((k) => compareKpiWithTarget(k, year));
  }

  return {
    ...createEntitlementTools(kb),
    currentKpis,
    resolveMetric: (metric) => resolveMetric(metric),
    searchKnowledge,
    lookupFigure(metric, year) {
      const kpi = resolveMetric(metric);
      if (!kpi) return undefined;
      const values = kpi.values
        .filter((v) => year === undefined || v.year === year)
        .map((v) => toFigureRecord(kpi, v));
      return { metricId: kpi.id, name: kpi.nameZh, values };
    },
    listFigures(category, year) {
      return currentKpis()
        .filter((k) => !category || k.category === category || k.id === category)
        .flatMap((k) =>
          k.values.filter((v) => year === undefined || v.year === year).map((v) => toFigureRecord(k, v)),
        );
    },
    compareWithTarget,
    listSources(): SourceSummary[] {
      return kb.documents.map((d) => ({
        doc: d.id,
        title: d.title,
        kind: d.kind,
        ...(d.issuer ? { issuer: d.issuer } : {}),
        ...(d.effectiveDate ? { effectiveDate: d.effectiveDate } : {}),
        ...(d.sourceRef ? { sourceRef: d.sourceRef } : {}),
        superseded: Boolean(d.supersededBy),
        chunks: kb.chunks.filter((c) => c.docId === d.id).length,
      }));
    },
    passageContext(chunkId): PassageContext | undefined {
      const chunk = chunksById.get(chunkId);
      const section = chunk && sectionsById.get(chunk.sectionId);
      if (!chunk || !section) return undefined;
      return {
        chunkId,
        doc: chunk.docId,
        title: docsById.get(chunk.docId)?.title ?? chunk.docId,
        section: chunk.sectionPath.join(' › '),
        text: section.text,
        quote: chunk.text,
      };
    },
    statsSummary() {
      const kpis = currentKpis();
      const actuals = kpis.flatMap((k) =>
        k.values.filter((v) => v.kind === 'actual').map((v) => toFigureRecord(k, v)),
      );
      return buildStatsSummary(kb, actuals, allTargets(kpis));
    },
  };
}

/** Alternates two rankings (first, second, first, …), dropping repeats, up to k hits. */
function interleave(a: SearchHit[], b: SearchHit[], k: number): SearchHit[] {
  const seen = new Set<string>();
  const out: SearchHit[] = [];
  for (let i = 0; out.length < k && (i < a.length || i < b.length); i++) {
    for (const hit of [a[i], b[i]]) {
      if (hit && !seen.has(hit.chunk.id) && out.length < k) {
        seen.add(hit.chunk.id);
        out.push(hit);
      }
    }
  }
  return out;
}
