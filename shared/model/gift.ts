import type { Message, MessageKey, MessageParams } from '../i18n/messages';

/** How a photo holds its printed size: fine, soft (said), or too coarse to print (refused unless allowed). */
export type Resolution = 'ok' | 'low' | 'refused';

export type FontFamily = 'sans' | 'serif';
export type Align = 'left' | 'center' | 'right';

/** One line (or paragraph) of the caption, with variables such as {worker.name}. */
export interface CaptionBlock {
  text: string;
  font: FontFamily;
  sizePt: number;
  weight: 'normal' | 'bold';
  color: string;
  align: Align;
  /** distance between baselines, in em (default: the face's own line height, 1.45) */
  leading?: number;
  /** at most this many lines (a quote: two): shrinks to fit them, never under 6 pt */
  maxLines?: number;
}

/** How a gift sheet looks: size, frame, mat, photo window, caption, logo. Kept in the project; built-ins ship. */
export interface GiftTemplate {
  id: string;
  name: string;
  builtIn: boolean;
  /** a named size (10寸, A4 …) or WxH in mm */
  size: string;
  /** auto: the sheet turns with the photo (landscape photos on landscape sheets) */
  orientation: 'portrait' | 'landscape' | 'auto';
  /** colour, or a texture from assets/frames tiled over the band (the colour shows while it loads) */
  frame: { widthMm: number; color: string; texture?: string | null };
  mat: { color: string; topMm: number; sideMm: number; bottomMm: number };
  /** width/height of the photo window; null fills the space the mat leaves */
  photoAspect: number | null;
  captions: CaptionBlock[];
  /** an emblem printed in the bottom mat; a project-relative or absolute path */
  logo: { path: string; heightMm: number } | null;
  /** the paper surface the print shop is asked for (光面相纸, 绒面相纸 …), on the order sheet */
  paper?: string;
}

/** The words on every sheet that are the campaign's, not the worker's. */
export interface Campaign {
  theme: string;
  organizer: string;
}

export const DEFAULT_CAMPAIGN: Campaign = { theme: '工运百年承匠心 一张照片敬劳动', organizer: '江山市总工会' };

/** A crop of the displayed photo, as fractions (the user's pan/zoom, remembered per gift). */
export interface CropRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface HandOver {
  printedAt: string | null;
  framedAt: string | null;
  handedOverAt: string | null;
  handedOverBy: string | null;
}

/** One worker's gift: which photo (chosen or automatic), their crop, and where the framed print is now. */
export interface GiftRecord {
  workerId: string;
  photoId: string | null;
  crop: CropRect | null;
  handOver: HandOver;
}

export const EMPTY_HANDOVER: HandOver = { printedAt: null, framedAt: null, handedOverAt: null, handedOverBy: null };

/** A worker's gift as the Gifts view lists it. */
export interface GiftView {
  workerId: string;
  workerName: string;
  companyName: string | null;
  consent: import('./roster').Consent;
  photoId: string | null;
  /** true when the user chose the photo; false when it is the automatic best one */
  chosen: boolean;
  /** every photo the worker is in (not rejected) */
  candidates: string[];
  crop: CropRect | null;
  handOver: HandOver;
  /** why there is no gift (the worker declined, no usable photo) */
  blocked: Message | null;
  /** the ppi the photo prints at in the template the list was asked for (null without one) */
  ppi: number | null;
  resolution: Resolution | null;
  /** why the export will refuse this gift unless told to go ahead (below 150 ppi), or null */
  tooSoft: Message | null;
}

export type ExportFormat = 'jpeg' | 'tiff' | 'pdf';

export interface ExportOptions {
  templateId: string;
  /** a named size or WxH mm; default: the template's */
  size?: string;
  dpi: number;
  format: ExportFormat;
  bleedMm: number;
  marks: boolean;
  cmyk: boolean;
  /** worker: one sheet per worker and their chosen photo; photo: the given photos as plain framed prints */
  per: 'worker' | 'photo';
  workerIds?: string[];
  photoIds?: string[];
  outDir?: string;
  namePattern?: string;
  /** n-up: the small prints placed on A4 or A3 pages with cut marks, instead of one file each */
  impose?: 'A4' | 'A3' | null;
  /** crop marks drawn into a JPEG/TIFF (the file is then larger than the paper); PDFs carry them as vectors */
  rasterMarks?: boolean;
  /** export a gift under 150 ppi all the same */
  allowLowRes?: boolean;
  /** CMYK: the press profile to convert with (a .icc file); the shipped FOGRA39 when not given */
  icc?: string;
}

export interface ExportedFile {
  path: string;
  workerId: string | null;
  photoId: string;
  widthPx: number;
  heightPx: number;
  /** already there from an earlier run with the same inputs */
  reused: boolean;
  ppi: number;
}

export interface ExportSummary {
  files: ExportedFile[];
  orderSheet: { pdf: string | null; csv: string | null };
  skipped: { workerId: string | null; photoId?: string; reason: string; key?: MessageKey; params?: MessageParams }[];
  warnings: Message[];
  cancelled: boolean;
  /** files written this run, and files already there and current (left as they were) */
  written: number;
  reused: number;
  /** n-up pages written (0 without imposition), and the fewest pages the prints could fit on */
  pages: number;
  minimumPages: number;
  /** the CMYK profile's name, when CMYK was written */
  profile: string | null;
}

/** The gift export's progress: a job's. */
export type ExportProgress = import('./job').JobProgress;

export interface SheetPreview {
  /** media id of the rendered preview (kind "sheet") */
  mediaId: string;
  widthPx: number;
  heightPx: number;
  ppi: number;
  warnings: Message[];
}
