import type { CropRect, GiftTemplate } from '../model/gift';
import { oriented, parsePaperSize, sheetBoxes, type RectMm, type SheetBoxes, type SizeMm } from './print-geometry';

export interface SheetLayout {
  boxes: SheetBoxes;
  /** inside the trim, from its top-left corner */
  matRect: RectMm;
  window: RectMm;
  /** where the caption blocks stack, top to bottom */
  captionArea: RectMm;
  logo: RectMm | null;
}

export const CAPTION_GAP_MM = 5;

/** The sheet's finished size for a template and (when the template says "auto") the photo's orientation. */
export function templateTrim(t: GiftTemplate, photoLandscape: boolean, sizeOverride?: string): SizeMm {
  const size = parsePaperSize(sizeOverride ?? t.size);
  if (!size) throw new Error(`unknown paper size ${sizeOverride ?? t.size}`);
  const orientation = t.orientation === 'auto' ? (photoLandscape ? 'landscape' : 'portrait') : t.orientation;
  return oriented(size, orientation);
}

/**
 * Frame band at the trim's edge, the mat inside it, the photo window inside the mat (fitted to the template's
 * aspect, centred, top-aligned), and below it the caption area and the logo. All in mm; pure.
 */
export function layoutSheet(t: GiftTemplate, trim: SizeMm, opts: { bleedMm: number; marks: boolean }): SheetLayout {
  const boxes = sheetBoxes(trim, opts.bleedMm, opts.marks);
  const f = t.frame.widthMm;
  const matRect = { x: f, y: f, w: trim.widthMm - 2 * f, h: trim.heightMm - 2 * f };
  let window = { x: f + t.mat.sideMm, y: f + t.mat.topMm, w: matRect.w - 2 * t.mat.sideMm, h: matRect.h - t.mat.topMm - t.mat.bottomMm };
  if (window.w <= 10 || window.h <= 10) throw new Error('the frame and mat leave no room for the photo');
  if (t.photoAspect) {
    // The window turns with the sheet: 3:2 on a landscape sheet is 2:3 on a portrait one.
    const long = Math.max(t.photoAspect, 1 / t.photoAspect);
    const want = trim.widthMm >= trim.heightMm ? long : 1 / long;
    const aspect = window.w / window.h;
    if (aspect > want) {
      const w = window.h * want;
      window = { ...window, x: window.x + (window.w - w) / 2, w };
    } else window = { ...window, h: window.w / want };
  }
  const bottomOfMat = matRect.y + matRect.h;
  const logoH = t.logo ? t.logo.heightMm : 0;
  const captionTop = window.y + window.h + CAPTION_GAP_MM;
  const captionArea = { x: window.x, y: captionTop, w: window.w, h: Math.max(0, bottomOfMat - CAPTION_GAP_MM - captionTop - (logoH ? logoH + 2 : 0)) };
  const logo = t.logo ? { x: matRect.x + matRect.w / 2 - logoH, y: bottomOfMat - CAPTION_GAP_MM - logoH, w: logoH * 2, h: logoH } : null;
  return { boxes, matRect, window, captionArea, logo };
}

/**
 * The crop of the displayed photo that fills the window without distortion: the largest rectangle of the window's
 * aspect, centred on the focus (a face sits a little above the middle, as portraits are framed). A user's own
 * crop wins, corrected to the aspect and kept inside the photo. Null: no focus, let the renderer find one.
 */
export function cropFor(photo: { width: number; height: number }, windowAspect: number, focus: { x: number; y: number } | null, override: CropRect | null): CropRect | null {
  const photoAspect = photo.width / photo.height;
  // Fractions of each axis: a crop of the window's aspect at full size.
  const full = photoAspect > windowAspect ? { w: windowAspect / photoAspect, h: 1 } : { w: 1, h: photoAspect / windowAspect };
  const clamp = (v: number, size: number) => Math.min(Math.max(v, 0), 1 - size);
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  if (override) {
    const scale = Math.min(1, Math.max(0.05, override.w / full.w));
    const w = full.w * scale;
    const h = full.h * scale;
    const cx = override.x + override.w / 2;
    const cy = override.y + override.h / 2;
    return { x: round(clamp(cx - w / 2, w)), y: round(clamp(cy - h / 2, h)), w: round(w), h: round(h) };
  }
  if (!focus) return null;
  return { x: round(clamp(focus.x - full.w / 2, full.w)), y: round(clamp(focus.y - full.h * 0.42, full.h)), w: round(full.w), h: round(full.h) };
}

/** Pixels per inch the photo will print at (see export-rules for what is soft and what is refused). */
export function effectivePpi(photoWidthPx: number, crop: CropRect | null, windowWidthMm: number): number {
  return Math.round((photoWidthPx * (crop?.w ?? 1)) / (windowWidthMm / 25.4));
}

/**
 * The ppi a photo prints at in a template, with the crop the sheet would use (the user's, or the full window's
 * aspect): known before anything is rendered, so the gift list can say who is too soft to print.
 */
export function printPpi(t: GiftTemplate, photo: { width: number; height: number }, crop: CropRect | null): number {
  const layout = layoutSheet(t, templateTrim(t, photo.width >= photo.height), { bleedMm: 0, marks: false });
  const shown = cropFor(photo, layout.window.w / layout.window.h, { x: 0.5, y: 0.5 }, crop);
  return effectivePpi(photo.width, shown, layout.window.w);
}

/**
 * The same template at another size: frame, mat, caption sizes and logo scale with the paper (by the shorter of
 * the two side ratios), so a 10寸 design printed at 6寸 or A3 keeps its proportions instead of its millimetres.
 */
export function scaleTemplate(t: GiftTemplate, size: string): GiftTemplate {
  const from = parsePaperSize(t.size);
  const to = parsePaperSize(size);
  if (!from || !to) return t;
  const a = oriented(from, 'portrait');
  const b = oriented(to, 'portrait');
  const k = Math.min(b.widthMm / a.widthMm, b.heightMm / a.heightMm);
  if (Math.abs(k - 1) < 1e-9) return { ...t, size };
  return {
    ...t,
    size,
    frame: { ...t.frame, widthMm: t.frame.widthMm * k },
    mat: { ...t.mat, topMm: t.mat.topMm * k, sideMm: t.mat.sideMm * k, bottomMm: t.mat.bottomMm * k },
    captions: t.captions.map((c) => ({ ...c, sizePt: Math.max(4, c.sizePt * k) })),
    logo: t.logo ? { ...t.logo, heightMm: t.logo.heightMm * k } : null,
  };
}
