/**
 * A printed page described in millimetres, before any resolution: coloured rectangles, photos, lines of text
 * (already set by the typesetter) and hairlines. Gift sheets, order sheets, boards, wall labels and catalogue pages are composed as these;
 * one renderer draws them into a PDF (vectors, subset fonts) and another into a JPEG/TIFF, so a page looks the
 * same in both. Pure.
 */
import type { FontFamily } from '../model/gift';
import type { RectMm, SheetBoxes } from './print-geometry';
import { PT_TO_MM, setCaption, type Measure } from './typeset';

export interface RectOp {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
}

/** A photo drawn into a box of its own aspect; `ref` names it for the caller that supplies the pixels. */
export interface ImageOp {
  kind: 'image';
  x: number;
  y: number;
  w: number;
  h: number;
  ref: string;
}

/** One line of text; `baseline` is in mm from the page's top. */
export interface TextOp {
  kind: 'text';
  x: number;
  baseline: number;
  text: string;
  sizePt: number;
  font: FontFamily;
  weight: 'normal' | 'bold';
  color: string;
}

export interface LineOp {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  widthPt: number;
  color: string;
}

/**
 * A QR code in a `size` square (its quiet zone included): drawn from its module matrix by each renderer — in a PDF
 * as one small vector form (hundreds of modules as one object, not hundreds of rectangles), in pixels sharp-edged.
 */
export interface QrOp {
  kind: 'qr';
  x: number;
  y: number;
  size: number;
  text: string;
}

/** The physical size one texture tile stands for: its grain is as coarse on screen as on paper. */
export const TEXTURE_TILE_MM = 90;

/**
 * A printed frame band `widthMm` wide just inside this box, in a texture (wood, gilt) whose grain runs along each
 * side, mitred at 45° at the corners as a joiner cuts a frame; `ref` names the texture for the caller. The texture
 * stands for a fixed physical size, so its grain is as coarse on screen as on paper.
 */
export interface BandOp {
  kind: 'band';
  x: number;
  y: number;
  w: number;
  h: number;
  widthMm: number;
  ref: string;
}

export type DrawOp = RectOp | ImageOp | TextOp | LineOp | QrOp | BandOp;

/** A page at its media size (trim + bleed, and slug when it has marks), with the boxes a PDF declares. */
export interface DrawnPage {
  boxes: SheetBoxes;
  ops: DrawOp[];
}

/** Every character each face draws on these pages: what a font subset must hold. */
export function charactersByFace(pages: DrawnPage[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const page of pages)
    for (const op of page.ops) {
      if (op.kind !== 'text') continue;
      const key = `${op.font}:${op.weight}`;
      const set = out.get(key) ?? new Set<string>();
      for (const ch of op.text) set.add(ch);
      out.set(key, set);
    }
  return out;
}

/** Moves ops by (dx, dy): a page composed at its trim's origin, placed on its media. */
export function offsetOps(ops: DrawOp[], dx: number, dy: number): DrawOp[] {
  return ops.map((op) => {
    switch (op.kind) {
      case 'text':
        return { ...op, x: op.x + dx, baseline: op.baseline + dy };
      case 'line':
        return { ...op, x1: op.x1 + dx, x2: op.x2 + dx, y1: op.y1 + dy, y2: op.y2 + dy };
      case 'qr':
        return { ...op, x: op.x + dx, y: op.y + dy };
      default:
        return { ...op, x: op.x + dx, y: op.y + dy };
    }
  });
}

/** The crop marks of the boxes as hairlines in registration black. */
export function markOps(boxes: SheetBoxes): LineOp[] {
  return boxes.marks.map((m) => ({
    kind: 'line',
    x1: m.x1,
    y1: m.y1,
    x2: m.x2,
    y2: m.y2,
    widthPt: 0.25,
    color: 'registration',
  }));
}

/** A face as the typesetter needs it: widths, and where the baseline sits in a line box (ascent, descent in em). */
export interface Face {
  measure: Measure;
  ascent: number;
  descent: number;
}
export type Faces = (font: FontFamily, weight: 'normal' | 'bold') => Face;

/** One block of text to set: a title, a name line, a quote. */
export interface TextBlock {
  text: string;
  font: FontFamily;
  weight: 'normal' | 'bold';
  color: string;
  sizePt: number;
  /** distance between baselines, in em */
  leading: number;
  align: 'left' | 'center' | 'right';
  maxLines?: number;
}

/**
 * Sets blocks in an area with the shared typesetter (wrap, shrink to fit, never under 6 pt) and returns them as
 * text ops on the page, baselines placed in each line box as the faces say. `top` keeps the stack at the top of
 * the area instead of centring it. `{ overflow }` names the first block that cannot fit.
 */
export function setBlocks(
  blocks: TextBlock[],
  area: RectMm,
  faces: Faces,
  valign: 'top' | 'center' = 'center',
): { ops: TextOp[]; heightMm: number } | { overflow: number } {
  const set = setCaption(
    blocks.map((b) => ({
      text: b.text,
      style: { sizePt: b.sizePt, leading: b.leading, maxLines: b.maxLines },
      align: b.align,
      measure: faces(b.font, b.weight).measure,
    })),
    { w: area.w, h: area.h },
  );
  if ('overflow' in set) return set;
  const shift = valign === 'top' ? -Math.max(0, (area.h - set.heightMm) / 2) : 0;
  const ops = set.lines.map((line): TextOp => {
    const b = blocks[line.block]!;
    const face = faces(b.font, b.weight);
    const sizeMm = line.sizePt * PT_TO_MM;
    const lineH = sizeMm * b.leading;
    const baseline =
      area.y + shift + line.yMm + (lineH - (face.ascent + face.descent) * sizeMm) / 2 + face.ascent * sizeMm;
    return {
      kind: 'text',
      x: area.x + line.xMm,
      baseline,
      text: line.text,
      sizePt: line.sizePt,
      font: b.font,
      weight: b.weight,
      color: b.color,
    };
  });
  return { ops, heightMm: set.heightMm };
}
