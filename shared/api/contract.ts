import type { ImportSummary } from '../model/import-job';
import type { ExhibitionExportResult } from '../model/exhibition';
import type { JobKind } from '../model/job';
import type { FaceDetectResult } from '../model/face';
import type { GalleryResult } from '../model/gallery';
import type { ExportSummary } from '../model/gift';
import type { z } from 'zod';
import { type MethodKind, type ReplyOf } from './method';
import { exhibitionsMethods } from './methods/exhibitions';
import { facesMethods } from './methods/faces';
import { galleryMethods } from './methods/gallery';
import { giftsMethods } from './methods/gifts';
import { jobsMethods } from './methods/jobs';
import { photosMethods } from './methods/photos';
import { projectMethods } from './methods/project';
import { rosterMethods } from './methods/roster';
import { tagsMethods } from './methods/tags';

/**
 * The one API: every method of every domain, each declared once in its domain's file (shared/api/methods/*.ts) as
 * its schema, its kind and its reply. The method list, the kinds, the kiosk's list and the types below are derived
 * from those declarations; the handlers (electron/main/modules/*.ts) are held to them by their types.
 */
export const METHODS = {
  ...projectMethods,
  ...photosMethods,
  ...tagsMethods,
  ...rosterMethods,
  ...giftsMethods,
  ...exhibitionsMethods,
  ...galleryMethods,
  ...facesMethods,
  ...jobsMethods,
};
export type Methods = typeof METHODS;
export type ApiMethod = keyof Methods;
/** What a method takes, as a caller writes it (defaults not yet applied). */
export type RequestOf<K extends ApiMethod> = z.input<Methods[K]['schema']>;
/** Every method takes one JSON request and resolves to one JSON response. */
export type AppApi = { [K in ApiMethod]: (req: RequestOf<K>) => Promise<ReplyOf<Methods[K]>> };
export type ApiRequest<K extends ApiMethod> = Parameters<AppApi[K]>[0];
export type ApiResponse<K extends ApiMethod> = Awaited<ReturnType<AppApi[K]>>;
export type { MethodKind };

/** The runtime allowlist the IPC layer, the HTTP host and the CLI share. */
export const API_METHODS = Object.keys(METHODS) as ApiMethod[];
export const METHOD_KINDS = Object.fromEntries(API_METHODS.map((m) => [m, METHODS[m].kind])) as Record<
  ApiMethod,
  MethodKind
>;
/** What the exhibition kiosk's read-only token may call: finding a worker and showing a photo's label, nothing else. */
export const KIOSK_METHODS: readonly ApiMethod[] = API_METHODS.filter((m) => (METHODS[m] as { kiosk?: boolean }).kiosk);

/** What each kind of job is started with, and what it ends with. */
export interface JobRequests {
  import: RequestOf<'import.start'>;
  export: RequestOf<'export.start'>;
  'exhibition-export': RequestOf<'exhibitions.exportStart'>;
  'gallery-export': RequestOf<'gallery.export'>;
  faces: RequestOf<'faces.detectStart'>;
}
export interface JobResults {
  import: ImportSummary;
  export: ExportSummary;
  'exhibition-export': ExhibitionExportResult;
  'gallery-export': GalleryResult;
  faces: FaceDetectResult;
}

/** Whether a kind of job edits the catalog (refused in a read-only view) or only writes files from it. */
export const JOB_EDITS: Record<JobKind, boolean> = {
  import: true,
  faces: true,
  export: false,
  'exhibition-export': false,
  'gallery-export': false,
};

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(METHODS, name);
}

export { APP_EVENTS, type AppEventName, type AppEvents } from './events';
export type {
  AppInfo,
  ExportJobView,
  FolderEntry,
  FolderListing,
  HostKind,
  ImportDefaults,
  XmpRefusal,
} from './replies';
