import type { AppErrorShape, ErrorCode } from '../errors';
import type { MessageKey, MessageParams } from '../i18n/messages';
import type { ImportJob, ImportSummary } from '../model/import-job';
import type { Photo } from '../model/photo';
import type { ProjectInfo, RecentProject } from '../model/project';
import type { PhotoFacets } from '../logic/photo-filter';
import type { PhotoUsage } from '../logic/photo-usage';
import type { RosterPreview } from '../logic/roster-plan';
import type { HistoryState } from '../model/history';
import type { Company, Photographer, Worker } from '../model/roster';
import type { Exhibition, ExhibitionExportResult, ExhibitionPlan, FoundWorker, LabelPreview, LabelTemplate } from '../model/exhibition';
import type { JobFinished, JobKind, JobProgress, JobView } from '../model/job';
import type { FaceDetectResult, FaceView, PeopleOverview, WorkerFaces } from '../model/face';
import type { GalleryCheck, GalleryResult } from '../model/gallery';
import type { Campaign, ExportProgress, ExportSummary, GiftTemplate, GiftView, SheetPreview } from '../model/gift';
import type { RequestOf } from './schemas';

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

/** The one API. Every method takes one JSON request and resolves to one JSON response. */
export interface AppApi {
  'app.info': (req: RequestOf<'app.info'>) => Promise<AppInfo>;
  'projects.create': (req: RequestOf<'projects.create'>) => Promise<ProjectInfo>;
  'projects.open': (req: RequestOf<'projects.open'>) => Promise<ProjectInfo>;
  'projects.openDemo': (req: RequestOf<'projects.openDemo'>) => Promise<ProjectInfo>;
  'projects.recent': (req: RequestOf<'projects.recent'>) => Promise<RecentProject[]>;
  'projects.current': (req: RequestOf<'projects.current'>) => Promise<ProjectInfo | null>;
  'projects.close': (req: RequestOf<'projects.close'>) => Promise<null>;
  'photos.list': (req: RequestOf<'photos.list'>) => Promise<Photo[]>;
  'photos.get': (req: RequestOf<'photos.get'>) => Promise<Photo>;
  /** renders the photo upright at full size from the original (cached), for the loupe's 100% view: media kind "full" */
  'photos.full': (req: RequestOf<'photos.full'>) => Promise<{ width: number; height: number }>;
  'photos.facets': (req: RequestOf<'photos.facets'>) => Promise<PhotoFacets>;
  'photos.setRating': (req: RequestOf<'photos.setRating'>) => Promise<Photo[]>;
  'photos.setFlag': (req: RequestOf<'photos.setFlag'>) => Promise<Photo[]>;
  'import.start': (req: RequestOf<'import.start'>) => Promise<{ jobId: string }>;
  'import.cancel': (req: RequestOf<'import.cancel'>) => Promise<ImportJob>;
  'import.status': (req: RequestOf<'import.status'>) => Promise<ImportJob>;
  'import.defaults': (req: RequestOf<'import.defaults'>) => Promise<ImportDefaults>;
  'folders.browse': (req: RequestOf<'folders.browse'>) => Promise<FolderListing>;
  /**
   * The user chose these paths in the running app (the folder browser, or a path typed and confirmed): from now
   * on the API takes them. Returns them absolute. Paths nobody chose are refused (FORBIDDEN).
   */
  'folders.choose': (req: RequestOf<'folders.choose'>) => Promise<string[]>;
  /** native file/folder chooser; UNSUPPORTED in the browser host, where the UI uses folders.browse */
  'dialogs.pickPaths': (req: RequestOf<'dialogs.pickPaths'>) => Promise<string[] | null>;

  'companies.list': (req: RequestOf<'companies.list'>) => Promise<Company[]>;
  'companies.create': (req: RequestOf<'companies.create'>) => Promise<Company>;
  'companies.update': (req: RequestOf<'companies.update'>) => Promise<Company>;
  'companies.delete': (req: RequestOf<'companies.delete'>) => Promise<null>;
  'photographers.list': (req: RequestOf<'photographers.list'>) => Promise<Photographer[]>;
  'photographers.update': (req: RequestOf<'photographers.update'>) => Promise<Photographer>;
  /** with a query: best matches on name, pinyin, initials, employee number, company */
  'workers.list': (req: RequestOf<'workers.list'>) => Promise<Worker[]>;
  'workers.create': (req: RequestOf<'workers.create'>) => Promise<Worker>;
  'workers.update': (req: RequestOf<'workers.update'>) => Promise<Worker>;
  'workers.delete': (req: RequestOf<'workers.delete'>) => Promise<null>;
  /** reads a spreadsheet and says what applying it would do, row by row; changes nothing */
  'roster.preview': (req: RequestOf<'roster.preview'>) => Promise<RosterPreview>;
  /** applies it as one undoable change */
  'roster.apply': (req: RequestOf<'roster.apply'>) => Promise<RosterPreview>;
  'photos.tag': (req: RequestOf<'photos.tag'>) => Promise<Photo[]>;
  'photos.untag': (req: RequestOf<'photos.untag'>) => Promise<Photo[]>;
  'photos.setRegion': (req: RequestOf<'photos.setRegion'>) => Promise<Photo>;
  'photos.update': (req: RequestOf<'photos.update'>) => Promise<Photo[]>;
  /** may the photo be exhibited or gifted, given who is in it */
  'photos.usage': (req: RequestOf<'photos.usage'>) => Promise<PhotoUsage>;
  'history.list': (req: RequestOf<'history.list'>) => Promise<HistoryState>;
  'history.undo': (req: RequestOf<'history.undo'>) => Promise<HistoryState>;
  'history.redo': (req: RequestOf<'history.redo'>) => Promise<HistoryState>;
  /** writes IPTC/XMP sidecars (never touching originals), merging into one already there; returns the files written */
  'xmp.write': (req: RequestOf<'xmp.write'>) => Promise<{ written: string[]; refused: XmpRefusal[] }>;

  'campaign.get': (req: RequestOf<'campaign.get'>) => Promise<Campaign>;
  'campaign.update': (req: RequestOf<'campaign.update'>) => Promise<Campaign>;
  'templates.list': (req: RequestOf<'templates.list'>) => Promise<GiftTemplate[]>;
  /** frame textures available to templates (files in assets/frames) */
  'templates.textures': (req: RequestOf<'templates.textures'>) => Promise<string[]>;
  /** refuses unknown caption variables, unknown sizes and a mat that leaves no room */
  'templates.save': (req: RequestOf<'templates.save'>) => Promise<GiftTemplate>;
  'gifts.list': (req: RequestOf<'gifts.list'>) => Promise<GiftView[]>;
  'gifts.choosePhoto': (req: RequestOf<'gifts.choosePhoto'>) => Promise<GiftView>;
  'gifts.setCrop': (req: RequestOf<'gifts.setCrop'>) => Promise<GiftView>;
  'gifts.setHandOver': (req: RequestOf<'gifts.setHandOver'>) => Promise<GiftView>;
  /** marks the given gifts 已印制 (those not already printed), as one step of the history */
  'gifts.markPrinted': (req: RequestOf<'gifts.markPrinted'>) => Promise<{ marked: number }>;
  /** the sheet rendered by the export pipeline at screen resolution; shown through the media route (kind "sheet") */
  'gifts.preview': (req: RequestOf<'gifts.preview'>) => Promise<SheetPreview>;
  /** creates or refreshes an exhibition by auto-fill; photos left out are listed with the reason */
  'exhibitions.plan': (req: RequestOf<'exhibitions.plan'>) => Promise<ExhibitionPlan>;
  'exhibitions.list': (req: RequestOf<'exhibitions.list'>) => Promise<Exhibition[]>;
  /** photos with a worker not yet asked, confirmed by the user for the wall (placed at the next auto-fill) */
  'exhibitions.confirm': (req: RequestOf<'exhibitions.confirm'>) => Promise<Exhibition>;
  'exhibitions.get': (req: RequestOf<'exhibitions.get'>) => Promise<Exhibition>;
  'exhibitions.export': (req: RequestOf<'exhibitions.export'>) => Promise<ExhibitionExportResult>;
  'exhibitions.exportStart': (req: RequestOf<'exhibitions.exportStart'>) => Promise<{ jobId: string }>;
  'exhibitions.exportStatus': (req: RequestOf<'exhibitions.exportStatus'>) => Promise<JobView<ExhibitionExportResult>>;
  'exhibitions.exportCancel': (req: RequestOf<'exhibitions.exportCancel'>) => Promise<JobView<ExhibitionExportResult>>;
  'exhibitions.update': (req: RequestOf<'exhibitions.update'>) => Promise<Exhibition>;
  'gallery.check': (req: RequestOf<'gallery.check'>) => Promise<GalleryCheck>;
  'gallery.export': (req: RequestOf<'gallery.export'>) => Promise<GalleryResult>;
  'find.worker': (req: RequestOf<'find.worker'>) => Promise<FoundWorker[]>;
  /** the kiosk's wall label for a photo it lists (consent checked when asked) */
  'find.label': (req: RequestOf<'find.label'>) => Promise<LabelPreview>;
  'find.kiosk': (req: RequestOf<'find.kiosk'>) => Promise<{ title: string; subtitle: string; companies: { name: string; workers: FoundWorker[] }[] }>;
  'labels.templates': (req: RequestOf<'labels.templates'>) => Promise<LabelTemplate[]>;
  'labels.saveTemplate': (req: RequestOf<'labels.saveTemplate'>) => Promise<LabelTemplate>;
  'exhibitions.leftOff': (req: RequestOf<'exhibitions.leftOff'>) => Promise<Pick<ExhibitionPlan, 'excluded' | 'toAsk'>>;
  'exhibitions.move': (req: RequestOf<'exhibitions.move'>) => Promise<Exhibition>;
  'exhibitions.setLarge': (req: RequestOf<'exhibitions.setLarge'>) => Promise<Exhibition>;
  'exhibitions.remove': (req: RequestOf<'exhibitions.remove'>) => Promise<Exhibition>;
  'exhibitions.restore': (req: RequestOf<'exhibitions.restore'>) => Promise<Exhibition>;
  'exhibitions.labelPreview': (req: RequestOf<'exhibitions.labelPreview'>) => Promise<LabelPreview>;
  'faces.detectStart': (req: RequestOf<'faces.detectStart'>) => Promise<{ jobId: string }>;
  'faces.detectStatus': (req: RequestOf<'faces.detectStatus'>) => Promise<JobView<FaceDetectResult>>;
  'faces.detectCancel': (req: RequestOf<'faces.detectCancel'>) => Promise<JobView<FaceDetectResult>>;
  'faces.detectCurrent': (req: RequestOf<'faces.detectCurrent'>) => Promise<JobView<FaceDetectResult> | null>;
  'faces.list': (req: RequestOf<'faces.list'>) => Promise<FaceView[]>;
  'faces.people': (req: RequestOf<'faces.people'>) => Promise<PeopleOverview>;
  'faces.forWorker': (req: RequestOf<'faces.forWorker'>) => Promise<WorkerFaces>;
  'faces.assign': (req: RequestOf<'faces.assign'>) => Promise<FaceView[]>;
  'faces.reject': (req: RequestOf<'faces.reject'>) => Promise<FaceView[]>;
  'faces.setState': (req: RequestOf<'faces.setState'>) => Promise<FaceView[]>;
  'faces.setSuggestions': (req: RequestOf<'faces.setSuggestions'>) => Promise<Worker>;
  'export.start': (req: RequestOf<'export.start'>) => Promise<{ jobId: string }>;
  'export.cancel': (req: RequestOf<'export.cancel'>) => Promise<ExportJobView>;
  'export.status': (req: RequestOf<'export.status'>) => Promise<ExportJobView>;
  /**
   * Every long task is a job: `{kind, …its request}` starts one (a refusal comes at once, by name); its progress
   * and end come as `job.progress` and `job.finished`, or through status. The per-kind methods above (import.start,
   * export.start, exhibitions.exportStart, faces.detectStart and their status/cancel) are aliases kept for one version.
   */
  'jobs.start': (req: RequestOf<'jobs.start'>) => Promise<{ jobId: string }>;
  'jobs.status': (req: RequestOf<'jobs.status'>) => Promise<JobView>;
  'jobs.cancel': (req: RequestOf<'jobs.cancel'>) => Promise<JobView>;
  /** the jobs of this process, newest first (running, and the last ones ended): the job tray */
  'jobs.list': (req: RequestOf<'jobs.list'>) => Promise<JobView[]>;
}

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

export type ApiMethod = keyof AppApi;

/** What the exhibition kiosk's read-only token may call: finding a worker and showing a photo's label, nothing else. */
export const KIOSK_METHODS: readonly string[] = ['app.info', 'find.worker', 'find.kiosk', 'find.label'];
export type ApiRequest<K extends ApiMethod> = Parameters<AppApi[K]>[0];
export type ApiResponse<K extends ApiMethod> = Awaited<ReturnType<AppApi[K]>>;

/**
 * The runtime allowlist shared by the preload, the IPC layer and the HTTP host. A plain list (no zod) so the
 * sandboxed preload bundle stays tiny; schemas.ts is checked against it at compile time.
 */
export const API_METHODS = [
  'app.info',
  'projects.create', 'projects.open', 'projects.openDemo', 'projects.recent', 'projects.current', 'projects.close',
  'photos.list', 'photos.get', 'photos.full', 'photos.facets', 'photos.setRating', 'photos.setFlag',
  'import.start', 'import.cancel', 'import.status', 'import.defaults',
  'folders.browse', 'folders.choose', 'dialogs.pickPaths',
  'companies.list', 'companies.create', 'companies.update', 'companies.delete',
  'photographers.list', 'photographers.update',
  'workers.list', 'workers.create', 'workers.update', 'workers.delete',
  'roster.preview', 'roster.apply',
  'photos.tag', 'photos.untag', 'photos.setRegion', 'photos.update', 'photos.usage',
  'history.list', 'history.undo', 'history.redo',
  'xmp.write',
  'campaign.get', 'campaign.update', 'templates.list', 'templates.textures', 'templates.save',
  'gifts.list', 'gifts.choosePhoto', 'gifts.setCrop', 'gifts.setHandOver', 'gifts.markPrinted', 'gifts.preview',
  'exhibitions.plan', 'exhibitions.list', 'exhibitions.get', 'exhibitions.confirm', 'exhibitions.export', 'exhibitions.exportStart', 'exhibitions.exportStatus', 'exhibitions.exportCancel', 'exhibitions.update', 'exhibitions.leftOff', 'exhibitions.move', 'exhibitions.setLarge', 'exhibitions.remove', 'exhibitions.restore', 'exhibitions.labelPreview', 'labels.templates', 'labels.saveTemplate', 'find.worker', 'find.kiosk', 'find.label', 'gallery.export', 'gallery.check',
  'faces.detectStart', 'faces.detectStatus', 'faces.detectCancel', 'faces.detectCurrent', 'faces.list', 'faces.people', 'faces.forWorker', 'faces.assign', 'faces.reject', 'faces.setState', 'faces.setSuggestions',
  'export.start', 'export.cancel', 'export.status',
  'jobs.start', 'jobs.status', 'jobs.cancel', 'jobs.list',
] as const satisfies readonly ApiMethod[];

// Compile-time proof that the list names every method of AppApi.
type Unlisted = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
const _listCoversApi: Unlisted extends never ? true : never = true;
void _listCoversApi;

/**
 * What each call does. Reads are allowed on a read-only project (another process is writing it) and, later, for
 * the read-only kiosk; edits are refused there; session calls open, close and choose places.
 */
/**
 * read: answers from the catalog; edit: changes the catalog (refused in a read-only view, committed before it is
 * answered); export: writes files from what the catalog holds, so it works on a read-only view (another window
 * may be editing), yet is no call for a read-only token; session: opens, closes, chooses places.
 */
export type MethodKind = 'read' | 'edit' | 'export' | 'session';
export const METHOD_KINDS: Record<ApiMethod, MethodKind> = {
  'app.info': 'session',
  'projects.create': 'session', 'projects.open': 'session', 'projects.openDemo': 'session', 'projects.recent': 'read', 'projects.current': 'read', 'projects.close': 'session',
  'photos.list': 'read', 'photos.get': 'read', 'photos.full': 'read', 'photos.facets': 'read', 'photos.setRating': 'edit', 'photos.setFlag': 'edit',
  'import.start': 'edit', 'import.cancel': 'edit', 'import.status': 'read', 'import.defaults': 'read',
  'folders.browse': 'session', 'folders.choose': 'session', 'dialogs.pickPaths': 'session',
  'companies.list': 'read', 'companies.create': 'edit', 'companies.update': 'edit', 'companies.delete': 'edit',
  'photographers.list': 'read', 'photographers.update': 'edit',
  'workers.list': 'read', 'workers.create': 'edit', 'workers.update': 'edit', 'workers.delete': 'edit',
  'roster.preview': 'read', 'roster.apply': 'edit',
  'photos.tag': 'edit', 'photos.untag': 'edit', 'photos.setRegion': 'edit', 'photos.update': 'edit', 'photos.usage': 'read',
  'history.list': 'read', 'history.undo': 'edit', 'history.redo': 'edit',
  'xmp.write': 'export',
  'campaign.get': 'read', 'campaign.update': 'edit', 'templates.list': 'read', 'templates.textures': 'read', 'templates.save': 'edit',
  'gifts.list': 'read', 'gifts.choosePhoto': 'edit', 'gifts.setCrop': 'edit', 'gifts.setHandOver': 'edit', 'gifts.markPrinted': 'edit', 'gifts.preview': 'read',
  'exhibitions.plan': 'edit', 'exhibitions.list': 'read', 'exhibitions.get': 'read', 'exhibitions.confirm': 'edit', 'exhibitions.export': 'export', 'exhibitions.exportStart': 'export', 'exhibitions.exportStatus': 'read', 'exhibitions.exportCancel': 'export', 'exhibitions.update': 'edit', 'exhibitions.leftOff': 'read', 'exhibitions.move': 'edit', 'exhibitions.setLarge': 'edit', 'exhibitions.remove': 'edit', 'exhibitions.restore': 'edit', 'exhibitions.labelPreview': 'read', 'labels.templates': 'read', 'find.worker': 'read', 'find.kiosk': 'read', 'find.label': 'read', 'gallery.export': 'export', 'gallery.check': 'read', 'labels.saveTemplate': 'edit',
  'faces.detectStart': 'edit', 'faces.detectStatus': 'read', 'faces.detectCancel': 'edit', 'faces.detectCurrent': 'read', 'faces.list': 'read', 'faces.people': 'read', 'faces.forWorker': 'read', 'faces.assign': 'edit', 'faces.reject': 'edit', 'faces.setState': 'edit', 'faces.setSuggestions': 'edit',
  'export.start': 'export', 'export.cancel': 'export', 'export.status': 'read',
  // Starting a job may import (an edit) or export: each kind says which (JOB_KIND_METHOD_KINDS); the rest read.
  'jobs.start': 'export', 'jobs.status': 'read', 'jobs.cancel': 'export', 'jobs.list': 'read',
};

/** Whether a kind of job edits the catalog (refused in a read-only view) or only writes files from it. */
export const JOB_EDITS: Record<JobKind, boolean> = { import: true, faces: true, export: false, 'exhibition-export': false, 'gallery-export': false };

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}

/** Pushed from main to every window: how jobs go, and what changed in the catalog. */
export interface AppEvents {
  /** a job's progress: every kind the same shape (at most ten a second per job) */
  'job.progress': JobProgress;
  /** a job ended: its result, or its named failure */
  'job.finished': JobFinished;
  /** a photo was added or (re)rendered; the grid refreshes it */
  'photos.changed': { ids: string[]; jobId: string | null };
  /** companies, workers or the history changed: lists and the undo menu refresh */
  'catalog.changed': { history: boolean };
}
export type AppEventName = keyof AppEvents;
export const APP_EVENTS: AppEventName[] = ['job.progress', 'job.finished', 'photos.changed', 'catalog.changed'];
