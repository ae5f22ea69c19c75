import type { AppApi, HostKind } from '../../shared/api/contract';
import type { Services } from './container';
import { APP_VERSION } from './version';

/** Implements the AppApi by calling one service per method. No Electron here: HTTP, IPC and CLI share it. */
export function createHandlers(s: Services, host: HostKind) {
  return {
    'app.info': async () => ({ version: APP_VERSION, host, platform: process.platform }),
    'projects.create': async (req) => s.projects.create(req.dir, req.name),
    'projects.open': async (req) => s.projects.open(req.dir),
    'projects.openDemo': async () => s.demo.open(),
    'projects.recent': async () => s.projects.recent(),
    'projects.current': async () => s.projects.current(),
    'projects.close': async () => {
      await s.projects.close();
      return null;
    },
    'photos.list': async (req) => s.photos.list(req.filter),
    'photos.get': async (req) => s.photos.get(req.id),
    'photos.facets': async () => s.photos.facets(),
    'photos.setRating': async (req) => s.photos.setRating(req.ids, req.rating),
    'photos.setFlag': async (req) => s.photos.setFlag(req.ids, req.flag),
    'import.start': async (req) => s.importer.start(req),
    'import.cancel': async (req) => s.importer.cancel(req.jobId),
    'import.status': async (req) => s.importer.status(req.jobId),
    'import.defaults': async (req) => s.importer.defaults(req.paths),
    'folders.browse': async (req) => s.folders.browse(req.path, req.show),
    'dialogs.pickPaths': async (req) => s.dialogs.pickPaths(req.mode, req.title, req.filter),
    'companies.list': async () => s.roster.companies(),
    'companies.create': async (req) => s.roster.createCompany(req),
    'companies.update': async (req) => s.roster.updateCompany(req.id, req.patch),
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
    'roster.preview': async (req) => s.roster.previewFile(req.file, req.mapping, req.createCompanies),
    'roster.apply': async (req) => s.roster.applyFile(req.file, req.mapping, req.createCompanies),
    'photos.tag': async (req) => s.tagging.tag(req.ids, req.worker, req.region),
    'photos.untag': async (req) => s.tagging.untag(req.ids, req.workerId),
    'photos.setRegion': async (req) => s.tagging.setRegion(req.id, req.workerId, req.region),
    'photos.update': async (req) => s.tagging.update(req.ids, req.patch),
    'photos.usage': async (req) => s.tagging.usage(req.id),
    'history.list': async () => s.history.state(),
    'history.undo': async () => s.history.undo(),
    'history.redo': async () => s.history.redo(),
    'xmp.write': async (req) => s.xmp.write(req.ids, req.outDir),
    'campaign.get': async () => s.gifts.campaign(),
    'campaign.update': async (req) => s.gifts.setCampaign(req),
    'templates.list': async () => s.gifts.templates(),
    'templates.textures': async () => s.gifts.frameTextures(),
    'templates.save': async (req) => s.gifts.saveTemplate(req.template),
    'gifts.list': async () => s.gifts.list(),
    'gifts.choosePhoto': async (req) => s.gifts.choosePhoto(req.workerId, req.photoId),
    'gifts.setCrop': async (req) => s.gifts.setCrop(req.workerId, req.crop),
    'gifts.setHandOver': async (req) => s.gifts.setHandOver(req.workerId, req.patch),
    'gifts.preview': async (req) => s.gifts.preview(req.workerId, req.template ? { ...req.template, id: req.template.id ?? 'draft', builtIn: false } : (req.templateId ?? 'simple-white-10'), req.size),
    'export.start': async (req) => s.exporter.start(req),
    'export.cancel': async (req) => s.exporter.cancel(req.jobId),
    'export.status': async (req) => s.exporter.status(req.jobId),
  } satisfies AppApi;
}
