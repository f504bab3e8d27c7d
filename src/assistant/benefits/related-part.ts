import type { EntitlementCard } from '../../knowledge/types.js';
import type { CardIndex } from '../../retrieval/card-index.js';
import { SECOND_CARD_MARGIN, type MatchParams } from './calibration.js';
import { confidenceFor, missingFocus, type ClauseReading } from './match-cards.js';
import { namesAThing } from './named-words.js';

/** The question's glossary readings, which count as the words they translate. */
interface Glossed {
  boostTerms: readonly string[];
  glossedWords?: readonly string[] | undefined;
}

/**
 * Read alone, a later part of a question may fit a card the lead card names as related better than
 * the lead, which the asker's story lent its words ("…还没报到。报到有期限吗？晚了会怎样" →
 * 报到超期的后果) — and better than the part's own best card, when only the story lent that one its
 * words ("…老家在我们县下面一个镇。几天之内要去报到？晚了会怎么样" → not 回入伍地报到). The related
 * card must also say what the part names ("伙食费要自己掏吗": no card says 伙食费).
 */
export function relatedCardForPart(
  part: ClauseReading,
  lead: EntitlementCard,
  index: CardIndex,
  params: MatchParams,
  q: Glossed,
  question: { asking: readonly ClauseReading[]; chosen: readonly EntitlementCard[] },
): EntitlementCard | undefined {
  if (!part.best) return undefined;
  // Not for the lead's own part when another part has a clear card of its own, which the one
  // second place must go to ("…看病有没有优惠？想住光荣院能不能优先？").
  if (part.best.card === lead && anotherPartOwnsACard(part, question, index, params, q)) return undefined;
  const fitsAlone = (card: EntitlementCard) => confidenceFor(card, part.clause.text, index, params);
  const ownBestAlone = part.best.card !== lead ? fitsAlone(part.best.card) : 0;
  return lead.related
    .map((id) => index.card(id))
    .filter((c): c is EntitlementCard => c !== undefined)
    .find(
      (c) =>
        fitsAlone(c) >= params.minConfidence &&
        fitsAlone(c) > fitsAlone(lead) &&
        fitsAlone(c) > ownBestAlone &&
        missingFocus(part.clause.text, [c], q.boostTerms, index, {
          specific: false,
          glossedWords: q.glossedWords ?? [],
        }).length === 0,
    );
}

/**
 * Another asked part names a thing of its own and has a clear card, not yet chosen, that says what
 * the part names (no card gives 宿舍 for "宿舍能不能优先给他分").
 */
function anotherPartOwnsACard(
  part: ClauseReading,
  { asking, chosen }: { asking: readonly ClauseReading[]; chosen: readonly EntitlementCard[] },
  index: CardIndex,
  params: MatchParams,
  q: Glossed,
): boolean {
  return asking.some(
    (other) =>
      other !== part &&
      namesAThing(other.clause.text) &&
      other.best !== undefined &&
      !chosen.includes(other.best.card) &&
      other.best.confidence >= params.minConfidence + SECOND_CARD_MARGIN &&
      missingFocus(other.clause.text, [other.best.card], q.boostTerms, index, {
        specific: true,
        glossedWords: q.glossedWords ?? [],
      }).length === 0,
  );
}
