import type { Language } from '../answer.js';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/**
 * Chinese unless the question is written mainly in English. A Chinese question with an English
 * term in it ("KPI是多少") stays Chinese; an English one quoting a Chinese term stays English.
 */
export function detectLanguage(text: string): Language {
  const cjk = text.match(CJK)?.length ?? 0;
  const latinWords = text.match(LATIN_WORD)?.length ?? 0;
  if (cjk === 0) return latinWords > 0 ? 'en' : 'zh';
  // Roughly: one English word carries as much as two Chinese characters.
  return latinWords >= 3 && latinWords * 2 > cjk ? 'en' : 'zh';
}
