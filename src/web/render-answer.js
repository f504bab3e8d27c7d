// Builds the DOM for one answer. Every string from the server (answers, quotes, titles, figure
// names) is set with textContent: it may come from users, documents or a model.
import { el, formatFigure, t } from './i18n.js';
import { sourceLabel } from './source-label.js';

const STATUS_LABEL = {
  not_found: 'statusNotFound',
  out_of_scope: 'statusOutOfScope',
  undisclosed: 'statusUndisclosed',
};

function figureCard(figure) {
  const s = t();
  const card = el('div', undefined, 'figure-card');
  card.append(el('div', figure.name, 'figure-name'));
  const masked = figure.value === null;
  const value = el('div', formatFigure(figure), masked ? 'figure-value masked' : 'figure-value');
  if (masked) value.title = s.undisclosedNote;
  card.append(value);
  card.append(el('div', `${figure.year} · ${figure.kind === 'target' ? s.target : s.actual}`, 'figure-meta'));
  return card;
}

// A law article is quoted whole; the list shows its start, the dialog the whole of it.
const QUOTE_PREVIEW = 120;

function preview(quote) {
  const chars = [...quote];
  return chars.length > QUOTE_PREVIEW ? `${chars.slice(0, QUOTE_PREVIEW - 1).join('')}…` : quote;
}

function sourceList(citations, onSource, language) {
  const s = t();
  const section = el('section', undefined, 'sources');
  section.append(el('h3', s.sources));
  const list = el('ol');
  citations.forEach((c) => {
    const item = el('li');
    // Says what it opens ("看依据：保障法第二十一条"); the full place is in the tooltip.
    const label = sourceLabel(c, language);
    const where = [c.title, c.section].filter(Boolean).join(' › ');
    if (c.chunkId) {
      // A real link (wraps like text, works without JS); the click opens the paragraph in a dialog.
      const link = el('a', label, 'source-link');
      link.href = `/api/passage?chunk=${encodeURIComponent(c.chunkId)}`;
      link.title = `${where}（${s.sourceHint}）`;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        onSource(c);
      });
      item.append(link);
    } else {
      const span = el('span', label, 'source-label');
      span.title = where;
      item.append(span);
    }
    item.append(el('blockquote', preview(c.quote)));
    list.append(item);
  });
  section.append(list);
  return section;
}

function followUps(suggestions, onAsk) {
  const box = el('div', undefined, 'followups');
  box.append(el('span', t().followUps, 'followups-label'));
  for (const text of suggestions) {
    const button = el('button', text, 'chip');
    button.type = 'button';
    button.addEventListener('click', () => onAsk(text));
    box.append(button);
  }
  return box;
}

// Thumb icons drawn as SVG paths: emoji fonts are missing on many office PCs (they showed as boxes).
const THUMB =
  'M2 10h4v11H2zM8 21h9.5a2 2 0 0 0 2-1.6l1.4-7A2 2 0 0 0 19 10h-5l.8-4.2A1.8 1.8 0 0 0 11.5 5L8 10z';

function thumbIcon(down) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', down ? 'thumb thumb-down' : 'thumb');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', THUMB);
  svg.append(path);
  return svg;
}

function feedbackBar(onFeedback) {
  const s = t();
  const bar = el('div', undefined, 'feedback');
  const status = el('span', '', 'feedback-status');
  status.setAttribute('role', 'status');
  for (const [rating, label] of [
    ['up', s.helpful],
    ['down', s.notHelpful],
  ]) {
    const button = el('button', undefined, 'icon-button');
    button.type = 'button';
    button.dataset.rating = rating;
    button.append(thumbIcon(rating === 'down'), el('span', label));
    button.addEventListener('click', async () => {
      for (const b of bar.querySelectorAll('button')) b.disabled = true;
      button.setAttribute('aria-pressed', 'true');
      status.textContent = (await onFeedback(rating)) ? s.thanks : s.feedbackFailed;
    });
    bar.append(button);
  }
  bar.append(status);
  return bar;
}

/** Fills `article` with the answer: status badge, text, notice, figure cards, sources, follow-ups, feedback. */
export function renderAnswer(article, answer, handlers) {
  const s = t();
  article.replaceChildren();
  article.lang = answer.language === 'en' ? 'en' : 'zh-CN';
  const head = el('div', undefined, 'msg-head');
  head.append(el('span', s.assistant, 'who'));
  if (STATUS_LABEL[answer.status])
    head.append(el('span', s[STATUS_LABEL[answer.status]], `badge badge-${answer.status}`));
  if (answer.mode === 'llm') head.append(el('span', s.modeLlm, 'badge'));
  article.append(head, el('p', answer.answer, 'answer-text'));
  if (answer.notice) article.append(el('p', answer.notice, 'notice'));
  if (answer.figures?.length) {
    const grid = el('div', undefined, 'figure-grid');
    grid.setAttribute('aria-label', s.figures);
    grid.setAttribute('role', 'group');
    answer.figures.forEach((f) => grid.append(figureCard(f)));
    article.append(grid);
  }
  if (answer.citations?.length)
    article.append(sourceList(answer.citations, handlers.onSource, answer.language));
  if (answer.suggestions?.length) article.append(followUps(answer.suggestions, handlers.onAsk));
  article.append(feedbackBar(handlers.onFeedback));
}
