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
    'folders.browse': async (req) => s.folders.browse(req.path),
    'dialogs.pickPaths': async (req) => s.dialogs.pickPaths(req.mode, req.title),
  } satisfies AppApi;
}
