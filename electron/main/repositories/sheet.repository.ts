import sharp, { type OverlayOptions, type Sharp } from 'sharp';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/messages';
import { displayPath, isRawPathToken } from '../../../shared/logic/file-path';
import { fsPath } from './storage.repository';
import type { CaptionBlock, CropRect } from '../../../shared/model/gift';
import { mmToPx, type CropMark, type RectMm, type SideBleed } from '../../../shared/logic/print-geometry';
import type { SheetLayout } from '../../../shared/logic/sheet-layout';
import { fontFor } from './fonts';
import { PIXEL_LIMIT } from './image.repository';
import { withJpegPrintMetadata } from './jpeg-metadata';
import { decodeHeifPrimary } from './heif-decoder';
import fs from 'node:fs/promises';
import type { PhotoFormat } from '../../../shared/model/photo';

export interface SheetSpec {
  dpi: number;
  layout: SheetLayout;
  frameColor: string;
  /** a texture file tiled over the frame band (and its bleed) */
  frameTexture?: string | null;
  matColor: string;
  /** width/height as displayed (from the catalog), so the header need not be read again */
  photo: { file: string; crop: CropRect | null; width: number; height: number; format: PhotoFormat };
  captions: { block: CaptionBlock; text: string }[];
  logoFile: string | null;
  /** raster crop marks (JPEG/TIFF); PDFs draw them as vectors instead */
  rasterMarks: boolean;
}

export interface SheetOutput {
  format: 'jpeg' | 'tiff' | 'png';
  quality?: number;
  /** TIFF only: converted to CMYK with this press profile (a file path), which is embedded */
  cmykProfile?: string | null;
  xmp?: string;
}

/** One print on an imposed page: its rendered file (trim + bleed), where its trim goes, which bleed shows. */
export interface PagePlacement {
  data: Buffer;
  rect: RectMm;
  bleed: SideBleed;
  /** turned a quarter to lie the way its slot does */
  turn: boolean;
  bleedMm: number;
}

export interface RenderedSheet {
  /** the encoded file */
  data: Buffer;
  width: number;
  height: number;
  /** captions that had to be set smaller to fit */
  shrunk: string[];
}

let srgb: Promise<Buffer | null> | null = null;
/** sharp's built-in sRGB profile, taken once from a 1-pixel image that carries it. */
function srgbProfile(): Promise<Buffer | null> {
  srgb ??= sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
    .withIccProfile('srgb')
    .jpeg()
    .toBuffer()
    .then((b) => sharp(b).metadata())
    .then((m) => m.icc ?? null);
  return srgb;
}

const escapeMarkup = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const SHRINK_STEPS = 6;
const CAPTION_CACHE = 64;

interface CaptionImage {
  data: Buffer;
  width: number;
  height: number;
  shrunk: boolean;
}

/**
 * Composes gift sheets with sharp at the print resolution — frame, mat, photo, captions, logo, crop marks — in
 * one pipeline that ends in the encoder, so a sheet is never held as raw pixels twice.
 */
export class SheetRepository {
  /** The theme and credit lines repeat on every sheet of an export: set them once. */
  private readonly captions = new Map<string, Promise<CaptionImage>>();
  private readonly textures = new Map<string, Promise<Record<'x' | 'y', { data: Buffer; width: number; height: number }>>>();

  async render(spec: SheetSpec, output: SheetOutput): Promise<RenderedSheet> {
    const { dpi, layout } = spec;
    const P = (mm: number) => mmToPx(mm, dpi);
    // The trim is rounded from its mm, and the bleed (and slug) is the same whole number of pixels on every side:
    // a print shop measures the bleed from each edge, and 29 px at the top with 27 at the bottom is a defect.
    const bleed = P(layout.boxes.bleedMm);
    const outerW = P(layout.boxes.trim.widthMm) + 2 * bleed;
    const outerH = P(layout.boxes.trim.heightMm) + 2 * bleed;
    const marks = spec.rasterMarks && layout.boxes.marks.length > 0;
    const slug = marks ? P(layout.boxes.slugMm) : 0;
    const width = outerW + 2 * slug;
    const height = outerH + 2 * slug;
    const slugX = slug;
    const slugY = slug;
    const at = (r: RectMm) => ({ left: slugX + bleed + P(r.x), top: slugY + bleed + P(r.y), width: P(r.x + r.w) - P(r.x), height: P(r.y + r.h) - P(r.y) });

    // The canvas is the mat. Everything else is a small layer: the frame (out into the bleed) as four bands, the
    // white slug as four bands, each crop mark as a thin bar. No full-size layer is blended, so the frame, mat,
    // captions and marks cost almost nothing beside the photo's decode and the encode.
    const mat = at(layout.matRect);
    const rect = (left: number, top: number, w: number, h: number, colour: string): OverlayOptions[] =>
      w > 0 && h > 0 ? [{ input: { create: { width: w, height: h, channels: 3, background: colour } }, left, top }] : [];
    const ring = (x: number, y: number, w: number, h: number, inner: { left: number; top: number; width: number; height: number }, colour: string) => [
      ...rect(x, y, w, inner.top - y, colour),
      ...rect(x, inner.top + inner.height, w, y + h - (inner.top + inner.height), colour),
      ...rect(x, inner.top, inner.left - x, inner.height, colour),
      ...rect(inner.left + inner.width, inner.top, x + w - (inner.left + inner.width), inner.height, colour),
    ];
    const overlays: OverlayOptions[] = spec.frameTexture
      ? await this.texturedRing(spec.frameTexture, { left: slugX, top: slugY, width: outerW, height: outerH }, mat)
      : [...ring(slugX, slugY, outerW, outerH, mat, spec.frameColor)];
    if (marks) {
      overlays.push(...ring(0, 0, width, height, { left: slugX, top: slugY, width: outerW, height: outerH }, '#ffffff'));
      overlays.push(...this.markBars(layout, dpi, slugX + bleed, slugY + bleed));
    }

    const win = at(layout.window);
    const photo = await this.photoInto(spec.photo, win.width, win.height);
    overlays.push({ input: photo.data, raw: photo.raw, left: win.left, top: win.top });

    const area = at(layout.captionArea);
    const shrunk: string[] = [];
    let y = area.top;
    for (const { block, text } of spec.captions) {
      if (!text) continue;
      const img = await this.captionImage(text, block, dpi, area.width, area.top + area.height - y);
      if (img.shrunk) shrunk.push(text);
      const left = block.align === 'left' ? area.left : block.align === 'right' ? area.left + area.width - img.width : area.left + Math.round((area.width - img.width) / 2);
      overlays.push({ input: img.data, left, top: y });
      y += img.height + P(1.2);
    }

    if (spec.logoFile && layout.logo) {
      const box = at(layout.logo);
      const logo = await sharp(spec.logoFile, { failOn: 'error' })
        .resize(box.width, box.height, { fit: 'inside' })
        .png()
        .toBuffer({ resolveWithObject: true })
        .catch((err) => {
          throw new AppError('NOT_FOUND', msg('sheet.logoUnreadable', { path: spec.logoFile ?? '', detail: (err as Error).message }));
        });
      overlays.push({ input: logo.data, left: box.left + Math.round((box.width - logo.info.width) / 2), top: box.top + Math.round((box.height - logo.info.height) / 2) });
    }

    // Captions come as transparent layers; the print has no alpha: RGB is 3 samples, CMYK 4, always.
    let img = sharp({ create: { width, height, channels: 3, background: spec.matColor } }).composite(overlays).removeAlpha();
    if (output.xmp && output.format !== 'png') img = img.withXmp(output.xmp);
    let data: Buffer;
    if (output.format === 'jpeg') {
      // The sheet is composed in sRGB already: the profile and the resolution are written in, not converted to.
      // No chroma subsampling: 4:2:0 softens the thin red lines of the captions.
      data = withJpegPrintMetadata(await img.jpeg({ quality: output.quality ?? 95, chromaSubsampling: '4:4:4' }).toBuffer(), dpi, await srgbProfile());
    } else if (output.format === 'tiff') {
      img = img.withMetadata({ density: dpi });
      // CMYK through the press profile (its name travels in the file); otherwise sRGB, as photo paper wants.
      img = output.cmykProfile ? img.withIccProfile(output.cmykProfile) : img.withIccProfile('srgb');
      data = await img.tiff({ compression: 'lzw', xres: dpi / 25.4, yres: dpi / 25.4, resolutionUnit: 'inch' }).toBuffer();
    } else data = await img.png().toBuffer();
    return { data, width, height, shrunk };
  }

  /** A texture decoded once per export, turned both ways: grain across (top, bottom) and along (left, right). */
  private textureTiles(file: string) {
    let hit = this.textures.get(file);
    if (!hit) {
      const turned = async (degrees: number) => {
        const { data, info } = await sharp(file).rotate(degrees).png().toBuffer({ resolveWithObject: true });
        return { data, width: info.width, height: info.height };
      };
      hit = Promise.all([turned(90), turned(180)])
        .then(([x, y]) => ({ x, y }))
        .catch((err) => {
          this.textures.delete(file);
          throw new AppError('NOT_FOUND', msg('sheet.textureUnreadable', { path: file, detail: (err as Error).message }));
        });
      this.textures.set(file, hit);
    }
    return hit;
  }

  /** The frame band cut from a tiled texture: grain runs along each side (turned for the left and right bands). */
  private async texturedRing(file: string, outer: { left: number; top: number; width: number; height: number }, inner: { left: number; top: number; width: number; height: number }): Promise<OverlayOptions[]> {
    const tiles = await this.textureTiles(file);
    const band = async (left: number, top: number, width: number, height: number, along: 'x' | 'y') => {
      if (width <= 0 || height <= 0) return [];
      const tile = tiles[along];
      // A tile may not be larger than what it covers: cut it to the band first.
      const texture = await sharp(tile.data).extract({ left: 0, top: 0, width: Math.min(width, tile.width), height: Math.min(height, tile.height) }).toBuffer();
      const { data, info } = await sharp({ create: { width, height, channels: 3, background: '#000' } })
        .composite([{ input: texture, tile: true, left: 0, top: 0 }])
        .raw()
        .toBuffer({ resolveWithObject: true });
      return [{ input: data, raw: { width: info.width, height: info.height, channels: info.channels }, left, top }];
    };
    return [
      ...(await band(outer.left, outer.top, outer.width, inner.top - outer.top, 'x')),
      ...(await band(outer.left, inner.top + inner.height, outer.width, outer.top + outer.height - (inner.top + inner.height), 'x')),
      ...(await band(outer.left, inner.top, inner.left - outer.left, inner.height, 'y')),
      ...(await band(inner.left + inner.width, inner.top, outer.left + outer.width - (inner.left + inner.width), inner.height, 'y')),
    ];
  }

  /**
   * The photo, upright, filling the window without distortion. The crop is applied after a shrink-on-load
   * resize (scale the whole photo so the crop lands at window size, then cut it out), so a 24 MP JPEG is never
   * decoded at full size for a 10-inch print.
   */
  private async photoInto({ file, crop, width: fullW, height: fullH, format }: SheetSpec['photo'], width: number, height: number) {
    try {
      // Flattened and sRGB-converted here, once, so the sheet is composed in one colour space. HEVC HEIF goes
      // through its own decoder (already upright); everything else through sharp, turned upright.
      let input: Sharp;
      if (format === 'heif') {
        const d = await decodeHeifPrimary(await fs.readFile(fsPath(file)), displayPath(file), PIXEL_LIMIT);
        input = sharp(d.data, { raw: { width: d.width, height: d.height, channels: 4 } });
      } else {
        // sharp takes a path as a string; a name that is not UTF-8 (a raw-path token) is read into memory first.
        const from = isRawPathToken(file) ? await fs.readFile(fsPath(file)) : file;
        input = sharp(from, { failOn: 'error', limitInputPixels: PIXEL_LIMIT, sequentialRead: true }).autoOrient();
      }
      const finish = async (s: Sharp) => {
        const { data, info } = await s.flatten({ background: '#ffffff' }).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
        return { data, raw: { width: info.width, height: info.height, channels: info.channels } };
      };
      if (!crop) return await finish(input.resize(width, height, { fit: 'cover', position: 'attention' }));
      const full = { width: fullW, height: fullH };
      const scaledW = Math.max(width, Math.round(width / crop.w));
      const scaledH = Math.max(height, Math.round((scaledW * full.height) / full.width));
      const left = Math.min(Math.max(0, Math.round(crop.x * scaledW)), scaledW - width);
      const top = Math.min(Math.max(0, Math.round(crop.y * scaledH)), scaledH - height);
      return await finish(input.resize(scaledW, scaledH, { fit: 'fill' }).extract({ left, top, width, height }));
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('CORRUPT', msg('sheet.photoUnreadable', { path: displayPath(file), detail: (err as Error).message }));
    }
  }

  private captionImage(text: string, block: CaptionBlock, dpi: number, width: number, room: number): Promise<CaptionImage> {
    const key = JSON.stringify([text, block, dpi, width, room]);
    let hit = this.captions.get(key);
    if (!hit) {
      hit = this.setCaption(text, block, dpi, width, room);
      hit.catch(() => this.captions.delete(key));
      this.captions.set(key, hit);
      if (this.captions.size > CAPTION_CACHE) this.captions.delete(this.captions.keys().next().value!);
    }
    return hit;
  }

  /** A caption set in its face; too wide or too tall for its room, it wraps, then shrinks, and never clips. */
  private async setCaption(text: string, block: CaptionBlock, dpi: number, width: number, room: number): Promise<CaptionImage> {
    const font = fontFor(block.font, block.weight);
    for (let step = 0; step < SHRINK_STEPS; step++) {
      const size = block.sizePt * Math.pow(0.88, step);
      const img = await sharp({
        text: { text: `<span foreground="${block.color}">${escapeMarkup(text)}</span>`, font: `${font.name} ${size.toFixed(2)}`, fontfile: font.file, dpi, width, align: block.align === 'center' ? 'centre' : block.align, wrap: 'word-char', rgba: true, spacing: 0 },
      })
        .png()
        .toBuffer({ resolveWithObject: true });
      if (img.info.height <= room && img.info.width <= width) return { data: img.data, width: img.info.width, height: img.info.height, shrunk: step > 0 };
    }
    throw new AppError('VALIDATION', msg('sheet.captionTooLong', { text }));
  }

  /** Crop marks as thin black bars on the trim lines, placed against the pixel trim so they meet its edges exactly. */
  private markBars(layout: SheetLayout, dpi: number, trimLeft: number, trimTop: number): OverlayOptions[] {
    const P = (mm: number) => mmToPx(mm, dpi);
    const { trimRect, trim } = layout.boxes;
    const stroke = Math.max(1, P(0.1));
    const x = (mm: number) => (Math.abs(mm - trimRect.x) < 1e-9 ? trimLeft : Math.abs(mm - (trimRect.x + trimRect.w)) < 1e-9 ? trimLeft + P(trim.widthMm) : trimLeft + P(mm - trimRect.x));
    const y = (mm: number) => (Math.abs(mm - trimRect.y) < 1e-9 ? trimTop : Math.abs(mm - (trimRect.y + trimRect.h)) < 1e-9 ? trimTop + P(trim.heightMm) : trimTop + P(mm - trimRect.y));
    return layout.boxes.marks.map((m) => {
      const vertical = m.x1 === m.x2;
      const left = vertical ? x(m.x1) - Math.floor(stroke / 2) : Math.min(x(m.x1), x(m.x2));
      const top = vertical ? Math.min(y(m.y1), y(m.y2)) : y(m.y1) - Math.floor(stroke / 2);
      const w = vertical ? stroke : Math.abs(x(m.x2) - x(m.x1));
      const h = vertical ? Math.abs(y(m.y2) - y(m.y1)) : stroke;
      return { input: { create: { width: w, height: h, channels: 3, background: '#000000' } }, left, top };
    });
  }

  /**
   * An n-up page: each print (rendered trim + bleed) placed on its trim rectangle, turned when its slot lies the
   * other way, showing its bleed only where no neighbour abuts it (one shared cut between neighbours); thin
   * mark bars in the margins. Encoded as asked (JPEG, or TIFF in sRGB or through a CMYK profile).
   */
  async composePage(page: { widthMm: number; heightMm: number }, dpi: number, placements: PagePlacement[], marks: CropMark[], output: SheetOutput): Promise<Buffer> {
    const P = (mm: number) => mmToPx(mm, dpi);
    const stroke = Math.max(1, P(0.1));
    const overlays: OverlayOptions[] = [];
    for (const p of placements) {
      const full = P(p.bleedMm);
      let img = sharp(p.data);
      if (p.turn) img = img.rotate(90);
      const { data: turned, info } = await img.raw().toBuffer({ resolveWithObject: true });
      const left = P(p.rect.x - p.bleed.left);
      const top = P(p.rect.y - p.bleed.top);
      const w = P(p.rect.x + p.rect.w + p.bleed.right) - left;
      const h = P(p.rect.y + p.rect.h + p.bleed.bottom) - top;
      // Cut out the trim plus the bleed this slot shows, then fit it to its pixels on the page.
      const cutLeft = Math.max(0, full - P(p.bleed.left));
      const cutTop = Math.max(0, full - P(p.bleed.top));
      const cutW = Math.min(info.width - cutLeft, info.width - 2 * full + P(p.bleed.left) + P(p.bleed.right));
      const cutH = Math.min(info.height - cutTop, info.height - 2 * full + P(p.bleed.top) + P(p.bleed.bottom));
      const piece = await sharp(turned, { raw: { width: info.width, height: info.height, channels: info.channels } })
        .extract({ left: cutLeft, top: cutTop, width: cutW, height: cutH })
        .resize(w, h, { fit: 'fill' })
        .raw()
        .toBuffer({ resolveWithObject: true });
      overlays.push({ input: piece.data, raw: { width: piece.info.width, height: piece.info.height, channels: piece.info.channels }, left, top });
    }
    for (const m of marks) {
      const vertical = Math.abs(m.x1 - m.x2) < 1e-9;
      overlays.push({
        input: { create: { width: vertical ? stroke : Math.abs(P(m.x2) - P(m.x1)), height: vertical ? Math.abs(P(m.y2) - P(m.y1)) : stroke, channels: 3, background: '#000000' } },
        left: vertical ? P(m.x1) - Math.floor(stroke / 2) : Math.min(P(m.x1), P(m.x2)),
        top: vertical ? Math.min(P(m.y1), P(m.y2)) : P(m.y1) - Math.floor(stroke / 2),
      });
    }
    let img = sharp({ create: { width: P(page.widthMm), height: P(page.heightMm), channels: 3, background: '#ffffff' } }).composite(overlays).removeAlpha();
    if (output.format === 'tiff') {
      img = img.withMetadata({ density: dpi });
      img = output.cmykProfile ? img.withIccProfile(output.cmykProfile) : img.withIccProfile('srgb');
      return img.tiff({ compression: 'lzw', xres: dpi / 25.4, yres: dpi / 25.4, resolutionUnit: 'inch' }).toBuffer();
    }
    const jpeg = await img.jpeg({ quality: output.quality ?? 95, chromaSubsampling: '4:4:4' }).toBuffer();
    return withJpegPrintMetadata(jpeg, dpi, await srgbProfile());
  }

  /** sharp's sRGB profile, for the output intent of PDFs. */
  async srgbIcc(): Promise<Buffer> {
    const icc = await srgbProfile();
    if (!icc) throw new Error('sharp has no built-in sRGB profile');
    return icc;
  }

  /** A small JPEG of a cached thumbnail, for the order sheet. */
  async thumbnail(file: string): Promise<Buffer> {
    return sharp(file).resize(160, 160, { fit: 'inside' }).jpeg({ quality: 75 }).toBuffer();
  }
}
