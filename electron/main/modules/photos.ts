import type { photosMethods } from '../../../shared/api/methods/photos';
import type { HandlerContext, Handlers } from './handler-context';

/** Photos: the library, culling, import, XMP sidecars. Each method of the contract answered by its service. */
export function photosHandlers({ s, guard, checkAll, startJob }: HandlerContext): Handlers<typeof photosMethods> {
  return {
    'photos.list': async (req) => s.photos.list(req.filter, req.sort),
    'photos.get': async (req) => s.photos.get(req.id),
    'photos.full': async (req) => s.photos.full(req.id),
    'photos.facets': async () => s.photos.facets(),
    'photos.setRating': async (req) => s.photos.setRating(req.ids, req.rating),
    'photos.setFlag': async (req) => s.photos.setFlag(req.ids, req.flag),
    'import.start': async (req) => startJob('import', req),
    'import.cancel': async (req) => s.importer.cancel(req.jobId),
    'import.status': async (req) => s.importer.status(req.jobId),
    'import.defaults': async (req) => s.importer.defaults(await checkAll(req.paths, 'import')),
    'photos.update': async (req) => s.tagging.update(req.ids, req.patch),
    'photos.usage': async (req) => s.tagging.usage(req.id),
    'xmp.write': async (req) => s.xmp.write(req.ids, req.outDir && (await guard.check(req.outDir, 'export'))),
  };
}
