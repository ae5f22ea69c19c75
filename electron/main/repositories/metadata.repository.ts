import * as exifrModule from 'exifr';

// exifr's types say blocks take option objects; plain booleans are what its docs and code accept.
type ExifrOptions = Parameters<typeof exifrModule.parse>[1];
// exifr ships UMD for Node and ESM for bundlers: Node sees the API on `default`, a bundler on the named exports.
const exifr = (
  'sidecar' in exifrModule ? exifrModule : (exifrModule as unknown as { default: typeof exifrModule }).default
) as typeof exifrModule;
import { msg, type Message } from '../../../shared/i18n/messages';
import type { PhotoFormat } from '../../../shared/model/photo';
import type { RawMetadata } from '../../../shared/logic/exif-normalize';
import { webpMetadataChunks } from '../../../shared/logic/riff';

type Tags = Record<string, unknown>;

/** EXIF blocks only: values raw (no Date objects, no translated enums) so nothing is moved into local time. */
const EXIF_OPTIONS = {
  tiff: true,
  ifd0: true,
  exif: true,
  gps: true,
  interop: false,
  ifd1: false,
  xmp: false,
  iptc: true,
  icc: false,
  jfif: false,
  ihdr: false,
  makerNote: false,
  userComment: false,
  reviveValues: false,
  translateValues: false,
  translateKeys: true,
  mergeOutput: false,
  sanitize: true,
} as const satisfies Record<string, boolean>;

/** XMP only, kept apart so that XMP's `tiff:`/`exif:` namespaces never mask what the EXIF block says. */
const XMP_OPTIONS = {
  tiff: false,
  ifd0: false,
  exif: false,
  gps: false,
  interop: false,
  ifd1: false,
  xmp: true,
  iptc: false,
  icc: false,
  jfif: false,
  ihdr: false,
  reviveValues: false,
  translateValues: false,
  mergeOutput: false,
  multiSegment: true,
} as const satisfies Record<string, boolean>;

/** A fall-back for damaged EXIF: read each block on its own so one bad IFD does not hide the others. */
const SINGLE_BLOCKS = ['ifd0', 'exif', 'gps'] as const;

export interface MetadataRead {
  raw: RawMetadata;
  warnings: Message[];
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Wraps exifr: returns whatever could be read plus warnings; never throws for a bad metadata block. */
export class MetadataRepository {
  async read(bytes: Buffer, format: PhotoFormat, sidecar: Buffer | null): Promise<MetadataRead> {
    const warnings: Message[] = [];
    let exifSource: Uint8Array | null = bytes;
    let xmpSource: Uint8Array | null = bytes;
    if (format === 'webp') {
      const chunks = webpMetadataChunks(bytes);
      exifSource = chunks.exif;
      xmpSource = chunks.xmp;
    }
    const raw: RawMetadata = {};
    if (exifSource) {
      const exif = await this.readExif(exifSource, warnings);
      raw.exif = exif.blocks;
      raw.iptc = exif.iptc;
    }
    if (xmpSource) raw.xmp = await this.readXmp(xmpSource, format === 'webp', warnings);
    if (format === 'png') raw.png = await this.readPngText(bytes);
    if (sidecar) {
      raw.sidecar = await this.readXmp(sidecar, true, warnings);
      if (!raw.sidecar) warnings.push(msg('warning.sidecarUnreadable'));
    }
    return { raw, warnings };
  }

  private async readExif(source: Uint8Array, warnings: Message[]) {
    try {
      const out = ((await exifr.parse(source, EXIF_OPTIONS as unknown as ExifrOptions)) ?? {}) as Tags;
      return { blocks: pickBlocks(out), iptc: (out.iptc as Tags) ?? null };
    } catch (err) {
      const blocks: Record<string, Tags> = {};
      for (const block of SINGLE_BLOCKS) {
        try {
          const only = Object.fromEntries(SINGLE_BLOCKS.map((b) => [b, b === block]));
          const out = (await exifr.parse(source, {
            ...EXIF_OPTIONS,
            ...only,
            iptc: false,
          } as unknown as ExifrOptions)) as Tags | undefined;
          if (out?.[block]) blocks[block] = out[block] as Tags;
        } catch {
          /* this block is the damaged one */
        }
      }
      if (Object.keys(blocks).length || !/Unknown file format/i.test(message(err)))
        warnings.push(msg('warning.damagedExif', { detail: message(err) }));
      return { blocks: Object.keys(blocks).length ? blocks : null, iptc: null };
    }
  }

  private async readXmp(source: Uint8Array, bare: boolean, warnings: Message[]): Promise<Record<string, Tags> | null> {
    try {
      // A bare packet (sidecar, WebP chunk) goes to the XMP parser directly; a photo file is searched for it.
      const out = bare
        ? await exifr.sidecar(Buffer.from(source), { mergeOutput: false, reviveValues: false }, 'xmp')
        : await exifr.parse(source, XMP_OPTIONS as unknown as ExifrOptions);
      return (out as Record<string, Tags>) ?? null;
    } catch (err) {
      // exifr throws on files without any XMP when the TIFF blocks are switched off: that is "no XMP".
      if (bare) warnings.push(msg('warning.unreadableXmp', { detail: message(err) }));
      return null;
    }
  }

  private async readPngText(bytes: Buffer): Promise<Tags | null> {
    try {
      const out = (await exifr.parse(bytes, {
        ihdr: true,
        tiff: false,
        xmp: false,
        mergeOutput: true,
        reviveValues: false,
      })) as Tags;
      return out ?? null;
    } catch {
      return null;
    }
  }

  /** The small JPEG cameras embed in IFD1, painted before our own thumbnail is ready. */
  async embeddedThumbnail(bytes: Buffer): Promise<Buffer | null> {
    try {
      const thumb = await exifr.thumbnail(bytes);
      return thumb && thumb.length > 100 ? Buffer.from(thumb) : null;
    } catch {
      return null;
    }
  }
}

function pickBlocks(out: Tags): RawMetadata['exif'] {
  const blocks: Record<string, Tags> = {};
  for (const b of SINGLE_BLOCKS) if (out[b]) blocks[b] = out[b] as Tags;
  return Object.keys(blocks).length ? blocks : null;
}
