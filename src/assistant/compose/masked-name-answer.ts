import type { Language } from '../answer.js';
import { uniqueCitations, type CiteQuote } from './cite.js';
import { draft, type Draft } from './draft.js';
import { t } from './messages.js';
import type { ScoredPassage } from './passage-answer.js';

/** "这份总结是哪个市的", "哪家报社": the question asks which place or outlet. */
const ASKS_WHICH =
  /哪个(市|县|区|镇|乡|村|军休所)|哪(家|个)(日报社|报社|电视台|电台)|\bwhich (city|county|district|town|village|newspaper|tv station)\b/i;
const ENGLISH_KIND: Record<string, string> = {
  city: '市',
  county: '县',
  district: '区',
  town: '镇',
  village: '村',
  newspaper: '日报社',
  'tv station': '电视台',
};

/**
 * The report masks the names of places and outlets ("**市退役军人事务局"): asked which one, the
 * answer is that the name is not disclosed, with the sentence that masks it — never a guess.
 * Undefined when the question asks no such thing or the best passages name it openly.
 */
export function composeMaskedNameAnswer(
  question: string,
  passages: ScoredPassage[],
  language: Language,
  cite: CiteQuote,
): Draft | undefined {
  const asked = ASKS_WHICH.exec(question);
  if (!asked) return undefined;
  const kind = asked[1] ?? asked[3] ?? ENGLISH_KIND[(asked[4] ?? '').toLowerCase()] ?? '';
  const masked = new RegExp(`[*＊]{2,}${kind}`);
  for (const { passage } of passages.slice(0, 3)) {
    const sentence = passage.quote.split(/(?<=[。；！？])/).find((s) => masked.test(s));
    if (!sentence) continue;
    const text =
      language === 'zh'
        ? '这里的名称未公开（公开版本中以“**”遮盖），我不作猜测。'
        : 'The name is not disclosed (masked as "**" in the public version), and I won\'t guess.';
    return draft('undisclosed', `${text}\n${t('quoteLabel', language)}：“${sentence.trim()}”`, {
      citations: uniqueCitations([cite(passage.doc, sentence.trim())]),
    });
  }
  return undefined;
}
