/**
 * The suggestion topics of the web chat, as the page sends them with a picked question (the
 * Chinese topic names, TOPIC_IDS in src/web/i18n.js; a test keeps the two lists equal). Only these
 * reach the question log, whose top topics admins read in Telegram /usage.
 */
export const WEB_TOPIC_IDS = ['就业创业', '褒扬纪念', '移交安置', '荣誉成绩', '政策待遇'] as const;
