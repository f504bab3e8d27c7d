import type { Answer, Citation } from '../../assistant/answer.js';
import { sourceLabel } from '../../web/source-label.js';
import type { CallbackCodec } from './callback-data.js';
import { escapeHtml, truncate } from './html.js';
import { uiText } from './texts.js';

/** An inline keyboard: rows of buttons with callback data. */
export type InlineKeyboard = { text: string; callback_data: string }[][];

export interface RenderedAnswer {
  /** Telegram HTML of the first message: the direct answer; may exceed one message (see splitHtml). */
  html: string;
  keyboard: InlineKeyboard;
}

// A quote longer than this is cut in the message; the source button shows the whole paragraph.
const QUOTE_MAX = 600;
const MAX_SOURCE_BUTTONS = 3;
const MAX_SUGGESTIONS = 3;
/**
 * A message longer than this (answer and sources, as written) shows its lead first and the rest
 * behind 更多: on a phone, ten quoted law articles bury the answer.
 */
const LONG_MESSAGE = 700;
/** The lead is at least this long (a title line alone is not an answer)… */
const LEAD_MIN = 60;
/** …and grows by its own list lines up to this. */
const LEAD_MAX = 320;

/**
 * The direct answer and the rest. Lines are taken until the lead says something (LEAD_MIN), then
 * while the next line continues the same list ("· …"), so the brief's figures stay together and a
 * card's plain answer stands alone; who qualifies, the basis and where to go follow under 更多.
 */
export function splitLead(text: string): { lead: string; rest: string } {
  const lines = text.trim().split('\n');
  // A list item, or an indented line under one (a benefits item's "  依据：…").
  const isListLine = (line: string) => /^\s*[·•-]|^\s+\S/.test(line);
  let taken = 0;
  let length = 0;
  let listed = false;
  while (taken < lines.length) {
    const line = lines[taken] ?? '';
    const continues = isListLine(line) && length + line.length <= LEAD_MAX;
    // A list ends the lead where it ends, however short: the next heading starts the rest.
    if ((length >= LEAD_MIN || listed) && !continues) break;
    listed ||= isListLine(line);
    length += line.length + 1;
    taken += 1;
  }
  return { lead: lines.slice(0, taken).join('\n'), rest: lines.slice(taken).join('\n').trim() };
}

function sourcesBlock(answer: Answer, quoteMax: number): string {
  const t = uiText(answer.language);
  const sources = answer.citations.map((c) => {
    const head = `📄 <b>${escapeHtml(c.title)}</b>${c.section ? ` · ${escapeHtml(c.section)}` : ''}`;
    const quote = c.quote.trim()
      ? `\n<blockquote expandable>${escapeHtml(truncate(c.quote.trim(), quoteMax))}</blockquote>`
      : '';
    return head + quote;
  });
  return `<b>${t.sources}</b>\n${sources.join('\n')}`;
}

/**
 * Renders an Answer for Telegram: (the question, when asked by a button,) the 未公开 note when the
 * figure is masked, the direct answer, the notice. A long message's rest and its sources go behind
 * a 更多 button (the returned `more` HTML); a short one lists its sources. The keyboard carries
 * source buttons that say what they open ("看依据：保障法第四十二条"), 更多, the suggested next
 * questions and 👍/👎. Every piece of text is escaped. Pure: no I/O.
 */
export function renderAnswer(
  answer: Answer,
  questionId: number,
  codec: CallbackCodec,
  options: { asked?: string; extraRows?: InlineKeyboard } = {},
): RenderedAnswer & { more: string | undefined } {
  const sources = answer.citations.length > 0 ? sourcesBlock(answer, QUOTE_MAX) : undefined;
  const long = answer.answer.length + (sources?.length ?? 0) > LONG_MESSAGE;
  const { lead, rest } = long ? splitLead(answer.answer) : { lead: answer.answer.trim(), rest: '' };
  const t = uiText(answer.language);
  const blocks: string[] = [];
  if (options.asked) blocks.push(`❓ <b>${escapeHtml(options.asked)}</b>`);
  if (answer.status === 'undisclosed') blocks.push(t.undisclosedNote);
  blocks.push(escapeHtml(lead));
  if (answer.notice) blocks.push(`<i>${escapeHtml(answer.notice)}</i>`);
  const hidden = [...(rest ? [escapeHtml(rest)] : []), ...(sources ? [sources] : [])];
  const more = long && hidden.length > 0 ? hidden.join('\n\n') : undefined;
  if (!more && sources) blocks.push(sources);
  return {
    html: blocks.join('\n\n'),
    keyboard: answerKeyboard(answer, questionId, codec, more, options.extraRows ?? []),
    more,
  };
}

/** One button per cited passage (at most three), named by what it opens. */
function sourceButtons(citations: readonly Citation[], answer: Answer, codec: CallbackCodec): InlineKeyboard {
  // Two passages of one section would make two buttons with the same words: the first is kept.
  const seen = new Set<string>();
  const rows: InlineKeyboard = [];
  for (const c of citations) {
    const label = truncate(sourceLabel(c, answer.language), 40);
    if (!c.chunkId || seen.has(label) || rows.length >= MAX_SOURCE_BUTTONS) continue;
    seen.add(label);
    rows.push([{ text: label, callback_data: codec.encode('ctx', c.chunkId) }]);
  }
  return rows;
}

function answerKeyboard(
  answer: Answer,
  questionId: number,
  codec: CallbackCodec,
  more: string | undefined,
  extraRows: InlineKeyboard,
): InlineKeyboard {
  const t = uiText(answer.language);
  const rows: InlineKeyboard = [];
  // Parked in the codec's bounded map: after a restart the button says it expired.
  if (more) rows.push([{ text: t.moreButton, callback_data: codec.encode('more', more) }]);
  rows.push(...sourceButtons(answer.citations, answer, codec));
  for (const suggestion of (answer.suggestions ?? []).slice(0, MAX_SUGGESTIONS)) {
    rows.push([{ text: truncate(suggestion, 40), callback_data: codec.encode('ask', suggestion) }]);
  }
  rows.push(...extraRows);
  rows.push([
    { text: '👍', callback_data: codec.encode('fb', `up:${questionId}`) },
    { text: '👎', callback_data: codec.encode('fb', `down:${questionId}`) },
  ]);
  return rows;
}
