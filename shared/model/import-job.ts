import type { ErrorCode } from '../errors';
import type { MessageKey, MessageParams } from '../i18n/messages';

/** A file that was not imported: its code, and why in words (by key, so each shell says it in its language). */
export interface ImportFailure {
  path: string;
  code: ErrorCode;
  message: string;
  key?: MessageKey;
  params?: MessageParams;
}

export interface ImportDuplicate {
  path: string;
  photoId: string;
}

export interface ImportSummary {
  imported: number;
  duplicates: ImportDuplicate[];
  failed: ImportFailure[];
  /** files that were not photos (notes, videos, camera index files): skipped, neither failed nor counted in the total */
  notPhotos: number;
  cancelled: boolean;
}

export interface ImportProgress {
  jobId: string;
  done: number;
  total: number;
  currentFile: string | null;
  /** photos per second so far */
  rate: number;
  etaSeconds: number | null;
  imported: number;
  duplicates: number;
  notPhotos: number;
  failed: number;
}

export type ImportJobState = 'running' | 'finished' | 'cancelled' | 'failed';

export interface ImportJob {
  id: string;
  state: ImportJobState;
  progress: ImportProgress;
  summary: ImportSummary | null;
}
