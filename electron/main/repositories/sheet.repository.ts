import sharp, { type OutputInfo, type OverlayOptions, type Sharp } from 'sharp';
import { AppError } from '../../../shared/errors';
import type { CaptionBlock, CropRect } from '../../../shared/model/gift';
import { mmToPx, type RectMm } from '../../../shared/logic/print-geometry';
import type { SheetLayout } from '../../../shared/logic/sheet-layout';
import { fontFor } from './fonts';
import { PIXEL_LIMIT } from './image.repository';

export interface SheetSpec {
  dpi: number;
  layout: SheetLayout;
  frameColor: string;
  matColor: string;
  photo: { file: string; crop: CropRect | null };
  captions: { block: CaptionBlock; text: string }[];
  logoFile: string | null;
  /** raster crop marks (JPEG/TIFF); PDFs draw them as vectors instead */
  rasterMarks: boolean;
}

export interface RenderedSheet {
  /** raw RGB pixels of the whole output (trim + bleed, plus the slug when marks are drawn) */
  data: Buffer;
  width: number;
  height: number;
  /** 3, or 4 when the composited captions brought an alpha channel along (it is fully opaque) */
  channels: 3 | 4;
  /** captions that had to be set smaller to fit */
  shrunk: string[];
}

const escapeMarkup = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const SHRINK_STEPS = 6;

/** Composes gift sheets with sharp at the print resolution: frame, mat, photo, captions, logo, marks. */
export class SheetRepository {
  async render(spec: SheetSpec): Promise<RenderedSheet> {
    const { dpi, layout } = spec;
    const P = (mm: number) => mmToPx(mm, dpi);
    // Every outer size is rounded from its own mm (trim + 2 × bleed), as a print shop computes it; the bleed
    // on each side is what is left around the rounded trim.
    const outerW = P(layout.boxes.bleedRect.w);
    const outerH = P(layout.boxes.bleedRect.h);
    const bleed = Math.round((outerW - P(layout.boxes.trim.widthMm)) / 2);
    const at = (r: RectMm) => ({ left: bleed + P(r.x), top: bleed + P(r.y), width: P(r.x + r.w) - P(r.x), height: P(r.y + r.h) - P(r.y) });

    const overlays: OverlayOptions[] = [];
    const mat = at(layout.matRect);
    if (mat.width > 0 && mat.height > 0) overlays.push({ input: { create: { width: mat.width, height: mat.height, channels: 3, background: spec.matColor } }, left: mat.left, top: mat.top });

    const win = at(layout.window);
    const photo = await this.photoInto(spec.photo.file, spec.photo.crop, win.width, win.height);
    overlays.push({ input: photo.data, raw: photo.raw, left: win.left, top: win.top });

    const area = at(layout.captionArea);
    const shrunk: string[] = [];
    let y = area.top;
    for (const { block, text } of spec.captions) {
      if (!text) continue;
      const room = area.top + area.height - y;
      const img = await this.captionImage(text, block, dpi, area.width, room);
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
          throw new AppError('NOT_FOUND', `The logo ${spec.logoFile} could not be read: ${(err as Error).message}`);
        });
      overlays.push({ input: logo.data, left: box.left + Math.round((box.width - logo.info.width) / 2), top: box.top + Math.round((box.height - logo.info.height) / 2) });
    }

    const base = sharp({ create: { width: outerW, height: outerH, channels: 3, background: spec.frameColor } }).composite(overlays);
    let out = await base.raw().toBuffer({ resolveWithObject: true });
    if (spec.rasterMarks && layout.boxes.marks.length) out = await this.withMarks(out, layout, dpi, bleed);
    return { data: out.data, width: out.info.width, height: out.info.height, channels: out.info.channels as 3 | 4, shrunk };
  }

  /**
   * The photo, upright, filling the window without distortion. The crop is applied after a shrink-on-load
   * resize (scale the whole photo so the crop lands at window size, then cut it out), so a 24 MP JPEG is never
   * decoded at full size for a 10-inch print.
   */
  private async photoInto(file: string, crop: CropRect | null, width: number, height: number) {
    try {
      // Flattened and sRGB-converted here, once, so the sheet is composed in one colour space.
      const input = sharp(file, { failOn: 'error', limitInputPixels: PIXEL_LIMIT, sequentialRead: true }).autoOrient();
      const finish = async (s: Sharp) => {
        const { data, info } = await s.flatten({ background: '#ffffff' }).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
        return { data, raw: { width: info.width, height: info.height, channels: info.channels } };
      };
      if (!crop) return await finish(input.resize(width, height, { fit: 'cover', position: 'attention' }));
      const meta = await sharp(file).metadata();
      const full = meta.autoOrient ?? { width: meta.width!, height: meta.height! };
      const scaledW = Math.max(width, Math.round(width / crop.w));
      const scaledH = Math.max(height, Math.round((scaledW * full.height) / full.width));
      const left = Math.min(Math.max(0, Math.round(crop.x * scaledW)), scaledW - width);
      const top = Math.min(Math.max(0, Math.round(crop.y * scaledH)), scaledH - height);
      return await finish(input.resize(scaledW, scaledH, { fit: 'fill' }).extract({ left, top, width, height }));
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('CORRUPT', `${file}: the photo could not be read for printing (${(err as Error).message})`);
    }
  }

  /** A caption set in its face; too wide or too tall for its room, it wraps, then shrinks, and never clips. */
  private async captionImage(text: string, block: CaptionBlock, dpi: number, width: number, room: number) {
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
    throw new AppError('VALIDATION', `The caption "${text}" does not fit its space even at a smaller size: shorten it or give the mat more room`);
  }

  private async withMarks(out: { data: Buffer; info: OutputInfo }, layout: SheetLayout, dpi: number, bleed: number) {
    const P = (mm: number) => mmToPx(mm, dpi);
    const width = P(layout.boxes.mediaMm.widthMm);
    const height = P(layout.boxes.mediaMm.heightMm);
    const slugX = Math.round((width - out.info.width) / 2);
    const slugY = Math.round((height - out.info.height) / 2);
    const stroke = Math.max(1, P(0.1));
    // Marks are measured from the trim in mm; place them against the pixel trim so they meet its edges exactly.
    const trimLeft = slugX + bleed;
    const trimTop = slugY + bleed;
    const xmm = (mm: number) => (Math.abs(mm - layout.boxes.trimRect.x) < 1e-9 ? trimLeft : mm === layout.boxes.trimRect.x + layout.boxes.trimRect.w ? trimLeft + P(layout.boxes.trim.widthMm) : P(mm));
    const ymm = (mm: number) => (Math.abs(mm - layout.boxes.trimRect.y) < 1e-9 ? trimTop : mm === layout.boxes.trimRect.y + layout.boxes.trimRect.h ? trimTop + P(layout.boxes.trim.heightMm) : P(mm));
    const lines = layout.boxes.marks.map((m) => `<line x1="${xmm(m.x1)}" y1="${ymm(m.y1)}" x2="${xmm(m.x2)}" y2="${ymm(m.y2)}" stroke="#000" stroke-width="${stroke}" shape-rendering="crispEdges"/>`).join('');
    const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${lines}</svg>`);
    const res = await sharp(out.data, { raw: { width: out.info.width, height: out.info.height, channels: out.info.channels as 3 | 4 } })
      .removeAlpha()
      .extend({ top: slugY, bottom: height - out.info.height - slugY, left: slugX, right: width - out.info.width - slugX, background: '#ffffff' })
      .composite([{ input: svg, left: 0, top: 0 }])
      .raw()
      .toBuffer({ resolveWithObject: true });
    return res;
  }

  /** A small JPEG of a cached thumbnail, for the order sheet. */
  async thumbnail(file: string): Promise<Buffer> {
    return sharp(file).resize(160, 160, { fit: 'inside' }).jpeg({ quality: 75 }).toBuffer();
  }

  /** Encodes a rendered sheet for the print shop, with its resolution, colour profile and metadata embedded. */
  async encode(sheet: RenderedSheet, format: 'jpeg' | 'tiff' | 'png', dpi: number, opts: { cmyk?: boolean; xmp?: string; quality?: number } = {}): Promise<Buffer> {
    let img = sharp(sheet.data, { raw: { width: sheet.width, height: sheet.height, channels: sheet.channels } }).removeAlpha().withMetadata({ density: dpi });
    if (opts.cmyk && format === 'tiff') img = img.toColourspace('cmyk').withIccProfile('cmyk');
    else img = img.withIccProfile('srgb');
    if (opts.xmp && format !== 'png') img = img.withXmp(opts.xmp);
    if (format === 'jpeg') return img.jpeg({ quality: opts.quality ?? 95, chromaSubsampling: '4:4:4' }).toBuffer();
    if (format === 'tiff') return img.tiff({ compression: 'lzw', xres: dpi / 25.4, yres: dpi / 25.4, resolutionUnit: 'inch' }).toBuffer();
    return img.png().toBuffer();
  }
}
