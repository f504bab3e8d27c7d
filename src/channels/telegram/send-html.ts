import type { Telegram } from 'telegraf';
import { TelegramError } from 'telegraf';
import type { InlineKeyboard } from './render-answer.js';
import { toPlainText } from './html.js';
import { splitHtml, TELEGRAM_TEXT_LIMIT } from './split-message.js';

export interface SendHtmlOptions {
  keyboard?: InlineKeyboard;
  /** Message to reply to (the user's question); only the first part replies. */
  replyTo?: number;
}

/** True when Telegram rejected the message's HTML markup. */
export function isHtmlRejection(error: unknown): boolean {
  return (
    error instanceof TelegramError &&
    error.code === 400 &&
    /can't parse entities|unsupported start tag|can't find end tag|unclosed/i.test(error.description)
  );
}

/**
 * Sends Telegram HTML as one or more messages under 4096 characters; the keyboard goes on the last
 * part. A part whose HTML Telegram rejects is resent as plain text, so the user still gets it.
 * Returns the ids of the sent messages.
 */
export async function sendHtml(
  telegram: Telegram,
  chatId: number,
  html: string,
  options: SendHtmlOptions = {},
): Promise<number[]> {
  const parts = splitHtml(html);
  const ids: number[] = [];
  for (const [i, part] of parts.entries()) {
    const extra = {
      link_preview_options: { is_disabled: true },
      ...(i === 0 &&
        options.replyTo !== undefined && {
          reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true },
        }),
      ...(i === parts.length - 1 &&
        options.keyboard && { reply_markup: { inline_keyboard: options.keyboard } }),
    };
    try {
      ids.push((await telegram.sendMessage(chatId, part, { ...extra, parse_mode: 'HTML' })).message_id);
    } catch (error) {
      if (!isHtmlRejection(error)) throw error;
      const plain = toPlainText(part).slice(0, TELEGRAM_TEXT_LIMIT);
      ids.push((await telegram.sendMessage(chatId, plain, extra)).message_id);
    }
  }
  return ids;
}

/**
 * Shows "typing…" until `work` settles, renewing it every 4.5 s (Telegram clears it after 5 s).
 * Errors of the chat action are ignored: it is decoration, the answer is what matters.
 */
export async function withTyping<T>(telegram: Telegram, chatId: number, work: () => Promise<T>): Promise<T> {
  const ping = () => void telegram.sendChatAction(chatId, 'typing').catch(() => undefined);
  ping();
  const timer = setInterval(ping, 4500);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
