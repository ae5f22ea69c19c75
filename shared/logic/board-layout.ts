/**
 * Exhibition boards (展板): photos laid out in justified rows, in the order given, every photo at its own aspect
 * (never cropped, so no face is cut off), rows filling the board's width with equal gutters, the block of rows
 * filling its height as nearly as the photos allow. All in mm; pure.
 */

export interface BoardBox {
  widthMm: number;
  heightMm: number;
  /** margin on every side, and the space reserved at the top for a header band */
  marginMm: number;
  gutterMm: number;
  headerMm: number;
  /** room under each row of photos for their captions; 0 for none */
  captionMm?: number;
}

export interface PlacedPhoto {
  /** index into the photos given */
  index: number;
  xMm: number;
  yMm: number;
  wMm: number;
  hMm: number;
}

export interface BoardLayout {
  placed: PlacedPhoto[];
  /** share of the content area the photos cover, 0–1 */
  fill: number;
}

/** The area photos may use: inside the margins, below the header band. */
export function contentArea(b: BoardBox) {
  return {
    x: b.marginMm,
    y: b.marginMm + b.headerMm,
    w: b.widthMm - 2 * b.marginMm,
    h: b.heightMm - 2 * b.marginMm - b.headerMm,
  };
}

/** Height of a row of photos with these aspects (width/height) that exactly fills `width` with `gutter` between them. */
function rowHeight(aspects: number[], width: number, gutter: number) {
  return (width - (aspects.length - 1) * gutter) / aspects.reduce((s, a) => s + a, 0);
}

/**
 * The best split of the photos, in order, into `rows` rows near `target` height each (least squared deviation),
 * by dynamic programming over where each row ends.
 */
function splitRows(
  aspects: number[],
  rows: number,
  width: number,
  gutter: number,
  target: number,
  alone: ReadonlySet<number>,
): number[][] | null {
  const n = aspects.length;
  if (rows > n) return null;
  const cost: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(n + 1).fill(-1));
  cost[0]![0] = 0;
  for (let r = 1; r <= rows; r++)
    for (let end = r; end <= n - (rows - r); end++)
      for (let start = r - 1; start < end; start++) {
        const before = cost[r - 1]![start]!;
        if (!Number.isFinite(before)) continue;
        // A photo made large stands in a row of its own.
        if (end - start > 1 && [...alone].some((i) => i >= start && i < end)) continue;
        const h = rowHeight(aspects.slice(start, end), width, gutter);
        if (!(h > 0)) continue;
        const c = before + (h - target) ** 2;
        if (c < cost[r]![end]!) {
          cost[r]![end] = c;
          from[r]![end] = start;
        }
      }
  if (!Number.isFinite(cost[rows]![n]!)) return null;
  const breaks: number[][] = [];
  for (let r = rows, end = n; r > 0; r--) {
    const start = from[r]![end]!;
    breaks.unshift(Array.from({ length: end - start }, (_, i) => start + i));
    end = start;
  }
  return breaks;
}

/**
 * Lays `aspects` (width/height of each photo, in order) on a board. Tries every row count; each split fills the
 * width exactly, and a block taller than the board is scaled down as a whole (gutters kept) and centred. Returns
 * the layout that covers the most of the board; null when not even one photo fits (a board smaller than its
 * margins).
 */
export function layoutBoard(
  aspects: number[],
  board: BoardBox,
  alone: ReadonlySet<number> = new Set(),
): BoardLayout | null {
  const area = contentArea(board);
  if (area.w <= 0 || area.h <= 0) return null;
  if (!aspects.length) return { placed: [], fill: 0 };
  const cap = board.captionMm ?? 0;
  let best: BoardLayout | null = null;
  for (let rows = 1; rows <= aspects.length; rows++) {
    const target = (area.h - (rows - 1) * board.gutterMm - rows * cap) / rows;
    if (target <= 0) break;
    const split = splitRows(aspects, rows, area.w, board.gutterMm, target, alone);
    if (!split) continue;
    const heights = split.map((row) =>
      rowHeight(
        row.map((i) => aspects[i]!),
        area.w,
        board.gutterMm,
      ),
    );
    const fixed = (rows - 1) * board.gutterMm + rows * cap;
    const photoHeight = heights.reduce((s, h) => s + h, 0);
    // Too tall: every photo shrinks by the same factor, gutters and caption room stay; narrower rows are centred.
    const scale = photoHeight + fixed > area.h ? (area.h - fixed) / photoHeight : 1;
    if (!(scale > 0)) continue;
    const blockH = photoHeight * scale + fixed;
    const placed: PlacedPhoto[] = [];
    let y = area.y + (area.h - blockH) / 2;
    let covered = 0;
    split.forEach((row, r) => {
      const h = heights[r]! * scale;
      const widths = row.map((i) => aspects[i]! * h);
      const rowW = widths.reduce((s, w) => s + w, 0) + (row.length - 1) * board.gutterMm;
      let x = area.x + (area.w - rowW) / 2;
      row.forEach((index, k) => {
        placed.push({ index, xMm: x, yMm: y, wMm: widths[k]!, hMm: h });
        covered += widths[k]! * h;
        x += widths[k]! + board.gutterMm;
      });
      y += h + cap + board.gutterMm;
    });
    const fill = covered / (area.w * area.h);
    if (!best || fill > best.fill + 1e-9) best = { placed, fill };
  }
  return best;
}

/**
 * How many photos each board takes when `count` photos go on `boards` boards in order: as even as possible,
 * the earlier boards taking one more.
 */
export function shareAcrossBoards(count: number, boards: number): number[] {
  if (boards <= 0) return [];
  const base = Math.floor(count / boards);
  return Array.from({ length: boards }, (_, i) => base + (i < count % boards ? 1 : 0));
}

/** A placed photo's number as labels and the index say it: board 3, position 5 → 板3-05. */
export function placeNumber(board: number, position: number): string {
  return `板${board}-${String(position).padStart(2, '0')}`;
}

/** "900x1200mm", "90×120 cm", "90x120cm" → millimetres (a board is 20 cm to 5 m a side); null when not understood. */
export function parseBoardSize(text: string): { widthMm: number; heightMm: number } | null {
  const m = /^(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+(?:\.\d+)?)\s*(mm|cm)?$/i.exec(text.trim());
  if (!m) return null;
  const k = m[3]?.toLowerCase() === 'cm' ? 10 : 1;
  const w = Number(m[1]) * k;
  const h = Number(m[2]) * k;
  return w >= 200 && h >= 200 && w <= 5000 && h <= 5000 ? { widthMm: w, heightMm: h } : null;
}
