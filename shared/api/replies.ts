import type { AppErrorShape, ErrorCode } from '../errors';
import type { MessageKey, MessageParams } from '../i18n/messages';
import type { ExportProgress, ExportSummary } from '../model/gift';

/* What some methods answer, where no model of the domain holds it: their shapes, for the contract and its callers. */

/** Where the API is being served from; the UI adapts (native dialogs vs. the server-side folder browser). */
export type HostKind = 'electron' | 'browser' | 'cli';

export interface AppInfo {
  version: string;
  host: HostKind;
  platform: string;
}

export interface FolderEntry {
  name: string;
  path: string;
  kind: 'dir' | 'photo' | 'spreadsheet';
}

export interface FolderListing {
  path: string;
  parent: string | null;
  entries: FolderEntry[];
  /** photos directly in this folder, so the user sees what an import would bring */
  photoCount: number;
}

export interface ImportDefaults {
  /** EXIF Artist of the first photos, to pre-fill the photographer field */
  photographer: string | null;
  /** earliest capture day found */
  shootDay: string | null;
  sampled: number;
}

/** An existing sidecar that could not be read, so it was left as it was rather than replaced. */
export interface XmpRefusal {
  path: string;
  code: ErrorCode;
  message: string;
  key?: MessageKey;
  params?: MessageParams;
}

export interface ExportJobView {
  id: string;
  state: 'running' | 'finished' | 'cancelled' | 'failed';
  progress: ExportProgress;
  summary: ExportSummary | null;
  /** why a failed job failed (an unwritable output folder, say) */
  error: AppErrorShape | null;
}
