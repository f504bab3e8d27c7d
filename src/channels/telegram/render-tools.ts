import type { Language } from '../../assistant/answer.js';
import type {
  FigureRecord,
  PassageContext,
  SourceSummary,
  StatsSummary,
  TargetComparison,
} from '../../assistant/ports.js';
import type { BureauContact } from '../../knowledge/types.js';
import type { StoredFeedback, UsageReport } from '../../storage/store.js';
import { contactLine } from '../../assistant/compose/messages.js';
import { escapeHtml, truncate } from './html.js';
import { uiText } from './texts.js';

/**
 * Pure renderers (data → Telegram HTML) for the commands. Numbers are shown exactly as the tools
 * return them; a null value is 未公开, never a guess.
 */

/** `98.5%`, `1,234 人`, or 未公开 for a masked value. */
export function formatValue(value: number | null, unit: string, language: Language): string {
  if (value === null) return uiText(language).undisclosed;
  const number = value.toLocaleString(language === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 });
  return unit === '%' ? `${number}%` : `${number} ${unit}`.trim();
}

const kindLabel = (r: FigureRecord, language: Language) =>
  r.kind === 'target' ? uiText(language).target : uiText(language).actual;

/** One indicator: its latest value, unit, year, source quote and history (oldest first). */
export function renderFigure(name: string, values: FigureRecord[], language: Language): string {
  const t = uiText(language);
  const sorted = [...values].sort(
    (a, b) => a.year - b.year || (a.updatedAt ?? '').localeCompare(b.updatedAt ?? ''),
  );
  const actuals = sorted.filter((v) => v.kind === 'actual');
  const latest = actuals.at(-1) ?? sorted.at(-1);
  if (!latest) return `📊 <b>${escapeHtml(name)}</b>\n${t.none}`;
  const lines = [
    `📊 <b>${escapeHtml(name)}</b>`,
    `${t.latest}：<b>${escapeHtml(formatValue(latest.value, latest.unit, language))}</b>（${latest.year}，${kindLabel(latest, language)}）`,
  ];
  if (latest.note) lines.push(`<i>${escapeHtml(latest.note)}</i>`);
  lines.push(`📄 ${escapeHtml(latest.doc)}`);
  if (latest.quote)
    lines.push(`<blockquote expandable>${escapeHtml(truncate(latest.quote, 600))}</blockquote>`);
  lines.push(`<b>${t.history}</b>`);
  for (const v of sorted) {
    const who = v.updatedBy
      ? ` · ${escapeHtml(v.updatedBy)} ${escapeHtml((v.updatedAt ?? '').slice(0, 10))}`
      : '';
    lines.push(
      `• ${v.year} ${kindLabel(v, language)}：${escapeHtml(formatValue(v.value, v.unit, language))}${who}`,
    );
  }
  return lines.join('\n');
}

/** One line per target: target, latest actual (or 未公开) and progress. */
export function renderTargets(year: number, rows: TargetComparison[], language: Language): string {
  const t = uiText(language);
  if (rows.length === 0) return t.noTargets;
  const lines = [`🎯 <b>${escapeHtml(t.targetsTitle(year))}</b>`];
  for (const row of rows) lines.push(targetLine(row, language));
  return lines.join('\n');
}

function targetLine(row: TargetComparison, language: Language): string {
  const t = uiText(language);
  const target = row.target ? formatValue(row.target.value, row.unit, language) : '—';
  const actual = row.latestActual
    ? `${formatValue(row.latestActual.value, row.unit, language)}（${row.latestActual.year}）`
    : '—';
  const progress = row.progressPercent === undefined ? '' : ` · ${t.progress} ${row.progressPercent}%`;
  return `• <b>${escapeHtml(row.name)}</b>：${t.target} ${escapeHtml(target)} · ${t.actual} ${escapeHtml(actual)}${progress}`;
}

/** The leaders' one-screen summary. */
export function renderStats(summary: StatsSummary, language: Language): string {
  const t = uiText(language);
  const lines = [`📈 <b>${escapeHtml(t.statsTitle(summary.year))}</b>`];
  if (summary.headlines.length > 0) {
    lines.push('', `<b>${t.headlines}</b>`);
    for (const h of summary.headlines) lines.push(`🏅 ${escapeHtml(h.text)}`);
  }
  if (summary.keyFigures.length > 0) {
    lines.push('', `<b>${t.keyFigures}</b>`);
    for (const f of summary.keyFigures) {
      lines.push(
        `• ${escapeHtml(language === 'en' ? f.nameEn || f.name : f.name)}：${escapeHtml(formatValue(f.value, f.unit, language))}`,
      );
    }
  }
  if (summary.targets.length > 0) {
    lines.push('', `<b>${t.targetsTitle(summary.targets[0]?.year ?? summary.year + 1)}</b>`);
    for (const row of summary.targets) lines.push(targetLine(row, language));
  }
  return lines.join('\n');
}

/** The documents of the knowledge base. */
export function renderSources(sources: SourceSummary[], language: Language): string {
  const t = uiText(language);
  const lines = [`📚 <b>${t.sourcesTitle}</b>`];
  for (const s of sources) {
    const meta = [s.issuer, s.effectiveDate].filter(Boolean).map((x) => escapeHtml(x ?? ''));
    const superseded = s.superseded ? ` <i>（${t.superseded}）</i>` : '';
    lines.push(`📄 <b>${escapeHtml(s.title)}</b>${superseded}${meta.length ? ` · ${meta.join(' · ')}` : ''}`);
  }
  return lines.join('\n');
}

/**
 * /help: what to ask, the commands, admin commands for admins, and where to get help in person —
 * the same contact line answers use, so placeholder contacts are never shown (operators are
 * warned at start instead).
 */
export function renderHelp(language: Language, isAdmin: boolean, bureau: BureauContact | undefined): string {
  const t = uiText(language);
  const parts = [t.help];
  if (isAdmin) parts.push(t.adminHelp);
  parts.push(`☎️ <b>${t.contact}</b>：${escapeHtml(contactLine(bureau, language))}`);
  return parts.join('\n\n');
}

/** The whole paragraph around a cited passage (原文 button). */
export function renderContext(context: PassageContext): string {
  return `📄 <b>${escapeHtml(context.title)}</b> · ${escapeHtml(context.section)}\n\n${escapeHtml(context.text)}`;
}

/** /feedback for admins: latest 👎 with their questions. */
export function renderFeedback(items: StoredFeedback[], language: Language): string {
  const t = uiText(language);
  if (items.length === 0) return t.noFeedback;
  const lines = [`👎 <b>${t.feedbackTitle}</b>`];
  for (const f of items) {
    lines.push(
      `• ${escapeHtml(f.at.slice(0, 16).replace('T', ' '))} ${escapeHtml(truncate(f.question, 200))}`,
    );
    if (f.comment) lines.push(`  <i>${escapeHtml(truncate(f.comment, 200))}</i>`);
  }
  return lines.join('\n');
}

/** /usage for admins: questions per day, top topics, unanswered questions. */
export function renderUsage(report: UsageReport, days: number, language: Language): string {
  const t = uiText(language);
  const lines = [`📊 <b>${escapeHtml(t.usageTitle(days))}</b>`, '', `<b>${t.perDay}</b>`];
  lines.push(...(report.perDay.length ? report.perDay.map((d) => `• ${d.day}：${d.count}`) : [t.none]));
  lines.push('', `<b>${t.topTopics}</b>`);
  lines.push(
    ...(report.topTopics.length
      ? report.topTopics.map((x) => `• ${escapeHtml(x.topic)}：${x.count}`)
      : [t.none]),
  );
  lines.push('', `<b>${t.unanswered}</b>`);
  lines.push(
    ...(report.unanswered.length
      ? report.unanswered.map((u) => `• ${escapeHtml(truncate(u.question, 120))}（${u.status}）`)
      : [t.none]),
  );
  return lines.join('\n');
}
