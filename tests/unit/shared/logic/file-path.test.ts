import { describe, expect, it } from 'vitest';
import {
  displayName,
  displayPath,
  isRawPathToken,
  rawPathBytes,
  rawPathToken,
} from '../../../../shared/logic/file-path';

describe('raw path tokens', () => {
  it('keep every byte of a name that is not UTF-8, and show it with replacement characters', () => {
    // "照片.jpg" in GBK: bytes no UTF-8 decoder can read.
    const bytes = Uint8Array.from([...Buffer.from('/card/'), 0xd5, 0xd5, 0xc6, 0xac, ...Buffer.from('.jpg')]);
    const token = rawPathToken(bytes);
    expect(isRawPathToken(token)).toBe(true);
    expect(isRawPathToken('/card/a.jpg')).toBe(false);
    expect(Array.from(rawPathBytes(token))).toEqual(Array.from(bytes));
    // Some GBK byte pairs happen to be valid UTF-8; the rest show as replacement characters.
    expect(displayPath(token)).toMatch(/^\/card\/\uFFFD\uFFFD.*\.jpg$/);
    expect(displayName(token)).toMatch(/^\uFFFD\uFFFD.*\.jpg$/);
    expect(displayName('C:\\DCIM\\IMG_1.JPG')).toBe('IMG_1.JPG');
  });
});
