// Page wording, Chinese first. Elements carry data-i18n (text), data-i18n-placeholder,
// data-i18n-aria (aria-label) or data-i18n-alt; applyLanguage() fills them with textContent only.

const STRINGS = {
  zh: {
    chatTitle: '退役军人事务智能问答',
    dashboardTitle: '工作数据看板',
    dashboardLink: '数据看板',
    chatLink: '智能问答',
    nav: '页面导航',
    skipToQuestion: '跳到提问框',
    chatIntro: '根据本局公开的工作总结和政策文件回答问题，每个回答都注明出处。请勿输入身份证号等个人信息。',
    suggestTitle: '常见问题',
    conversation: '对话',
    questionLabel: '您的问题',
    questionPlaceholder: '例如：2022年网上祭扫有多少人？',
    send: '发送',
    sending: '正在回答…',
    askHint: '按 Enter 发送，Shift+Enter 换行。',
    close: '关闭',
    you: '您',
    assistant: '助手',
    sources: '出处',
    sourceHint: '点击查看原文段落',
    figures: '相关数据',
    actual: '实际',
    target: '目标',
    undisclosed: '未公开',
    undisclosedNote: '原文未公开具体数字',
    followUps: '您还可以问',
    helpful: '有帮助',
    notHelpful: '没帮助',
    thanks: '谢谢您的反馈！',
    feedbackFailed: '反馈未能提交，请稍后再试。',
    askFailed: '抱歉，暂时无法回答，请稍后再试。',
    rateLimited: '提问太频繁了，请稍等片刻再试。',
    passageFailed: '无法载入原文段落。',
    statusNotFound: '未找到',
    statusOutOfScope: '超出范围',
    statusUndisclosed: '未公开',
    modeLlm: '智能撰写',
    overviewHeading: '主要数据',
    overviewTitle: (y) => `${y}年主要数据`,
    honoursTitle: '主要荣誉与成绩',
    noFigures: '暂无已公开的数据。',
    targetsHeading: '年度目标',
    targetsTitle: (y) => `${y}年目标`,
    targetsAlt: '年度目标与完成情况图',
    downloadPng: '下载 PNG',
    downloadStats: '下载年度概览图',
    legendNote: '未公开：原文数字被隐去；未填报：尚无该年数据。',
    missing: '未填报',
    missingNote: '尚无该年数据',
    noTarget: '未设目标',
    groupCount: (n, d) => `${n}项指标 · ${d}项有公开数值`,
    tableTitle: '全部指标',
    category: '类别',
    year: '年份',
    all: '全部',
    latest: '最新',
    downloadCsv: '下载 CSV',
    colIndicator: '指标',
    colActual: '最新实际',
    colTarget: '目标',
    colProgress: '完成进度',
    colSource: '来源',
    rows: (n) => `共 ${n} 项指标`,
    loadFailed: '数据载入失败，请刷新页面重试。',
    staffUpdate: '工作人员更新',
    topics: {
      就业创业: ['2022年培训合格率是多少？', '2023年训后推荐就业率的目标是多少？'],
      褒扬纪念: ['2022年网上祭扫有多少人？', '集中迁移散葬烈士墓多少座？'],
      移交安置: ['移交安置任务什么时候完成的？', '2023年计划分配安置率目标是多少？'],
      荣誉成绩: ['2022年获得了哪些表彰？', '2022年工作有哪些主要成绩？'],
      政策待遇: ['退役军人有哪些优待？', '退役军人就业有什么扶持政策？'],
    },
  },
  en: {
    chatTitle: 'Veterans Affairs Assistant',
    dashboardTitle: 'Work Dashboard',
    dashboardLink: 'Dashboard',
    chatLink: 'Ask a question',
    nav: 'Site navigation',
    skipToQuestion: 'Skip to the question box',
    chatIntro:
      "Answers come from the bureau's published work reports and policy documents, each with its source. Please do not enter ID numbers or other personal data.",
    suggestTitle: 'Common questions',
    conversation: 'Conversation',
    questionLabel: 'Your question',
    questionPlaceholder: 'e.g. How many people visited the online memorial in 2022?',
    send: 'Send',
    sending: 'Answering…',
    askHint: 'Enter sends, Shift+Enter adds a line.',
    close: 'Close',
    you: 'You',
    assistant: 'Assistant',
    sources: 'Sources',
    sourceHint: 'Click to read the paragraph',
    figures: 'Figures',
    actual: 'actual',
    target: 'target',
    undisclosed: 'not disclosed',
    undisclosedNote: 'the source masks the number',
    followUps: 'You could also ask',
    helpful: 'Helpful',
    notHelpful: 'Not helpful',
    thanks: 'Thank you for your feedback!',
    feedbackFailed: 'Feedback could not be sent; please try again later.',
    askFailed: 'Sorry, no answer right now; please try again later.',
    rateLimited: 'Too many questions at once; please wait a moment.',
    passageFailed: 'The paragraph could not be loaded.',
    statusNotFound: 'not found',
    statusOutOfScope: 'out of scope',
    statusUndisclosed: 'not disclosed',
    modeLlm: 'written by AI',
    overviewHeading: 'Key figures',
    overviewTitle: (y) => `Key figures of ${y}`,
    honoursTitle: 'Honours and achievements',
    noFigures: 'No disclosed figures yet.',
    targetsHeading: 'Targets',
    targetsTitle: (y) => `Targets for ${y}`,
    targetsAlt: 'Targets and progress',
    downloadPng: 'Download PNG',
    downloadStats: 'Download the summary picture',
    legendNote: 'Not disclosed: the report masks the digits. Not entered: no value for that year yet.',
    missing: 'not entered',
    missingNote: 'no value for that year yet',
    noTarget: 'no target set',
    groupCount: (n, d) => `${n} indicators · ${d} with a disclosed value`,
    tableTitle: 'All indicators',
    category: 'Category',
    year: 'Year',
    all: 'All',
    latest: 'Latest',
    downloadCsv: 'Download CSV',
    colIndicator: 'Indicator',
    colActual: 'Latest actual',
    colTarget: 'Target',
    colProgress: 'Progress',
    colSource: 'Source',
    rows: (n) => `${n} indicators`,
    loadFailed: 'Loading failed; please reload the page.',
    staffUpdate: 'staff update',
    topics: {
      Employment: [
        'What was the training pass rate in 2022?',
        'What is the 2023 target for post-training job placement?',
      ],
      Remembrance: [
        'How many people visited the online memorial in 2022?',
        "How many martyrs' tombs were relocated?",
      ],
      Placement: [
        'When was the placement task completed?',
        'What is the planned placement rate target for 2023?',
      ],
      Honours: ['Which honours did the bureau receive in 2022?'],
      Benefits: ['What preferential treatment do veterans get?'],
    },
  },
};

const KEY = 'va-lang';

/** Topic ids for the question log (the Chinese names, in the same order as both topic tables). */
export const TOPIC_IDS = Object.keys(STRINGS.zh.topics);

/** The page language: the saved toggle choice, else Chinese (the bureau's working language). */
export function getLanguage() {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';
}

/** The string table of the current language. */
export function t() {
  return STRINGS[getLanguage()];
}

/** Fills every data-i18n* element and the toggle; `onChange` runs after a toggle. */
export function applyLanguage(onChange) {
  const lang = getLanguage();
  const s = STRINGS[lang];
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-i18n]'))
    el.textContent = s[el.dataset.i18n] ?? el.textContent;
  for (const el of document.querySelectorAll('[data-i18n-placeholder]'))
    el.placeholder = s[el.dataset.i18nPlaceholder];
  for (const el of document.querySelectorAll('[data-i18n-aria]'))
    el.setAttribute('aria-label', s[el.dataset.i18nAria]);
  for (const el of document.querySelectorAll('[data-i18n-alt]')) el.alt = s[el.dataset.i18nAlt];
  const title = document.querySelector('h1');
  if (title) document.title = title.textContent;
  const toggle = document.getElementById('lang-toggle');
  if (toggle) {
    toggle.textContent = lang === 'zh' ? 'English' : '中文';
    toggle.lang = lang === 'zh' ? 'en' : 'zh-CN';
    toggle.onclick = () => {
      localStorage.setItem(KEY, lang === 'zh' ? 'en' : 'zh');
      applyLanguage(onChange);
      onChange?.();
    };
  }
}

/** Creates an element with text content (never HTML) and optional class. */
export function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

/**
 * A figure ({ value, unit, approx? }) as the page shows it, like every server-made screen
 * (src/channels/figure-text.ts): "20000余人" with its 余/多 and written as the documents write it,
 * 未公开 when the source masks the value (null), 未填报 when there is no figure for the year.
 */
export function formatFigure(figure) {
  const s = t();
  if (!figure) return s.missing;
  if (figure.value === null || figure.value === undefined) return s.undisclosed;
  if (getLanguage() === 'zh') return `${figure.value}${figure.approx ?? ''}${figure.unit}`;
  const n = Number(figure.value).toLocaleString('en-US', { maximumFractionDigits: 2 });
  const shown = figure.unit === '%' ? `${n}%` : `${n} ${figure.unit}`;
  return figure.approx ? `over ${shown}` : shown;
}
