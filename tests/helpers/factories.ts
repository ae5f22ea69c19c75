import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { Photo } from '../../shared/model/photo';

export async function tempDir(prefix = 'cl-test-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export interface JpegOptions {
  width?: number;
  height?: number;
  orientation?: number;
  /** sharp withExif blocks: IFD0 (Make, Model, Artist…), IFD2 (Exif: DateTimeOriginal…), IFD3 (GPS) */
  exif?: Record<string, Record<string, string>>;
  format?: 'jpeg' | 'png' | 'webp' | 'tiff' | 'avif';
  /** varies the pixels so two fixtures never share bytes */
  seed?: number;
}

/**
 * A photo whose top-left quadrant is red and the rest blue-grey, stored sideways as `orientation` says: a
 * viewer that applies the orientation shows red at the top left again. That makes "upright" checkable.
 */
export async function makePhoto(opts: JpegOptions = {}): Promise<Buffer> {
  const { width = 640, height = 480, orientation = 1, format = 'jpeg', seed = 0 } = opts;
  const upright = await sharp({
    create: { width, height, channels: 3, background: { r: 60 + (seed % 100), g: 70, b: 110 } },
  })
    .composite([
      {
        input: {
          create: { width: Math.floor(width / 2), height: Math.floor(height / 2), channels: 3, background: '#ff0000' },
        },
        top: 0,
        left: 0,
      },
      { input: seedStrip(seed), top: height - 8, left: 0 },
    ])
    .raw()
    .toBuffer({ resolveWithObject: true });
  // Store the pixels so that applying `orientation` brings them back upright. Each step is its own pipeline:
  // within one, sharp mirrors before it rotates whatever the call order.
  const inverse: Record<number, ((s: Sharp) => Sharp)[]> = {
    1: [],
    2: [(s) => s.flop()],
    3: [(s) => s.rotate(180)],
    4: [(s) => s.flip()],
    5: [(s) => s.rotate(90), (s) => s.flop()], // transpose
    6: [(s) => s.rotate(-90)],
    7: [(s) => s.rotate(-90), (s) => s.flop()], // transverse
    8: [(s) => s.rotate(90)],
  };
  let raw = upright;
  for (const step of inverse[orientation]!)
    raw = await step(sharp(raw.data, { raw: raw.info }))
      .raw()
      .toBuffer({ resolveWithObject: true });
  let stored = sharp(raw.data, { raw: raw.info });
  // sharp writes the Orientation tag itself (an Orientation inside withExif is overwritten): set it with withMetadata.
  if (opts.exif) stored = stored.withExif(opts.exif);
  if (orientation !== 1) stored = stored.withMetadata({ orientation });
  return stored.toFormat(format, format === 'jpeg' ? { quality: 90 } : {}).toBuffer();
}

function seedStrip(seed: number) {
  return {
    create: {
      width: 8 + (seed % 50),
      height: 8,
      channels: 3 as const,
      background: { r: 255, g: (seed * 37) % 256, b: 0 },
    },
  };
}

export async function writePhoto(dir: string, name: string, opts: JpegOptions = {}): Promise<string> {
  const file = path.join(dir, name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, await makePhoto(opts));
  return file;
}

/** Where the red quadrant ended up in a displayed image: "top-left" when upright. */
export async function redQuadrant(file: string): Promise<string> {
  const { data, info } = await sharp(file).resize(16, 16, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => {
    const i = (y * info.width + x) * info.channels;
    return data[i]! > 200 && data[i + 1]! < 80 && data[i + 2]! < 80;
  };
  if (at(3, 3)) return 'top-left';
  if (at(12, 3)) return 'top-right';
  if (at(3, 12)) return 'bottom-left';
  if (at(12, 12)) return 'bottom-right';
  return 'none';
}

/** A catalog record with sensible defaults, for tests of pure logic. */
export function photoRecord(overrides: Partial<Photo> = {}): Photo {
  const id = overrides.id ?? Math.random().toString(16).slice(2, 18).padEnd(16, '0');
  return {
    id,
    path: `/card/DCIM/${id}.jpg`,
    originalName: `${id}.jpg`,
    originalPath: null,
    sha256: id.padEnd(64, '0'),
    format: 'jpeg',
    bytes: 1000,
    width: 6000,
    height: 4000,
    rawPath: null,
    sidecarPath: null,
    photographer: null,
    company: null,
    companyId: null,
    workers: [],
    faceRegions: [],
    shootDay: null,
    rating: 0,
    flag: null,
    importedAt: '2025-05-12T10:00:00.000Z',
    thumbnail: `cache/thumbs/${id}.jpg`,
    preview: `cache/previews/${id}.jpg`,
    embeddedThumbnail: null,
    rendered: true,
    warnings: [],
    capturedAt: null,
    orientation: 1,
    make: null,
    model: null,
    lens: null,
    exposureTime: null,
    fNumber: null,
    iso: null,
    focalLength: null,
    gps: null,
    artist: null,
    copyright: null,
    software: null,
    title: null,
    caption: null,
    keywords: [],
    personsShown: [],
    organisations: [],
    ...overrides,
  };
}
