/** Print sizes and sheet geometry in millimetres, converted to pixels only at the end. Pure. */

export const PAPER_SIZES = {
  '5寸': { widthMm: 89, heightMm: 127 },
  '6寸': { widthMm: 102, heightMm: 152 },
  '7寸': { widthMm: 127, heightMm: 178 },
  '8寸': { widthMm: 152, heightMm: 203 },
  '10寸': { widthMm: 203, heightMm: 254 },
  '12寸': { widthMm: 254, heightMm: 305 },
  A4: { widthMm: 210, heightMm: 297 },
  A3: { widthMm: 297, heightMm: 420 },
} as const;
export type PaperSizeName = keyof typeof PAPER_SIZES;
export type Orientation = 'portrait' | 'landscape';

export interface SizeMm {
  widthMm: number;
  heightMm: number;
}

/** "10寸", "A4" or "200x300mm" / "200×300" → millimetres; null when not understood. */
export function parsePaperSize(text: string): SizeMm | null {
  const t = text.trim();
  if (t in PAPER_SIZES) return { ...PAPER_SIZES[t as PaperSizeName] };
  const alias: Record<string, PaperSizeName> = { '5in': '5寸', '6in': '6寸', '7in': '7寸', '8in': '8寸', '10in': '10寸', '12in': '12寸', a4: 'A4', a3: 'A3' };
  const a = alias[t.toLowerCase()];
  if (a) return { ...PAPER_SIZES[a] };
  const m = /^(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+(?:\.\d+)?)\s*(mm)?$/i.exec(t);
  if (!m) return null;
  const w = Number(m[1]);
  const h = Number(m[2]);
  return w >= 20 && h >= 20 && w <= 2000 && h <= 2000 ? { widthMm: w, heightMm: h } : null;
}

export function oriented(size: SizeMm, orientation: Orientation): SizeMm {
  const long = Math.max(size.widthMm, size.heightMm);
  const short = Math.min(size.widthMm, size.heightMm);
  return orientation === 'landscape' ? { widthMm: long, heightMm: short } : { widthMm: short, heightMm: long };
}

/** round(mm / 25.4 × dpi) */
export function mmToPx(mm: number, dpi: number): number {
  return Math.round((mm / 25.4) * dpi);
}

export function mmToPt(mm: number): number {
  return (mm / 25.4) * 72;
}

export interface RectMm {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where the crop marks go: short lines on the trim lines, outside the bleed, never on the print. */
export interface CropMark {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface SheetBoxes {
  /** the finished size */
  trim: SizeMm;
  bleedMm: number;
  /** the margin outside the bleed that holds the marks (0 without marks) */
  slugMm: number;
  /** everything, in mm from the top-left of the output */
  mediaMm: SizeMm;
  /** trim rectangle inside the media */
  trimRect: RectMm;
  bleedRect: RectMm;
  marks: CropMark[];
}

/** Marks sit this far outside the bleed, this long. */
export const MARK_OFFSET_MM = 2;
export const MARK_LENGTH_MM = 5;

/**
 * The boxes of one output: the trim (finished size), the bleed around it, and, with marks, a slug holding eight
 * marks that continue the trim lines outward, starting beyond the bleed so no mark reaches the print.
 */
export function sheetBoxes(trim: SizeMm, bleedMm: number, withMarks: boolean): SheetBoxes {
  const slugMm = withMarks ? MARK_OFFSET_MM + MARK_LENGTH_MM : 0;
  const outer = bleedMm + slugMm;
  const mediaMm = { widthMm: trim.widthMm + 2 * outer, heightMm: trim.heightMm + 2 * outer };
  const trimRect = { x: outer, y: outer, w: trim.widthMm, h: trim.heightMm };
  const bleedRect = { x: slugMm, y: slugMm, w: trim.widthMm + 2 * bleedMm, h: trim.heightMm + 2 * bleedMm };
  const marks: CropMark[] = [];
  if (withMarks) {
    const start = bleedMm + MARK_OFFSET_MM; // distance from the trim line to where a mark begins
    const xs = [trimRect.x, trimRect.x + trimRect.w];
    const ys = [trimRect.y, trimRect.y + trimRect.h];
    for (const x of xs) {
      marks.push({ x1: x, y1: trimRect.y - start, x2: x, y2: trimRect.y - start - MARK_LENGTH_MM });
      marks.push({ x1: x, y1: trimRect.y + trimRect.h + start, x2: x, y2: trimRect.y + trimRect.h + start + MARK_LENGTH_MM });
    }
    for (const y of ys) {
      marks.push({ x1: trimRect.x - start, y1: y, x2: trimRect.x - start - MARK_LENGTH_MM, y2: y });
      marks.push({ x1: trimRect.x + trimRect.w + start, y1: y, x2: trimRect.x + trimRect.w + start + MARK_LENGTH_MM, y2: y });
    }
  }
  return { trim, bleedMm, slugMm, mediaMm, trimRect, bleedRect, marks };
}

/** How many copies of a small size fit on a bigger sheet (n-up imposition), and where, with a gap for cutting. */
export function impose(item: SizeMm, sheet: SizeMm, gapMm: number, marginMm: number): RectMm[] {
  const cols = Math.floor((sheet.widthMm - 2 * marginMm + gapMm) / (item.widthMm + gapMm));
  const rows = Math.floor((sheet.heightMm - 2 * marginMm + gapMm) / (item.heightMm + gapMm));
  if (cols < 1 || rows < 1) return [];
  const usedW = cols * item.widthMm + (cols - 1) * gapMm;
  const usedH = rows * item.heightMm + (rows - 1) * gapMm;
  const x0 = (sheet.widthMm - usedW) / 2;
  const y0 = (sheet.heightMm - usedH) / 2;
  const out: RectMm[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out.push({ x: x0 + c * (item.widthMm + gapMm), y: y0 + r * (item.heightMm + gapMm), w: item.widthMm, h: item.heightMm });
  return out;
}

export interface ImposedPage {
  page: SizeMm;
  /** each slot is one item's bleed box on the page */
  slots: RectMm[];
  /** cut marks on each item's trim lines, in the gaps and margins, never on a print */
  marks: CropMark[];
}

/**
 * n-up: as many copies of `trim` (+ bleed) as fit on `sheet`, in whichever orientation holds more, with a gap
 * of twice the bleed plus room for marks, and short cut marks on every trim line in the gaps.
 */
export function imposition(trim: SizeMm, bleedMm: number, sheet: SizeMm, marginMm = 10): ImposedPage {
  const item = { widthMm: trim.widthMm + 2 * bleedMm, heightMm: trim.heightMm + 2 * bleedMm };
  const gapMm = 4;
  const portrait = oriented(sheet, 'portrait');
  const landscape = oriented(sheet, 'landscape');
  const a = impose(item, portrait, gapMm, marginMm);
  const b = impose(item, landscape, gapMm, marginMm);
  const [page, slots] = b.length > a.length ? [landscape, b] : [portrait, a];
  const len = Math.min(3, gapMm / 2 - 0.5);
  const marks: CropMark[] = [];
  for (const s of slots) {
    const t = { x: s.x + bleedMm, y: s.y + bleedMm, w: trim.widthMm, h: trim.heightMm };
    // Marks start just outside the bleed box and run outward for `len`.
    const off = bleedMm + 0.5;
    for (const x of [t.x, t.x + t.w]) {
      marks.push({ x1: x, y1: t.y - off, x2: x, y2: t.y - off - len });
      marks.push({ x1: x, y1: t.y + t.h + off, x2: x, y2: t.y + t.h + off + len });
    }
    for (const y of [t.y, t.y + t.h]) {
      marks.push({ x1: t.x - off, y1: y, x2: t.x - off - len, y2: y });
      marks.push({ x1: t.x + t.w + off, y1: y, x2: t.x + t.w + off + len, y2: y });
    }
  }
  return { page, slots, marks };
}
