/** An exhibition (展览) at one venue: its boards (展板) and where each photo hangs on them. */

export const EXHIBIT_ORDERS = ['company', 'photographer', 'day', 'name'] as const;
/** How auto-fill orders the photos across the boards. */
export type ExhibitOrder = (typeof EXHIBIT_ORDERS)[number];

/** A photo on a board: its number (板3-05) and its place in mm from the board's top-left corner. */
export interface PlacedOnBoard {
  photoId: string;
  number: string;
  xMm: number;
  yMm: number;
  wMm: number;
  hMm: number;
}

export interface Board {
  id: string;
  name: string;
  widthMm: number;
  heightMm: number;
  background: string;
  marginMm: number;
  gutterMm: number;
  /** space at the top for the header band (title, theme, logos); 0 for none */
  headerMm: number;
  /** room under each row for the photos' captions (names, credit, number); 0 for none */
  captionMm: number;
  photos: PlacedOnBoard[];
}

export interface Exhibition {
  id: string;
  title: string;
  subtitle: string;
  venue: string | null;
  dates: string | null;
  organizers: string | null;
  order: ExhibitOrder;
  /** the organisers' emblems at the right of every board's header band: image files (project-relative or absolute) */
  logos?: string[];
  /** the catalogue's cover photo (default: the first on the wall) */
  coverPhotoId?: string | null;
  /** the catalogue's preface; empty: a text made from the campaign's figures */
  preface?: string | null;
  /** the web gallery's address, which the wall labels' QR codes open */
  galleryUrl?: string | null;
  /** photos with a worker not yet asked, placed because the user confirmed them */
  confirmed: string[];
  /** photos the user made large: each stands in a row of its own */
  large?: string[];
  /** photos the user took off the wall; auto-fill leaves them off until they are put back */
  removed?: string[];
  boards: Board[];
}

/** A photo auto-fill left out, and why (a worker declined, gift only, not yet asked). */
export interface ExcludedPhoto {
  photoId: string;
  reason: string;
  key: import('../i18n/messages').MessageKey;
  params?: import('../i18n/messages').MessageParams;
}

export interface ExhibitionPlan {
  exhibition: Exhibition;
  excluded: ExcludedPhoto[];
  /** photos left out only because someone in them was not asked: the "to ask" list */
  toAsk: string[];
}

/** Board sizes print shops quote for exhibition boards, width × height in mm. */
export const BOARD_PRESETS = [
  { label: '60×90 cm', widthMm: 600, heightMm: 900 },
  { label: '80×180 cm', widthMm: 800, heightMm: 1800 },
  { label: '90×120 cm', widthMm: 900, heightMm: 1200 },
  { label: '120×240 cm', widthMm: 1200, heightMm: 2400 },
] as const;

export const EXHIBITION_OUTPUTS = ['boards', 'labels', 'catalogue', 'summary', 'poster'] as const;
/** What an exhibition export writes: the boards, the wall labels, the catalogue, or the campaign summary card. */
export type ExhibitionOutput = (typeof EXHIBITION_OUTPUTS)[number];

export interface ExhibitionExportOptions {
  what: ExhibitionOutput;
  format?: 'pdf' | 'jpeg' | 'tiff';
  /** raster resolution: boards 150 dpi by default (seen from a distance), labels 300 */
  dpi?: number;
  bleedMm?: number;
  marks?: boolean;
  outDir?: string;
  /** the web gallery's address; a label's QR code opens {baseUrl}/photos/{photoId}.html */
  baseUrl?: string;
  /** export a board with a photo under 50 ppi anyway */
  allowLowRes?: boolean;
  /** labels: the template, and the sheet they are laid out on (none: one file per label) */
  labelTemplateId?: string;
  labelSheet?: LabelSheet | 'single';
  /** the printed name list: A2 or A1 */
  posterSize?: 'A2' | 'A1';
  /** catalogue: A4 or 210x285 (mm), and landscape */
  catalogueSize?: 'A4' | '210x285';
  landscape?: boolean;
  /** catalogue: the photo on the cover (default: the first on the wall) */
  coverPhotoId?: string;
  /** the board material on the order sheet (KT板, 写真布 …) */
  material?: string;
  exhibitionId?: string;
}

export interface ExhibitionFile {
  path: string;
  kind: 'board' | 'labels' | 'catalogue' | 'summary' | 'poster' | 'order-sheet';
  pages: number;
}

/** Something one photo or one file needs said: a soft photo, a missing original, a caption cut short. */
export interface ExhibitionWarning {
  photoId: string | null;
  code:
    | 'lowPpi'
    | 'tooLowPpi'
    | 'photoMissing'
    | 'photoUnreadable'
    | 'captionTooLong'
    | 'headerTooLong'
    | 'labelTooLong'
    | 'noQr';
  message: string;
  key: import('../i18n/messages').MessageKey;
  params?: import('../i18n/messages').MessageParams;
}

export interface ExhibitionExportResult {
  outDir: string;
  files: ExhibitionFile[];
  warnings: ExhibitionWarning[];
  /** stopped by the user: the files listed are whole, the rest was not written */
  cancelled: boolean;
}

/** How a wall label (展签) looks: its size, its text blocks (the gift templates' variables), and its QR code. */
export interface LabelTemplate {
  id: string;
  name: string;
  builtIn: boolean;
  /** WxH in mm (150x100) or a named size (A6) */
  size: string;
  background: string;
  /** set top-down in the text column; the last block stands at the bottom (the credit line) */
  blocks: import('./gift').CaptionBlock[];
  /** print the code that opens the photo's page in the web gallery */
  qr: boolean;
}

export const LABEL_SHEETS = ['A4', 'A3'] as const;
export type LabelSheet = (typeof LABEL_SHEETS)[number];

/** A wall label rendered for the screen: its cached image, or why it cannot be printed. */
export interface LabelPreview {
  mediaId: string | null;
  widthPx: number;
  heightPx: number;
  problem: import('../i18n/messages').Message | null;
}

/** A worker found by name, with the photos of them that may be shown and where each hangs (null: not on the wall). */
export interface FoundWorker {
  workerId: string;
  name: string;
  /** the company's short name */
  company: string | null;
  photos: { photoId: string; number: string | null }[];
}
