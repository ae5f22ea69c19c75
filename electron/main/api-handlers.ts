import path from 'node:path';
import { API_METHODS, JOB_EDITS, METHOD_KINDS, type AppApi, type HostKind, type JobRequests, type JobResults } from '../../shared/api/contract';
import type { ExhibitionExportResult } from '../../shared/model/exhibition';
import type { FaceDetectResult } from '../../shared/model/face';
import type { JobKind, JobView } from '../../shared/model/job';
import type { Services } from './container';
import { TrustingGuard, type PathGuard } from './services/access.service';
import { APP_VERSION } from './version';

/**
 * Implements the AppApi by calling one service per method. No Electron here: HTTP, IPC and CLI share it.
 * Paths from a window pass the access guard (only places the user chose); the CLI's are its user's own.
 */
export function createHandlers(s: Services, host: HostKind) {
  const guard: PathGuard = host === 'cli' ? new TrustingGuard() : s.access;
  const checkAll = (paths: string[], purpose: Parameters<PathGuard['check']>[1]) => Promise.all(paths.map((p) => guard.check(p, purpose)));
  /** A logo given as an absolute path must be a chosen place; a project-relative one stays inside the project. */
  const checkLogo = async <T extends string | null | undefined>(logo: T): Promise<T> => (logo && path.isAbsolute(logo) ? ((await guard.check(logo, 'image')) as T) : logo);
  const checkTemplate = async <T extends { logo: { path: string } | null }>(t: T): Promise<T> => (t.logo ? { ...t, logo: { ...t.logo, path: await checkLogo(t.logo.path) } } : t);
  /** Each kind of job's request with its paths checked (only places the user chose, from a window). */
  const jobInputs: { [K in JobKind]: (req: JobRequests[K]) => Promise<JobRequests[K]> } = {
    import: async (r) => ({ ...r, paths: await checkAll(r.paths, 'import') }),
    export: async (r) => ({ ...r, outDir: r.outDir && (await guard.check(r.outDir, 'export')), icc: r.icc && (await guard.check(r.icc, 'image')) }),
    'exhibition-export': async (r) => ({ ...r, outDir: r.outDir && (await guard.check(r.outDir, 'export')) }),
    'gallery-export': async (r) => ({ ...r, outDir: await guard.check(r.outDir, 'export') }),
    faces: async (r) => r,
  };
  /** The one way a long task starts, whichever method asked: a job that edits the catalog needs it writable. */
  const startJob = async <K extends JobKind>(kind: K, req: JobRequests[K]) => {
    if (JOB_EDITS[kind]) s.session.current?.assertWritable();
    return s.jobs.start(kind, await jobInputs[kind](req));
  };
  /** A job started and waited for (the awaited methods kept from before jobs: exhibitions.export, gallery.export). */
  const runJob = async <K extends JobKind>(kind: K, req: JobRequests[K]): Promise<JobResults[K]> => s.jobs.done((await startJob(kind, req)).jobId);
  const handlers = {
    'app.info': async () => ({ version: APP_VERSION, host, platform: process.platform }),
    'projects.create': async (req) => s.projects.create(await guard.check(req.dir, 'project'), req.name),
    'projects.open': async (req) => s.projects.open(await guard.check(req.dir, 'project'), { toRead: req.toRead }),
    'projects.openDemo': async () => s.demo.open(),
    'projects.recent': async () => s.projects.recent(),
    'projects.current': async () => s.projects.current(),
    'projects.close': async () => {
      await s.projects.close();
      return null;
    },
    'photos.list': async (req) => s.photos.list(req.filter, req.sort),
    'photos.full': async (req) => s.photos.full(req.id),
    'photos.get': async (req) => s.photos.get(req.id),
    'photos.facets': async () => s.photos.facets(),
    'photos.setRating': async (req) => s.photos.setRating(req.ids, req.rating),
    'photos.setFlag': async (req) => s.photos.setFlag(req.ids, req.flag),
    'import.start': async (req) => startJob('import', req),
    'import.cancel': async (req) => s.importer.cancel(req.jobId),
    'import.status': async (req) => s.importer.status(req.jobId),
    'import.defaults': async (req) => s.importer.defaults(await checkAll(req.paths, 'import')),
    'folders.browse': async (req) => s.folders.browse(req.path, req.show),
    'folders.choose': async (req) => guard.grant(req.paths, req.purpose),
    'dialogs.pickPaths': async (req) => {
      const picked = await s.dialogs.pickPaths(req.mode, req.title, req.filter);
      return picked && guard.grant(picked, 'import'); // what it is used for is checked when it is used
    },
    'companies.list': async () => s.roster.companies(),
    'companies.create': async (req) => s.roster.createCompany({ ...req, logo: await checkLogo(req.logo) }),
    'companies.update': async (req) => s.roster.updateCompany(req.id, { ...req.patch, logo: await checkLogo(req.patch.logo) }),
    'companies.delete': async (req) => {
      s.roster.deleteCompany(req.id);
      return null;
    },
    'photographers.list': async () => s.roster.photographers(),
    'photographers.update': async (req) => s.roster.updatePhotographer(req.id, req.patch),
    'workers.list': async (req) => s.roster.workers(req.query, req.limit),
    'workers.create': async (req) => s.roster.createWorker(req),
    'workers.update': async (req) => s.roster.updateWorker(req.id, req.patch),
    'workers.delete': async (req) => {
      s.roster.deleteWorker(req.id);
      return null;
    },
    'roster.preview': async (req) => s.roster.previewFile(await guard.check(req.file, 'spreadsheet'), req.mapping, req.createCompanies, req.headerRow),
    'roster.apply': async (req) => s.roster.applyFile(await guard.check(req.file, 'spreadsheet'), req.mapping, req.createCompanies, req.headerRow),
    'photos.tag': async (req) => s.tagging.tag(req.ids, req.worker, req.region, req.company),
    'photos.untag': async (req) => s.tagging.untag(req.ids, req.workerId),
    'photos.setRegion': async (req) => s.tagging.setRegion(req.id, req.workerId, req.region),
    'photos.update': async (req) => s.tagging.update(req.ids, req.patch),
    'photos.usage': async (req) => s.tagging.usage(req.id),
    'history.list': async () => s.history.state(),
    'history.undo': async () => s.history.undo(),
    'history.redo': async () => s.history.redo(),
    'xmp.write': async (req) => s.xmp.write(req.ids, req.outDir && (await guard.check(req.outDir, 'export'))),
    'campaign.get': async () => s.gifts.campaign(),
    'campaign.update': async (req) => s.gifts.setCampaign(req),
    'templates.list': async () => s.gifts.templates(),
    'templates.textures': async () => s.gifts.frameTextures(),
    'templates.save': async (req) => s.gifts.saveTemplate(await checkTemplate(req.template)),
    'gifts.list': async (req) => s.gifts.list(req),
    'gifts.choosePhoto': async (req) => s.gifts.choosePhoto(req.workerId, req.photoId),
    'gifts.setCrop': async (req) => s.gifts.setCrop(req.workerId, req.crop),
    'gifts.setHandOver': async (req) => s.gifts.setHandOver(req.workerId, req.patch),
    'gifts.markPrinted': async (req) => s.gifts.markPrinted(req.workerIds),
    'exhibitions.plan': async ({ id, ...opts }) => s.exhibitions.plan(opts, id),
    'exhibitions.list': async () => s.exhibitions.list(),
    'exhibitions.get': async (req) => s.exhibitions.get(req.id),
    'exhibitions.confirm': async (req) => s.exhibitions.confirm(req.photoIds, req.id),
    'exhibitions.update': async ({ id, logos, ...patch }) => s.exhibitions.update({ ...patch, ...(logos ? { logos: await Promise.all(logos.map((l) => checkLogo(l))) } : {}) }, id),
    'exhibitions.leftOff': async (req) => s.exhibitions.leftOff(req.id),
    'exhibitions.move': async (req) => s.exhibitions.move(req.photoId, req.toBoardId, req.beforePhotoId, req.id),
    'exhibitions.setLarge': async (req) => s.exhibitions.setLarge(req.photoId, req.large, req.id),
    'exhibitions.remove': async (req) => s.exhibitions.remove(req.photoId, req.id),
    'exhibitions.restore': async (req) => s.exhibitions.restore(req.photoId, req.id),
    'exhibitions.labelPreview': async (req) => s.exhibitionExport.labelPreview(req.photoId, req.template ? s.labels.check(req.template) : req.templateId, req.id),
    'labels.templates': async () => s.labels.list(),
    'gallery.check': async (req) => s.gallery.check(req.exhibitionId),
    'gallery.export': async (req) => runJob('gallery-export', req),
    'find.worker': async (req) => s.find.find(req.query, req.exhibitionId),
    'find.kiosk': async (req) => s.find.kiosk(req.exhibitionId),
    'find.label': async (req) => s.find.label(req.photoId, req.exhibitionId),
    'labels.saveTemplate': async (req) => s.labels.save(req.template),
    'exhibitions.export': async (req) => runJob('exhibition-export', req),
    'exhibitions.exportStart': async (req) => startJob('exhibition-export', req),
    'exhibitions.exportStatus': async (req) => s.jobs.status<ExhibitionExportResult>(req.jobId),
    'exhibitions.exportCancel': async (req) => s.jobs.cancel(req.jobId) as JobView<ExhibitionExportResult>,
    'gifts.preview': async (req) => s.gifts.preview(req.workerId, req.template ? { ...(await checkTemplate(req.template)), id: req.template.id ?? 'draft', builtIn: false } : (req.templateId ?? 'simple-white-10'), req.size),
    'faces.detectStart': async (req) => startJob('faces', req),
    'faces.detectStatus': async (req) => s.jobs.status<FaceDetectResult>(req.jobId),
    'faces.detectCancel': async (req) => s.jobs.cancel(req.jobId) as JobView<FaceDetectResult>,
    'faces.detectCurrent': async () => s.faceJob.current() as JobView<FaceDetectResult> | null,
    'faces.list': async (req) => s.faces.list(req),
    'faces.people': async () => s.faces.people(),
    'faces.forWorker': async (req) => s.faces.forWorker(req.workerId),
    'faces.assign': async (req) => s.faces.assign(req.faceIds, req.workerId),
    'faces.reject': async (req) => s.faces.reject(req.faceIds, req.workerId),
    'faces.setState': async (req) => s.faces.setState(req.faceIds, req.state),
    'faces.setSuggestions': async (req) => s.faces.setSuggestions(req.workerId, req.on),
    'export.start': async (req) => startJob('export', req),
    'export.cancel': async (req) => s.exporter.cancel(req.jobId),
    'export.status': async (req) => s.exporter.status(req.jobId),
    'jobs.start': async ({ kind, ...req }) => startJob(kind, req as never),
    'jobs.status': async (req) => s.jobs.status(req.jobId),
    'jobs.cancel': async (req) => s.jobs.cancel(req.jobId),
    'jobs.list': async () => s.jobs.list(),
  } satisfies AppApi;
  return editsAsUnits(handlers, () => s.session.current);
}

/**
 * Every edit call first asks whether the open project may be written (another process may hold it): the refusal
 * comes before any service touches a live record, so a read-only view never drifts from the file. After the
 * edit, and before it is answered, what it changed is committed (synced to the journal): an answered edit is
 * never lost to a kill or a power cut, and one that could not be saved is answered with the reason.
 */
function editsAsUnits<H extends AppApi>(handlers: H, catalog: () => { assertWritable(): void; commit(): Promise<void> } | null): H {
  const out = { ...handlers } as Record<string, unknown>;
  for (const m of API_METHODS)
    if (METHOD_KINDS[m] === 'edit' || METHOD_KINDS[m] === 'export') {
      const handler = handlers[m] as (req: unknown) => Promise<unknown>;
      const edits = METHOD_KINDS[m] === 'edit';
      out[m] = async (req: unknown) => {
        // An export only reads the catalog: it runs on a read-only view too (and commits what it noted, if it may).
        if (edits) catalog()?.assertWritable();
        try {
          return await handler(req);
        } finally {
          // A read-only view has nothing to commit; a project opened by the call commits on its own.
          await catalog()?.commit();
        }
      };
    }
  return out as H;
}
