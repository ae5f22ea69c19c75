import { describe, expect, it } from 'vitest';
import {
  normalizeCompanyName,
  normalizeEmployeeNo,
  normalizePersonName,
  stableId,
} from '../../../../shared/logic/names';

describe('normalizePersonName', () => {
  it.each([
    ['王　伟', '王伟'],
    ['王 伟', '王伟'],
    ['  占牡丹 ', '占牡丹'],
    ['李\u00a0 小  明', '李小明'],
    ['Li  Lei', 'Li Lei'],
    ['张三１', '张三1'],
  ])('%j → %j', (raw, out) => expect(normalizePersonName(raw)).toBe(out));
  it('gives empty for nothing', () => expect(normalizePersonName(null)).toBe(''));
});

describe('normalizeEmployeeNo', () => {
  it('keeps leading zeros and makes full-width digits half-width', () => {
    expect(normalizeEmployeeNo('00123')).toBe('00123');
    expect(normalizeEmployeeNo('０００４５')).toBe('00045');
    expect(normalizeEmployeeNo(' KR 0012 ')).toBe('KR0012');
    expect(normalizeEmployeeNo('')).toBeNull();
  });
});

describe('normalizeCompanyName', () => {
  it('trims a trailing space and folds runs of spaces', () => {
    expect(normalizeCompanyName('科润智能控制股份有限公司 ')).toBe('科润智能控制股份有限公司');
    expect(normalizeCompanyName('江山  华宇')).toBe('江山 华宇');
  });
});

describe('stableId', () => {
  it('is stable and differs by text', () => {
    expect(stableId('co', '科润')).toBe(stableId('co', '科润'));
    expect(stableId('co', '科润')).not.toBe(stableId('co', '华宇'));
    expect(stableId('co', '科润')).toMatch(/^co_[0-9a-f]{16}$/);
  });
});
