// How a source is named on its button, the same in the web chat and in Telegram (the server imports
// this file through source-label.d.ts, so both say the same words): a law article by the law's short
// name and the article ("看依据：保障法第二十一条"), a report passage by its section heading.

const ARTICLE = /第[一二三四五六七八九十百零〇两]+条(之[一二三四五六七八九十]+)?$/;
const NUMBERING = /^[（(]?[一二三四五六七八九十百\d]+[)）.、．]\s*/;
const MAX_HEADING = 14;

/** "中华人民共和国退役军人保障法" → "保障法", "军人抚恤优待条例" → "抚恤优待条例". */
export function lawShortName(title) {
  return title.replace(/^中华人民共和国/, '').replace(/^(退役军人|军人)(?=..)/, '');
}

/** The button text of a citation ({ title, section }) in 'zh' or 'en'. */
export function sourceLabel(citation, language) {
  const parts = citation.section
    .split('›')
    .map((part) => part.trim())
    .filter(Boolean);
  const last = parts.at(-1) ?? '';
  const article = ARTICLE.exec(last)?.[0];
  if (article) {
    const law = lawShortName(citation.title);
    return language === 'en' ? `Law: ${law}${article}` : `看依据：${law}${article}`;
  }
  const whole = (last || citation.title).replace(/^#+\s*/, '');
  // "（二）" alone is a number, not a name: keep it rather than leave the label empty.
  const heading = whole.replace(NUMBERING, '') || whole;
  const short =
    [...heading].length > MAX_HEADING ? `${[...heading].slice(0, MAX_HEADING - 1).join('')}…` : heading;
  return language === 'en' ? `Source: ${short}` : `看原文：${short}`;
}
