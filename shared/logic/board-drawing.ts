/**
 * An exhibition board (展板) as it prints: its background out into the bleed, the header band (title, theme,
 * organisers and the board's number), every photo where the plan put it, and under each photo its caption —
 * who is in it, and the credit and place number a visitor looks up. Composed in mm as a page of draw ops. Pure.
 */
import { msg, type Message } from '../i18n/messages';
import type { Board } from '../model/exhibition';
import { offsetOps, markOps, setBlocks, type DrawnPage, type DrawOp, type Faces, type TextBlock } from './page-drawing';
import { sheetBoxes } from './print-geometry';
import { PT_TO_MM } from './typeset';

export const INK = '#1f1a17';
export const UNION_RED = '#b3261e';
export const GREY = '#6b625b';

export interface BoardHeader {
  title: string;
  subtitle: string;
  organizers: string | null;
}

/** The caption under a photo on a board: the label text in short form. */
export interface BoardCaption {
  /** 王伟 · 焊工 · 江山电力 */
  names: string;
  /** 摄影：陈晓明 · 板3-05 */
  detail: string;
}

export interface BoardArtwork {
  board: Board;
  /** 1-based, and how many boards the exhibition has */
  position: number;
  count: number;
  header: BoardHeader;
  captions: Record<string, BoardCaption>;
  /** emblems for the header band's right end: their image refs and aspects (width/height) */
  logos?: { ref: string; aspect: number }[];
}

/** Space between a photo and its caption, as a share of the caption room. */
const CAPTION_GAP = 0.1;
const LEADING = 1.3;

const sizeFor = (heightMm: number, share: number, leading: number) => (heightMm * share) / PT_TO_MM / leading;

/**
 * The board's page: trim = the board, bleed around it, marks when asked. A caption that cannot fit at 6 pt under
 * a narrow photo keeps only its place number, and is reported.
 */
export function composeBoard(
  art: BoardArtwork,
  faces: Faces,
  opts: { bleedMm: number; marks: boolean },
): { page: DrawnPage; problems: { photoId: string; message: Message }[] } {
  const { board } = art;
  const boxes = sheetBoxes({ widthMm: board.widthMm, heightMm: board.heightMm }, opts.bleedMm, opts.marks);
  const ops: DrawOp[] = [
    {
      kind: 'rect',
      x: -opts.bleedMm,
      y: -opts.bleedMm,
      w: board.widthMm + 2 * opts.bleedMm,
      h: board.heightMm + 2 * opts.bleedMm,
      fill: board.background,
    },
  ];
  const problems: { photoId: string; message: Message }[] = [];

  if (board.headerMm > 0) {
    const area = {
      x: board.marginMm,
      y: board.marginMm,
      w: board.widthMm - 2 * board.marginMm,
      h: board.headerMm - board.gutterMm,
    };
    const title = sizeFor(area.h, 0.42, 1.2);
    const blocks: TextBlock[] = [
      {
        text: art.header.title,
        font: 'serif',
        weight: 'bold',
        color: INK,
        sizePt: title,
        leading: 1.2,
        align: 'left',
        maxLines: 1,
      },
      // A subtitle that only repeats the title (both default to the campaign theme) is not printed twice.
      {
        text: art.header.subtitle.trim() === art.header.title.trim() ? '' : art.header.subtitle,
        font: 'sans',
        weight: 'normal',
        color: UNION_RED,
        sizePt: title * 0.36,
        leading: 1.3,
        align: 'left',
        maxLines: 1,
      },
      {
        text: [art.header.organizers, `${board.name}（${art.position}/${art.count}）`].filter(Boolean).join(' · '),
        font: 'sans',
        weight: 'normal',
        color: GREY,
        sizePt: title * 0.26,
        leading: 1.3,
        align: 'left',
        maxLines: 1,
      },
    ];
    // Emblems stand at the right, as tall as half the band, the text keeps clear of them.
    let logosW = 0;
    const logoH = area.h * 0.5;
    for (const logo of [...(art.logos ?? [])].reverse()) {
      const w = logoH * logo.aspect;
      logosW += w + (logosW ? board.gutterMm : 0);
      ops.push({
        kind: 'image',
        x: area.x + area.w - logosW,
        y: area.y + (area.h - logoH) / 2,
        w,
        h: logoH,
        ref: logo.ref,
      });
    }
    const set = setBlocks(
      blocks,
      { ...area, w: area.w - (logosW ? logosW + board.gutterMm * 2 : 0), h: area.h - 2 },
      faces,
    );
    if ('ops' in set) ops.push(...set.ops);
    else problems.push({ photoId: '', message: msg('exhibit.headerTooLong', { board: board.name }) });
    // A red rule closes the band, as on the union's own posters.
    ops.push({
      kind: 'rect',
      x: area.x,
      y: area.y + area.h - 1,
      w: area.w,
      h: Math.max(0.8, area.h / 150),
      fill: UNION_RED,
    });
  }

  const room = board.captionMm;
  for (const p of board.photos) {
    ops.push({ kind: 'image', x: p.xMm, y: p.yMm, w: p.wMm, h: p.hMm, ref: p.photoId });
    if (room <= 0) continue;
    const caption = art.captions[p.photoId] ?? { names: '', detail: p.number };
    const area = { x: p.xMm, y: p.yMm + p.hMm + room * CAPTION_GAP, w: p.wMm, h: room * (1 - CAPTION_GAP) };
    const names = sizeFor(area.h, 0.5, LEADING);
    const blocks: TextBlock[] = [
      {
        text: caption.names,
        font: 'sans',
        weight: 'bold',
        color: INK,
        sizePt: names,
        leading: LEADING,
        align: 'left',
        maxLines: 1,
      },
      {
        text: caption.detail,
        font: 'sans',
        weight: 'normal',
        color: GREY,
        sizePt: names * 0.72,
        leading: LEADING,
        align: 'left',
        maxLines: 1,
      },
    ];
    let set = setBlocks(blocks, area, faces, 'top');
    if ('overflow' in set) {
      problems.push({ photoId: p.photoId, message: msg('exhibit.captionTooLong', { number: p.number }) });
      set = setBlocks([{ ...blocks[1]!, text: p.number }], area, faces, 'top');
    }
    if ('ops' in set) ops.push(...set.ops);
  }
  return { page: { boxes, ops: [...offsetOps(ops, boxes.trimRect.x, boxes.trimRect.y), ...markOps(boxes)] }, problems };
}
