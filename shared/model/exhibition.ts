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
  /** photos with a worker not yet asked, placed because the user confirmed them */
  confirmed: string[];
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
