import { describe, expect, it } from 'vitest';
import { composeContactAnswer } from '../../src/assistant/compose/contact-answer.js';
import { contactAsked } from '../../src/assistant/understand/contact-question.js';
import { useCheckedAsk } from '../support/checked-ask.js';

/*
 * Questions about the offices themselves (hours, phone, address) are answered from the bureau's
 * contact card only, never from a figure or a card that shares a word with them.
 */
describe('contactAsked', () => {
  it.each([
    ['服务站几点上班', 'hours'],
    ['服务站周六上班吗', 'hours'],
    ['What are the office hours of the veterans service station?', 'hours'],
    ['服务站电话多少', 'phone'],
    ['退役军人事务局在哪里', 'address'],
  ])('%s asks for the %s', (question, asked) => {
    expect(contactAsked(question)).toBe(asked);
  });

  it.each([
    '优待证在哪领',
    '我们县有没有退役军人服务站 一般设在哪',
    '安置任务哪天完成的',
    '退伍军人办手机卡有话费优惠吗',
  ])('%s is not a contact question', (question) => {
    expect(contactAsked(question)).toBeUndefined();
  });
});

describe('composeContactAnswer', () => {
  const bureau = {
    name: '某市退役军人事务局',
    hours: '工作日9:00-17:00',
    hotline: '0000-0000000',
    address: '某路1号',
    placeholder: false,
  };

  it('gives the bureau card when it is filled in, with the card as the source of its numbers', () => {
    const a = composeContactAnswer('phone', bureau, 'zh');
    expect(a.status).toBe('answered');
    expect(a.answer).toContain('0000-0000000');
    expect(a.derived.join(' ')).toContain('0000-0000000');
  });

  it('says the documents do not state it while the card is a placeholder', () => {
    const a = composeContactAnswer('hours', { ...bureau, placeholder: true }, 'en');
    expect(a.status).toBe('not_found');
    expect(a.answer).not.toMatch(/\d/);
  });
});

describe('contact questions through the assistant', () => {
  const ask = useCheckedAsk();

  it('never answers office hours or a phone number with a figure of the report', async () => {
    for (const question of [
      '服务站几点上班',
      '服务站电话多少',
      'What time does the veterans service station open?',
    ]) {
      const a = await ask(question);
      expect(a.status).toBe('not_found');
      expect(a.answer).not.toMatch(/\d/);
    }
  });
});
