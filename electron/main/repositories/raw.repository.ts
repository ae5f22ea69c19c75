import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import type { RawMetadata } from '../../../shared/logic/exif-normalize';

type Tags = Record<string, unknown>;

/** Where cameras keep a JPEG inside a RAW file, largest first as most cameras store them. */
const PREVIEW_TAGS = ['JpgFromRaw', 'PreviewImage', 'OtherImage', 'ThumbnailImage'] as const;

export interface RawPreview {
  tag: (typeof PREVIEW_TAGS)[number];
  jpeg: Buffer;
}

/**
 * Wraps exiftool-vendored (ExifTool, the reference reader, run as one long-lived process) for RAW files, which
 * neither sharp nor exifr can read fully: the JPEG previews cameras embed, and the metadata of formats exifr does
 * not parse (CR3). Started on the first RAW met, so imports without RAW files never pay for it.
 */
export class RawRepository {
  private tool: Promise<ExifTool> | null = null;

  private exiftool(): Promise<ExifTool> {
    this.tool ??= import('exiftool-vendored').then(
      ({ ExifTool }) => new ExifTool({ maxProcs: 1, taskTimeoutMillis: 30_000 }),
    );
    return this.tool;
  }

  /** Every JPEG the file embeds (none when it has none or they cannot be extracted), with the tag it came from. */
  async previews(file: string): Promise<RawPreview[]> {
    const tool = await this.exiftool();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cl-raw-'));
    try {
      const out: RawPreview[] = [];
      for (const tag of PREVIEW_TAGS) {
        const target = path.join(dir, `${tag}.jpg`);
        try {
          await tool.extractBinaryTag(tag, file, target);
          out.push({ tag, jpeg: await fs.readFile(target) });
        } catch {
          /* this RAW has no such preview */
        }
      }
      return out;
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * The metadata exiftool reads, in the raw shape the normaliser takes (numbers as numbers, text as written):
   * used for RAW formats exifr cannot parse.
   */
  async metadata(file: string): Promise<RawMetadata & { size: { width: number; height: number } | null }> {
    const tool = await this.exiftool();
    const t = (await tool.readRaw(file, { readArgs: ['-n', '-G0'] })) as Tags;
    // Formats file the same tag under different groups (EXIF in a DNG, QuickTime or MakerNotes in a CR3): EXIF first.
    const byName = new Map<string, unknown>();
    for (const [k, v] of Object.entries(t)) {
      const name = k.slice(k.indexOf(':') + 1);
      if (k.startsWith('EXIF:') || !byName.has(name)) byName.set(name, v);
    }
    const pick = (names: string[]) =>
      Object.fromEntries(
        names.filter((n) => byName.get(n) !== undefined && byName.get(n) !== '').map((n) => [n, byName.get(n)]),
      );
    const ifd0 = pick(['Make', 'Model', 'Orientation', 'Artist', 'Copyright', 'Software', 'ImageDescription']);
    const exif = pick([
      'DateTimeOriginal',
      'OffsetTimeOriginal',
      'OffsetTime',
      'CreateDate',
      'OffsetTimeDigitized',
      'ExposureTime',
      'FNumber',
      'ISO',
      'FocalLength',
      'LensModel',
    ]);
    const gps = pick([
      'GPSLatitude',
      'GPSLatitudeRef',
      'GPSLongitude',
      'GPSLongitudeRef',
      'GPSAltitude',
      'GPSAltitudeRef',
    ]);
    const [width, height] = String(t['Composite:ImageSize'] ?? '')
      .split(/[ x]/)
      .map(Number);
    return { exif: { ifd0, exif, gps }, size: width! > 0 && height! > 0 ? { width: width!, height: height! } : null };
  }

  /** Stops the exiftool process (the app is closing). */
  async close(): Promise<void> {
    const tool = this.tool;
    this.tool = null;
    if (tool) await (await tool).end();
  }
}
