import { describe, expect, it } from 'vitest';
import { describeContent, isSystemFile, kindOfFile, sniffFormat } from '../../../../shared/logic/photo-format';

const bytes = (...parts: (number[] | string)[]) => {
  const out: number[] = [];
  for (const p of parts) out.push(...(typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p));
  while (out.length < 32) out.push(0);
  return new Uint8Array(out);
};

describe('sniffFormat', () => {
  it('knows each photo format by its bytes, not its name', () => {
    expect(sniffFormat(bytes([0xff, 0xd8, 0xff, 0xe1]))).toBe('jpeg');
    expect(sniffFormat(bytes([0x89], 'PNG\r\n'))).toBe('png');
    expect(sniffFormat(bytes('II', [42, 0]))).toBe('tiff');
    expect(sniffFormat(bytes('MM', [0, 42]))).toBe('tiff');
    expect(sniffFormat(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('webp');
    expect(sniffFormat(bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))).toBe('heif');
    expect(sniffFormat(bytes([0, 0, 0, 28], 'ftypmif1', [0, 0, 0, 0], 'mif1avifmiaf'))).toBe('avif');
    expect(sniffFormat(bytes([0, 0, 0, 20], 'ftypavif', [0, 0, 0, 0], 'avif'))).toBe('avif');
  });
  it('refuses text, videos and short files', () => {
    expect(sniffFormat(new TextEncoder().encode('this is not a photo, it only ends in .jpg'))).toBeNull();
    expect(sniffFormat(bytes([0, 0, 0, 20], 'ftypqt  '))).toBeNull();
    expect(sniffFormat(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });
});

describe('kindOfFile', () => {
  it('sorts a card by extension', () => {
    expect(kindOfFile('IMG_0001.JPG')).toBe('photo');
    expect(kindOfFile('IMG_0001.HEIC')).toBe('photo');
    expect(kindOfFile('IMG_0001.CR3')).toBe('raw');
    expect(kindOfFile('DSC_0001.NEF')).toBe('raw');
    expect(kindOfFile('IMG_0001.xmp')).toBe('sidecar');
    expect(kindOfFile('MVI_0001.MOV')).toBe('other');
  });
  it('ignores card clutter', () => {
    expect(isSystemFile('.DS_Store')).toBe(true);
    expect(isSystemFile('._IMG_0001.JPG')).toBe(true);
    expect(isSystemFile('Thumbs.db')).toBe(true);
    expect(isSystemFile('IMG_0001.JPG')).toBe(false);
  });
});

describe('describeContent', () => {
  it('tells text from binary for the failure message', () => {
    expect(describeContent(new TextEncoder().encode('hello world'))).toBe('text');
    expect(describeContent(new Uint8Array([0, 1, 2, 3, 0, 0, 0, 0]))).toBe('binary');
    expect(describeContent(new Uint8Array())).toBe('empty');
  });
});
