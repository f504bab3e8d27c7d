import type { Answer } from '../../assistant/answer.js';
import type { CallbackCodec } from './callback-data.js';
import { escapeHtml, truncate } from './html.js';
import { uiText } from './texts.js';

/** An inline keyboard: rows of buttons with callback data. */
export type InlineKeyboard = { text: string; callback_data: string }[][];

export interface RenderedAnswer {
  /** Telegram HTML; may exceed one message (see splitHtml). */
  html: string;
  keyboard: InlineKeyboard;
}

// A quote longer than this is cut in the message; the 原文 button shows the whole paragraph.
const QUOTE_MAX = 600;
const MAX_CONTEXT_BUTTONS = 3;
const MAX_SUGGESTIONS = 3;

/**
 * Renders an Answer as Telegram HTML: the answer, the 未公开 note when the figure is masked, the
 * notice, then each source as `📄 title · section` with its quote in an expandable blockquote.
 * Every piece of text is escaped. The keyboard carries 👍/👎 (for `questionId`), 原文 buttons for
 * cited chunks and suggested follow-ups. Pure: no I/O.
 */
export function renderAnswer(answer: Answer, questionId: number, codec: CallbackCodec): RenderedAnswer {
  const t = uiText(answer.language);
  const blocks: string[] = [];
  if (answer.status === 'undisclosed') blocks.push(t.undisclosedNote);
  blocks.push(escapeHtml(answer.answer.trim()));
  if (answer.notice) blocks.push(`<i>${escapeHtml(answer.notice)}</i>`);
  if (answer.citations.length > 0) {
    const sources = answer.citations.map((c) => {
      const head = `📄 <b>${escapeHtml(c.title)}</b>${c.section ? ` · ${escapeHtml(c.section)}` : ''}`;
      const quote = c.quote.trim()
        ? `\n<blockquote expandable>${escapeHtml(truncate(c.quote.trim(), QUOTE_MAX))}</blockquote>`
        : '';
      return head + quote;
    });
    blocks.push(`<b>${t.sources}</b>\n${sources.join('\n')}`);
  }
  return { html: blocks.join('\n\n'), keyboard: answerKeyboard(answer, questionId, codec) };
}

function answerKeyboard(answer: Answer, questionId: number, codec: CallbackCodec): InlineKeyboard {
  const t = uiText(answer.language);
  const rows: InlineKeyboard = [
    [
      { text: '👍', callback_data: codec.encode('fb', `up:${questionId}`) },
      { text: '👎', callback_data: codec.encode('fb', `down:${questionId}`) },
    ],
  ];
  const chunkIds = [...new Set(answer.citations.map((c) => c.chunkId).filter((id): id is string => !!id))];
  const contextButtons = chunkIds.slice(0, MAX_CONTEXT_BUTTONS).map((id, i) => ({
    text: chunkIds.length > 1 ? `📖 ${t.original} ${i + 1}` : `📖 ${t.original}`,
    callback_data: codec.encode('ctx', id),
  }));
  if (contextButtons.length > 0) rows.push(contextButtons);
  for (const suggestion of (answer.suggestions ?? []).slice(0, MAX_SUGGESTIONS)) {
    rows.push([{ text: truncate(suggestion, 40), callback_data: codec.encode('ask', suggestion) }]);
  }
  return rows;
}
