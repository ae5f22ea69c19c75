/**
 * The print shop's order sheet (印制清单) as drawn pages: A4, grouped by company, per file its number, thumbnail,
 * the whole file name (wrapped by the one typesetter, never cut), size, paper, quantity, effective resolution and
 * a box to tick; then the totals per size and paper. Titled as the shared lists are. Pure.
 */
import { GREY, INK } from './board-drawing';
import { listTitle } from './list-drawing';
import { offsetOps, setBlocks, type DrawnPage, type DrawOp, type Faces } from './page-drawing';
import type { OrderCsvLine, OrderCsvTotal } from './order-sheet';
import { sheetBoxes } from './print-geometry';
import { BLOCK_GAP_EM, PT_TO_MM } from './typeset';

const A4 = { widthMm: 210, heightMm: 297 };
const MARGIN = 12;
const TITLE_PT = 15;
const CELL_PT = 8;
const HEAD_PT = 11;
/** A row is at least as tall as its thumbnail. */
const ROW_MM = 14;
const RULE = '#d9d4cc';

/** An order sheet's line, with the width over height of its thumbnail (null: none). */
export interface OrderSheetLine extends OrderCsvLine {
  thumbAspect: number | null;
}

export interface OrderSheetContent {
  title: string;
  subtitle: string;
  /** the day it was made, YYYY-MM-DD */
  date: string;
  lines: OrderSheetLine[];
  totals: OrderCsvTotal[];
  /** the heading of the column that says who or what is in a file: 职工 for gifts, 内容 for boards */
  whoLabel: string;
}

/** The image ref of line `i`'s thumbnail. */
export const thumbRef = (i: number) => `thumb:${i}`;

type Column = {
  key: 'seq' | 'thumb' | 'file' | 'worker' | 'size' | 'paper' | 'quantity' | 'ppi' | 'check';
  label: string;
  w: number;
};

function columns(whoLabel: string): Column[] {
  const fixed: Column[] = [
    { key: 'seq', label: '序号', w: 8.5 },
    { key: 'thumb', label: '', w: 14 },
    { key: 'file', label: '文件名', w: 0 },
    { key: 'worker', label: whoLabel, w: 19 },
    { key: 'size', label: '尺寸', w: 26 },
    { key: 'paper', label: '纸张', w: 17 },
    { key: 'quantity', label: '数量', w: 8.5 },
    { key: 'ppi', label: '分辨率', w: 14 },
    { key: 'check', label: '核对', w: 8.5 },
  ];
  // The file name takes what the others leave: it is printed whole.
  const rest = A4.widthMm - 2 * MARGIN - fixed.reduce((a, c) => a + c.w, 0);
  return fixed.map((c) => (c.key === 'file' ? { ...c, w: rest } : c));
}

const cellText = (l: OrderCsvLine, key: Column['key'], seq: number): string =>
  ({
    seq: String(seq),
    file: l.file,
    worker: l.worker,
    size: l.detail ? `${l.size}（${l.detail}）` : l.size,
    paper: l.paper,
    quantity: String(l.quantity),
    ppi: `${l.ppi} ppi`,
    thumb: '',
    check: '',
  })[key];

export function orderSheetPages(content: OrderSheetContent, faces: Faces): DrawnPage[] {
  const boxes = sheetBoxes(A4, 0, false);
  const cols = columns(content.whoLabel);
  const bottom = A4.heightMm - MARGIN;
  const pages: DrawOp[][] = [[]];
  let ops = pages[0]!;
  let y = MARGIN;
  const newPage = () => {
    ops = [];
    pages.push(ops);
    y = MARGIN;
  };
  /** Text set in a box, wrapped at its width; answers the height it took. */
  const text = (
    s: string,
    x: number,
    top: number,
    w: number,
    sizePt: number,
    weight: 'normal' | 'bold',
    color = INK,
  ) => {
    const set = setBlocks(
      [{ text: s, font: 'sans', weight, color, sizePt, leading: 1.25, align: 'left' }],
      { x, y: top, w, h: bottom - MARGIN },
      faces,
      'top',
    );
    if (!('ops' in set)) return 0;
    ops.push(...set.ops);
    return set.heightMm;
  };
  const rule = (at: number) =>
    ops.push({ kind: 'line', x1: MARGIN, y1: at, x2: A4.widthMm - MARGIN, y2: at, widthPt: 0.3, color: RULE });
  const header = () => {
    let x = MARGIN;
    for (const c of cols) {
      text(c.label, x, y, c.w, CELL_PT, 'bold');
      x += c.w;
    }
    y += 5;
  };

  const generated = `共 ${content.lines.length} 个文件 · 生成于 ${content.date}`;
  // The title's line, and each line under it with the gap the typesetter leaves between blocks.
  const titleH = (TITLE_PT * 1.3 + 2 * TITLE_PT * 0.45 * (1.3 + BLOCK_GAP_EM)) * PT_TO_MM + 0.5;
  ops.push(
    ...listTitle(
      content.title,
      [content.subtitle, generated],
      { x: MARGIN, y, w: A4.widthMm - 2 * MARGIN, h: titleH },
      TITLE_PT,
      faces,
    ),
  );
  y += titleH + 6;

  const byCompany = new Map<string, { line: OrderSheetLine; index: number }[]>();
  content.lines.forEach((line, index) =>
    byCompany.set(line.company, [...(byCompany.get(line.company) ?? []), { line, index }]),
  );
  let seq = 0;
  for (const [company, group] of [...byCompany].sort((a, b) => a[0].localeCompare(b[0], 'zh-CN'))) {
    // A company's heading never ends a page: it keeps at least a row under it.
    if (y > bottom - 28) newPage();
    y +=
      text(`${company || '（未填企业）'} · ${group.length} 件`, MARGIN, y, A4.widthMm - 2 * MARGIN, HEAD_PT, 'bold') +
      2;
    header();
    for (const { line, index } of group) {
      seq++;
      // Every cell wrapped at its own width: the row is as tall as its tallest cell, and never cut.
      const cellOps: DrawOp[] = [];
      let tallest = 0;
      let x = MARGIN;
      for (const c of cols) {
        const s = cellText(line, c.key, seq);
        if (s) {
          const set = setBlocks(
            [{ text: s, font: 'sans', weight: 'normal', color: INK, sizePt: CELL_PT, leading: 1.25, align: 'left' }],
            { x, y: 0, w: c.w - 1.4, h: bottom - MARGIN },
            faces,
            'top',
          );
          if ('ops' in set) {
            cellOps.push(...set.ops);
            tallest = Math.max(tallest, set.heightMm);
          }
        } else if (c.key === 'thumb' && line.thumbAspect) {
          const boxW = c.w - 1.4;
          const boxH = ROW_MM - 1.4;
          const w = Math.min(boxW, boxH * line.thumbAspect);
          cellOps.push({ kind: 'image', x, y: 0.7, w, h: w / line.thumbAspect, ref: thumbRef(index) });
        } else if (c.key === 'check') {
          const s0 = 3.5;
          const [x0, y0, x1, y1] = [x + 2, 1, x + 2 + s0, 1 + s0];
          for (const [a, b, c2, d] of [
            [x0, y0, x1, y0],
            [x1, y0, x1, y1],
            [x1, y1, x0, y1],
            [x0, y1, x0, y0],
          ] as const)
            cellOps.push({ kind: 'line', x1: a, y1: b, x2: c2, y2: d, widthPt: 0.6, color: INK });
        }
        x += c.w;
      }
      const rowH = Math.max(ROW_MM, tallest + 2);
      if (y + rowH > bottom) {
        newPage();
        header();
      }
      ops.push(...offsetOps(cellOps, 0, y));
      y += rowH;
      rule(y);
    }
    y += 3.5;
  }
  if (y > bottom - 7 * (content.totals.length + 2)) newPage();
  y += text('按尺寸合计', MARGIN, y, A4.widthMm - 2 * MARGIN, HEAD_PT, 'bold') + 2;
  for (const t of content.totals)
    y += text(`${t.size} · ${t.paper}：${t.quantity} 张`, MARGIN, y, A4.widthMm - 2 * MARGIN, 10, 'normal', GREY) + 1.5;
  return pages.map((page) => ({ boxes, ops: page }));
}
