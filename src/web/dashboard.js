// The leaders' dashboard: server-rendered charts plus the indicator table with filters and CSV.
import { getJson } from './api.js';
import { applyLanguage, el, formatValue, getLanguage, t } from './i18n.js';

const categorySelect = document.getElementById('filter-category');
const yearSelect = document.getElementById('filter-year');
const tbody = document.querySelector('#indicators tbody');
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

function valueCell(record, unit, label) {
  const td = el('td');
  td.dataset.label = label;
  if (!record) {
    td.textContent = '—';
    return td;
  }
  const value = el(
    'span',
    formatValue(record.value, unit),
    record.value === null ? 'badge badge-undisclosed' : 'num',
  );
  td.append(value, el('span', ` ${record.year}`, 'cell-year'));
  if (record.updatedBy) td.append(el('span', ` · ${t().staffUpdate}`, 'cell-year'));
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

function renderRows(rows) {
  const s = t();
  const en = getLanguage() === 'en';
  tbody.replaceChildren();
  for (const row of rows) {
    const tr = el('tr');
    if (row.undisclosed) tr.className = 'row-undisclosed';
    const name = el('th', en && row.nameEn ? row.nameEn : row.name);
    name.scope = 'row';
    const progress = labelled(
      row.progressPercent === undefined ? '—' : `${row.progressPercent}%`,
      s.colProgress,
      'num',
    );
    tr.append(name, labelled(row.category, s.colCategory));
    tr.append(
      valueCell(row.latestActual, row.unit, s.colActual),
      valueCell(row.currentTarget, row.unit, s.colTarget),
    );
    tr.append(progress, sourceCell(row));
    tbody.append(tr);
  }
  status.textContent = s.rows(rows.length);
}

async function load() {
  const q = query();
  document.getElementById('csv-link').href = `/api/indicators.csv${q ? `?${q}` : ''}`;
  try {
    const data = await getJson(`/api/indicators${q ? `?${q}` : ''}`);
    fillSelect(categorySelect, data.categories);
    fillSelect(yearSelect, data.years);
    renderRows(data.rows);
  } catch {
    status.textContent = t().loadFailed;
  }
}

function setChartLanguage() {
  const lang = getLanguage();
  for (const chart of ['targets', 'headlines']) {
    document.getElementById(`chart-${chart}`).src = `/charts/${chart}.svg?lang=${lang}`;
    document.getElementById(`link-${chart}`).href = `/charts/${chart}.svg?lang=${lang}`;
    document.getElementById(`png-${chart}`).href = `/charts/${chart}.png?lang=${lang}`;
  }
}

categorySelect.addEventListener('change', load);
yearSelect.addEventListener('change', load);
document.getElementById('filters').addEventListener('submit', (event) => event.preventDefault());

applyLanguage(() => {
  setChartLanguage();
  void load();
});
setChartLanguage();
void load();
