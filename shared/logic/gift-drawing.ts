/**
 * A gift sheet (礼物) as a drawn page, like a board or a label: the mat out into the bleed, a printed frame band
 * (a colour, or a texture with mitred corners), the photo in its window, the caption blocks set by the one
 * typesetter, the logo, and crop marks when the boxes have them. One drawing makes the PDF (vector text in subset
 * faces), the JPEG/TIFF and the screen preview, so the three cannot drift apart. Pure.
 */
import type { CaptionBlock } from '../model/gift';
import { markOps, offsetOps, setBlocks, type DrawnPage, type DrawOp, type Faces } from './page-drawing';
import type { RectMm } from './print-geometry';
import type { SheetLayout } from './sheet-layout';

/** The refs a gift page's image ops carry; the caller supplies their pixels. */
export const GIFT_PHOTO = 'photo';
export const GIFT_LOGO = 'logo';

/** Distance between baselines when a block does not say: the faces' own line height (ascent + descent). */
export const DEFAULT_LEADING = 1.45;

export interface GiftArtwork {
  layout: SheetLayout;
  frameColor: string;
  /** tiled over the frame band instead of its colour; the ref is handed back to the caller for its pixels */
  frameTexture: string | null;
  matColor: string;
  captions: { block: CaptionBlock; text: string }[];
  /** the logo's width over its height, when the template has one */
  logoAspect: number | null;
}

/** The ring between `outer` and `inner` as four bands: top and bottom across, the sides between them. */
function ring(outer: RectMm, inner: RectMm, fill: string): DrawOp[] {
  const bands = [
    { x: outer.x, y: outer.y, w: outer.w, h: inner.y - outer.y },
    { x: outer.x, y: inner.y + inner.h, w: outer.w, h: outer.y + outer.h - (inner.y + inner.h) },
    { x: outer.x, y: inner.y, w: inner.x - outer.x, h: inner.h },
    { x: inner.x + inner.w, y: inner.y, w: outer.x + outer.w - (inner.x + inner.w), h: inner.h },
  ];
  return bands.filter((b) => b.w > 0 && b.h > 0).map((b) => ({ kind: 'rect', ...b, fill }));
}

/**
 * The sheet's page, or `{ overflow }`: the index of the first caption that cannot fit at 6 pt (the caller refuses
 * it by name, never prints it cut).
 */
export function composeGiftSheet(art: GiftArtwork, faces: Faces): { page: DrawnPage } | { overflow: number } {
  const { layout } = art;
  const { boxes } = layout;
  const b = boxes.bleedMm;
  // The mat is the paper's colour, out into the bleed.
  const ops: DrawOp[] = [
    { kind: 'rect', x: -b, y: -b, w: boxes.trim.widthMm + 2 * b, h: boxes.trim.heightMm + 2 * b, fill: art.matColor },
  ];
  if (layout.frameRect) {
    const f = layout.matRect.x - layout.frameRect.x;
    ops.push(
      ...(art.frameTexture
        ? [{ kind: 'band' as const, ...layout.frameRect, widthMm: f, ref: art.frameTexture }]
        : ring(layout.frameRect, layout.matRect, art.frameColor)),
    );
  }
  ops.push({ kind: 'image', ...layout.window, ref: GIFT_PHOTO });
  const set = setBlocks(
    art.captions.map(({ block, text }) => ({
      text,
      font: block.font,
      weight: block.weight,
      color: block.color,
      sizePt: block.sizePt,
      leading: block.leading ?? DEFAULT_LEADING,
      align: block.align,
      maxLines: block.maxLines,
    })),
    layout.captionArea,
    faces,
  );
  if ('overflow' in set) return set;
  ops.push(...set.ops);
  if (layout.logo && art.logoAspect) {
    // Fitted inside its box and centred, at its own aspect.
    const box = layout.logo;
    const w = Math.min(box.w, box.h * art.logoAspect);
    const h = w / art.logoAspect;
    ops.push({ kind: 'image', x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h, ref: GIFT_LOGO });
  }
  return { page: { boxes, ops: [...offsetOps(ops, boxes.trimRect.x, boxes.trimRect.y), ...markOps(boxes)] } };
}
