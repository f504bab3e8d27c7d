import type { Language } from '../../assistant/answer.js';
import type { FigureRecord, PassageContext, SourceSummary, TargetComparison } from '../../assistant/ports.js';
import { actualsMissingNote, FIGURE_WORDS, figureText, targetLines } from '../figure-text.js';
import type { LeadersView } from '../leaders-view.js';
import type { BureauContact } from '../../knowledge/types.js';
import type { StoredFeedback, UsageReport } from '../../storage/store.js';
import { contactLine } from '../../assistant/compose/messages.js';
import { escapeHtml, truncate } from './html.js';
import { uiText } from './texts.js';

/**
 * Pure renderers (data → Telegram HTML) for the commands. Values read as on every screen
 * (figure-text.ts): 未公开 when the source masks a value, 未填报 when a year has none, 余 kept.
 */

const kindLabel = (r: FigureRecord, language: Language) =>
  r.kind === 'target' ? uiText(language).target : uiText(language).actual;

const byYear = (a: FigureRecord, b: FigureRecord) =>
  a.year - b.year || (a.updatedAt ?? '').localeCompare(b.updatedAt ?? '');

/**
 * One indicator: its latest actual (未填报 when there is none), its latest target with that year's
 * actual, the source quote and the history (oldest first).
 */
export function renderFigure(name: string, values: FigureRecord[], language: Language): string {
  const t = uiText(language);
  const sorted = [...values].sort(byYear);
  const latestActual = sorted.filter((v) => v.kind === 'actual').at(-1);
  const latestTarget = sorted.filter((v) => v.kind === 'target').at(-1);
  const shown = latestActual ?? latestTarget;
  if (!shown) return `📊 <b>${escapeHtml(name)}</b>\n${t.none}`;
  const lines = [`📊 <b>${escapeHtml(name)}</b>`];
  lines.push(
    latestActual
      ? `${t.latest}：<b>${escapeHtml(figureText(latestActual, language))}</b>（${latestActual.year}，${t.actual}）`
      : `${t.actual}：<b>${escapeHtml(figureText(undefined, language))}</b>`,
  );
  if (latestTarget) {
    const own = sorted.find((v) => v.kind === 'actual' && v.year === latestTarget.year);
    const pending = own
      ? ''
      : ` · ${FIGURE_WORDS[language].yearActual(latestTarget.year)} ${figureText(undefined, language)}`;
    lines.push(
      `${t.target}：<b>${escapeHtml(figureText(latestTarget, language))}</b>（${latestTarget.year}）${pending}`,
    );
  }
  if (shown.note) lines.push(`<i>${escapeHtml(shown.note)}</i>`);
  lines.push(`📄 ${escapeHtml(shown.doc)}`);
  if (shown.quote)
    lines.push(`<blockquote expandable>${escapeHtml(truncate(shown.quote, 600))}</blockquote>`);
  lines.push(`<b>${t.history}</b>`);
  for (const v of sorted) {
    const who = v.updatedBy
      ? ` · ${escapeHtml(v.updatedBy)} ${escapeHtml((v.updatedAt ?? '').slice(0, 10))}`
      : '';
    lines.push(`• ${v.year} ${kindLabel(v, language)}：${escapeHtml(figureText(v, language))}${who}`);
  }
  return lines.join('\n');
}

/** One line per target (target, that year's actual or 未填报, the latest earlier actual), then how staff enter missing actuals. */
export function renderTargets(year: number, rows: TargetComparison[], language: Language): string {
  const t = uiText(language);
  if (rows.length === 0) return t.noTargets;
  const lines = [`🎯 <b>${escapeHtml(t.targetsTitle(year))}</b>`];
  for (const row of rows) lines.push(targetLine(row, language));
  const note = actualsMissingNote(rows, language);
  if (note) lines.push('', `<i>${escapeHtml(note)}</i>`);
  return lines.join('\n');
}

function targetLine(row: TargetComparison, language: Language): string {
  const name = language === 'en' ? (row.target?.nameEn ?? row.name) : row.name;
  const [target, actual] = targetLines(row, language);
  return `• <b>${escapeHtml(name)}</b>：${escapeHtml(target)} · ${escapeHtml(actual)}`;
}

const MAX_STATS_HONOURS = 2;
// Keeps the summary under Telegram's 1024-character photo caption whatever the report says.
const HONOUR_MAX = 80;

/**
 * /stats: the year's headline disclosed figures and two honours — at most ten lines, short enough
 * to be the caption of the summary picture, so it is sent once — and where the rest is.
 */
export function renderStats(view: LeadersView, language: Language): string {
  const t = uiText(language);
  const lines = [`📈 <b>${escapeHtml(t.statsTitle(view.year))}</b>`];
  for (const f of view.figures) {
    const name = language === 'en' ? f.nameEn || f.name : f.name;
    lines.push(`• ${escapeHtml(name)}：<b>${escapeHtml(figureText(f, language))}</b>`);
  }
  for (const honour of view.honours.slice(0, MAX_STATS_HONOURS))
    lines.push(`🏅 ${escapeHtml(truncate(honour, HONOUR_MAX))}`);
  lines.push('', t.statsMore);
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
