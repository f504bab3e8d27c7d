// The leaders' dashboard: the year's headline figures and honours first, then the targets (with
// words when their actuals are missing), then every indicator grouped by category, collapsed.
import { getJson } from './api.js';
import { applyLanguage, el, formatFigure, getLanguage, t } from './i18n.js';

const categorySelect = document.getElementById('filter-category');
const yearSelect = document.getElementById('filter-year');
const groups = document.getElementById('indicator-groups');
const status = document.getElementById('table-status');

function query() {
  const params = new URLSearchParams();
  if (categorySelect.value) params.set('category', categorySelect.value);
  if (yearSelect.value) params.set('year', yearSelect.value);
  return params.toString();
}

function fillSelect(select, values) {
  const chosen = select.value;
  const first = select.options[0];
  select.replaceChildren(first);
  for (const value of values) {
    const option = el('option', value);
    option.value = String(value);
    select.append(option);
  }
  select.value = values.map(String).includes(chosen) ? chosen : '';
}

const nameOf = (record) => (getLanguage() === 'en' && record.nameEn ? record.nameEn : record.name);

function tile(figure) {
  const s = t();
  const item = el('div', undefined, 'tile');
  item.setAttribute('role', 'listitem');
  // The source sentence on hover: the number is the document's own.
  item.title = figure.quote;
  item.append(
    el('div', nameOf(figure), 'tile-name'),
    el('div', formatFigure(figure), 'tile-value'),
    el('div', `${figure.year} · ${s.actual}`, 'tile-meta'),
  );
  return item;
}

async function loadOverview() {
  const s = t();
  const tiles = document.getElementById('headline-tiles');
  try {
    const data = await getJson(`/api/dashboard?lang=${getLanguage()}`);
    document.getElementById('overview-title').textContent = s.overviewTitle(data.year);
    tiles.replaceChildren(...data.figures.map(tile));
    if (data.figures.length === 0) tiles.replaceChildren(el('p', s.noFigures, 'hint'));
    document.getElementById('honours').replaceChildren(...data.honours.map((h) => el('li', h)));
    if (data.targetYear)
      document.getElementById('targets-title').textContent = s.targetsTitle(data.targetYear);
    // The chart says it in words; its text alternative says the same for screen readers.
    const chart = document.getElementById('chart-targets');
    chart.alt = data.actualsNote ? `${s.targetsAlt}。${data.actualsNote}` : s.targetsAlt;
  } catch {
    tiles.replaceChildren(el('p', s.loadFailed, 'error'));
  }
}

/** A value cell: the value (余 kept) and its year; 未公开 when masked; 未填报 or — when absent. */
function valueCell(record, label, absent) {
  const s = t();
  const td = el('td');
  td.dataset.label = label;
  if (!record) {
    const text = absent === 'missing' ? s.missing : '—';
    const span = el('span', text, absent === 'missing' ? 'badge badge-missing' : 'none');
    span.title = absent === 'missing' ? s.missingNote : s.noTarget;
    td.append(span);
    return td;
  }
  const masked = record.value === null;
  const value = el('span', formatFigure(record), masked ? 'badge badge-undisclosed' : 'num');
  if (masked) value.title = s.undisclosedNote;
  td.append(value, el('span', ` ${record.year}`, 'cell-year'));
  if (record.updatedBy) td.append(el('span', ` · ${s.staffUpdate}`, 'cell-year'));
  return td;
}

function sourceCell(row) {
  const record = row.latestActual ?? row.currentTarget;
  const td = el('td');
  td.dataset.label = t().colSource;
  if (!record) return td;
  // The quote is the evidence: show it on demand, as text, next to the document name.
  const details = el('details');
  details.append(el('summary', row.sourceTitle ?? record.doc), el('blockquote', record.quote));
  td.append(details);
  return td;
}

function labelled(text, label, className) {
  const td = el('td', text, className);
  td.dataset.label = label;
  return td;
}

function rowOf(row) {
  const s = t();
  const tr = el('tr');
  const name = el('th', nameOf(row));
  name.scope = 'row';
  const progress = row.progressPercent === undefined ? '—' : `${row.progressPercent}%`;
  tr.append(
    name,
    valueCell(row.latestActual, s.colActual, 'missing'),
    valueCell(row.currentTarget, s.colTarget, 'none'),
    labelled(progress, s.colProgress, 'num'),
    sourceCell(row),
  );
  return tr;
}

function tableOf(rows) {
  const s = t();
  const table = el('table', undefined, 'indicators');
  const head = el('tr');
  for (const key of ['colIndicator', 'colActual', 'colTarget', 'colProgress', 'colSource']) {
    const th = el('th', s[key]);
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  tbody.append(...rows.map(rowOf));
  table.append(thead, tbody);
  const wrap = el('div', undefined, 'table-wrap');
  wrap.append(table);
  return wrap;
}

/** One collapsed group per category; the summary says how many indicators have a disclosed value. */
function renderGroups(rows) {
  const s = t();
  const byCategory = new Map();
  for (const row of rows) byCategory.set(row.category, [...(byCategory.get(row.category) ?? []), row]);
  groups.replaceChildren();
  for (const [category, list] of byCategory) {
    const details = el('details', undefined, 'group');
    details.open = byCategory.size === 1;
    const disclosed = list.filter((r) => r.latestActual && r.latestActual.value !== null).length;
    const summary = el('summary');
    summary.append(
      el('span', category, 'group-name'),
      el('span', s.groupCount(list.length, disclosed), 'group-count'),
    );
    details.append(summary, tableOf(list));
    groups.append(details);
  }
  status.textContent = s.rows(rows.length);
}

async function loadTable() {
  const q = query();
  document.getElementById('csv-link').href = `/api/indicators.csv${q ? `?${q}` : ''}`;
  try {
    const data = await getJson(`/api/indicators${q ? `?${q}` : ''}`);
    fillSelect(categorySelect, data.categories);
    fillSelect(yearSelect, data.years);
    renderGroups(data.rows);
  } catch {
    status.textContent = t().loadFailed;
  }
}

function setChartLanguage() {
  const lang = getLanguage();
  document.getElementById('chart-targets').src = `/charts/targets.svg?lang=${lang}`;
  document.getElementById('chart-targets-narrow').srcset = `/charts/targets.svg?lang=${lang}&layout=narrow`;
  document.getElementById('link-targets').href = `/charts/targets.svg?lang=${lang}`;
  document.getElementById('png-targets').href = `/charts/targets.png?lang=${lang}`;
  document.getElementById('png-stats').href = `/charts/stats.png?lang=${lang}`;
}

categorySelect.addEventListener('change', loadTable);
yearSelect.addEventListener('change', loadTable);
document.getElementById('filters').addEventListener('submit', (event) => event.preventDefault());

function loadAll() {
  setChartLanguage();
  void loadOverview();
  void loadTable();
}

applyLanguage(loadAll);
loadAll();
