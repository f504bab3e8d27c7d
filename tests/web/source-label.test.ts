import { describe, expect, it } from 'vitest';
import { lawShortName, sourceLabel } from '../../src/web/source-label.js';

describe('sourceLabel', () => {
  it('names a law article by the law’s short name and the article', () => {
    const citation = { title: '中华人民共和国退役军人保障法', section: '第五章 优待 › 第四十二条' };
    expect(sourceLabel(citation, 'zh')).toBe('看依据：保障法第四十二条');
    expect(sourceLabel(citation, 'en')).toBe('Law: 保障法第四十二条');
    expect(sourceLabel({ title: '军人抚恤优待条例', section: '第三章 › 第三十二条' }, 'zh')).toBe(
      '看依据：抚恤优待条例第三十二条',
    );
  });

  it('names a report passage by its section heading, without numbering, cut when long', () => {
    const report = {
      title: '市退役军人事务局2022年度领导班子工作总结',
      section: '一、工作开展情况 › （四）聚焦高效发展真抓实干 › 3.褒扬纪念营造尊崇氛围',
    };
    expect(sourceLabel(report, 'zh')).toBe('看原文：褒扬纪念营造尊崇氛围');
    expect(sourceLabel({ title: '指南', section: '### （二）景区门票与城市公共交通的优待办法' }, 'zh')).toBe(
      '看原文：景区门票与城市公共交通的优…',
    );
    expect(sourceLabel({ title: '上传的文件', section: '' }, 'en')).toBe('Source: 上传的文件');
    // A heading that is only a number keeps it: the label is never empty.
    expect(sourceLabel({ title: '总结', section: '一、概况 › （四）' }, 'zh')).toBe('看原文：（四）');
  });
});

describe('lawShortName', () => {
  it.each([
    ['中华人民共和国退役军人保障法', '保障法'],
    ['退役军人安置条例', '安置条例'],
    ['军人抚恤优待条例', '抚恤优待条例'],
    ['烈士褒扬条例', '烈士褒扬条例'],
  ])('%s → %s', (title, short) => {
    expect(lawShortName(title)).toBe(short);
  });
});
