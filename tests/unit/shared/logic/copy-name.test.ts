import { describe, expect, it } from 'vitest';
import { copyFileName, safeFileNamePart } from '../../../../shared/logic/copy-name';

describe('copyFileName', () => {
  it('names a copy {date}_{photographer}_{seq}', () => {
    expect(
      copyFileName({
        capturedAt: '2025-05-12T09:30:00+08:00',
        fallbackDay: '2025-06-01',
        photographer: '张三',
        seq: 7,
        ext: '.JPG',
      }),
    ).toBe('20250512_张三_0007.jpg');
  });
  it('falls back to the import day and an unknown photographer', () => {
    expect(
      copyFileName({ capturedAt: null, fallbackDay: '2025-06-01', photographer: null, seq: 1, ext: '.heic' }),
    ).toBe('20250601_unknown_0001.heic');
  });
});

describe('safeFileNamePart', () => {
  it('makes names Windows accepts', () => {
    expect(safeFileNamePart('a/b:c*d?')).toBe('a_b_c_d_');
    expect(safeFileNamePart('王 伟')).toBe('王_伟');
    expect(safeFileNamePart('CON')).toBe('unknown');
    expect(safeFileNamePart('name. ')).toBe('name');
    expect(safeFileNamePart('')).toBe('unknown');
  });
});
