import type { Answer } from '../../assistant/answer.js';

const STATUS_LABEL: Record<Answer['status'], { zh: string; en: string }> = {
  answered: { zh: '已回答', en: 'answered' },
  undisclosed: { zh: '未公开', en: 'not disclosed' },
  not_found: { zh: '未找到', en: 'not found' },
  out_of_scope: { zh: '超出范围', en: 'out of scope' },
};

/** Plain-text rendering for terminals: the answer, numbered sources with their quotes, what to ask next. */
export function formatAnswerForTerminal(answer: Answer): string {
  const lang = answer.language;
  const lines = [answer.answer];
  if (answer.notice) lines.push('', `※ ${answer.notice}`);
  if (answer.citations.length > 0) {
    lines.push('', lang === 'zh' ? '来源：' : 'Sources:');
    answer.citations.forEach((c, i) => {
      lines.push(`  [${i + 1}] ${c.title}${c.section ? ` · ${c.section}` : ''}`, `      “${c.quote}”`);
    });
  }
  const next = answer.suggestions ?? [];
  if (next.length > 0)
    lines.push(
      '',
      `${lang === 'zh' ? '接着可以问：' : 'You could also ask: '}${next.join(lang === 'zh' ? ' ／ ' : ' / ')}`,
    );
  lines.push('', `(${STATUS_LABEL[answer.status][lang]} · ${answer.mode})`);
  return lines.join('\n');
}
