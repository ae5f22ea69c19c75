import { describe, expect, it } from 'vitest';
import { exhibitRule, photoUsage } from '../../../../shared/logic/photo-usage';
import type { Consent, Worker } from '../../../../shared/model/roster';

const worker = (name: string, consent: Consent): Worker => ({ id: `wk_${name}`, name, consent }) as Worker;

describe('photo usage', () => {
  it('lets a photo on the wall only when everyone in it agreed; an unasked worker puts it on the list to ask', () => {
    expect(exhibitRule([worker('占牡丹', 'exhibit'), worker('王伟', 'exhibit')])).toEqual({
      rule: 'yes',
      reason: null,
    });
    expect(exhibitRule([])).toEqual({ rule: 'yes', reason: null });
    expect(exhibitRule([worker('占牡丹', 'exhibit'), worker('王伟', 'unknown'), worker('周丽娟', 'unknown')])).toEqual({
      rule: 'ask',
      reason: { key: 'exhibit.unasked', params: { names: '王伟、周丽娟' } },
    });
    expect(exhibitRule([worker('王伟', 'unknown'), worker('周丽娟', 'declined')])).toEqual({
      rule: 'never',
      reason: { key: 'exhibit.declined', params: { name: '周丽娟' } },
    });
    expect(exhibitRule([worker('徐建军', 'gift-only')])).toMatchObject({
      rule: 'never',
      reason: { key: 'exhibit.giftOnly' },
    });
  });
  it('gifts a photo unless someone in it declined', () => {
    expect(photoUsage([worker('徐建军', 'gift-only'), worker('王伟', 'unknown')])).toMatchObject({
      mayGift: true,
      mayExhibit: false,
    });
    expect(photoUsage([worker('周丽娟', 'declined')]).mayGift).toBe(false);
  });
});
