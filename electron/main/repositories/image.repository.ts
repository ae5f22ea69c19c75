import sharp, { type Sharp } from 'sharp';
import { writeFileAtomic } from './atomic-write';
import { assertWhole, damageReason, damaged, saysTruncated, strictness } from './decode-damage';
import { decodeHeifPrimary } from './heif-decoder';
import { ioError } from './storage.repository';
import { AppError } from '../../../shared/errors';
import { displayedSize, orientationSteps } from '../../../shared/logic/orientation';
import type { PhotoFormat } from '../../../shared/model/photo';
import { msg } from '../../../shared/i18n/messages';

// A long-running process must not let libvips keep every decoded file in its cache.
sharp.cache(false);

/** sharp's own default; above it a file is refused as a likely decompression bomb. */
export const PIXEL_LIMIT = 268_402_689;
export const PREVIEW_EDGE = 2048;
export const THUMB_EDGE = 360;

export interface HeaderInfo {
  /** as displayed: orientation applied */
  width: number;
  height: number;
  orientation: number | null;
}

export interface RenderTargets {
  preview: string;
  thumbnail: string;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Wraps sharp (and a HEVC decoder sharp's libvips lacks). One decode makes every size. */
export class ImageRepository {
  /** Reads only the header: cheap, and fails early on garbage. HEIF is read by its decoder in render(). */
  /** `xmpOrientation`: the orientation XMP records, used only when EXIF records none (the decoder ignores XMP). */
  async header(bytes: Buffer, label: string, xmpOrientation: number | null = null): Promise<HeaderInfo> {
    return (await this.readHeader(bytes, label, xmpOrientation)).size;
  }

  /**
   * Refuses (DAMAGED) a file whose own structure says it was cut short, without decoding it: a RAW file whose
   * preview or raw data runs past its end, before its preview is taken out of it.
   */
  checkWhole(bytes: Buffer, label: string): void {
    assertWhole(bytes, label);
  }

  private async readHeader(bytes: Buffer, label: string, xmpOrientation: number | null = null) {
    // Before the decoder: a TIFF whose directory was cut off reads as "unsupported", a WebP as "corrupt header".
    assertWhole(bytes, label);
    try {
      // The header is read without sharp's own limit so the refusal can name the size (checkPixels below).
      const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
      if (!meta.width || !meta.height) throw new Error('no image dimensions');
      this.checkPixels(meta.width, meta.height, label);
      const fromXmp = !meta.orientation && xmpOrientation && xmpOrientation > 1 ? xmpOrientation : null;
      const oriented = fromXmp
        ? displayedSize(meta.width, meta.height, fromXmp)
        : (meta.autoOrient ?? { width: meta.width, height: meta.height });
      const size: HeaderInfo = {
        width: oriented.width,
        height: oriented.height,
        orientation: meta.orientation ?? fromXmp ?? null,
      };
      return { size, hasAlpha: !!meta.hasAlpha, space: meta.space, fromXmp, format: meta.format };
    } catch (err) {
      throw this.translateHeader(err, label);
    }
  }

  /**
   * Decodes once (shrink-on-load, upright), writes the 2048 px preview, and makes the thumbnail from that
   * preview, never from the original again. Colour: the photo's own ICC profile is kept and embedded, so
   * Adobe RGB or Display P3 shots show true in any colour-managed viewer without a costly transform here;
   * CMYK (which screens cannot show) is converted to sRGB. Returns the displayed size of the full image.
   */
  async render(
    bytes: Buffer,
    format: PhotoFormat,
    label: string,
    targets: RenderTargets,
    xmpOrientation: number | null = null,
  ): Promise<HeaderInfo> {
    let size: HeaderInfo;
    let preview: Buffer;
    let thumbnail: Buffer;
    try {
      if (format === 'heif') {
        const decoded = await this.decodeHeif(bytes, label);
        // libheif applies the container's own rotation and mirroring; EXIF Orientation is informational there.
        size = { width: decoded.width, height: decoded.height, orientation: null };
        preview = await sharp(decoded.data, {
          raw: { width: decoded.width, height: decoded.height, channels: 4 },
        })
          .resize(PREVIEW_EDGE, PREVIEW_EDGE, { fit: 'inside', withoutEnlargement: true })
          .flatten({ background: '#ffffff' })
          .jpeg({ quality: 85 })
          .withIccProfile('srgb')
          .toBuffer();
      } else {
        const meta = await this.readHeader(bytes, label, xmpOrientation);
        size = meta.size;
        preview = await this.upright(bytes, meta, (p) =>
          p.resize(PREVIEW_EDGE, PREVIEW_EDGE, { fit: 'inside', withoutEnlargement: true }),
        )
          .jpeg({ quality: 85 })
          .toBuffer();
      }
      thumbnail = await sharp(preview)
        .resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside' })
        .keepIccProfile()
        .jpeg({ quality: 80 })
        .toBuffer();
    } catch (err) {
      throw this.translateDecode(err, label);
    }
    // Nothing is written unless the whole picture decoded: a damaged photo leaves no preview behind.
    await Promise.all([this.write(targets.preview, preview), this.write(targets.thumbnail, thumbnail)]);
    return size;
  }

  /**
   * The whole photo upright at its own size, for the loupe's 100% view: one decode, the photo's colour profile kept
   * (CMYK made sRGB), JPEG at a quality that shows the detail people zoom in for.
   */
  async renderFull(
    bytes: Buffer,
    format: PhotoFormat,
    label: string,
    target: string,
    xmpOrientation: number | null = null,
  ): Promise<void> {
    let out: Buffer;
    try {
      if (format === 'heif') {
        const d = await this.decodeHeif(bytes, label);
        out = await sharp(d.data, { raw: { width: d.width, height: d.height, channels: 4 } })
          .flatten({ background: '#ffffff' })
          .jpeg({ quality: 90 })
          .withIccProfile('srgb')
          .toBuffer();
      } else {
        const meta = await this.readHeader(bytes, label, xmpOrientation);
        out = await this.upright(bytes, meta, (p) => p)
          .jpeg({ quality: 90 })
          .toBuffer();
      }
    } catch (err) {
      throw this.translateDecode(err, label);
    }
    await this.write(target, out);
  }

  /** HEIF's decoder paints missing data green: the container is checked first (items and boxes within the file). */
  private async decodeHeif(bytes: Buffer, label: string) {
    assertWhole(bytes, label);
    return decodeHeifPrimary(bytes, label, PIXEL_LIMIT);
  }

  private async write(target: string, data: Buffer) {
    try {
      await writeFileAtomic(target, data);
    } catch (err) {
      throw ioError(err, target, 'writing');
    }
  }

  /**
   * One decode of a photo, turned upright (EXIF orientation, or XMP's when EXIF has none), sized by `size`, on
   * white where it was transparent, in its own colour profile (CMYK made sRGB): what previews and 100% views share.
   */
  private upright(
    bytes: Buffer,
    meta: Awaited<ReturnType<ImageRepository['readHeader']>>,
    size: (p: Sharp) => Sharp,
  ): Sharp {
    // Strict: a JPEG whose data is broken part-way is refused, not shown with grey or smeared rows (decode-damage).
    let pipeline = sharp(bytes, {
      limitInputPixels: PIXEL_LIMIT,
      failOn: strictness(meta.format),
      sequentialRead: true,
    });
    if (meta.fromXmp) {
      const steps = orientationSteps(meta.fromXmp);
      if (steps.flop) pipeline = pipeline.flop();
      if (steps.flip) pipeline = pipeline.flip();
      if (steps.rotate) pipeline = pipeline.rotate(steps.rotate);
    } else pipeline = pipeline.autoOrient();
    pipeline = size(pipeline);
    if (meta.hasAlpha) pipeline = pipeline.flatten({ background: '#ffffff' });
    return meta.space === 'cmyk' ? pipeline.toColourspace('srgb').withIccProfile('srgb') : pipeline.keepIccProfile();
  }

  /** The camera's embedded thumbnail knows nothing of the orientation: turn it upright like the photo. */
  async writeUpright(jpeg: Buffer, orientation: number | null, target: string): Promise<void> {
    const tagged = orientation && orientation > 1 ? await sharp(jpeg).withMetadata({ orientation }).toBuffer() : jpeg;
    await writeFileAtomic(target, await sharp(tagged).autoOrient().jpeg({ quality: 80 }).toBuffer());
  }

  private checkPixels(width: number, height: number, label: string) {
    if (width * height > PIXEL_LIMIT)
      throw new AppError(
        'TOO_LARGE',
        msg('import.tooLarge', { name: label, width, height, limit: Math.round(PIXEL_LIMIT / 1e6) }),
      );
  }

  /** Reading the header: a file cut inside it is DAMAGED (truncated); one no decoder can read at all is CORRUPT. */
  private translateHeader(err: unknown, label: string): AppError {
    if (err instanceof AppError) return err;
    const m = message(err);
    if (/pixel limit/i.test(m)) return new AppError('TOO_LARGE', msg('import.overPixelLimit', { name: label }));
    if (/unsupported image format/i.test(m))
      return new AppError('UNSUPPORTED', msg('import.unreadableFormat', { name: label }));
    if (saysTruncated(m)) return damaged(label, damageReason(m));
    return new AppError('CORRUPT', msg('import.corrupt', { name: label, detail: m.split('\n')[0]! }));
  }

  /** Decoding the pixels once the header read well: what fails now is the picture itself, cut short or broken. */
  private translateDecode(err: unknown, label: string): AppError {
    if (err instanceof AppError) return err;
    const m = message(err);
    if (/pixel limit/i.test(m)) return new AppError('TOO_LARGE', msg('import.overPixelLimit', { name: label }));
    // libtiff's "compression scheme ... not implemented": a file we cannot decode, not a damaged one.
    if (/not implemented|not configured|unsupported image format/i.test(m))
      return new AppError('UNSUPPORTED', msg('import.unreadableFormat', { name: label }));
    return damaged(label, damageReason(m));
  }
}
