/**
 * The campaign summary card: one image a union posts (1080×1920 for a phone's story, 1920×1080 for a screen) — a
 * collage of exhibited photos, the title, and the campaign's figures as counted from the catalog. Composed as a
 * page whose millimetre is one pixel (drawn at 25.4 dpi). Pure.
 */
import { GREY, INK, UNION_RED } from './board-drawing';
import { setBlocks, type DrawnPage, type DrawOp, type Faces } from './page-drawing';
import { sheetBoxes } from './print-geometry';
import { PT_TO_MM } from './typeset';

/** One pixel per "mm": the card is drawn at this dpi. */
export const CARD_DPI = 25.4;

export interface CampaignFigures {
  photographers: number;
  companies: number;
  days: number;
  photos: number;
  exhibited: number;
  gifts: number;
}

export const FIGURE_LABELS: [keyof CampaignFigures, string][] = [
  ['photographers', '名摄影师'],
  ['companies', '家企业'],
  ['days', '天拍摄'],
  ['photos', '张照片'],
  ['exhibited', '张上墙展出'],
  ['gifts', '份礼物送到职工手中'],
];

/** Suffix marking a collage tile: the photo cut to a square, never stretched. */
export const TILE = '#tile';

/** px → pt at the card's resolution, so text sizes can be given in pixels. */
const px = (n: number) => n / PT_TO_MM;

export function composeSummaryCard(
  input: {
    title: string;
    subtitle: string;
    organizers: string | null;
    figures: CampaignFigures;
    photoIds: string[];
    date: string;
  },
  orientation: 'portrait' | 'landscape',
  faces: Faces,
): DrawnPage {
  const W = orientation === 'portrait' ? 1080 : 1920;
  const H = orientation === 'portrait' ? 1920 : 1080;
  const ops: DrawOp[] = [{ kind: 'rect', x: 0, y: 0, w: W, h: H, fill: '#f7f3ec' }];

  // The collage: a square of tiles, as many photos as there are up to 4×4.
  const side = 1080;
  // A full square: 3×3 from nine photos up to 15, 4×4 from 16; never a hole in the grid.
  const n = Math.min(4, Math.max(1, Math.floor(Math.sqrt(input.photoIds.length))));
  const gap = 6;
  const tile = (side - (n + 1) * gap) / n;
  input.photoIds.slice(0, n * n).forEach((id, i) => {
    ops.push({
      kind: 'image',
      x: gap + (i % n) * (tile + gap),
      y: gap + Math.floor(i / n) * (tile + gap),
      w: tile,
      h: tile,
      ref: `${id}${TILE}`,
    });
  });

  const text =
    orientation === 'portrait'
      ? { x: 72, y: side + 56, w: W - 144, h: H - side - 56 - 72 }
      : { x: side + 80, y: 80, w: W - side - 160, h: H - 160 };
  const head = setBlocks(
    [
      {
        text: input.title,
        font: 'serif',
        weight: 'bold',
        color: INK,
        sizePt: px(64),
        leading: 1.25,
        align: 'left',
        maxLines: 2,
      },
      {
        text: input.subtitle === input.title ? '' : input.subtitle,
        font: 'sans',
        weight: 'normal',
        color: UNION_RED,
        sizePt: px(30),
        leading: 1.4,
        align: 'left',
        maxLines: 2,
      },
    ],
    { ...text, h: text.h * 0.4 },
    faces,
    'top',
  );
  const headH = 'ops' in head ? head.heightMm : 0;
  if ('ops' in head) ops.push(...head.ops);

  // The figures: a big number in red over what it counts, in a 2-column grid.
  const gridTop = text.y + headH + 40;
  const cols = 2;
  const cellW = text.w / cols;
  const cellH = Math.min(150, (text.y + text.h - 60 - gridTop) / Math.ceil(FIGURE_LABELS.length / cols));
  FIGURE_LABELS.forEach(([key, label], i) => {
    const x = text.x + (i % cols) * cellW;
    const y = gridTop + Math.floor(i / cols) * cellH;
    const set = setBlocks(
      [
        {
          text: String(input.figures[key]),
          font: 'sans',
          weight: 'bold',
          color: UNION_RED,
          sizePt: px(cellH * 0.42),
          leading: 1.1,
          align: 'left',
          maxLines: 1,
        },
        {
          text: label,
          font: 'sans',
          weight: 'normal',
          color: GREY,
          sizePt: px(Math.max(18, cellH * 0.16)),
          leading: 1.3,
          align: 'left',
          maxLines: 1,
        },
      ],
      { x, y, w: cellW - 16, h: cellH },
      faces,
      'top',
    );
    if ('ops' in set) ops.push(...set.ops);
  });
  const foot = setBlocks(
    [
      {
        text: [input.organizers, input.date].filter(Boolean).join(' · '),
        font: 'sans',
        weight: 'normal',
        color: GREY,
        sizePt: px(22),
        leading: 1.3,
        align: 'left',
        maxLines: 1,
      },
    ],
    { x: text.x, y: text.y + text.h - 40, w: text.w, h: 40 },
    faces,
    'top',
  );
  if ('ops' in foot) ops.push(...foot.ops);
  return { boxes: sheetBoxes({ widthMm: W, heightMm: H }, 0, false), ops };
}
