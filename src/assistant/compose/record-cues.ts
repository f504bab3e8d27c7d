import type { KnowledgeBase } from '../../knowledge/types.js';
import { quotedTerm } from '../understand/clauses.js';
import type { ComposeContext } from './compose-context.js';

/** A figure as the reports write it: "迁移的1041座烈士墓". */
const WRITTEN_FIGURE = /\d[\d.]*(?:万|千)?(?:座|名|人次|次|家|个|项|元|户|场|人)/g;
/** A run of the report's own words this long is its wording, not a common phrase. */
const RECORD_PHRASE_CHARS = 6;

/**
 * "迁移的1041座烈士墓分布在哪些区县", "“返乡第一课”是在哪个乡镇试点的", "集中迁移散葬烈士墓是几月份
 * 开始的": the question quotes one of the bureau's own documents (a figure, a quoted name or a run
 * of its wording that no law or card uses), so it is about the bureau's record, whatever else it
 * shares with a card.
 */
export function citesTheRecord(text: string, ctx: ComposeContext): boolean {
  const records = ctx.kb.documents.filter((d) => d.kind === 'report' || d.kind === 'other');
  const quoted = quotedTerm(text);
  const cited = [...(text.match(WRITTEN_FIGURE) ?? []), ...(quoted ? [quoted] : [])];
  if (records.some((d) => cited.some((c) => d.text.includes(c)))) return true;
  const { recordText, benefitsText } = wordings(ctx.kb);
  return recordPhrases(text).some((phrase) => recordText.includes(phrase) && !benefitsText.includes(phrase));
}

/** Every run of RECORD_PHRASE_CHARS Chinese characters, 的 left out ("集中迁移的散葬烈士墓"). */
function recordPhrases(text: string): string[] {
  const runs = withoutDe(text).match(/[\u4e00-\u9fff]+/g) ?? [];
  return runs.flatMap((run) =>
    Array.from({ length: Math.max(0, run.length - RECORD_PHRASE_CHARS + 1) }, (_, i) =>
      run.slice(i, i + RECORD_PHRASE_CHARS),
    ),
  );
}

/** "党的二十大精神" and "党二十大精神" are one wording: 的 is left out on both sides. */
const withoutDe = (text: string): string => text.replace(/的/g, '');

interface Wordings {
  /** The bureau's own documents (reports, uploads). */
  recordText: string;
  /** What the laws, the guides and the entitlement cards say. */
  benefitsText: string;
}

const wordingsByKb = new WeakMap<KnowledgeBase, Wordings>();

/** Both wordings with 的 left out, built once per knowledge base, not on every question. */
function wordings(kb: KnowledgeBase): Wordings {
  let found = wordingsByKb.get(kb);
  if (found === undefined) {
    const joined = (texts: string[]) => texts.map(withoutDe).join('\n');
    found = {
      recordText: joined(
        kb.documents.filter((d) => d.kind === 'report' || d.kind === 'other').map((d) => d.text),
      ),
      benefitsText: joined([
        ...kb.documents.filter((d) => d.kind === 'law' || d.kind === 'policy').map((d) => d.text),
        ...kb.cards.flatMap((c) => [c.title, c.question, c.answer, ...c.phrasings, ...c.keywords]),
      ]),
    };
    wordingsByKb.set(kb, found);
  }
  return found;
}
