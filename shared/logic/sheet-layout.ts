import type { CropRect, GiftTemplate } from '../model/gift';
import { MIN_TYPE_PT } from './typeset';
import { oriented, parsePaperSize, sheetBoxes, type RectMm, type SheetBoxes, type SizeMm } from './print-geometry';

export interface SheetLayout {
  boxes: SheetBoxes;
  /** 5 mm inside the trim: anything that must be seen stays in it (cutting varies ±1 mm; a frame's lip hides 5) */
  safeRect: RectMm;
  /** the outer edge of a printed frame band, inside the safe area; null without a band */
  frameRect: RectMm | null;
  /** inside the trim, from its top-left corner: the mat inside the band (the whole trim without one) */
  matRect: RectMm;
  window: RectMm;
  /** where the caption blocks stack, top to bottom */
  captionArea: RectMm;
  logo: RectMm | null;
}

/** Space between the photo and the text, and below the text: 2 % of the sheet's long side. */
export function captionGapMm(trim: SizeMm): number {
  return 0.02 * Math.max(trim.widthMm, trim.heightMm);
}
/** The safe area's inset from the trim. */
export const SAFE_MM = 5;

/** The sheet's finished size for a template and (when the template says "auto") the photo's orientation. */
export function templateTrim(t: GiftTemplate, photoLandscape: boolean, sizeOverride?: string): SizeMm {
  const size = parsePaperSize(sizeOverride ?? t.size);
  if (!size) throw new Error(`unknown paper size ${sizeOverride ?? t.size}`);
  const orientation = t.orientation === 'auto' ? (photoLandscape ? 'landscape' : 'portrait') : t.orientation;
  return oriented(size, orientation);
}

const inset = (r: RectMm, by: number): RectMm => ({ x: r.x + by, y: r.y + by, w: r.w - 2 * by, h: r.h - 2 * by });

/**
 * A printed frame band inside the safe area (never at the trim, where cutting and a frame's lip would eat it
 * unevenly), the mat inside it, the photo window inside the mat (fitted to the template's aspect, centred,
 * top-aligned, never outside the safe area), and below it the caption area and the logo. All in mm; pure.
 */
export function layoutSheet(t: GiftTemplate, trim: SizeMm, opts: { bleedMm: number; marks: boolean }): SheetLayout {
  const boxes = sheetBoxes(trim, opts.bleedMm, opts.marks);
  const whole = { x: 0, y: 0, w: trim.widthMm, h: trim.heightMm };
  const safeRect = inset(whole, SAFE_MM);
  const f = t.frame.widthMm;
  const frameRect = f > 0 ? safeRect : null;
  const matRect = frameRect ? inset(frameRect, f) : whole;
  // The mat's margins, measured from the mat's edge, but never closer to the trim than the safe area.
  const left = Math.max(matRect.x + t.mat.sideMm, safeRect.x);
  const top = Math.max(matRect.y + t.mat.topMm, safeRect.y);
  const bottomOfMat = Math.min(matRect.y + matRect.h, safeRect.y + safeRect.h);
  let window = { x: left, y: top, w: trim.widthMm - 2 * left, h: matRect.y + matRect.h - t.mat.bottomMm - top };
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
  const logoH = t.logo ? t.logo.heightMm : 0;
  // The gap between photo and text scales with the paper (5 mm on 10寸, 3 mm on 6寸); the text spans the mat's
  // inner width, not only the photo's (a portrait photo's window is narrow).
  const gap = captionGapMm(trim);
  const captionTop = window.y + window.h + gap;
  const captionArea = {
    x: left,
    y: captionTop,
    w: trim.widthMm - 2 * left,
    h: Math.max(0, bottomOfMat - gap - captionTop - (logoH ? logoH + 2 : 0)),
  };
  const logo = t.logo ? { x: trim.widthMm / 2 - logoH, y: bottomOfMat - gap - logoH, w: logoH * 2, h: logoH } : null;
  return { boxes, safeRect, frameRect, matRect, window, captionArea, logo };
}

/**
 * The crop of the displayed photo that fills the window without distortion: the largest rectangle of the window's
 * aspect, centred on the focus (a face sits a little above the middle, as portraits are framed). A user's own
 * crop wins, corrected to the aspect and kept inside the photo. Null: no focus, let the renderer find one.
 */
export function cropFor(
  photo: { width: number; height: number },
  windowAspect: number,
  focus: { x: number; y: number } | null,
  override: CropRect | null,
): CropRect | null {
  const photoAspect = photo.width / photo.height;
  // Fractions of each axis: a crop of the window's aspect at full size.
  const full =
    photoAspect > windowAspect ? { w: windowAspect / photoAspect, h: 1 } : { w: 1, h: photoAspect / windowAspect };
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
  return {
    x: round(clamp(focus.x - full.w / 2, full.w)),
    y: round(clamp(focus.y - full.h * 0.42, full.h)),
    w: round(full.w),
    h: round(full.h),
  };
}

/**
 * Pixels per inch a photo prints at when `crop` of it fills a window of w×h mm (see export-rules for what is
 * soft and what is refused): the one measure for gifts, their order sheet, boards and the catalogue. No crop
 * means the largest of the window's aspect (what a sheet cuts when no one chose): a wide photo in a tall window
 * prints from a part of its width, never from all of it. The lower of the two directions counts.
 */
export function placedPpi(
  photo: { width: number; height: number },
  window: { w: number; h: number },
  crop: CropRect | null,
): number {
  const shown = crop ?? cropFor(photo, window.w / window.h, { x: 0.5, y: 0.5 }, null)!;
  return Math.round(
    Math.min((photo.width * shown.w) / (window.w / 25.4), (photo.height * shown.h) / (window.h / 25.4)),
  );
}

/**
 * The ppi a photo prints at in a template, with the crop the sheet would use (the user's, or the full window's
 * aspect): known before anything is rendered, so the gift list can say who is too soft to print.
 */
export function printPpi(t: GiftTemplate, photo: { width: number; height: number }, crop: CropRect | null): number {
  const layout = layoutSheet(t, templateTrim(t, photo.width >= photo.height), { bleedMm: 0, marks: false });
  return placedPpi(photo, layout.window, crop && cropFor(photo, layout.window.w / layout.window.h, null, crop));
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
    // Type scales with the paper down to the 6 pt floor (smaller fills in on photo paper); the typesetter re-flows
    // it, and refuses by name what cannot fit at 6 pt.
    captions: t.captions.map((c) => ({ ...c, sizePt: Math.max(MIN_TYPE_PT, c.sizePt * k) })),
    logo: t.logo ? { ...t.logo, heightMm: t.logo.heightMm * k } : null,
  };
}
