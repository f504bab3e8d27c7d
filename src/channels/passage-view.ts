import type { PassageContext } from '../assistant/ports.js';

/** Markdown heading marks at the start of a line ("### （二）景区"): the file's markup, not its words. */
const HEADING_MARK = /^#{1,6}[ \t]+/gm;

/**
 * The paragraph around a cited passage as a person reads it (the web's source dialog, Telegram's
 * 看依据/看原文): headings without their Markdown marks. Text and quote are cleaned alike, so the
 * quote is still found in the text to be highlighted.
 */
export function toPassageView(context: PassageContext): PassageContext {
  const clean = (text: string) => text.replace(HEADING_MARK, '');
  return {
    ...context,
    section: clean(context.section),
    text: clean(context.text),
    quote: clean(context.quote),
  };
}
