import sharp, { type OverlayOptions, type Sharp } from 'sharp';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/messages';
import { displayPath } from '../../../shared/logic/file-path';
import { fsPath } from './storage.repository';
import type { CaptionBlock, CropRect } from '../../../shared/model/gift';
import {
  mmToPx,
  type CropMark,
  type PagePlacement,
  type RectMm,
  type SheetBoxes,
} from '../../../shared/logic/print-geometry';
import type { SheetLayout } from '../../../shared/logic/sheet-layout';
import { PT_TO_MM } from '../../../shared/logic/typeset';
import { TypesetterRepository } from './typesetter';
import { fontFor } from './fonts';
import { PIXEL_LIMIT } from './image.repository';
import { withJpegPrintMetadata } from './jpeg-metadata';
import { decodeHeifPrimary } from './heif-decoder';
import { assertWhole, damageReason, reasonOf, strictness } from './decode-damage';
import fs from 'node:fs/promises';
import type { PhotoFormat } from '../../../shared/model/photo';
import { TEXTURE_TILE_MM, type DrawnPage, type DrawOp, type ImageOp } from '../../../shared/logic/page-drawing';
import { qrRuns } from '../../../shared/logic/qr';

/** Where a gift sheet's pictures come from and what it says: resolved by the gift service, hashed for re-runs. */
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
}

export interface SheetOutput {
  /** raw: uncompressed RGB pixels, for a caller that goes on to scale them */
  format: 'jpeg' | 'tiff' | 'png' | 'raw';
  quality?: number;
  /** TIFF only: converted to CMYK with this press profile (a file path), which is embedded */
  cmykProfile?: string | null;
  xmp?: string;
}

/** A picture a page draws: encoded bytes, or pixels already at the size asked (drawn as they are). */
export type PageImage = Buffer | { data: Buffer; raw: { width: number; height: number; channels: 1 | 2 | 3 | 4 } };
/** What a page's image and texture refs stand for, asked with the pixel size they are drawn at. */
export type PageImages = (ref: string, widthPx: number, heightPx: number) => PageImage | Promise<PageImage>;

/**
 * A page's pixels at `dpi`: the trim rounded from its mm, and the bleed and slug the same whole number of pixels
 * on every side — a print shop measures the bleed from each edge, and 29 px at the top with 27 at the bottom is a
 * defect. Positions are rounded once, from mm, against the trim; the edges of the boxes land on their own pixels.
 */
function pixelGrid(boxes: SheetBoxes, dpi: number) {
  const P = (mm: number) => mmToPx(mm, dpi);
  const slug = P(boxes.slugMm);
  const edge = slug + P(boxes.bleedMm);
  const width = P(boxes.trim.widthMm) + 2 * edge;
  const height = P(boxes.trim.heightMm) + 2 * edge;
  const axis = (trimAt: number, trimMm: number, mediaMm: number, mediaPx: number) => {
    const snaps: [number, number][] = [
      [0, 0],
      [trimAt - boxes.bleedMm, slug],
      [trimAt, edge],
      [trimAt + trimMm, edge + P(trimMm)],
      [trimAt + trimMm + boxes.bleedMm, mediaPx - slug],
      [mediaMm, mediaPx],
    ];
    return (mm: number) => snaps.find(([at]) => Math.abs(at - mm) < 1e-6)?.[1] ?? edge + P(mm - trimAt);
  };
  return {
    width,
    height,
    x: axis(boxes.trimRect.x, boxes.trim.widthMm, boxes.mediaMm.widthMm, width),
    y: axis(boxes.trimRect.y, boxes.trim.heightMm, boxes.mediaMm.heightMm, height),
  };
}

/** Do two boxes in mm overlap (touching edges do not)? A band covers only its ring, not what it frames. */
function overlaps(op: DrawOp, r: RectMm): boolean {
  const inside = (a: RectMm) =>
    a.x < r.x + r.w - 1e-6 && r.x < a.x + a.w - 1e-6 && a.y < r.y + r.h - 1e-6 && r.y < a.y + a.h - 1e-6;
  if (op.kind === 'text') return true;
  if (op.kind === 'line')
    return inside({
      x: Math.min(op.x1, op.x2) - 1,
      y: Math.min(op.y1, op.y2) - 1,
      w: Math.abs(op.x2 - op.x1) + 2,
      h: Math.abs(op.y2 - op.y1) + 2,
    });
  if (op.kind === 'qr') return inside({ x: op.x, y: op.y, w: op.size, h: op.size });
  if (op.kind === 'band') {
    const f = op.widthMm;
    const framed =
      r.x >= op.x + f - 1e-6 &&
      r.y >= op.y + f - 1e-6 &&
      r.x + r.w <= op.x + op.w - f + 1e-6 &&
      r.y + r.h <= op.y + op.h - f + 1e-6;
    return inside(op) && !framed;
  }
  return inside(op);
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
    return profiled
      .tiff({
        compression: 'lzw',
        xres: dpi / 25.4,
        yres: dpi / 25.4,
        resolutionUnit: 'inch',
        ...(bigtiff ? { bigtiff } : {}),
      })
      .toBuffer();
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

type Box = { left: number; top: number; width: number; height: number };

interface CaptionImage {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * Draws pages composed in mm (gift sheets, boards, labels…) into pixels with sharp — the one raster writer — and
 * decodes the photos they show: upright, in sRGB, strictly (a damaged original is refused by name).
 */
export class SheetRepository {
  constructor(private readonly type: TypesetterRepository = new TypesetterRepository()) {}

  /** The theme and credit lines repeat on every sheet of an export: rendered once. */
  private readonly captions = new Map<string, Promise<CaptionImage>>();
  private readonly textures = new Map<
    string,
    Promise<Record<'x' | 'y', { data: Buffer; width: number; height: number }>>
  >();

  /** A page's size in pixels at `dpi`, as it is drawn. */
  pagePixels(boxes: SheetBoxes, dpi: number): { width: number; height: number } {
    const { width, height } = pixelGrid(boxes, dpi);
    return { width, height };
  }

  /**
   * A page for the screen: drawn at print resolution, as the export draws it, then scaled to `dpi`. Drawn at the
   * screen's own resolution, every edge (frame, window, each glyph) would fall on another pixel grid and the
   * preview would not be the print.
   */
  async renderForScreen(page: DrawnPage, dpi: number, images: PageImages): Promise<Buffer> {
    const screen = pixelGrid(page.boxes, dpi);
    const printDpi = Math.max(dpi, PRINT_DPI);
    const print = pixelGrid(page.boxes, printDpi);
    const pixels = await this.rasterPage(page, printDpi, images, { format: 'raw' });
    return sharp(pixels, { raw: { width: print.width, height: print.height, channels: 3 } })
      .resize(screen.width, screen.height, { fit: 'fill', kernel: 'lanczos3' })
      .jpeg({ quality: 97, chromaSubsampling: '4:4:4' })
      .toBuffer();
  }

  /**
   * A texture decoded once per export and resolution, turned both ways (grain across for the top and bottom,
   * along for the sides) and scaled to its physical size: the grain is as fine on screen as on paper.
   */
  private textureTiles(ref: string, dpi: number, images: PageImages) {
    const key = `${ref}@${dpi}`;
    let hit = this.textures.get(key);
    if (!hit) {
      const side = Math.max(8, mmToPx(TEXTURE_TILE_MM, dpi));
      const source = Promise.resolve().then(() => images(ref, side, side));
      const turned = async (degrees: number) => {
        const src = await source;
        const { data, info } = await (Buffer.isBuffer(src) ? sharp(src) : sharp(src.data, { raw: src.raw }))
          .rotate(degrees)
          .resize(side, side, { fit: 'fill' })
          .removeAlpha()
          .raw()
          .toBuffer({ resolveWithObject: true });
        return { data, width: info.width, height: info.height };
      };
      hit = Promise.all([turned(90), turned(180)])
        .then(([x, y]) => ({ x, y }))
        .catch((err) => {
          this.textures.delete(key);
          throw new AppError(
            'NOT_FOUND',
            msg('sheet.textureUnreadable', { path: ref, detail: (err as Error).message }),
          );
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
  private async texturedRing(
    ref: string,
    outer: Box,
    inner: Box,
    dpi: number,
    images: PageImages,
  ): Promise<OverlayOptions[]> {
    const tiles = await this.textureTiles(ref, dpi, images);
    const tiled = async (width: number, height: number, along: 'x' | 'y') => {
      const tile = tiles[along];
      const reps = (n: number, of: number) => Math.ceil(n / of);
      // Repeat the tile in raw pixels (the texture is periodic: no seam where tiles meet), then cut to the band.
      const row = Buffer.alloc(tile.width * reps(width, tile.width) * 3 * tile.height);
      const rowW = tile.width * reps(width, tile.width);
      for (let y = 0; y < tile.height; y++)
        for (let k = 0; k < reps(width, tile.width); k++)
          tile.data.copy(row, (y * rowW + k * tile.width) * 3, y * tile.width * 3, (y + 1) * tile.width * 3);
      const rowsNeeded = reps(height, tile.height);
      const full = Buffer.concat(Array.from({ length: rowsNeeded }, () => row));
      return sharp(full, { raw: { width: rowW, height: tile.height * rowsNeeded, channels: 3 } }).extract({
        left: 0,
        top: 0,
        width,
        height,
      });
    };
    const top = inner.top - outer.top;
    const bottom = outer.top + outer.height - (inner.top + inner.height);
    const left = inner.left - outer.left;
    const right = outer.left + outer.width - (inner.left + inner.width);
    const pieces: OverlayOptions[] = [];
    const flat = async (img: Sharp, l: number, t: number) => {
      const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
      pieces.push({
        input: data,
        raw: { width: info.width, height: info.height, channels: info.channels },
        left: l,
        top: t,
      });
    };
    if (top > 0) await flat(await tiled(outer.width, top, 'x'), outer.left, outer.top);
    if (bottom > 0) await flat(await tiled(outer.width, bottom, 'x'), outer.left, inner.top + inner.height);
    const H = outer.height;
    const side = async (w: number, l: number, points: string) => {
      if (w <= 0) return;
      const mask = Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${H}"><polygon points="${points}" fill="#fff"/></svg>`,
      );
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
  async photoPixels(
    { file, crop, width: fullW, height: fullH, format }: SheetSpec['photo'],
    width: number,
    height: number,
  ) {
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
      } else
        input = sharp(bytes, {
          failOn: strictness(format),
          limitInputPixels: PIXEL_LIMIT,
          sequentialRead: true,
        }).autoOrient();
      const finish = async (s: Sharp) => {
        const { data, info } = await s
          .flatten({ background: '#ffffff' })
          .toColourspace('srgb')
          .raw()
          .toBuffer({ resolveWithObject: true });
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
      if (err instanceof AppError && err.code === 'DAMAGED')
        throw new AppError('DAMAGED', msg('sheet.photoDamaged', { path: name, reason: reasonOf(err) }));
      if (err instanceof AppError) throw err;
      const detail = (err as Error).message;
      // Its header read at import: a picture that fails now is damaged; a file that is gone or no longer an image is not.
      if ((err as NodeJS.ErrnoException).code || /unsupported image format|corrupt header|missing/i.test(detail))
        throw new AppError('CORRUPT', msg('sheet.photoUnreadable', { path: name, detail }));
      throw new AppError('DAMAGED', msg('sheet.photoDamaged', { path: name, reason: damageReason(detail) }));
    }
  }

  /**
   * One line rendered by Pango in its face, cropped to its ink; cached per export. Below print resolution (a
   * preview) it is rendered at 300 dpi and scaled down: a face hinted at 140 dpi has other advance widths, and
   * the preview would not be the print.
   */
  private lineImage(
    text: string,
    block: Pick<CaptionBlock, 'font' | 'weight' | 'color'>,
    sizePt: number,
    dpi: number,
  ): Promise<CaptionImage> {
    const key = JSON.stringify([text, block.font, block.weight, block.color, sizePt, dpi]);
    let hit = this.captions.get(key);
    if (!hit) {
      const font = fontFor(block.font, block.weight);
      const renderDpi = Math.max(dpi, TEXT_DPI);
      hit = sharp({
        text: {
          text: `<span foreground="${block.color}">${escapeMarkup(text)}</span>`,
          font: `${font.name} ${sizePt.toFixed(3)}`,
          fontfile: font.file,
          dpi: renderDpi,
          rgba: true,
        },
      })
        .png()
        .toBuffer({ resolveWithObject: true })
        .then(async ({ data, info }) => {
          if (renderDpi === dpi) return { data, width: info.width, height: info.height };
          const width = Math.max(1, Math.round((info.width * dpi) / renderDpi));
          const height = Math.max(1, Math.round((info.height * dpi) / renderDpi));
          return {
            data: await sharp(data).resize(width, height, { fit: 'fill', kernel: 'lanczos3' }).png().toBuffer(),
            width,
            height,
          };
        });
      hit.catch(() => this.captions.delete(key));
      this.captions.set(key, hit);
      if (this.captions.size > CAPTION_CACHE) this.captions.delete(this.captions.keys().next().value!);
    }
    return hit;
  }

  /**
   * An n-up page: each print (rendered trim + bleed) placed on its trim rectangle, turned when its slot lies the
   * other way, showing its bleed only where no neighbour abuts it (one shared cut between neighbours); thin
   * mark bars in the margins. Encoded as asked (JPEG, or TIFF in sRGB or through a CMYK profile).
   */
  async composePage(
    page: { widthMm: number; heightMm: number },
    dpi: number,
    placements: PagePlacement<Buffer>[],
    marks: CropMark[],
    output: SheetOutput,
  ): Promise<Buffer> {
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
      overlays.push({
        input: piece.data,
        raw: { width: piece.info.width, height: piece.info.height, channels: piece.info.channels },
        left,
        top,
      });
    }
    for (const m of marks) {
      const vertical = Math.abs(m.x1 - m.x2) < 1e-9;
      overlays.push({
        input: {
          create: {
            width: vertical ? stroke : Math.abs(P(m.x2) - P(m.x1)),
            height: vertical ? Math.abs(P(m.y2) - P(m.y1)) : stroke,
            channels: 3,
            background: '#000000',
          },
        },
        left: vertical ? P(m.x1) - Math.floor(stroke / 2) : Math.min(P(m.x1), P(m.x2)),
        top: vertical ? Math.min(P(m.y1), P(m.y2)) : P(m.y1) - Math.floor(stroke / 2),
      });
    }
    const img = sharp({
      create: { width: P(page.widthMm), height: P(page.heightMm), channels: 3, background: '#ffffff' },
    })
      .composite(overlays)
      .removeAlpha();
    return encodePage(img, dpi, { ...output, quality: output.quality ?? 95 });
  }

  /**
   * A page composed in mm (a gift sheet, a board, a sheet of labels) drawn at `dpi`: rectangles, photos (each
   * from `images`, scaled into its box unless it comes at its size), textured frame bands, lines of text as the
   * typesetter placed them, QR codes and hairlines as bars at least a pixel wide. Encoded as asked, with its
   * resolution and profile (and XMP) written in.
   */
  async rasterPage(page: DrawnPage, dpi: number, images: PageImages, output: SheetOutput): Promise<Buffer> {
    const grid = pixelGrid(page.boxes, dpi);
    const { width: W, height: H, x: X, y: Y } = grid;
    const box = (r: RectMm): Box => ({
      left: X(r.x),
      top: Y(r.y),
      width: X(r.x + r.w) - X(r.x),
      height: Y(r.y + r.h) - Y(r.y),
    });
    const overlays: OverlayOptions[] = [];
    // Layers are clipped to the page (a line of text may reach a pixel past a rounded edge).
    const place = async (
      input: Buffer,
      size: { width: number; height: number },
      raw: boolean,
      left: number,
      top: number,
    ) => {
      const rawOf = { width: size.width, height: size.height, channels: 3 as const };
      const x0 = Math.max(0, left);
      const y0 = Math.max(0, top);
      const x1 = Math.min(W, left + size.width);
      const y1 = Math.min(H, top + size.height);
      if (x1 <= x0 || y1 <= y0) return;
      if (x0 === left && y0 === top && x1 - x0 === size.width && y1 - y0 === size.height) {
        overlays.push(raw ? { input, raw: rawOf, left, top } : { input, left, top });
        return;
      }
      const cut = await sharp(input, raw ? { raw: rawOf } : {})
        .extract({ left: x0 - left, top: y0 - top, width: x1 - x0, height: y1 - y0 })
        .png()
        .toBuffer();
      overlays.push({ input: cut, left: x0, top: y0 });
    };
    const bar = (left: number, top: number, width: number, height: number, colour: string) => {
      const x0 = Math.max(0, left);
      const y0 = Math.max(0, top);
      const w = Math.min(W, left + width) - x0;
      const h = Math.min(H, top + height) - y0;
      if (w > 0 && h > 0)
        overlays.push({
          input: { create: { width: w, height: h, channels: 3, background: colour } },
          left: x0,
          top: y0,
        });
    };
    /** An image op's pixels at its box's size, as raw RGB. */
    const pixelsOf = async (ref: string, w: number, h: number) => {
      const got = await images(ref, w, h);
      if (!Buffer.isBuffer(got) && got.raw.width === w && got.raw.height === h && got.raw.channels === 3)
        return got.data;
      const input = Buffer.isBuffer(got) ? sharp(got) : sharp(got.data, { raw: got.raw });
      return input.resize(w, h, { fit: 'fill' }).removeAlpha().raw().toBuffer();
    };

    // The paper is the first rectangle's colour (white outside it). The largest photo with nothing under it but
    // the paper is the base, extended with the paper to the page's edges: a copy, not a blend of a full-size
    // layer (about a tenth of a gift sheet's time); every other op is a small layer over it.
    const paper = page.ops[0]?.kind === 'rect' ? page.ops[0] : null;
    let baseAt = -1;
    page.ops.forEach((op, i) => {
      if (op.kind !== 'image' || page.ops.slice(paper ? 1 : 0, i).some((under) => overlaps(under, op))) return;
      const r = box(op);
      const best = baseAt >= 0 ? box(page.ops[baseAt] as RectMm) : null;
      if (
        r.left >= 0 &&
        r.top >= 0 &&
        r.left + r.width <= W &&
        r.top + r.height <= H &&
        r.width > 0 &&
        r.height > 0 &&
        (!best || r.width * r.height > best.width * best.height)
      )
        baseAt = i;
    });
    if (paper) {
      const p = box(paper);
      bar(0, 0, W, p.top, '#ffffff');
      bar(0, p.top + p.height, W, H - p.top - p.height, '#ffffff');
      bar(0, p.top, p.left, p.height, '#ffffff');
      bar(p.left + p.width, p.top, W - p.left - p.width, p.height, '#ffffff');
    }
    const background = paper?.fill ?? '#ffffff';
    let base: Sharp;
    if (baseAt >= 0) {
      const op = page.ops[baseAt] as ImageOp;
      const r = box(op);
      base = sharp(await pixelsOf(op.ref, r.width, r.height), {
        raw: { width: r.width, height: r.height, channels: 3 },
      }).extend({ left: r.left, top: r.top, right: W - r.left - r.width, bottom: H - r.top - r.height, background });
    } else base = sharp({ create: { width: W, height: H, channels: 3, background }, limitInputPixels: false });

    for (const [i, op] of page.ops.entries()) {
      if (i === baseAt || (paper && i === 0)) continue;
      if (op.kind === 'rect') {
        const r = box(op);
        bar(r.left, r.top, r.width, r.height, op.fill);
      } else if (op.kind === 'image') {
        const r = box(op);
        const w = Math.max(1, r.width);
        const h = Math.max(1, r.height);
        await place(await pixelsOf(op.ref, w, h), { width: w, height: h }, true, r.left, r.top);
      } else if (op.kind === 'band') {
        const f = op.widthMm;
        overlays.push(
          ...(await this.texturedRing(
            op.ref,
            box(op),
            box({ x: op.x + f, y: op.y + f, w: op.w - 2 * f, h: op.h - 2 * f }),
            dpi,
            images,
          )),
        );
      } else if (op.kind === 'text') {
        const img = await this.lineImage(op.text, op, op.sizePt, dpi);
        const sizeMm = op.sizePt * PT_TO_MM;
        // The image is cropped to its ink: it goes up from the baseline by the ink above it.
        const top =
          Y(op.baseline) - Math.round((this.type.inkAbove(op.text, op.font, op.weight) * sizeMm * dpi) / 25.4);
        await place(img.data, img, false, X(op.x), top);
      } else if (op.kind === 'qr') {
        // Modules as pixels, scaled without smoothing: every edge stays sharp for a phone's camera.
        const { modules, runs } = qrRuns(op.text);
        const grid = Buffer.alloc(modules * modules, 255);
        for (const [c, r, n] of runs) grid.fill(0, r * modules + c, r * modules + c + n);
        const side = Math.max(modules, X(op.x + op.size) - X(op.x));
        const { data } = await sharp(grid, { raw: { width: modules, height: modules, channels: 1 } })
          .resize(side, side, { kernel: 'nearest' })
          .toColourspace('srgb')
          .raw()
          .toBuffer({ resolveWithObject: true });
        await place(data, { width: side, height: side }, true, X(op.x), Y(op.y));
      } else {
        const stroke = Math.max(1, Math.round((op.widthPt / 72) * dpi));
        const colour = op.color === 'registration' ? '#000000' : op.color;
        const vertical = Math.abs(op.x1 - op.x2) < 1e-9;
        if (vertical)
          bar(
            X(op.x1) - Math.floor(stroke / 2),
            Math.min(Y(op.y1), Y(op.y2)),
            stroke,
            Math.abs(Y(op.y2) - Y(op.y1)),
            colour,
          );
        else
          bar(
            Math.min(X(op.x1), X(op.x2)),
            Y(op.y1) - Math.floor(stroke / 2),
            Math.abs(X(op.x2) - X(op.x1)),
            stroke,
            colour,
          );
      }
    }
    // Text comes as transparent layers; the print has no alpha: RGB is 3 samples, CMYK 4, always.
    let img = (overlays.length ? base.composite(overlays) : base).removeAlpha();
    if (output.format === 'raw') return img.raw().toBuffer();
    if (output.format === 'png') return img.png().toBuffer();
    if (output.xmp) img = img.withXmp(output.xmp);
    return encodePage(img, dpi, { ...output, quality: output.quality ?? 92 }, W * H * 3 > 3.5e9);
  }

  /**
   * A photo, upright and in sRGB, at `width`×`height` pixels (its own aspect: a board places it uncropped), as a
   * JPEG for a PDF or a raster page. Decoded with shrink-on-load, so a 24 MP original costs a fraction of a full decode.
   */
  async photoJpeg(
    photo: SheetSpec['photo'],
    width: number,
    height: number,
    quality = 90,
    xmp?: string,
  ): Promise<Buffer> {
    const { data, raw } = await this.photoPixels(photo, width, height);
    // Nothing of the original's metadata comes along (no GPS, no maker notes); only what `xmp` says.
    if (xmp) return sharp(data, { raw }).withXmp(xmp).jpeg({ quality, chromaSubsampling: '4:2:0' }).toBuffer();
    // 4:2:0, as cameras write: at 300 ppi the halved colour resolution cannot be seen in a photo, and the file
    // (a catalogue of 236 pages) is a third smaller. Captions are text in the PDF, never in these pixels.
    return sharp(data, { raw }).jpeg({ quality, chromaSubsampling: '4:2:0' }).toBuffer();
  }

  /** An emblem (PNG, JPEG…) flattened onto a colour, at most 1600 px: a JPEG any renderer takes, and its aspect. */
  async flatJpeg(bytes: Buffer, background: string): Promise<{ jpeg: Buffer; aspect: number }> {
    const { data, info } = await sharp(bytes, { failOn: 'error', limitInputPixels: PIXEL_LIMIT })
      .autoOrient()
      .resize(1600, 1600, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background })
      .toColourspace('srgb')
      .jpeg({ quality: 95 })
      .toBuffer({ resolveWithObject: true });
    return { jpeg: data, aspect: info.width / info.height };
  }

  /** sharp's sRGB profile, for the output intent of PDFs. */
  async srgbIcc(): Promise<Buffer> {
    const icc = await srgbProfile();
    if (!icc) throw new Error('sharp has no built-in sRGB profile');
    return icc;
  }

  /** A small JPEG of a cached thumbnail, for the order sheet, and its width over its height. */
  async thumbnail(file: string): Promise<{ jpeg: Buffer; aspect: number }> {
    const { data, info } = await sharp(file)
      .resize(160, 160, { fit: 'inside' })
      .jpeg({ quality: 75 })
      .toBuffer({ resolveWithObject: true });
    return { jpeg: data, aspect: info.width / info.height };
  }

  /** A template's logo flattened onto its mat, and its aspect; one that cannot be read is named. */
  async logo(file: string, background: string): Promise<{ jpeg: Buffer; aspect: number }> {
    try {
      return await this.flatJpeg(await fs.readFile(fsPath(file)), background);
    } catch (err) {
      throw new AppError('NOT_FOUND', msg('sheet.logoUnreadable', { path: file, detail: (err as Error).message }));
    }
  }
}
