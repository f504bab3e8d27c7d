import type { KnowledgeBase, Section } from '../../knowledge/types.js';
import type { Language } from '../answer.js';
import type { Passage } from '../ports.js';
import { passageCitation } from './cite.js';
import { draft, type Draft } from './draft.js';
import { sourceLabel } from './passage-answer.js';
import { alternativesOf } from './relevance.js';

/** "创业有什么扶持", "看病有啥优待": a broad question about a topic, not one entitlement. */
const BROAD =
  /有什么|有哪些|有啥|哪些|什么政策|什么待遇|什么优待|什么扶持|什么好处|what (support|benefits|help)|which benefits/i;
const MAX_ENTRIES = 6;

/**
 * A broad benefits question whose topic is a section of a policy guide ("（三）创业") is answered
 * with that section's entitlements, each with its legal basis, rather than with the one passage
 * that happens to share the most words.
 */
export function composeTopicOverview(
  question: string,
  terms: string[],
  kb: KnowledgeBase,
  language: Language,
): Draft | undefined {
  if (!BROAD.test(question)) return undefined;
  const section = topicSection(terms, kb);
  if (!section) return undefined;
  const doc = kb.documents.find((d) => d.id === section.docId);
  const chunks = kb.chunks.filter((c) => c.sectionId === section.id && c.text !== headingOf(section));
  if (!doc || chunks.length < 2) return undefined;
  const passages: Passage[] = chunks.slice(0, MAX_ENTRIES).map((c, i) => ({
    n: i + 1,
    chunkId: c.id,
    doc: c.docId,
    title: doc.title,
    kind: doc.kind,
    section: c.sectionPath.join(' › '),
    quote: c.text,
    score: 0,
  }));
  const first = passages[0]!;
  const lead =
    language === 'zh'
      ? `${sourceLabel(first, 'zh')}：`
      : `Here is what the guide says (in Chinese). ${sourceLabel(first, 'en')}:`;
  return draft('answered', `${lead}\n${passages.map((p) => `· ${p.quote}`).join('\n')}`, {
    citations: passages.map(passageCitation),
    topic: section.path[0] ?? '',
  });
}

/** The deepest policy section whose heading is exactly one of the question's terms. */
function topicSection(terms: string[], kb: KnowledgeBase): Section | undefined {
  const policyDocs = new Set(
    kb.documents.filter((d) => d.kind === 'policy' && !d.supersededBy).map((d) => d.id),
  );
  return kb.sections
    .filter((s) => policyDocs.has(s.docId) && s.path.length > 0)
    .filter((s) => terms.flatMap(alternativesOf).includes(topicOf(s)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** "（三）创业" → "创业"; "四、就业创业" → "就业创业". */
const topicOf = (s: Section): string =>
  headingOf(s)
    .replace(/^#+\s*/, '')
    .replace(/^[（(]?[一二三四五六七八九十\d]+[）)、.．]\s*/, '')
    .trim();

const headingOf = (s: Section): string => s.path[s.path.length - 1] ?? '';
