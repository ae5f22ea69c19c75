import { describe, expect, it } from 'vitest';
import {
  cleanText,
  dmsToDegrees,
  MAX_KEYWORDS,
  MAX_PEOPLE,
  normalizeDateTime,
  normalizeMetadata,
  normalizeOffset,
  toNumber,
} from '../../../../shared/logic/exif-normalize';

describe('normalizeDateTime', () => {
  it('keeps the wall-clock time and adds the offset the file records', () => {
    expect(normalizeDateTime('2025:05:12 09:30:05', '+08:00')).toBe('2025-05-12T09:30:05+08:00');
    expect(normalizeDateTime('2025:05:12 09:30:05', '+0800')).toBe('2025-05-12T09:30:05+08:00');
    expect(normalizeDateTime('2025:05:12 09:30:05')).toBe('2025-05-12T09:30:05');
  });
  it('reads XMP dates with their own zone and drops sub-seconds', () => {
    expect(normalizeDateTime('2014-09-21T16:00:56.000000+02:00')).toBe('2014-09-21T16:00:56+02:00');
    expect(normalizeDateTime('2012-08-27T15:37:28Z')).toBe('2012-08-27T15:37:28+00:00');
  });
  it('refuses empty, zeroed and impossible dates', () => {
    expect(normalizeDateTime('0000:00:00 00:00:00')).toBeNull();
    expect(normalizeDateTime('    :  :     :  :  ')).toBeNull();
    expect(normalizeDateTime('2025:13:01 10:00:00')).toBeNull();
    expect(normalizeDateTime('')).toBeNull();
    expect(normalizeDateTime(undefined)).toBeNull();
  });
  it('gives the same answer whatever the process time zone is', () => {
    const before = process.env.TZ;
    const results = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai'].map((tz) => {
      process.env.TZ = tz;
      return normalizeDateTime('2025:05:12 23:59:59', '+08:00');
    });
    process.env.TZ = before;
    expect(new Set(results)).toEqual(new Set(['2025-05-12T23:59:59+08:00']));
  });
});

describe('normalizeOffset', () => {
  it.each([
    ['+08:00', '+08:00'],
    ['-0530', '-05:30'],
    ['Z', '+00:00'],
    ['+8', '+08:00'],
    ['nonsense', null],
    ['+25:00', null],
  ])('%s → %s', (input, out) => expect(normalizeOffset(input)).toBe(out));
});

describe('toNumber', () => {
  it('accepts what exifr hands over', () => {
    expect(toNumber(5.6)).toBe(5.6);
    expect(toNumber('1/125')).toBeCloseTo(0.008);
    expect(toNumber('f/2.8')).toBeNull();
    expect(toNumber('100')).toBe(100);
    expect(toNumber([200, 0])).toBe(200);
    expect(toNumber(new Uint16Array([400]))).toBe(400);
    expect(toNumber('1/0')).toBeNull();
    expect(toNumber(Number.NaN)).toBeNull();
  });
});

describe('dmsToDegrees', () => {
  it('reads EXIF rationals and XMP strings', () => {
    expect(dmsToDegrees([43, 28, 1.764])).toBeCloseTo(43.46715666, 6);
    expect(dmsToDegrees('43,28.0294N')).toBeCloseTo(43.467157, 5);
    expect(dmsToDegrees('3,45,49.46W')).toBeCloseTo(-3.76374, 4);
    expect(dmsToDegrees([1, Number.NaN])).toBeNull();
  });
});

describe('cleanText', () => {
  it('strips NUL padding and blank strings', () => {
    expect(cleanText('NIKON\u0000\u0000')).toBe('NIKON');
    expect(cleanText('      ')).toBeNull();
    expect(cleanText(new Uint8Array([65, 66, 0]))).toBe('AB');
  });
});

describe('normalizeMetadata', () => {
  it('turns an EXIF block into the photo metadata', () => {
    const { metadata, warnings } = normalizeMetadata({
      exif: {
        ifd0: { Make: 'Canon', Model: 'Canon EOS R5', Orientation: 6, Artist: '张三', Copyright: '江山市总工会' },
        exif: {
          DateTimeOriginal: '2025:05:12 09:30:00',
          OffsetTimeOriginal: '+08:00',
          ExposureTime: 0.008,
          FNumber: 4,
          ISO: 400,
          FocalLength: 35,
          LensModel: 'RF24-70mm F2.8 L IS USM',
        },
        gps: {
          GPSLatitudeRef: 'N',
          GPSLatitude: [28, 44, 24],
          GPSLongitudeRef: 'E',
          GPSLongitude: [118, 37, 12],
          GPSAltitude: 95.5,
          GPSAltitudeRef: new Uint8Array([0]),
        },
      },
    });
    expect(warnings).toEqual([]);
    expect(metadata).toMatchObject({
      capturedAt: '2025-05-12T09:30:00+08:00',
      make: 'Canon',
      model: 'Canon EOS R5',
      lens: 'RF24-70mm F2.8 L IS USM',
      orientation: 6,
      exposureTime: 0.008,
      fNumber: 4,
      iso: 400,
      focalLength: 35,
      artist: '张三',
      copyright: '江山市总工会',
    });
    expect(metadata.gps!.lat).toBeCloseTo(28.74, 5);
    expect(metadata.gps!.lon).toBeCloseTo(118.62, 5);
    expect(metadata.gps!.alt).toBe(95.5);
  });

  it('signs southern, western and below-sea-level positions, however the ref arrives', () => {
    const { metadata } = normalizeMetadata({
      exif: {
        gps: {
          GPSLatitudeRef: 'S\u0000',
          GPSLatitude: [33, 52, 0],
          GPSLongitudeRef: 'W',
          GPSLongitude: [70, 0, 0],
          GPSAltitude: '12/1',
          GPSAltitudeRef: new Uint8Array([1]),
        },
      },
    });
    expect(metadata.gps).toEqual({ lat: expect.closeTo(-33.8667, 3), lon: -70, alt: -12 });
  });

  it('falls back to XMP where EXIF is silent, and lets a sidecar win over the embedded packet', () => {
    const { metadata } = normalizeMetadata({
      xmp: {
        dc: { title: { lang: 'x-default', value: 'embedded' }, subject: ['车间', '匠心'], creator: ['李四'] },
        exif: { DateTimeOriginal: '2025-05-13T10:00:00+08:00', GPSLatitude: '28,44.4N', GPSLongitude: '118,37.2E' },
        xmp: { Rating: 3 },
      },
      sidecar: {
        dc: { title: { lang: 'x-default', value: '占牡丹在调试设备' } },
        Iptc4xmpExt: { PersonInImage: ['占牡丹'], OrganisationInImageName: ['科润智控'] },
      },
    });
    expect(metadata.title).toBe('占牡丹在调试设备');
    expect(metadata.keywords).toEqual(['车间', '匠心']);
    expect(metadata.artist).toBe('李四');
    expect(metadata.rating).toBe(3);
    expect(metadata.personsShown).toEqual(['占牡丹']);
    expect(metadata.organisations).toEqual(['科润智控']);
    expect(metadata.capturedAt).toBe('2025-05-13T10:00:00+08:00');
    expect(metadata.gps!.lat).toBeCloseTo(28.74, 5);
  });

  it('keeps what it can from a damaged date and says so', () => {
    const { metadata, warnings } = normalizeMetadata({
      exif: { exif: { DateTimeOriginal: '2025:99:99 99:99:99', CreateDate: '2025:05:12 08:00:00' } },
    });
    expect(metadata.capturedAt).toBe('2025-05-12T08:00:00');
    expect(warnings[0]).toEqual({ key: 'warning.badDate', params: { value: '2025:99:99 99:99:99' } });
  });

  it('cuts EXIF text at its first NUL, as exiftool does (GoPro writes garbage after it)', () => {
    const { metadata } = normalizeMetadata({
      exif: { ifd0: { Make: 'GoPro\u0000\u0000\u0007\u00ffgarbage', Model: 'HERO9 Black\u0000HD9.01' } },
    });
    expect([metadata.make, metadata.model]).toEqual(['GoPro', 'HERO9 Black']);
  });

  it('does not take what cameras write by themselves for a caption', () => {
    for (const boiler of [
      'OLYMPUS DIGITAL CAMERA',
      'SONY DSC',
      '          ',
      'KONICA MINOLTA DIGITAL CAMERA',
      'DIGITAL CAMERA',
      'SAMSUNG CAMERA PICTURES',
      'Exif_JPEG_PICTURE',
      'DSC_0042',
      'Canon PowerShot S40',
    ])
      expect(
        normalizeMetadata({ exif: { ifd0: { ImageDescription: boiler, Make: 'Canon', Model: 'Canon PowerShot S40' } } })
          .metadata.caption,
        boiler,
      ).toBeNull();
    expect(normalizeMetadata({ exif: { ifd0: { ImageDescription: '占牡丹在调试设备' } } }).metadata.caption).toBe(
      '占牡丹在调试设备',
    );
    // A real caption in XMP wins over a camera's boilerplate in EXIF.
    expect(
      normalizeMetadata({ exif: { ifd0: { ImageDescription: 'SONY DSC' } }, xmp: { dc: { description: '装配车间' } } })
        .metadata.caption,
    ).toBe('装配车间');
  });

  it('keeps a sane number of keywords and people from a runaway sidecar, and says so', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `kw${i}`);
    const { metadata, warnings } = normalizeMetadata({
      sidecar: { dc: { subject: many }, Iptc4xmpExt: { PersonInImage: many } },
    });
    expect(metadata.keywords).toHaveLength(MAX_KEYWORDS);
    expect(metadata.personsShown).toHaveLength(MAX_PEOPLE);
    expect(warnings).toEqual([
      { key: 'warning.tooManyKeywords', params: { count: 5000, limit: MAX_KEYWORDS } },
      { key: 'warning.tooManyPeople', params: { count: 5000, limit: MAX_PEOPLE } },
    ]);
  });

  it('treats zero exposure and aperture as not recorded', () => {
    const { metadata } = normalizeMetadata({ exif: { exif: { ExposureTime: 0, FNumber: 0, ISO: [0] } } });
    expect([metadata.exposureTime, metadata.fNumber, metadata.iso]).toEqual([null, null, null]);
  });

  it('returns empty metadata for a file with none', () => {
    const { metadata } = normalizeMetadata({});
    expect(metadata.capturedAt).toBeNull();
    expect(metadata.keywords).toEqual([]);
    expect(metadata.gps).toBeNull();
  });
});
