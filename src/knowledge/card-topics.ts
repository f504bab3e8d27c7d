// Apart from card-schema.ts so that answering (menus, topic lists) does not load zod and yaml.
/** The topics cards are filed under: menus in the chat channels list them in this order. */
export const CARD_TOPICS = {
  report: { zh: '报到与档案', en: 'Reporting, files and hukou' },
  placement: { zh: '安置与退役金', en: 'Placement and retirement pay' },
  jobs: { zh: '就业创业', en: 'Jobs and business' },
  education: { zh: '上学培训', en: 'Education and training' },
  insurance: { zh: '养老医疗保险', en: 'Social insurance' },
  medical: { zh: '看病医疗', en: 'Medical care' },
  preferential: { zh: '优待证与出行优待', en: 'Preferential card and concessions' },
  living: { zh: '生活补助与住房', en: 'Living allowances and housing' },
  disability: { zh: '伤残抚恤', en: 'Disability pensions' },
  death: { zh: '牺牲病故抚恤', en: 'Death benefits' },
  martyrs: { zh: '烈士与烈属', en: 'Martyrs and their families' },
  family: { zh: '军属优待', en: 'Families of service members' },
  honours: { zh: '荣誉与褒扬', en: 'Honours and recognition' },
  rights: { zh: '服务与维权', en: 'Services and rights' },
} as const;

export type CardTopic = keyof typeof CARD_TOPICS;
