import type { Language } from '../answer.js';
import type { BureauContact } from '../../knowledge/types.js';
import type { ContactAsked } from '../understand/contact-question.js';
import { contactSource } from './messages.js';
import { draft, type Draft } from './draft.js';

const ASKED_ZH: Record<ContactAsked, string> = { hours: '办公时间', phone: '联系电话', address: '地址' };
const ASKED_EN: Record<ContactAsked, string> = {
  hours: 'office hours',
  phone: 'phone number',
  address: 'address',
};

/**
 * The bureau's own hours, phone or address from bureau.yaml. Each service station keeps its own,
 * which no document lists; until the bureau fills in its card, the answer says so and sends the
 * asker to the nearest station — never a made-up time or number.
 */
export function composeContactAnswer(
  asked: ContactAsked,
  bureau: BureauContact | undefined,
  language: Language,
): Draft {
  const zh = language === 'zh';
  if (!bureau || bureau.placeholder) {
    return draft(
      'not_found',
      zh
        ? `现有资料没有写明本局和各服务站的${ASKED_ZH[asked]}，我不作猜测。村（社区）、乡镇（街道）都设有退役军人服务站，请就近咨询当地退役军人服务站。`
        : `The documents do not state the ${ASKED_EN[asked]} of the bureau or of the service stations, and I won't guess. Every village, community, township and street office has a veterans service station (退役军人服务站): please ask the nearest one.`,
    );
  }
  const value = { hours: bureau.hours, phone: bureau.hotline, address: bureau.address }[asked];
  return draft(
    'answered',
    zh
      ? `${bureau.name}的${ASKED_ZH[asked]}：${value}。各服务站的${ASKED_ZH[asked]}以当地服务站公布的为准。`
      : `${bureau.name} — ${ASKED_EN[asked]}: ${value}. Each service station keeps its own; ask the one near you.`,
    { derived: [contactSource(bureau)] },
  );
}
