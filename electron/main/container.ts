import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EventBus } from './events';
import { NoDialogRepository, type DialogRepository } from './repositories/dialog.repository';
import { createLogger } from './logger';
import { ImageRepository } from './repositories/image.repository';
import { MetadataRepository } from './repositories/metadata.repository';
import { RawRepository } from './repositories/raw.repository';
import { SettingsRepository } from './repositories/settings.repository';
import { SpreadsheetRepository } from './repositories/spreadsheet.repository';
import { StorageRepository } from './repositories/storage.repository';
import { AccessService } from './services/access.service';
import { DemoService } from './services/demo.service';
import { FolderService } from './services/folder.service';
import { ImportService } from './services/import.service';
import { PhotoService } from './services/photo.service';
import { ProjectService } from './services/project.service';
import { ProjectSession } from './services/project-session';
import { HistoryService } from './services/history.service';
import { RosterService } from './services/roster.service';
import { TaggingService } from './services/tagging.service';
import { XmpService } from './services/xmp.service';
import { ExhibitionService } from './services/exhibition.service';
import { ExhibitionExportService } from './services/exhibition-export.service';
import { LabelTemplateService } from './services/label-template.service';
import { FindService } from './services/find.service';
import { OutputPlaces } from './services/output-place';
import { GalleryService } from './services/gallery.service';
import { FaceService } from './services/face.service';
import { FaceJobService } from './services/face-job.service';
import { FaceDetectorRepository, faceDetectorScript } from './repositories/face-detector';
import type { LaunchHelper } from './repositories/face-detector/helper-process';
import { subsetFace } from './repositories/fonts';
import { TypesetterRepository } from './repositories/typesetter';
import { ExportService } from './services/export.service';
import { JobService } from './services/jobs.service';
import { GiftService } from './services/gift.service';
import { CampaignService } from './services/campaign.service';
import { CaptionValuesService } from './services/caption-values.service';
import { PhotoSources } from './services/photo-source.service';
import { PdfRepository } from './repositories/pdf.repository';
import { ProjectLockRepository } from './repositories/project-lock.repository';
import { SheetRepository } from './repositories/sheet.repository';
import type { MediaKind } from '../../shared/model/photo';

export interface ContainerOptions {
  /** per-user settings and the demo project; defaults to ~/.config/chasing-light */
  home?: string;
  /** the repo's assets folder */
  assetsDir?: string;
  concurrency?: number;
  /** the native chooser (Electron); elsewhere a stand-in that says there is none */
  dialogs?: DialogRepository;
  /** helper processes for the face job (default: one per core, at most two) */
  faceProcesses?: number;
  /** the face-api model folder (default: the one its package ships) */
  faceModels?: string;
  /** how face helpers start (default: a Node child process; the desktop app: Electron's utility process) */
  launchHelper?: LaunchHelper;
  /** what this process is, as a second writer is told ("Electron", "chasing-light serve" …) */
  holder?: string;
}

/** The repo root, found from this file whether it runs from source (tsx) or from the built out/ folder. */
export function repoRoot(): string {
  // electron/main/*.ts from source and out/main/*.js when built: both sit two levels below the root.
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
}

/** The composition root: the only place that wires repositories into services. */
export function createServices(opts: ContainerOptions = {}) {
  const settings = new SettingsRepository(opts.home);
  const storage = new StorageRepository();
  const metadata = new MetadataRepository();
  const image = new ImageRepository();
  const raw = new RawRepository();
  const events = new EventBus();
  // The one job service: every long task runs here, on one worker pool whose lanes follow the cores.
  const jobs = new JobService({ events, logger: createLogger('Jobs'), concurrency: opts.concurrency });
  const session = new ProjectSession();
  const locks = new ProjectLockRepository(opts.holder ?? `chasing-light ${process.argv[2] ?? ''}`.trim());
  const projects = new ProjectService({
    session,
    events,
    settings,
    storage,
    locks,
    logger: createLogger('ProjectService'),
  });
  const access = new AccessService({ session, recentDirs: async () => (await settings.recent()).map((r) => r.dir) });
  const history = new HistoryService({ session, events });
  const roster = new RosterService({ session, history, spreadsheets: new SpreadsheetRepository() });
  const tagging = new TaggingService({ session, history, roster });
  const places = new OutputPlaces({ session, storage });
  const xmp = new XmpService({ session, storage, places });
  const type = new TypesetterRepository();
  const sheets = new SheetRepository(type);
  const assetsDir = opts.assetsDir ?? path.join(repoRoot(), 'assets');
  const detector = new FaceDetectorRepository({
    script: faceDetectorScript(repoRoot()),
    processes: opts.faceProcesses,
    modelDir: opts.faceModels,
    launch: opts.launchHelper,
  });
  const faceJob = new FaceJobService({ session, events, storage, detector, jobs });
  const faces = new FaceService({ session, history, roster });
  // What a gift, a label, the catalogue and the gallery share: the campaign, a photo's source, a caption's words.
  const campaign = new CampaignService({ session });
  const sources = new PhotoSources({ session, faceFocus: (photoId, workerId) => faces.focusOf(photoId, workerId) });
  const captions = new CaptionValuesService({ session, campaign });
  const gifts = new GiftService({
    session,
    history,
    sheets,
    type,
    storage,
    framesDir: path.join(assetsDir, 'frames'),
    sources,
    captions,
  });
  const exhibitions = new ExhibitionService({ session, history, campaign });
  const pdf = new PdfRepository();
  const labels = new LabelTemplateService({ session, history });
  const find = new FindService({
    session,
    labelPreview: (photoId, exhibitionId) => exhibitionExport.labelPreview(photoId, undefined, exhibitionId),
  });
  const exhibitionExport = new ExhibitionExportService({
    session,
    jobs,
    labels,
    exhibitions,
    sources,
    captions,
    campaign,
    sheets,
    pdf,
    type,
    storage,
    places,
    logger: createLogger('ExhibitionExport'),
  });
  const gallery = new GalleryService({
    fonts: (family, weight, chars) => subsetFace(family, weight, chars, 'woff2'),
    session,
    exhibitions,
    campaign,
    sources,
    captions,
    sheets,
    storage,
    places,
    jobs,
    assetsDir: path.join(assetsDir, 'gallery'),
  });
  const exporter = new ExportService({
    session,
    defaultCmykProfile: path.join(assetsDir, 'icc', 'FOGRA39-coated.icc'),
    gifts,
    sheets,
    pdf,
    type,
    storage,
    places,
    jobs,
    logger: createLogger('ExportService'),
  });
  /** What the media route serves: photo caches by photo id, sheet previews by their hash, face crops by face id. */
  const mediaFile = (id: string, kind: MediaKind) =>
    kind === 'sheet'
      ? session.current
        ? sources.sheetPreviewFile(id)
        : undefined
      : kind === 'face'
        ? faces.cropFile(id)
        : photos.mediaFile(id, kind);
  const importer = new ImportService({
    session,
    storage,
    metadata,
    image,
    raw,
    events,
    roster,
    jobs,
    logger: createLogger('ImportService'),
  });
  const photos = new PhotoService({ session, events, history, image, storage });
  const folders = new FolderService({ storage });
  const demo = new DemoService({
    projects,
    importer,
    roster,
    tagging,
    history,
    photos,
    storage,
    assetsDir: path.join(assetsDir, 'demo'),
    projectDir: path.join(settings.home, 'demo-project'),
  });
  const dialogs = opts.dialogs ?? new NoDialogRepository();
  /** Saves and lets go of the open project, and stops helper processes (ExifTool): before the process ends. */
  const close = async () => {
    try {
      await session.replace(null);
    } finally {
      await Promise.all([raw.close(), detector.close()]);
    }
  };
  return {
    events,
    jobs,
    session,
    campaign,
    sources,
    captions,
    access,
    projects,
    importer,
    photos,
    folders,
    demo,
    dialogs,
    history,
    roster,
    tagging,
    xmp,
    gifts,
    exporter,
    exhibitions,
    exhibitionExport,
    labels,
    find,
    gallery,
    faces,
    faceJob,
    mediaFile,
    close,
    logger: createLogger('api'),
  };
}

export type Services = ReturnType<typeof createServices>;
