import sharp, { type OverlayOptions, type Sharp } from 'sharp';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/messages';
import { displayPath } from '../../../shared/logic/file-path';
import { fsPath } from './storage.repository';
import type { CaptionBlock, CropRect } from '../../../shared/model/gift';
import { mmToPx, type CropMark, type RectMm, type SideBleed } from '../../../shared/logic/print-geometry';
import type { SheetLayout } from '../../../shared/logic/sheet-layout';
import { MIN_TYPE_PT, PT_TO_MM, setCaption } from '../../../shared/logic/typeset';
import { TypesetterRepository } from './typesetter';
import { fontFor } from './fonts';
import { PIXEL_LIMIT } from './image.repository';
import { withJpegPrintMetadata } from './jpeg-metadata';
import { decodeHeifPrimary } from './heif-decoder';
import { assertWhole, damageReason, reasonOf, strictness } from './decode-damage';
import fs from 'node:fs/promises';
import type { PhotoFormat } from '../../../shared/model/photo';
import type { DrawnPage } from '../../../shared/logic/page-drawing';
import { qrRuns } from '../../../shared/logic/qr';

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
  /** raw: uncompressed RGB pixels, for a caller that goes on to scale them */
  format: 'jpeg' | 'tiff' | 'png' | 'raw';
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

/**
 * A composed page as the print shop gets it: TIFF (LZW) with its resolution and profile — sRGB, or CMYK through
 * the press profile named — or a 4:4:4 JPEG with resolution and sRGB profile written in without re-encoding.
 */
async function encodePage(img: Sharp, dpi: number, output: SheetOutput, bigtiff = false): Promise<Buffer> {
  if (output.format === 'tiff') {
    const tagged = img.withMetadata({ density: dpi });
    const profiled = output.cmykProfile ? tagged.withIccProfile(output.cmykProfile) : tagged.withIccProfile('srgb');
    return profiled.tiff({ compression: 'lzw', xres: dpi / 25.4, yres: dpi / 25.4, resolutionUnit: 'inch', ...(bigtiff ? { bigtiff } : {}) }).toBuffer();
  }
  const jpeg = await img.jpeg({ quality: output.quality ?? 95, chromaSubsampling: '4:4:4' }).toBuffer();
  return withJpegPrintMetadata(jpeg, Math.max(1, Math.round(dpi)), await srgbProfile());
}

const escapeMarkup = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const CAPTION_CACHE = 256;
/** Text is never rendered below print resolution; a preview scales it down from here. */
const TEXT_DPI = 300;
/** What a preview is composed at before it is scaled for the screen: the resolution gifts are printed at. */
const PRINT_DPI = 300;
/** The physical size one texture tile stands for: its grain is this coarse at every resolution. */
const TEXTURE_TILE_MM = 90;

type Box = { left: number; top: number; width: number; height: number };
/** Distance between baselines when a block does not say: the faces' own line height (ascent + descent). */
const DEFAULT_LEADING = 1.45;
const leadingOf = (block: CaptionBlock) => block.leading ?? DEFAULT_LEADING;

interface CaptionImage {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * Composes gift sheets with sharp at the print resolution — frame, mat, photo, captions, logo, crop marks — in
 * one pipeline that ends in the encoder, so a sheet is never held as raw pixels twice.
 */
export class SheetRepository {
  constructor(private readonly type: TypesetterRepository = new TypesetterRepository()) {}

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

    // The canvas is the mat (out into the bleed). Everything else is a small layer: a printed frame band inside
    // the safe area as four bands, the white slug as four bands, each crop mark as a thin bar. No full-size layer
    // is blended, so frame, mat, captions and marks cost almost nothing beside the photo's decode and the encode.
    const mat = at(layout.matRect);
    const rect = (left: number, top: number, w: number, h: number, colour: string): OverlayOptions[] =>
      w > 0 && h > 0 ? [{ input: { create: { width: w, height: h, channels: 3, background: colour } }, left, top }] : [];
    const ring = (x: number, y: number, w: number, h: number, inner: { left: number; top: number; width: number; height: number }, colour: string) => [
      ...rect(x, y, w, inner.top - y, colour),
      ...rect(x, inner.top + inner.height, w, y + h - (inner.top + inner.height), colour),
      ...rect(x, inner.top, inner.left - x, inner.height, colour),
      ...rect(inner.left + inner.width, inner.top, x + w - (inner.left + inner.width), inner.height, colour),
    ];
    const overlays: OverlayOptions[] = [];
    if (layout.frameRect) {
      const band = at(layout.frameRect);
      overlays.push(...(spec.frameTexture ? await this.texturedRing(spec.frameTexture, band, mat, dpi) : ring(band.left, band.top, band.width, band.height, mat, spec.frameColor)));
    }
    if (marks) {
      overlays.push(...ring(0, 0, width, height, { left: slugX, top: slugY, width: outerW, height: outerH }, '#ffffff'));
      overlays.push(...this.markBars(layout, dpi, slugX + bleed, slugY + bleed));
    }

    const win = at(layout.window);
    const photo = await this.photoInto(spec.photo, win.width, win.height);

    const area = at(layout.captionArea);
    const caption = this.typeset(spec.captions, layout.captionArea);
    for (const line of caption.lines) {
      const { block } = spec.captions[line.block]!;
      const img = await this.lineImage(line.text, block, line.sizePt, dpi);
      // The line's baseline, in mm, where the typesetter put it; the image is cropped to its ink, so it goes up by
      // the ink above the baseline. Positions are rounded once, from mm, at any dpi.
      const sizeMm = line.sizePt * PT_TO_MM;
      const m = this.type.verticalMetrics(block.font, block.weight);
      const baselineMm = line.yMm + (sizeMm * leadingOf(block) - (m.ascent + m.descent) * sizeMm) / 2 + m.ascent * sizeMm;
      const top = area.top + P(baselineMm) - Math.round((this.type.inkAbove(line.text, block.font, block.weight) * sizeMm * dpi) / 25.4);
      const left = block.align === 'left' ? area.left + P(line.xMm) : block.align === 'right' ? area.left + area.width - img.width : area.left + Math.round((area.width - img.width) / 2);
      overlays.push({ input: img.data, left: Math.max(0, left), top: Math.max(0, top) });
    }
    const shrunk = caption.shrunk.map((i) => spec.captions[i]!.text);

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
    // The photo, extended with the mat out to the sheet's edges, is the base: a copy, not a blend of a full-size
    // layer (about a tenth of a sheet's time); the small layers are composited over it.
    const base = sharp(photo.data, { raw: photo.raw }).extend({ top: win.top, left: win.left, right: width - win.left - win.width, bottom: height - win.top - win.height, background: spec.matColor });
    let img = (overlays.length ? base.composite(overlays) : base).removeAlpha();
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
    } else if (output.format === 'raw') data = await img.raw().toBuffer();
    else data = await img.png().toBuffer();
    return { data, width, height, shrunk };
  }

  /**
   * The sheet for the screen: composed at print resolution, as the export composes it, then scaled to `dpi`. Set
   * at the screen's own resolution, every edge (frame, window, each glyph) would fall on another pixel grid and
   * the preview would not be the print.
   */
  async renderForScreen(spec: SheetSpec, dpi: number): Promise<Buffer> {
    const P = (mm: number) => mmToPx(mm, dpi);
    const { trim, bleedMm } = spec.layout.boxes;
    const width = P(trim.widthMm) + 2 * P(bleedMm);
    const height = P(trim.heightMm) + 2 * P(bleedMm);
    const sheet = await this.render({ ...spec, dpi: Math.max(dpi, PRINT_DPI) }, { format: 'raw' });
    return sharp(sheet.data, { raw: { width: sheet.width, height: sheet.height, channels: 3 } }).resize(width, height, { fit: 'fill', kernel: 'lanczos3' }).jpeg({ quality: 97, chromaSubsampling: '4:4:4' }).toBuffer();
  }

  /**
   * A texture decoded once per export and resolution, turned both ways (grain across for the top and bottom,
   * along for the sides) and scaled to its physical size: the grain is as fine on screen as on paper.
   */
  private textureTiles(file: string, dpi: number) {
    const key = `${file}@${dpi}`;
    let hit = this.textures.get(key);
    if (!hit) {
      const side = Math.max(8, mmToPx(TEXTURE_TILE_MM, dpi));
      const turned = async (degrees: number) => {
        const { data, info } = await sharp(file).rotate(degrees).resize(side, side, { fit: 'fill' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
        return { data, width: info.width, height: info.height };
      };
      hit = Promise.all([turned(90), turned(180)])
        .then(([x, y]) => ({ x, y }))
        .catch((err) => {
          this.textures.delete(key);
          throw new AppError('NOT_FOUND', msg('sheet.textureUnreadable', { path: file, detail: (err as Error).message }));
        });
      this.textures.set(key, hit);
      if (this.textures.size > 8) this.textures.delete(this.textures.keys().next().value!);
    }
    return hit;
  }

  /**
   * A textured frame band: grain running along each side, the sides mitred at 45° into the top and bottom as a
   * joiner cuts a frame. The top and bottom bands lie under; the sides, cut along the diagonals, lie over them.
   */
  private async texturedRing(file: string, outer: Box, inner: Box, dpi: number): Promise<OverlayOptions[]> {
    const tiles = await this.textureTiles(file, dpi);
    const tiled = async (width: number, height: number, along: 'x' | 'y') => {
      const tile = tiles[along];
      const reps = (n: number, of: number) => Math.ceil(n / of);
      // Repeat the tile in raw pixels (the texture is periodic: no seam where tiles meet), then cut to the band.
      const row = Buffer.alloc(tile.width * reps(width, tile.width) * 3 * tile.height);
      const rowW = tile.width * reps(width, tile.width);
      for (let y = 0; y < tile.height; y++)
        for (let k = 0; k < reps(width, tile.width); k++) tile.data.copy(row, (y * rowW + k * tile.width) * 3, y * tile.width * 3, (y + 1) * tile.width * 3);
      const rowsNeeded = reps(height, tile.height);
      const full = Buffer.concat(Array.from({ length: rowsNeeded }, () => row));
      return sharp(full, { raw: { width: rowW, height: tile.height * rowsNeeded, channels: 3 } }).extract({ left: 0, top: 0, width, height });
    };
    const top = inner.top - outer.top;
    const bottom = outer.top + outer.height - (inner.top + inner.height);
    const left = inner.left - outer.left;
    const right = outer.left + outer.width - (inner.left + inner.width);
    const pieces: OverlayOptions[] = [];
    const flat = async (img: Sharp, l: number, t: number) => {
      const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
      pieces.push({ input: data, raw: { width: info.width, height: info.height, channels: info.channels }, left: l, top: t });
    };
    if (top > 0) await flat(await tiled(outer.width, top, 'x'), outer.left, outer.top);
    if (bottom > 0) await flat(await tiled(outer.width, bottom, 'x'), outer.left, inner.top + inner.height);
    const H = outer.height;
    const side = async (w: number, l: number, points: string) => {
      if (w <= 0) return;
      const mask = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${H}"><polygon points="${points}" fill="#fff"/></svg>`);
      const band = (await tiled(w, H, 'y')).ensureAlpha().composite([{ input: mask, blend: 'dest-in' }]);
      pieces.push({ input: await band.png().toBuffer(), left: l, top: outer.top });
    };
    await side(left, outer.left, `0,0 ${left},${top} ${left},${H - bottom} 0,${H}`);
    await side(right, inner.left + inner.width, `0,${top} ${right},0 ${right},${H} 0,${H - bottom}`);
    return pieces;
  }

  /**
   * The photo, upright, filling the window without distortion. The crop is applied after a shrink-on-load
   * resize (scale the whole photo so the crop lands at window size, then cut it out), so a 24 MP JPEG is never
   * decoded at full size for a 10-inch print. Decoded as strictly as at import: an original cut short or broken
   * since (a sync that stopped, a failing disk) is refused by name rather than printed half grey or green.
   */
  private async photoInto({ file, crop, width: fullW, height: fullH, format }: SheetSpec['photo'], width: number, height: number) {
    const name = displayPath(file);
    try {
      // Flattened and sRGB-converted here, once, so the sheet is composed in one colour space. HEVC HEIF goes
      // through its own decoder (already upright); everything else through sharp, turned upright.
      const bytes = await fs.readFile(fsPath(file));
      assertWhole(bytes, name);
      let input: Sharp;
      if (format === 'heif') {
        const d = await decodeHeifPrimary(bytes, name, PIXEL_LIMIT);
        input = sharp(d.data, { raw: { width: d.width, height: d.height, channels: 4 } });
      } else input = sharp(bytes, { failOn: strictness(format), limitInputPixels: PIXEL_LIMIT, sequentialRead: true }).autoOrient();
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
      if (err instanceof AppError && err.code === 'DAMAGED') throw new AppError('DAMAGED', msg('sheet.photoDamaged', { path: name, reason: reasonOf(err) }));
      if (err instanceof AppError) throw err;
      const detail = (err as Error).message;
      // Its header read at import: a picture that fails now is damaged; a file that is gone or no longer an image is not.
      if ((err as NodeJS.ErrnoException).code || /unsupported image format|corrupt header|missing/i.test(detail))
        throw new AppError('CORRUPT', msg('sheet.photoUnreadable', { path: name, detail }));
      throw new AppError('DAMAGED', msg('sheet.photoDamaged', { path: name, reason: damageReason(detail) }));
    }
  }

  /**
   * The caption blocks set in mm (shared/logic/typeset): the same lines and sizes at every resolution, so the
   * preview breaks where the print does. Text that cannot fit at 6 pt is refused by name.
   */
  private typeset(captions: SheetSpec['captions'], area: RectMm) {
    const blocks = captions.map(({ block, text }) => ({
      text,
      style: { sizePt: block.sizePt, leading: leadingOf(block), maxLines: block.maxLines },
      align: block.align,
      measure: this.type.measure(block.font, block.weight),
    }));
    const set = setCaption(blocks, area);
    if ('overflow' in set) throw new AppError('VALIDATION', msg('sheet.captionTooLong', { text: captions[set.overflow]!.text, min: MIN_TYPE_PT }));
    return set;
  }

  /**
   * One line rendered by Pango in its face, cropped to its ink; cached per export. Below print resolution (a
   * preview) it is rendered at 300 dpi and scaled down: a face hinted at 140 dpi has other advance widths, and
   * the preview would not be the print.
   */
  private lineImage(text: string, block: Pick<CaptionBlock, 'font' | 'weight' | 'color'>, sizePt: number, dpi: number): Promise<CaptionImage> {
    const key = JSON.stringify([text, block.font, block.weight, block.color, sizePt, dpi]);
    let hit = this.captions.get(key);
    if (!hit) {
      const font = fontFor(block.font, block.weight);
      const renderDpi = Math.max(dpi, TEXT_DPI);
      hit = sharp({ text: { text: `<span foreground="${block.color}">${escapeMarkup(text)}</span>`, font: `${font.name} ${sizePt.toFixed(3)}`, fontfile: font.file, dpi: renderDpi, rgba: true } })
        .png()
        .toBuffer({ resolveWithObject: true })
        .then(async ({ data, info }) => {
          if (renderDpi === dpi) return { data, width: info.width, height: info.height };
          const width = Math.max(1, Math.round((info.width * dpi) / renderDpi));
          const height = Math.max(1, Math.round((info.height * dpi) / renderDpi));
          return { data: await sharp(data).resize(width, height, { fit: 'fill', kernel: 'lanczos3' }).png().toBuffer(), width, height };
        });
      hit.catch(() => this.captions.delete(key));
      this.captions.set(key, hit);
      if (this.captions.size > CAPTION_CACHE) this.captions.delete(this.captions.keys().next().value!);
    }
    return hit;
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
    const img = sharp({ create: { width: P(page.widthMm), height: P(page.heightMm), channels: 3, background: '#ffffff' } }).composite(overlays).removeAlpha();
    return encodePage(img, dpi, { ...output, quality: output.quality ?? 95 });
  }

  /**
   * A page composed in mm (a board, a sheet of labels) drawn at `dpi`: rectangles, photos (each JPEG from
   * `images` scaled into its box), lines of text as the typesetter placed them, hairlines as bars at least a
   * pixel wide. Encoded as asked, with its resolution and profile written in.
   */
  async rasterPage(page: DrawnPage, dpi: number, images: (ref: string) => Buffer, output: SheetOutput): Promise<Buffer> {
    const P = (mm: number) => mmToPx(mm, dpi);
    const W = P(page.boxes.mediaMm.widthMm);
    const H = P(page.boxes.mediaMm.heightMm);
    const overlays: OverlayOptions[] = [];
    // Layers are clipped to the page (a line of text may reach a pixel past a rounded edge).
    const place = async (input: Buffer, raw: { width: number; height: number; channels: 3 | 4 } | null, left: number, top: number) => {
      let meta: { width: number; height: number };
      if (raw) meta = raw;
      else {
        const m = await sharp(input).metadata();
        meta = { width: m.width ?? 0, height: m.height ?? 0 };
      }
      const x0 = Math.max(0, left);
      const y0 = Math.max(0, top);
      const x1 = Math.min(W, left + meta.width);
      const y1 = Math.min(H, top + meta.height);
      if (x1 <= x0 || y1 <= y0) return;
      if (x0 === left && y0 === top && x1 - x0 === meta.width && y1 - y0 === meta.height) {
        overlays.push(raw ? { input, raw, left, top } : { input, left, top });
        return;
      }
      const cut = await sharp(input, raw ? { raw } : {}).extract({ left: x0 - left, top: y0 - top, width: x1 - x0, height: y1 - y0 }).png().toBuffer();
      overlays.push({ input: cut, left: x0, top: y0 });
    };
    const bar = (left: number, top: number, width: number, height: number, colour: string) => {
      const x0 = Math.max(0, left);
      const y0 = Math.max(0, top);
      const w = Math.min(W, left + width) - x0;
      const h = Math.min(H, top + height) - y0;
      if (w > 0 && h > 0) overlays.push({ input: { create: { width: w, height: h, channels: 3, background: colour } }, left: x0, top: y0 });
    };
    for (const op of page.ops) {
      if (op.kind === 'rect') bar(P(op.x), P(op.y), P(op.x + op.w) - P(op.x), P(op.y + op.h) - P(op.y), op.fill);
      else if (op.kind === 'image') {
        const w = Math.max(1, P(op.x + op.w) - P(op.x));
        const h = Math.max(1, P(op.y + op.h) - P(op.y));
        const { data, info } = await sharp(images(op.ref)).resize(w, h, { fit: 'fill' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
        await place(data, { width: info.width, height: info.height, channels: 3 }, P(op.x), P(op.y));
      } else if (op.kind === 'text') {
        const img = await this.lineImage(op.text, op, op.sizePt, dpi);
        const sizeMm = op.sizePt * PT_TO_MM;
        const top = P(op.baseline) - Math.round((this.type.inkAbove(op.text, op.font, op.weight) * sizeMm * dpi) / 25.4);
        await place(img.data, null, P(op.x), top);
      } else if (op.kind === 'qr') {
        // Modules as pixels, scaled without smoothing: every edge stays sharp for a phone's camera.
        const { modules, runs } = qrRuns(op.text);
        const grid = Buffer.alloc(modules * modules, 255);
        for (const [c, r, n] of runs) grid.fill(0, r * modules + c, r * modules + c + n);
        const side = Math.max(modules, P(op.x + op.size) - P(op.x));
        const { data, info } = await sharp(grid, { raw: { width: modules, height: modules, channels: 1 } }).resize(side, side, { kernel: 'nearest' }).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
        await place(data, { width: info.width, height: info.height, channels: info.channels as 3 }, P(op.x), P(op.y));
      } else {
        const stroke = Math.max(1, Math.round((op.widthPt / 72) * dpi));
        const colour = op.color === 'registration' ? '#000000' : op.color;
        const vertical = Math.abs(op.x1 - op.x2) < 1e-9;
        if (vertical) bar(P(op.x1) - Math.floor(stroke / 2), Math.min(P(op.y1), P(op.y2)), stroke, Math.abs(P(op.y2) - P(op.y1)), colour);
        else bar(Math.min(P(op.x1), P(op.x2)), P(op.y1) - Math.floor(stroke / 2), Math.abs(P(op.x2) - P(op.x1)), stroke, colour);
      }
    }
    const img = sharp({ create: { width: W, height: H, channels: 3, background: '#ffffff' }, limitInputPixels: false }).composite(overlays).removeAlpha();
    if (output.format === 'png') return img.png().toBuffer();
    return encodePage(img, dpi, { ...output, quality: output.quality ?? 92 }, W * H * 3 > 3.5e9);
  }

  /**
   * A photo, upright and in sRGB, at `width`×`height` pixels (its own aspect: a board places it uncropped), as a
   * JPEG for a PDF or a raster page. Decoded with shrink-on-load, so a 24 MP original costs a fraction of a full decode.
   */
  async photoJpeg(photo: SheetSpec['photo'], width: number, height: number, quality = 90, xmp?: string): Promise<Buffer> {
    const { data, raw } = await this.photoInto(photo, width, height);
    // Nothing of the original's metadata comes along (no GPS, no maker notes); only what `xmp` says.
    if (xmp) return sharp(data, { raw }).withXmp(xmp).jpeg({ quality, chromaSubsampling: '4:2:0' }).toBuffer();
    // 4:2:0, as cameras write: at 300 ppi the halved colour resolution cannot be seen in a photo, and the file
    // (a catalogue of 236 pages) is a third smaller. Captions are text in the PDF, never in these pixels.
    return sharp(data, { raw }).jpeg({ quality, chromaSubsampling: '4:2:0' }).toBuffer();
  }

  /** An emblem (PNG, JPEG…) flattened onto a colour, at most 1600 px: a JPEG any renderer takes, and its aspect. */
  async flatJpeg(bytes: Buffer, background: string): Promise<{ jpeg: Buffer; aspect: number }> {
    const { data, info } = await sharp(bytes, { failOn: 'error', limitInputPixels: PIXEL_LIMIT }).autoOrient().resize(1600, 1600, { fit: 'inside', withoutEnlargement: true }).flatten({ background }).toColourspace('srgb').jpeg({ quality: 95 }).toBuffer({ resolveWithObject: true });
    return { jpeg: data, aspect: info.width / info.height };
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
