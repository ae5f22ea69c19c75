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
  const alias: Record<string, PaperSizeName> = {
    '5in': '5寸',
    '6in': '6寸',
    '7in': '7寸',
    '8in': '8寸',
    '10in': '10寸',
    '12in': '12寸',
    a4: 'A4',
    a3: 'A3',
  };
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
      marks.push({
        x1: x,
        y1: trimRect.y + trimRect.h + start,
        x2: x,
        y2: trimRect.y + trimRect.h + start + MARK_LENGTH_MM,
      });
    }
    for (const y of ys) {
      marks.push({ x1: trimRect.x - start, y1: y, x2: trimRect.x - start - MARK_LENGTH_MM, y2: y });
      marks.push({
        x1: trimRect.x + trimRect.w + start,
        y1: y,
        x2: trimRect.x + trimRect.w + start + MARK_LENGTH_MM,
        y2: y,
      });
    }
  }
  return { trim, bleedMm, slugMm, mediaMm, trimRect, bleedRect, marks };
}

/** Bleed shown on each side of an imposed print: the full bleed on the block's outside, none where prints abut. */
export interface SideBleed {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * One print on an imposed page: its own page (trim + bleed: pixels or a PDF), where its trim goes, the bleed it
 * shows there, and whether it is turned a quarter clockwise to lie the way its slot does.
 */
export interface PagePlacement<Print> {
  data: Print;
  rect: RectMm;
  bleed: SideBleed;
  turn: boolean;
  bleedMm: number;
}

/**
 * The bleed a placed print shows, on its own sides. Turned a quarter clockwise, its left side lies at the top of
 * the slot, its top at the right, its right at the bottom and its bottom at the left.
 */
export function ownSideBleed(shown: SideBleed, turn: boolean): SideBleed {
  return turn ? { left: shown.top, top: shown.right, right: shown.bottom, bottom: shown.left } : shown;
}

/** The part of the sheet a placed print covers: its trim and the bleed it shows. */
export function placedArea(p: { rect: RectMm; bleed: SideBleed }): RectMm {
  return {
    x: p.rect.x - p.bleed.left,
    y: p.rect.y - p.bleed.top,
    w: p.rect.w + p.bleed.left + p.bleed.right,
    h: p.rect.h + p.bleed.top + p.bleed.bottom,
  };
}

export interface ImposedSlot {
  /** the print's trim rectangle on the page */
  rect: RectMm;
  /** turned a quarter to fit (its trim then lies across the page) */
  rotated: boolean;
  bleed: SideBleed;
}

export interface ImposedPage {
  page: SizeMm;
  slots: ImposedSlot[];
  /** cut marks in the margins, on every cut line that reaches the edge of the block */
  marks: CropMark[];
}

/** Page margin: room for the block's outer bleed and for marks a cutter can see. */
export const IMPOSE_MARGIN_MM = 5;
const EPS = 1e-6;

/** A grid of `w`×`h` items in a box, as many as fit: columns and rows. */
function grid(boxW: number, boxH: number, w: number, h: number) {
  const cols = Math.floor((boxW + EPS) / w);
  const rows = Math.floor((boxH + EPS) / h);
  return cols > 0 && rows > 0 ? { cols, rows } : { cols: 0, rows: 0 };
}

/**
 * n-up with shared cuts: prints of one size laid edge to edge (one cut between neighbours, no double cut),
 * turned where turning fits more, a main grid and a strip of the other orientation beside or below it (two
 * guillotine stages), on the page as it lies (portrait). The block's outside gets the bleed; the margin keeps
 * the marks. Returns the fullest arrangement.
 */
export function imposition(
  trim: SizeMm,
  bleedMm: number,
  sheet: SizeMm,
  marginMm = IMPOSE_MARGIN_MM,
  turn = true,
  used?: number,
): ImposedPage {
  const page = oriented(sheet, 'portrait');
  const inset = marginMm + bleedMm;
  const boxW = page.widthMm - 2 * inset;
  const boxH = page.heightMm - 2 * inset;
  const normal = { w: trim.widthMm, h: trim.heightMm, rotated: false };
  const turned = { w: trim.heightMm, h: trim.widthMm, rotated: true };
  type Part = { x: number; y: number; cols: number; rows: number; item: typeof normal };
  let best: Part[] = [];
  const count = (parts: Part[]) => parts.reduce((n, p) => n + p.cols * p.rows, 0);
  // Without turning (labels whose text must stay upright), only the trim as it lies is tried.
  for (const [main, other] of (turn
    ? [
        [normal, turned],
        [turned, normal],
      ]
    : [[normal, normal]]) as [typeof normal, typeof normal][]) {
    const g = grid(boxW, boxH, main.w, main.h);
    if (!g.cols) continue;
    const mainPart: Part = { x: 0, y: 0, ...g, item: main };
    // The strip beside the main grid (to its right), or below it, filled with the other orientation.
    const right = grid(boxW - g.cols * main.w, boxH, other.w, other.h);
    const below = grid(boxW, boxH - g.rows * main.h, other.w, other.h);
    const candidates: Part[][] = [
      [mainPart],
      [mainPart, { x: g.cols * main.w, y: 0, ...right, item: other }],
      [mainPart, { x: 0, y: g.rows * main.h, ...below, item: other }],
    ];
    for (const c of candidates)
      if (count(c) > count(best) || (count(c) === count(best) && c.length < best.length))
        best = c.filter((p) => p.cols > 0);
  }
  // The block is centred on the page; slots are trim rectangles.
  const blockW = Math.max(0, ...best.map((p) => p.x + p.cols * p.item.w));
  const blockH = Math.max(0, ...best.map((p) => p.y + p.rows * p.item.h));
  const x0 = (page.widthMm - blockW) / 2;
  const y0 = (page.heightMm - blockH) / 2;
  const rects: { rect: RectMm; rotated: boolean }[] = [];
  for (const p of best)
    for (let r = 0; r < p.rows; r++)
      for (let c = 0; c < p.cols; c++)
        rects.push({
          rect: { x: x0 + p.x + c * p.item.w, y: y0 + p.y + r * p.item.h, w: p.item.w, h: p.item.h },
          rotated: p.item.rotated,
        });
  // A side abuts when another print's opposite edge lies on it (and they overlap along it).
  const touches = (a: RectMm, b: RectMm, side: keyof SideBleed) => {
    const overlapX = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > EPS;
    const overlapY = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > EPS;
    if (side === 'left') return overlapY && Math.abs(b.x + b.w - a.x) < EPS;
    if (side === 'right') return overlapY && Math.abs(a.x + a.w - b.x) < EPS;
    if (side === 'top') return overlapX && Math.abs(b.y + b.h - a.y) < EPS;
    return overlapX && Math.abs(a.y + a.h - b.y) < EPS;
  };
  const slots: ImposedSlot[] = rects.map(({ rect, rotated }) => {
    const side = (s: keyof SideBleed) => (rects.some((o) => o.rect !== rect && touches(rect, o.rect, s)) ? 0 : bleedMm);
    return {
      rect,
      rotated,
      bleed: { top: side('top'), right: side('right'), bottom: side('bottom'), left: side('left') },
    };
  });
  // Marks for the first `used` slots only: a part-filled last page has no cut lines through blank paper.
  return {
    page,
    slots,
    marks: cutMarks(
      slots.slice(0, used ?? slots.length).map((s) => s.rect),
      page,
      bleedMm,
    ),
  };
}

/**
 * Marks for every cut line: each trim edge, continued into the margin where the line meets the edge of the block
 * (beyond its bleed), so that a cutter sees them; never on a print.
 */
function cutMarks(rects: RectMm[], page: SizeMm, bleedMm: number): CropMark[] {
  if (!rects.length) return [];
  const top = Math.min(...rects.map((r) => r.y));
  const bottom = Math.max(...rects.map((r) => r.y + r.h));
  const left = Math.min(...rects.map((r) => r.x));
  const right = Math.max(...rects.map((r) => r.x + r.w));
  const marks: CropMark[] = [];
  const key = (n: number) => Math.round(n * 1000) / 1000;
  const xs = new Map<number, { lo: number; hi: number }>();
  const ys = new Map<number, { lo: number; hi: number }>();
  const span = (m: Map<number, { lo: number; hi: number }>, at: number, lo: number, hi: number) => {
    const k = key(at);
    const cur = m.get(k);
    m.set(k, { lo: Math.min(cur?.lo ?? lo, lo), hi: Math.max(cur?.hi ?? hi, hi) });
  };
  for (const r of rects) {
    for (const x of [r.x, r.x + r.w]) span(xs, x, r.y, r.y + r.h);
    for (const y of [r.y, r.y + r.h]) span(ys, y, r.x, r.x + r.w);
  }
  const gap = 0.5;
  const len = (room: number) => Math.max(0, room - 2 * gap);
  for (const [x, { lo, hi }] of xs) {
    if (Math.abs(lo - top) < EPS) {
      const from = top - bleedMm - gap;
      marks.push({ x1: x, y1: from, x2: x, y2: from - len(top - bleedMm) });
    }
    if (Math.abs(hi - bottom) < EPS) {
      const from = bottom + bleedMm + gap;
      marks.push({ x1: x, y1: from, x2: x, y2: from + len(page.heightMm - bottom - bleedMm) });
    }
  }
  for (const [y, { lo, hi }] of ys) {
    if (Math.abs(lo - left) < EPS) {
      const from = left - bleedMm - gap;
      marks.push({ x1: from, y1: y, x2: from - len(left - bleedMm), y2: y });
    }
    if (Math.abs(hi - right) < EPS) {
      const from = right + bleedMm + gap;
      marks.push({ x1: from, y1: y, x2: from + len(page.widthMm - right - bleedMm), y2: y });
    }
  }
  return marks.filter((m) => Math.hypot(m.x2 - m.x1, m.y2 - m.y1) > 0.5);
}

/** The fewest pages `count` prints could need: their area over the page's usable area (a lower bound). */
export function minimumPages(count: number, trim: SizeMm, page: SizeMm, marginMm = IMPOSE_MARGIN_MM): number {
  if (!count) return 0;
  const usable = (page.widthMm - 2 * marginMm) * (page.heightMm - 2 * marginMm);
  return Math.max(1, Math.ceil((count * trim.widthMm * trim.heightMm) / usable));
}
