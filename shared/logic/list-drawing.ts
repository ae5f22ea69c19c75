/**
 * A titled list laid in columns, a name at the left and what it points to (pages, places) at the right of each
 * column, as many pages as it takes: the catalogue's index and the exhibition's printed name list. Its title is
 * the order sheet's too. Pure.
 */
import { GREY, INK, UNION_RED } from './board-drawing';
import { setBlocks, type DrawOp, type Faces, type TextBlock, type TextOp } from './page-drawing';
import type { RectMm, SizeMm } from './print-geometry';
import { PT_TO_MM } from './typeset';

export interface ListLine {
  text: string;
  /** a heading (a company): bold, in the union's red */
  bold: boolean;
  right?: string;
}

export interface ListStyle {
  columns: number;
  sizePt: number;
  titlePt: number;
  margins: { top: number; side: number; bottom: number };
  gapMm: number;
  /** the first page's number, printed at the foot; null for none */
  folio: number | null;
  /** under the title, smaller */
  subtitle?: string;
}

/**
 * A list's title in the serif with the lines under it smaller, in the union's red, at the top of `area`. One line
 * each: a long title is set smaller rather than pushing the list down.
 */
export function listTitle(title: string, subtitles: string[], area: RectMm, titlePt: number, faces: Faces): TextOp[] {
  const t = setBlocks(
    [
      {
        text: title,
        font: 'serif',
        weight: 'bold',
        color: INK,
        sizePt: titlePt,
        leading: 1.3,
        align: 'left',
        maxLines: 1,
      },
      ...subtitles.map((text): TextBlock => ({
        text,
        font: 'sans',
        weight: 'normal',
        color: UNION_RED,
        sizePt: titlePt * 0.45,
        leading: 1.3,
        align: 'left',
        maxLines: 1,
      })),
    ],
    area,
    faces,
    'top',
  );
  return 'ops' in t ? t.ops : [];
}

export function listPages(title: string, lines: ListLine[], page: SizeMm, style: ListStyle, faces: Faces): DrawOp[][] {
  if (!lines.length) return [];
  const { margins: m, sizePt: size } = style;
  const lineH = size * 1.7 * PT_TO_MM;
  const colW = (page.widthMm - 2 * m.side - (style.columns - 1) * style.gapMm) / style.columns;
  const titleH = style.titlePt * PT_TO_MM * (style.subtitle ? 2.6 : 1.8);
  const perColumn = Math.max(2, Math.floor((page.heightMm - m.top - m.bottom - titleH) / lineH));
  // What a name points to runs on under it when it does not fit beside it (a worker in five photos keeps all five).
  const plain = faces('sans', 'normal');
  const rows: ListLine[] = lines.flatMap((line) => {
    if (!line.right) return [line];
    const room = colW - faces('sans', line.bold ? 'bold' : 'normal').measure(line.text, size) - size * PT_TO_MM;
    const parts = line.right.split('、');
    const out: ListLine[] = [];
    let current = '';
    for (const part of parts) {
      const next = current ? `${current}、${part}` : part;
      if (current && plain.measure(next, size) > (out.length ? colW : room)) {
        out.push({ text: out.length ? '' : line.text, bold: line.bold, right: `${current}、` });
        current = part;
      } else current = next;
    }
    out.push({ text: out.length ? '' : line.text, bold: line.bold, right: current });
    return out;
  });
  // A heading never ends a column: it moves to the top of the next one with its names.
  const laid: (ListLine | null)[] = [];
  for (const line of rows) {
    if (line.bold && laid.length % perColumn === perColumn - 1) laid.push(null);
    laid.push(line);
  }
  const perPage = style.columns * perColumn;
  const out: DrawOp[][] = [];
  for (let start = 0; start < laid.length; start += perPage) {
    const ops: DrawOp[] = listTitle(
      out.length ? `${title}（续）` : title,
      [style.subtitle ?? ''],
      { x: m.side, y: m.top, w: page.widthMm - 2 * m.side, h: titleH },
      style.titlePt,
      faces,
    );
    laid.slice(start, start + perPage).forEach((line, i) => {
      if (!line) return;
      const col = Math.floor(i / perColumn);
      const x = m.side + col * (colW + style.gapMm);
      const baseline = m.top + titleH + (i % perColumn) * lineH + size * PT_TO_MM;
      if (line.text)
        ops.push({
          kind: 'text',
          x,
          baseline,
          text: line.text,
          sizePt: size,
          font: 'sans',
          weight: line.bold ? 'bold' : 'normal',
          color: line.bold ? UNION_RED : INK,
        });
      if (line.right)
        ops.push({
          kind: 'text',
          x: x + colW - plain.measure(line.right, size),
          baseline,
          text: line.right,
          sizePt: size,
          font: 'sans',
          weight: 'normal',
          color: GREY,
        });
    });
    if (style.folio !== null) {
      const n = String(style.folio + out.length);
      const folioPt = Math.max(6, size * 0.9);
      const w = faces('sans', 'normal').measure(n, folioPt);
      ops.push({
        kind: 'text',
        x: (page.widthMm - w) / 2,
        baseline: page.heightMm - m.bottom / 2,
        text: n,
        sizePt: folioPt,
        font: 'sans',
        weight: 'normal',
        color: GREY,
      });
    }
    out.push(ops);
  }
  return out;
}
