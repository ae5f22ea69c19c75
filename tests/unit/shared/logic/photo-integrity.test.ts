import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../../shared/i18n/messages';
import { findTruncation, truncationMessage } from '../../../../shared/logic/photo-integrity';

// Files built byte by byte: each format's structure as its specification lays it out, nothing decoded.
const text = (s: string) => [...s].map((c) => c.charCodeAt(0));
const be = (n: number, size: number) =>
  Array.from({ length: size }, (_, i) => Math.floor(n / 256 ** (size - 1 - i)) % 256);
const le = (n: number, size: number) => be(n, size).reverse();
const cat = (...parts: number[][]) => parts.flat();
const cut = (file: number[], length: number) => new Uint8Array(file.slice(0, length));
const whole = (file: number[]) => new Uint8Array(file);

// --- ISO-BMFF: ftyp, meta (iinf, iloc), mdat ---
const box = (type: string, ...payload: number[][]) => cat(be(8 + payload.flat().length, 4), text(type), ...payload);
const fullBox = (type: string, version: number, ...payload: number[][]) => box(type, [version, 0, 0, 0], ...payload);
const ftyp = box('ftyp', text('heic'), be(0, 4), text('mif1heic'));
const infe = (id: number, type: string) => fullBox('infe', 2, be(id, 2), be(0, 2), text(type), [0]);

/** A HEIF whose items lie in the mdat after the meta box: item 1 (hvc1) the picture, item 2 its Exif. */
function heif(opts: { ilocVersion?: 0 | 1 | 2; picture?: number; exif?: number } = {}) {
  const { ilocVersion = 0, picture = 600, exif = 40 } = opts;
  const iloc = (mdatData: number) => {
    const item = (id: number, offset: number, length: number) =>
      cat(
        ilocVersion < 2 ? be(id, 2) : be(id, 4),
        ilocVersion >= 1 ? be(0, 2) : [],
        be(0, 2),
        be(1, 2),
        be(offset, 4),
        be(length, 4),
      );
    // offset_size 4, length_size 4, base_offset_size 0, index_size 0
    return fullBox(
      'iloc',
      ilocVersion,
      [0x44, 0x00],
      ilocVersion < 2 ? be(2, 2) : be(2, 4),
      item(2, mdatData, exif),
      item(1, mdatData + exif, picture),
    );
  };
  const iinf = fullBox('iinf', 0, be(2, 2), infe(1, 'hvc1'), infe(2, 'Exif'));
  const meta = (mdatData: number) => fullBox('meta', 0, fullBox('pitm', 0, be(1, 2)), iinf, iloc(mdatData));
  const before = ftyp.length + meta(0).length;
  const mdat = box('mdat', new Array(exif + picture).fill(7));
  return cat(ftyp, meta(before + 8), mdat);
}

describe('findTruncation: ISO-BMFF (HEIF, AVIF, CR3)', () => {
  it('finds a whole file whole, in every iloc version', () => {
    for (const v of [0, 1, 2] as const)
      expect(findTruncation(whole(heif({ ilocVersion: v }))), `iloc v${v}`).toBeNull();
  });

  it('names the item whose extent runs past the end, with its type, the byte it needs and the bytes there are', () => {
    for (const v of [0, 1, 2] as const) {
      const file = heif({ ilocVersion: v });
      const half = Math.floor(file.length / 2);
      expect(findTruncation(cut(file, half)), `iloc v${v}`).toEqual({
        part: 'item 1 (hvc1)',
        end: file.length,
        size: half,
      });
    }
  });

  it('finds one byte missing; without a meta box (a CR3), names the box that runs past the end', () => {
    const file = heif({ exif: 40 });
    expect(findTruncation(cut(file, file.length - 1))).toEqual({
      part: 'item 1 (hvc1)',
      end: file.length,
      size: file.length - 1,
    });
    // No meta at all (a CR3's moov/mdat): the box that runs past the end is named.
    const cr3 = cat(box('ftyp', text('crx '), be(0, 4)), box('moov', [1, 2, 3]), box('mdat', new Array(100).fill(0)));
    expect(findTruncation(cut(cr3, cr3.length - 30))).toEqual({
      part: 'mdat box',
      end: cr3.length,
      size: cr3.length - 30,
    });
  });

  it('finds a cut inside the meta box, and a 64-bit box size', () => {
    const file = heif();
    expect(findTruncation(cut(file, ftyp.length + 20))).toMatchObject({ part: 'meta box', size: ftyp.length + 20 });
    const large = cat(ftyp, be(1, 4), text('mdat'), be(0, 4), be(16 + 50, 4), new Array(50).fill(1));
    expect(findTruncation(whole(large))).toBeNull();
    expect(findTruncation(cut(large, large.length - 10))).toEqual({
      part: 'mdat box',
      end: large.length,
      size: large.length - 10,
    });
  });

  it('leaves what it cannot follow to the decoder: a box smaller than its header, a last box "to the end"', () => {
    expect(findTruncation(whole(cat(ftyp, be(3, 4), text('meta'), new Array(20).fill(0))))).toBeNull();
    expect(findTruncation(whole(cat(ftyp, be(0, 4), text('mdat'), [1, 2, 3])))).toBeNull();
  });
});

// --- TIFF: header, IFD0 (strips), a SubIFD, the chain ---
/** A little- or big-endian TIFF: IFD0 at 8 with one strip of pixels after it, and an ICC profile after that. */
function tiff(order: 'II' | 'MM', opts: { ifdLast?: boolean } = {}) {
  const n = order === 'II' ? le : be;
  const pixels = new Array(300).fill(9);
  const icc = new Array(60).fill(3);
  const entries = 4;
  const ifdSize = 2 + 12 * entries + 4;
  const entry = (tag: number, type: number, count: number, value: number) =>
    cat(n(tag, 2), n(type, 2), n(count, 4), type === 3 && count === 1 ? cat(n(value, 2), [0, 0]) : n(value, 4));
  const ifdAt = opts.ifdLast ? 8 + pixels.length + icc.length : 8;
  const pixelsAt = opts.ifdLast ? 8 : 8 + ifdSize;
  const iccAt = pixelsAt + pixels.length;
  const ifd = cat(
    n(entries, 2),
    entry(0x100, 3, 1, 10),
    entry(0x111, 4, 1, pixelsAt),
    entry(0x117, 4, 1, pixels.length),
    entry(0x8773, 7, icc.length, iccAt),
    n(0, 4),
  );
  const head = cat(text(order), n(42, 2), n(ifdAt, 4));
  return opts.ifdLast ? cat(head, pixels, icc, ifd) : cat(head, ifd, pixels, icc);
}

describe('findTruncation: TIFF and RAW files built on it', () => {
  it('finds whole files whole, either byte order', () => {
    for (const order of ['II', 'MM'] as const) {
      expect(findTruncation(whole(tiff(order)))).toBeNull();
      expect(findTruncation(whole(tiff(order, { ifdLast: true })))).toBeNull();
    }
  });

  it('names the strip (or tag) that runs past the end', () => {
    const file = tiff('II');
    const inPixels = 8 + 2 + 12 * 4 + 4 + 100;
    expect(findTruncation(cut(file, inPixels))).toEqual({ part: 'IFD0 ICCProfile', end: file.length, size: inPixels });
    expect(findTruncation(cut(file, file.length - 10))).toEqual({
      part: 'IFD0 ICCProfile',
      end: file.length,
      size: file.length - 10,
    });
    const mm = tiff('MM');
    const stripEnd = 8 + 2 + 12 * 4 + 4 + 300;
    // Cut in the strip with the profile gone too: the profile reaches furthest.
    expect(findTruncation(cut(mm, stripEnd - 1))?.part).toBe('IFD0 ICCProfile');
  });

  it('names IFD0 when the directory written at the end of the file is gone', () => {
    const file = tiff('II', { ifdLast: true });
    const ifdAt = 8 + 300 + 60;
    expect(findTruncation(cut(file, 200))).toEqual({ part: 'IFD0', end: ifdAt + 2, size: 200 });
    expect(findTruncation(cut(file, ifdAt + 10))).toEqual({ part: 'IFD0', end: ifdAt + 2 + 12 * 4, size: ifdAt + 10 });
  });

  it('follows SubIFDs and the IFD chain (a RAW keeps its preview and its raw data there)', () => {
    // IFD0 → SubIFD1 with a 200-byte JPEG (JPEGInterchangeFormat/Length); IFD0 → IFD1 with a 100-byte strip.
    const raw = (jpegFirst: boolean) => {
      const entry = (tag: number, type: number, count: number, value: number) =>
        cat(le(tag, 2), le(type, 2), le(count, 4), le(value, 4));
      const ifd0At = 8,
        subAt = ifd0At + 18,
        ifd1At = subAt + 30,
        dataAt = ifd1At + 30;
      const jpegAt = jpegFirst ? dataAt : dataAt + 100;
      const stripAt = jpegFirst ? dataAt + 200 : dataAt;
      const file = cat(
        text('II'),
        le(42, 2),
        le(ifd0At, 4),
        le(1, 2),
        entry(0x14a, 4, 1, subAt),
        le(ifd1At, 4),
        le(2, 2),
        entry(0x201, 4, 1, jpegAt),
        entry(0x202, 4, 1, 200),
        le(0, 4),
        le(2, 2),
        entry(0x111, 4, 1, stripAt),
        entry(0x117, 4, 1, 100),
        le(0, 4),
        new Array(300).fill(1),
      );
      return { file, lastAt: Math.max(jpegAt, stripAt) };
    };
    for (const jpegFirst of [true, false]) {
      const { file, lastAt } = raw(jpegFirst);
      expect(findTruncation(whole(file))).toBeNull();
      expect(findTruncation(cut(file, lastAt + 50))).toEqual({
        part: jpegFirst ? 'IFD1 strip' : 'SubIFD1 JPEG',
        end: file.length,
        size: lastAt + 50,
      });
    }
  });

  it('knows ORF and RW2 headers; refuses garbage and BigTIFF rather than guess', () => {
    const orf = tiff('II');
    orf.splice(2, 2, ...le(0x4f52, 2));
    expect(findTruncation(cut(orf, 100))?.part).toBe('IFD0 ICCProfile');
    const garbage = cat(text('II'), le(42, 2), le(3, 4), new Array(40).fill(0));
    expect(findTruncation(whole(garbage))).toBeNull();
    expect(findTruncation(whole(cat(text('II'), le(43, 2), le(8, 2), le(0, 2), new Array(40).fill(0))))).toBeNull();
  });
});

// --- JPEG: segments, then scan data up to EOI ---
/** SOI, an APP1 holding a thumbnail JPEG (with its own EOI), DQT, SOF0, SOS, scan data with stuffed 0xFF and restarts, EOI. */
function jpeg(trailer: number[] = []) {
  const segment = (marker: number, payload: number[]) => cat([0xff, marker], be(payload.length + 2, 2), payload);
  const thumbnail = cat([0xff, 0xd8], new Array(30).fill(1), [0xff, 0xd9]);
  const scan = cat(
    new Array(100).fill(0x35),
    [0xff, 0x00],
    new Array(100).fill(0x47),
    [0xff, 0xd0],
    new Array(100).fill(0x51),
  );
  return cat(
    [0xff, 0xd8],
    segment(0xe1, cat(text('Exif'), [0, 0], thumbnail)),
    segment(0xdb, new Array(65).fill(2)),
    segment(0xc0, new Array(15).fill(3)),
    segment(0xda, new Array(10).fill(4)),
    scan,
    [0xff, 0xd9],
    trailer,
  );
}

describe('findTruncation: JPEG', () => {
  const scanAt = jpeg().length - 2 - 304;

  it('finds a whole file whole, with whatever a phone appends after EOI', () => {
    expect(findTruncation(whole(jpeg()))).toBeNull();
    expect(findTruncation(whole(jpeg(cat([0, 0, 0, 24], text('ftypmp42'), new Array(100).fill(0)))))).toBeNull();
  });

  it('names the header segment cut short, with the byte it needs', () => {
    expect(findTruncation(cut(jpeg(), 20))).toEqual({ part: 'APP1 segment', end: 4 + 6 + 34 + 2, size: 20 });
  });

  it('finds scan data with no EOI after it, whatever EOI the header (a thumbnail) holds', () => {
    for (const at of [scanAt + 10, scanAt + 150, jpeg().length - 1])
      expect(findTruncation(cut(jpeg(), at)), `cut at ${at}`).toEqual({ part: 'JPEG scan data', end: null, size: at });
  });

  it('leaves bytes broken in the middle (fake markers and all) to the decoder, while the EOI is there', () => {
    const broken = jpeg();
    broken.splice(scanAt + 20, 8, 0xff, 0xc3, 0x40, 0x00, 0xff, 0xda, 0x7f, 0xff);
    expect(findTruncation(whole(broken))).toBeNull();
  });
});

// --- WebP, PNG, RAF ---
function webp() {
  const vp8 = cat(text('VP8 '), le(101, 4), new Array(101).fill(5), [0]); // odd size: one pad byte
  const exif = cat(text('EXIF'), le(10, 4), new Array(10).fill(1));
  const body = cat(text('WEBP'), vp8, exif);
  return cat(text('RIFF'), le(body.length, 4), body);
}
function png() {
  const chunk = (type: string, data: number[]) => cat(be(data.length, 4), text(type), data, [0, 0, 0, 0]);
  return cat(
    [0x89],
    text('PNG\r\n'),
    [0x1a, 0x0a],
    chunk('IHDR', new Array(13).fill(0)),
    chunk('IDAT', new Array(500).fill(8)),
    chunk('IDAT', new Array(200).fill(8)),
    chunk('IEND', []),
  );
}

describe('findTruncation: WebP, PNG and RAF', () => {
  it('WebP: names the chunk cut short, or the RIFF when only what follows the chunks is gone', () => {
    const file = webp();
    expect(findTruncation(whole(file))).toBeNull();
    expect(findTruncation(cut(file, 60))).toEqual({ part: 'VP8 chunk', end: 12 + 8 + 101, size: 60 });
    expect(findTruncation(cut(file, file.length - 4))).toEqual({
      part: 'EXIF chunk',
      end: file.length,
      size: file.length - 4,
    });
    expect(findTruncation(cut(file, 12 + 8 + 102 + 4))).toEqual({
      part: 'RIFF',
      end: file.length,
      size: 12 + 8 + 102 + 4,
    });
  });

  it('PNG: names the image data cut short; a file cut in its closing IEND still holds the whole picture', () => {
    const file = png();
    expect(findTruncation(whole(file))).toBeNull();
    expect(findTruncation(cut(file, 300))).toEqual({ part: 'IDAT chunk', end: 8 + 25 + 512, size: 300 });
    expect(findTruncation(cut(file, file.length - 2))).toBeNull();
  });

  it('RAF: names the JPEG preview when it runs past the end', () => {
    const jpeg = new Array(300).fill(0xd8);
    const file = cat(
      text('FUJIFILMCCD-RAW '),
      new Array(84 - 16).fill(0x20),
      be(120, 4),
      be(jpeg.length, 4),
      new Array(120 - 92).fill(0),
      jpeg,
    );
    expect(findTruncation(whole(file))).toBeNull();
    expect(findTruncation(cut(file, 250))).toEqual({ part: 'JPEG preview', end: 420, size: 250 });
  });

  it('leaves text, short files and what it does not follow alone', () => {
    expect(
      findTruncation(
        whole(cat([0xff, 0xd8, 0xff, 0xe0, 0, 16], new Array(14).fill(0), [0x12, 0x34], new Array(40).fill(0))),
      ),
    ).toBeNull();
    expect(findTruncation(new TextEncoder().encode('not a photo at all, only named like one'))).toBeNull();
    expect(findTruncation(new Uint8Array([0x89, 0x50]))).toBeNull();
  });
});

describe('truncationMessage', () => {
  it('says what is wrong in each language, with the part and both byte counts', () => {
    const m = truncationMessage({ part: 'item 1 (hvc1)', end: 29208, size: 14604 });
    expect(formatMessage(m, 'en')).toBe(
      'truncated: the file ends before the picture does (item 1 (hvc1) runs to byte 29208; the file ends at byte 14604)',
    );
    expect(formatMessage(m, 'zh')).toContain('29208');
    expect(formatMessage(truncationMessage({ part: 'JPEG scan data', end: null, size: 5000 }), 'en')).toBe(
      'truncated: the file ends before the picture does (the file ends at byte 5000, inside the JPEG scan data)',
    );
  });
});
