import type { Language } from '../answer.js';
import type { BureauContact } from '../../knowledge/types.js';

/**
 * Fixed product text, Chinese first. Kept free of digits on purpose: every number in an answer
 * must trace back to a source, and help text has none.
 */
export const MESSAGES = {
  empty: {
    zh: '请输入您的问题，例如：“老兵创业有什么扶持？”“去年迁移了多少座散葬烈士墓？”',
    en: 'Please type a question, for example: "What support is there for veterans starting a business?"',
  },
  scope: {
    zh: '我是市退役军人事务局的问答助手，可以回答退役军人政策待遇、本局年度工作数据和目标等问题，例如：“老兵创业有什么扶持？”“培训合格率的目标是多少？”',
    en: "I'm the veterans-affairs bureau's assistant. I can answer questions about veterans' benefits, the bureau's yearly figures and its targets — for example: \"What is the target for the training pass rate?\"",
  },
  greeting: {
    zh: '您好！',
    en: 'Hello! ',
  },
  truncated: {
    zh: '您的问题较长，我只回答了前面的部分；如有其他问题请分开提问。',
    en: 'Your message was long, so I answered only its first part; please ask other questions separately.',
  },
  notFound: {
    zh: '抱歉，现有资料中没有找到相关内容，我不作猜测。',
    en: "Sorry, I couldn't find this in the bureau's documents, and I won't guess.",
  },
  masked: {
    zh: '公开版本中该数字以“**”遮盖',
    en: 'masked as "**" in the public version',
  },
  localRule: {
    zh: '具体办法由地方制定，请以当地规定为准。',
    en: 'The details are set by local rules.',
  },
  quoteLabel: { zh: '原文', en: 'Source text (Chinese)' },
  accordingTo: { zh: '根据', en: 'According to' },
  englishLead: {
    zh: '',
    en: 'Here is what the documents say (quoted in Chinese):',
  },
} as const;

export const t = (key: keyof typeof MESSAGES, language: Language): string => MESSAGES[key][language];

/** The bureau's contact block; placeholders are shown as placeholders, never filled in. */
export function contactLine(bureau: BureauContact | undefined, language: Language): string {
  // Until the bureau fills in bureau.yaml, answers point to the local service station only: a
  // placeholder ("待公布") is a dead end for the person reading it.
  if (!bureau || bureau.placeholder) {
    return language === 'zh'
      ? '可咨询当地退役军人服务站。'
      : 'You can ask your local veterans service station (退役军人服务站).';
  }
  return language === 'zh'
    ? `可咨询当地退役军人服务站或${bureau.name}（服务时间：${bureau.hours}；电话：${bureau.hotline}；地址：${bureau.address}）。`
    : `You can ask your local veterans service station or ${bureau.name} (hours: ${bureau.hours}; phone: ${bureau.hotline}; address: ${bureau.address}).`;
}

/** Text of the contact block as a grounding source: its numbers are the bureau's own. */
export const contactSource = (bureau: BureauContact | undefined): string =>
  bureau ? `${bureau.name} ${bureau.hours} ${bureau.hotline} ${bureau.address}` : '';
