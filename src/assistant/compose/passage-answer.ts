import type { Language } from '../answer.js';
import type { Passage } from '../ports.js';
import { passageCitation } from './cite.js';
import { draft, type Draft } from './draft.js';
import { englishFigureGloss } from './english-gloss.js';
import type { Translation } from './relevance.js';
import { t } from './messages.js';

export interface ScoredPassage {
  passage: Passage;
  /** Share of the question's terms the passage (with its section title) holds. */
  coverage: number;
}

/** Passages this close to the best one are worth showing too. */
const CLOSE_TO_BEST = 0.6;
const MAX_PASSAGES = 3;

/**
 * The best 1–3 passages, verbatim, with where they come from. Passages are quoted, not
 * paraphrased: offline, the documents' own words are the most trustworthy answer.
 */
export function composePassageAnswer(
  scored: ScoredPassage[],
  language: Language,
  maxPassages = MAX_PASSAGES,
  asked: readonly Translation[] = [],
): Draft {
  const best = scored[0];
  if (!best) return draft('not_found', t('notFound', language));
  const chosen = scored
    .filter((s) => s.coverage >= best.coverage * CLOSE_TO_BEST)
    .slice(0, maxPassages)
    .sort((a, b) => (a.passage.doc === b.passage.doc ? orderOf(a.passage) - orderOf(b.passage) : 0));
  const lines = chosen.map((s) => `“${s.passage.quote}”`);
  // One passage: its section is the source; several: the citations list each section.
  const single = chosen.length === 1 || chosen.every((s) => s.passage.section === best.passage.section);
  const source = sourceLabel(single ? best.passage : { ...best.passage, section: '' }, language);
  const lead = language === 'zh' ? `${source}：` : `${t('englishLead', 'en')} ${source}:`;
  // An English reader gets the best passage's dates and figures in English too.
  const gloss = language === 'en' ? englishFigureGloss(best.passage.quote) : undefined;
  const terms = language === 'en' ? askedTermsGloss(asked, chosen) : undefined;
  const body = [lead, ...lines, ...(gloss ? [gloss] : []), ...(terms ? [terms] : [])].join('\n');
  return draft('answered', body, {
    citations: chosen.map((s) => passageCitation(s.passage)),
    topic: best.passage.section.split(' › ')[0] ?? '',
  });
}

/**
 * The asker's English words the quotes hold in Chinese ("full marks" → 满分): "Terms: 满分 (full
 * marks)", so an English reader finds the answer in the quote.
 */
function askedTermsGloss(
  asked: readonly Translation[],
  chosen: readonly ScoredPassage[],
): string | undefined {
  const held = asked.filter(
    (a, i) =>
      asked.findIndex((b) => b.term === a.term) === i && chosen.some((s) => s.passage.quote.includes(a.term)),
  );
  return held.length > 0 ? `Terms: ${held.map((a) => `${a.term} (${a.variant})`).join('; ')}` : undefined;
}

export function sourceLabel(p: Passage, language: Language): string {
  const section = p.section ? (language === 'zh' ? `「${p.section}」` : ` (${p.section})`) : '';
  return language === 'zh'
    ? `${t('accordingTo', 'zh')}《${p.title}》${section}`
    : `${t('accordingTo', 'en')} 《${p.title}》${section}`;
}

const orderOf = (p: Passage): number => Number(p.chunkId.split('#').pop() ?? 0);
