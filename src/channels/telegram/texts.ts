import type { Language } from '../../assistant/answer.js';

/**
 * User-facing text of the Telegram channel, Chinese first. HTML-safe literals only: anything
 * interpolated by callers is escaped there.
 */
export interface UiText {
  welcome: string;
  chooseTopic: string;
  chooseQuestion: string;
  briefButton: string;
  moreTopicsButton: string;
  backButton: string;
  /** Under a topic's overview answer: opens the topic's other questions. */
  topicQuestions: (topic: string) => string;
  /** Under a long answer: shows the rest (a card's conditions, basis and where to go; the sources). */
  moreButton: string;
  help: string;
  adminHelp: string;
  nonText: string;
  rateLimited: (seconds: number) => string;
  apology: (errorId: string) => string;
  notAdmin: string;
  sources: string;
  undisclosed: string;
  undisclosedNote: string;
  feedbackThanks: string;
  buttonExpired: string;
  noContext: string;
  chooseCategory: string;
  chooseFigure: string;
  figureNotFound: (name: string) => string;
  history: string;
  latest: string;
  target: string;
  actual: string;
  progress: string;
  noTargets: string;
  targetsTitle: (year: number) => string;
  statsTitle: (year: number) => string;
  keyFigures: string;
  headlines: string;
  statsMore: string;
  sourcesTitle: string;
  superseded: string;
  contact: string;
  setKpiUsage: string;
  /** Above the update an admin is asked to confirm. */
  setKpiConfirm: string;
  confirmWrite: string;
  cancel: string;
  note: string;
  setKpiCancelled: string;
  setKpiExpired: string;
  setKpiDone: string;
  reindexDone: (documents: number, chunks: number, figures: number) => string;
  reindexStarted: string;
  reindexRefused: string;
  noFeedback: string;
  feedbackTitle: string;
  usageTitle: (days: number) => string;
  perDay: string;
  topTopics: string;
  unanswered: string;
  none: string;
}

const zh: UiText = {
  welcome:
    '您好！我是退役军人事务局的问答助手。\n\n请点下面的按钮，选您想了解的事；也可以直接打字提问，比如“退伍后能领哪些钱？”。每个回答都写明依据。\n\n随时发送 /start 回到这里，重新开始。',
  chooseTopic: '请选择您想了解的事：',
  chooseQuestion: '请点一个问题：',
  briefButton: '📊 年度数据',
  moreTopicsButton: '更多问题 ▸',
  backButton: '◂ 返回主题',
  topicQuestions: (topic) => `${topic}：更多问题 ▸`,
  moreButton: '📖 更多',
  help: '直接发送文字问题即可，例如“退伍后能领哪些钱？”“2022年网上祭扫有多少人？”\n\n/start — 主题菜单（重新开始对话）\n/figures [指标] — 查询指标（别名 /kpi）\n/targets — 年度目标与完成情况\n/stats — 领导一屏概览\n/sources — 知识库中的文件\n/help — 帮助',
  adminHelp:
    '管理员命令：\n/reindex — 重建知识库索引\n/setkpi &lt;指标ID&gt; &lt;年份&gt; &lt;数值|未公开&gt; [target] [备注] — 记录指标新值\n/feedback — 最近的差评\n/usage — 使用情况',
  nonText: '目前只能处理文字消息，请用文字输入您的问题。😊',
  rateLimited: (s) => `您提问太快了，请休息一下，约 ${s} 秒后再问。谢谢理解！`,
  apology: (id) => `抱歉，处理您的消息时出了点问题，请稍后再试。（错误编号：${id}）`,
  notAdmin: '抱歉，此命令仅限管理员使用。',
  sources: '出处',
  undisclosed: '未公开',
  undisclosedNote: '🔒 <b>未公开</b>：该数据在公开文件中被隐去。',
  feedbackThanks: '谢谢您的反馈！',
  buttonExpired: '该按钮已过期，请重新提问。',
  noContext: '找不到这段原文，知识库可能已更新。',
  chooseCategory: '请选择指标类别：',
  chooseFigure: '请选择指标：',
  figureNotFound: (name) => `没有找到指标“${name}”。发送 /figures 查看全部类别。`,
  history: '历史',
  latest: '最新',
  target: '目标',
  actual: '实际',
  progress: '完成',
  noTargets: '暂无年度目标数据。',
  targetsTitle: (y) => `${y}年目标与完成情况`,
  statsTitle: (y) => `${y}年工作概览`,
  keyFigures: '关键数据',
  headlines: '主要荣誉与成绩',
  statsMore: '全部指标：/figures · 年度目标：/targets',
  sourcesTitle: '知识库文件',
  superseded: '已被替代',
  contact: '当面咨询',
  setKpiUsage:
    '用法：/setkpi &lt;指标ID&gt; &lt;年份&gt; &lt;数值|未公开&gt; [target] [备注]\n例如：/setkpi training_pass_rate 2023 98.5 年中统计\n（指标ID须完全一致，/figures 可查看各指标）',
  setKpiConfirm: '请核对后确认记录：',
  confirmWrite: '✅ 确认记录',
  cancel: '取消',
  note: '备注',
  setKpiCancelled: '已取消，没有记录任何数据。',
  setKpiExpired: '此确认已过期或已处理，没有记录。请重新发送 /setkpi。',
  setKpiDone: '已记录：',
  reindexDone: (d, c, f) => `索引已重建：${d} 个文件，${c} 个段落，${f} 个数据。`,
  reindexStarted: '正在重建索引…',
  reindexRefused:
    '未重建：知识库文件有误，仍使用之前的内容回答。请修正后再发送 /reindex（npm run ingest -- --check 可列出全部问题）。',
  noFeedback: '暂无差评。',
  feedbackTitle: '最近的差评',
  usageTitle: (d) => `最近 ${d} 天使用情况`,
  perDay: '每日提问',
  topTopics: '热门主题',
  unanswered: '未能回答的问题',
  none: '无',
};

const en: UiText = {
  welcome:
    'Hello! I am the veterans-affairs bureau\'s assistant.\n\nPress a button below to choose what you want to know, or type your question, e.g. "What money do I get when I leave the army?". Every answer says what it rests on.\n\nSend /start at any time to come back here and start again.',
  chooseTopic: 'Choose what you want to know:',
  chooseQuestion: 'Press a question:',
  briefButton: '📊 Yearly figures',
  moreTopicsButton: 'More topics ▸',
  backButton: '◂ Back to topics',
  topicQuestions: (topic) => `${topic}: more questions ▸`,
  moreButton: '📖 More',
  help: 'Just send a question as text, e.g. "What money do I get when I leave the army?" or "How many people visited the online memorial in 2022?"\n\n/start — topics (starts a new conversation)\n/figures [name] — look up an indicator (alias /kpi)\n/targets — this year\'s targets and progress\n/stats — one-screen summary\n/sources — documents in the knowledge base\n/help — this help',
  adminHelp:
    'Admin commands:\n/reindex — rebuild the index\n/setkpi &lt;id&gt; &lt;year&gt; &lt;value|未公开&gt; [target] [note] — record a new value\n/feedback — latest 👎\n/usage — usage',
  nonText: 'I can only read text for now. Please type your question. 😊',
  rateLimited: (s) => `You are asking very fast. Please wait about ${s} seconds and ask again. Thank you!`,
  apology: (id) => `Sorry, something went wrong with your message. Please try again later. (error id: ${id})`,
  notAdmin: 'Sorry, this command is for administrators only.',
  sources: 'Sources',
  undisclosed: 'not disclosed (未公开)',
  undisclosedNote: '🔒 <b>Not disclosed (未公开)</b>: the published document masks this figure.',
  feedbackThanks: 'Thank you for your feedback!',
  buttonExpired: 'This button has expired. Please ask again.',
  noContext: 'That passage is no longer in the knowledge base.',
  chooseCategory: 'Choose a category:',
  chooseFigure: 'Choose an indicator:',
  figureNotFound: (name) => `No indicator named "${name}". Send /figures to see all categories.`,
  history: 'History',
  latest: 'Latest',
  target: 'Target',
  actual: 'Actual',
  progress: 'Progress',
  noTargets: 'No targets are recorded yet.',
  targetsTitle: (y) => `Targets for ${y} and latest actuals`,
  statsTitle: (y) => `Summary of ${y}`,
  keyFigures: 'Key figures',
  headlines: 'Highlights',
  statsMore: 'All indicators: /figures · Targets: /targets',
  sourcesTitle: 'Documents in the knowledge base',
  superseded: 'superseded',
  contact: 'In person',
  setKpiUsage:
    'Usage: /setkpi &lt;id&gt; &lt;year&gt; &lt;value|未公开&gt; [target] [note]\nExample: /setkpi training_pass_rate 2023 98.5 mid-year count\n(the id must match exactly; /figures shows the indicators)',
  setKpiConfirm: 'Please check and confirm:',
  confirmWrite: '✅ Record it',
  cancel: 'Cancel',
  note: 'Note',
  setKpiCancelled: 'Cancelled; nothing was recorded.',
  setKpiExpired:
    'This confirmation has expired or was already used; nothing was recorded. Send /setkpi again.',
  setKpiDone: 'Recorded:',
  reindexDone: (d, c, f) => `Index rebuilt: ${d} documents, ${c} passages, ${f} figures.`,
  reindexStarted: 'Rebuilding the index…',
  reindexRefused:
    'Not rebuilt: a knowledge file is invalid, so the previous knowledge keeps answering. Fix it and send /reindex again (npm run ingest -- --check lists every problem).',
  noFeedback: 'No negative feedback yet.',
  feedbackTitle: 'Latest negative feedback',
  usageTitle: (d) => `Usage in the last ${d} days`,
  perDay: 'Questions per day',
  topTopics: 'Top topics',
  unanswered: 'Unanswered questions',
  none: 'none',
};

/** UI text for a language. */
export function uiText(language: Language): UiText {
  return language === 'en' ? en : zh;
}

/** The UI language for a Telegram user: English when their client is set to English. */
export function languageOf(languageCode: string | undefined): Language {
  return languageCode?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** Bot commands as registered with setMyCommands, per language. */
export function commandList(language: Language): { command: string; description: string }[] {
  const zhList = [
    ['start', '开始 / 主题'],
    ['figures', '查询指标'],
    ['kpi', '查询指标（同 /figures）'],
    ['targets', '年度目标与完成情况'],
    ['stats', '领导一屏概览'],
    ['sources', '知识库文件'],
    ['help', '帮助'],
  ];
  const enList = [
    ['start', 'Start / topics'],
    ['figures', 'Look up an indicator'],
    ['kpi', 'Look up an indicator (same as /figures)'],
    ['targets', 'Targets and progress'],
    ['stats', 'One-screen summary'],
    ['sources', 'Documents in the knowledge base'],
    ['help', 'Help'],
  ];
  return (language === 'en' ? enList : zhList).map(([command, description]) => ({
    command: command ?? '',
    description: description ?? '',
  }));
}
