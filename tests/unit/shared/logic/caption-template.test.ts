import { describe, expect, it } from 'vitest';
import {
  checkTemplate,
  daysApart,
  fillTemplate,
  formatDate,
  variablesIn,
} from '../../../../shared/logic/caption-template';
import { formatMessage } from '../../../../shared/i18n/messages';

describe('caption templates', () => {
  const values = {
    'worker.name': '占牡丹',
    'company.short': '科润智控',
    'campaign.theme': '工运百年承匠心 一张照片敬劳动',
    'photographer.credit': '摄影：陈晓明',
    'photo.date': '2025-05-12T09:30:00+08:00',
  };
  it('fills the campaign caption', () => {
    expect(fillTemplate('{worker.name} · {company.short}', values)).toBe('占牡丹 · 科润智控');
    expect(fillTemplate('{photographer.credit} · {photo.date:YYYY年M月}', values)).toBe('摄影：陈晓明 · 2025年5月');
  });
  it('drops the separator of an empty value instead of printing it', () => {
    expect(fillTemplate('{worker.name} · {company.short}', { 'worker.name': '王伟' })).toBe('王伟');
    expect(fillTemplate('{worker.quote}', {})).toBe('');
  });
  it('formats dates', () => {
    expect(formatDate('2025-05-02', 'YYYY.MM.DD')).toBe('2025.05.02');
    expect(formatDate('2025-05-02', 'M月D日')).toBe('5月2日');
  });
  it('names unknown variables and stray braces', () => {
    expect(checkTemplate('{worker.name}{worker.age}')).toEqual([
      {
        variable: 'worker.age',
        message: {
          key: 'caption.unknownVariable',
          params: { name: 'worker.age', known: expect.stringContaining('{worker.name}') },
        },
      },
    ]);
    expect(formatMessage(checkTemplate('{worker.name}{worker.age}')[0]!.message, 'en')).toMatch(
      /^unknown variable \{worker\.age\}/,
    );
    expect(checkTemplate('{worker.name:YYYY}')[0]!.message.key).toBe('caption.noFormat');
    expect(checkTemplate('{worker.name')[0]!.message).toEqual({
      key: 'caption.lone',
      params: { char: '{', text: '{worker.name' },
    });
    expect(checkTemplate('{worker.name} · {photo.date:YYYY年M月}')).toEqual([]);
    expect(checkTemplate('{photo.captured:YYYY.MM.DD}')).toEqual([]);
  });
  it('has the camera date apart from the shoot day, and counts the days between them', () => {
    expect(
      fillTemplate('{photo.date:YYYY年M月} / {photo.captured:YYYY年M月}', {
        'photo.date': '2025-05-12',
        'photo.captured': '2014-09-03T10:00:00',
      }),
    ).toBe('2025年5月 / 2014年9月');
    expect(daysApart('2025-05-12T23:59:00+08:00', '2025-05-12')).toBe(0);
    expect(daysApart('2025-04-01', '2025-05-12')).toBe(41);
    expect(daysApart(null, '2025-05-12')).toBeNull();
    expect(variablesIn('{worker.name} · {photo.date:M月}')).toEqual(['worker.name', 'photo.date']);
  });
});
