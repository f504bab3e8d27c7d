// The chat page: ask, stream or receive the answer, show sources and figures, send feedback.
import { ApiError, ask, getJson, postJson } from './api.js';
import { applyLanguage, el, t, TOPIC_IDS } from './i18n.js';
import { renderAnswer } from './render-answer.js';

const log = document.getElementById('log');
const form = document.getElementById('ask-form');
const input = document.getElementById('question');
const button = document.getElementById('ask-button');
const dialog = document.getElementById('passage-dialog');

/** A random id per browser tab, so follow-ups ("那2023年呢？") resolve against this conversation only. */
function sessionId() {
  let id = sessionStorage.getItem('va-session');
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem('va-session', id);
  }
  return id;
}

function setBusy(busy) {
  button.disabled = busy;
  button.textContent = busy ? t().sending : t().send;
  log.setAttribute('aria-busy', String(busy));
}

function userMessage(question) {
  const article = el('article', undefined, 'msg msg-user');
  article.append(el('div', t().you, 'who'), el('p', question, 'answer-text'));
  log.append(article);
}

async function showPassage(citation) {
  const s = t();
  document.getElementById('passage-title').textContent = citation.title;
  document.getElementById('passage-section').textContent = citation.section;
  const box = document.getElementById('passage-text');
  box.replaceChildren(el('p', '…'));
  dialog.showModal();
  try {
    // The server sends the section as it reads (headings without their Markdown marks).
    const passage = await getJson(`/api/passage?chunk=${encodeURIComponent(citation.chunkId)}`);
    document.getElementById('passage-section').textContent = passage.section;
    // Highlight the cited sentence inside its section, still as text nodes only.
    const at = passage.text.indexOf(passage.quote);
    const p = el('p');
    if (at >= 0 && passage.quote) {
      p.append(
        passage.text.slice(0, at),
        el('mark', passage.quote),
        passage.text.slice(at + passage.quote.length),
      );
    } else p.textContent = passage.text;
    box.replaceChildren(p);
    p.querySelector('mark')?.scrollIntoView({ block: 'center' });
  } catch {
    box.replaceChildren(el('p', s.passageFailed, 'error'));
  }
}

async function sendFeedback(question, answer, questionId, rating) {
  try {
    const body = { question, answer: answer.answer.slice(0, 8000), rating };
    if (questionId) body.questionId = questionId;
    await postJson('/api/feedback', body);
    return true;
  } catch {
    return false;
  }
}

async function askQuestion(question, topic) {
  if (!question.trim() || button.disabled) return;
  userMessage(question);
  const article = el('article', undefined, 'msg msg-bot');
  const text = el('p', '', 'answer-text streaming');
  article.append(el('div', t().assistant, 'who'), text);
  log.append(article);
  article.scrollIntoView({ block: 'end', behavior: 'smooth' });
  setBusy(true);
  try {
    const body = { question, session: sessionId() };
    if (topic) body.topic = topic;
    const { answer, questionId } = await ask(body, (chunk) => {
      text.textContent += chunk;
    });
    renderAnswer(article, answer, {
      onSource: showPassage,
      onAsk: (q) => askQuestion(q),
      onFeedback: (rating) => sendFeedback(question, answer, questionId, rating),
    });
  } catch (error) {
    const message = error instanceof ApiError && error.status === 429 ? t().rateLimited : t().askFailed;
    article.replaceChildren(el('div', t().assistant, 'who'), el('p', message, 'error'));
    if (error instanceof ApiError && error.status === 400) article.append(el('p', error.message, 'hint'));
  } finally {
    setBusy(false);
    article.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }
}

function renderSuggestions(activeTopic) {
  const topics = t().topics;
  const names = Object.keys(topics);
  const current = names.includes(activeTopic) ? activeTopic : names[0];
  const tabs = document.getElementById('topic-tabs');
  tabs.replaceChildren();
  for (const name of names) {
    const tab = el('button', name, 'topic-tab');
    tab.type = 'button';
    tab.setAttribute('aria-pressed', String(name === current));
    tab.addEventListener('click', () => renderSuggestions(name));
    tabs.append(tab);
  }
  const list = document.getElementById('suggest-list');
  list.replaceChildren();
  for (const q of topics[current]) {
    const chip = el('button', q, 'chip');
    chip.type = 'button';
    chip.addEventListener('click', () => askQuestion(q, TOPIC_IDS[names.indexOf(current)]));
    list.append(chip);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (button.disabled) return;
  const question = input.value;
  input.value = '';
  void askQuestion(question);
  input.focus();
});

input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  }
});

applyLanguage(() => renderSuggestions());
renderSuggestions();
