import type { Message } from '../i18n/messages';
import type { FaceScan } from './face';
import type { FaceRegion } from './roster';

/** A photo as the catalog keeps it. Every field survives JSON: dates are ISO strings, refs are ids. */

/** What a photo's file is; `raw` is a RAW file imported from the full-size JPEG preview it embeds. */
export const PHOTO_FORMATS = ['jpeg', 'png', 'tiff', 'webp', 'avif', 'heif', 'raw'] as const;
export type PhotoFormat = (typeof PHOTO_FORMATS)[number];

export const FLAGS = ['picked', 'rejected'] as const;
export type Flag = (typeof FLAGS)[number] | null;

export interface Gps {
  lat: number;
  lon: number;
  /** metres above sea level; negative below it */
  alt: number | null;
}

/** What the file says about itself (EXIF, IPTC, XMP and a sidecar), normalized. */
export interface PhotoMetadata {
  /** ISO 8601 wall-clock time, with the offset when the file records one: `2025-05-12T09:30:00+08:00` */
  capturedAt: string | null;
  orientation: number | null;
  make: string | null;
  model: string | null;
  lens: string | null;
  /** seconds */
  exposureTime: number | null;
  fNumber: number | null;
  iso: number | null;
  /** millimetres */
  focalLength: number | null;
  gps: Gps | null;
  artist: string | null;
  copyright: string | null;
  software: string | null;
  title: string | null;
  caption: string | null;
  keywords: string[];
  personsShown: string[];
  organisations: string[];
  /** 0-5 from XMP, when the file carries one */
  rating: number | null;
}

export interface Photo extends PhotoMetadata {
  id: string;
  /** absolute path of the original, or of the copy inside the project when imported with copy */
  path: string;
  /** the file name as it came off the card */
  originalName: string;
  /** where it was before it was copied into the project, if it was */
  originalPath: string | null;
  sha256: string;
  format: PhotoFormat;
  bytes: number;
  /** as displayed (orientation applied), from the decoder */
  width: number;
  height: number;
  rawPath: string | null;
  sidecarPath: string | null;
  /**
   * Project-relative image that stands in for the original when printing, when the original cannot be decoded:
   * a lone RAW's embedded full-size preview, kept in the project at import.
   */
  renderSource?: string | null;
  photographer: string | null;
  /** the company's full name, kept in step with `companyId` (shown and filtered on) */
  company: string | null;
  companyId: string | null;
  /** ids of the workers shown, in tagging order */
  workers: string[];
  faceRegions: FaceRegion[];
  /**
   * Faces the file's own metadata names (MWG regions) whose names are not a roster worker: kept so the face job
   * stores a face there even where its detector sees none. Upright fractions, as face regions are.
   */
  namedRegions?: { name: string; x: number; y: number; w: number; h: number }[];
  /** YYYY-MM-DD */
  shootDay: string | null;
  rating: number;
  flag: Flag;
  importedAt: string;
  /** project-relative cache files */
  thumbnail: string | null;
  preview: string | null;
  embeddedThumbnail: string | null;
  /** false between the fast metadata pass and the decode that makes thumbnail + preview */
  rendered: boolean;
  /** when the face job looked at it and what it found; absent until it has */
  faceScan?: FaceScan | null;
  /** what the import noticed (a damaged EXIF block, a sidecar too large), said in each user's language */
  warnings: Message[];
}

/** How media is addressed by the UI: never by path. */
export const MEDIA_KINDS = ['thumb', 'preview', 'embedded', 'sheet', 'full', 'face'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
