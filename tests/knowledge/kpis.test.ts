import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKpiQuotes, parseKpiFile } from '../../src/knowledge/kpi-schema.js';
import { loadDocument } from '../../src/adapters/knowledge/loaders/index.js';
import { findNumbers } from '../../src/knowledge/numbers.js';
import { KnowledgeError } from '../../src/errors.js';
import { toKnowledgeError } from '../../src/knowledge/yaml-data.js';
import type { Kpi, SourceDocument } from '../../src/knowledge/types.js';

const KNOWLEDGE = join(import.meta.dirname, '../../knowledge');

async function loadCurated(): Promise<{ kpis: Kpi[]; docs: Map<string, SourceDocument> }> {
  const parsed = parseKpiFile(await readFile(join(KNOWLEDGE, 'kpis.yaml'), 'utf8'), 'kpis.yaml');
  if (!parsed.success) throw toKnowledgeError(parsed.error);
  const docs = new Map<string, SourceDocument>();
  for (const id of new Set(parsed.value.flatMap((k) => k.values.map((v) => v.doc)))) {
    const loaded = await loadDocument({ path: id, bytes: await readFile(join(KNOWLEDGE, id)) });
    if (loaded.document) docs.set(id, loaded.document);
  }
  return { kpis: parsed.value, docs };
}

describe('knowledge/kpis.yaml', () => {
  it('is valid, has 30–45 indicators with unique ids, camelCase names', async () => {
    const { kpis } = await loadCurated();
    expect(kpis.length).toBeGreaterThanOrEqual(30);
    expect(kpis.length).toBeLessThanOrEqual(45);
    expect(new Set(kpis.map((k) => k.id)).size).toBe(kpis.length);
    for (const kpi of kpis) {
      expect(kpi.nameZh).toMatch(/\p{Script=Han}/u);
      expect(kpi.nameEn).toMatch(/[A-Za-z]/);
      expect(kpi.aliases.some((a) => /[a-z]/i.test(a))).toBe(true);
    }
  });

  it('quotes every value verbatim from its document', async () => {
    const { kpis, docs } = await loadCurated();
    expect(checkKpiQuotes(kpis, [...docs.values()])).toEqual([]);
    for (const kpi of kpis) {
      for (const v of kpi.values) expect(docs.get(v.doc)?.text, `${kpi.id} ${v.year}`).toContain(v.quote);
    }
  });

  it('states in each quote the value it records (masked quote for null)', async () => {
    const { kpis } = await loadCurated();
    for (const kpi of kpis) {
      for (const v of kpi.values) {
        const mentions = findNumbers(v.quote);
        const label = `${kpi.id} ${v.year} ${v.kind}: ${v.quote}`;
        if (v.value === null) expect(mentions.some((m) => m.masked), label).toBe(true);
        else expect(mentions.map((m) => m.value), label).toContain(v.value);
      }
    }
  });

  it('includes the required indicators with their values', async () => {
    const { kpis } = await loadCurated();
    const value = (id: string, year: number, kind: 'actual' | 'target') =>
      kpis.find((k) => k.id === id)?.values.find((v) => v.year === year && v.kind === kind)?.value;
    expect(value('placement_rate', 2023, 'target')).toBe(100);
    expect(value('policy_awareness_rate', 2023, 'target')).toBe(100);
    expect(value('training_pass_rate', 2022, 'actual')).toBeNull();
    expect(value('training_pass_rate', 2023, 'target')).toBe(85);
    expect(value('post_training_employment_rate', 2022, 'actual')).toBeNull();
    expect(value('post_training_employment_rate', 2023, 'target')).toBe(85);
    expect(value('online_tomb_sweeping', 2022, 'actual')).toBe(20000);
    expect(value('martyr_tombs_relocated', 2022, 'actual')).toBe(1041);
    expect(value('condolence_payments', 2022, 'actual')).toBe(12000);
    expect(value('provincial_awards', 2022, 'actual')).toBe(4);
    expect(value('startup_subsidy_funds', 2022, 'actual')).toBeNull();
    expect(value('resettlement_months_early', 2022, 'actual')).toBe(3);
  });
});

describe('parseKpiFile', () => {
  const valid = (kind: string) => `indicators:
  - id: pass_rate
    name_zh: 培训合格率
    name_en: Training pass rate
    category: 就业创业
    unit: '%'
    values:
      - { year: 2023, kind: ${kind}, value: 85, doc: a.txt, quote: 培训合格率达85％ }
`;

  it('converts snake_case to the camelCase Kpi', () => {
    const parsed = parseKpiFile(valid('target'), 'kpis.yaml');
    expect(parsed).toEqual({
      success: true,
      value: [
        {
          id: 'pass_rate',
          nameZh: '培训合格率',
          nameEn: 'Training pass rate',
          aliases: [],
          category: '就业创业',
          unit: '%',
          values: [{ year: 2023, kind: 'target', value: 85, doc: 'a.txt', quote: '培训合格率达85％' }],
        },
      ],
    });
  });

  it('names the file and field path of a bad value, with how to fix it', () => {
    const parsed = parseKpiFile(valid('goal'), 'kpis.yaml');
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const error = toKnowledgeError(parsed.error);
    expect(error).toBeInstanceOf(KnowledgeError);
    expect(error.file).toBe('kpis.yaml');
    expect(error.field).toBe('indicators[0].values[0].kind');
    expect(error.message).toContain('kpis.yaml (indicators[0].values[0].kind)');
    expect(error.message).toContain('use actual');
  });

  it('rejects a missing value, unknown keys, duplicate ids and bad YAML', () => {
    const missingValue = valid('target').replace('value: 85, ', '');
    expect(fields(parseKpiFile(missingValue, 'kpis.yaml'))).toEqual(['indicators[0].values[0].value']);
    const typo = valid('target').replace('name_en:', 'name_cn:');
    expect(fields(parseKpiFile(typo, 'kpis.yaml'))).toContain('indicators[0].name_en');
    const twice = valid('target') + valid('target').replace('indicators:\n', '');
    expect(fields(parseKpiFile(twice, 'kpis.yaml'))).toEqual(['indicators[1].id']);
    const broken = parseKpiFile('indicators: [ { id: x', 'kpis.yaml');
    expect(broken.success ? '' : broken.error[0]?.message).toMatch(/not valid YAML/);
  });
});

function fields(result: ReturnType<typeof parseKpiFile>): (string | undefined)[] {
  return result.success ? [] : result.error.map((p) => p.field);
}
