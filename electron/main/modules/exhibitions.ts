import type { exhibitionsMethods } from '../../../shared/api/methods/exhibitions';
import type { ExhibitionExportResult } from '../../../shared/model/exhibition';
import type { JobView } from '../../../shared/model/job';
import type { HandlerContext, Handlers } from './handler-context';

/** The exhibition: boards, wall labels, the kiosk’s finding, and its print products. Each method of the contract answered by its service. */
export function exhibitionsHandlers({
  s,
  checkLogo,
  startJob,
  runJob,
}: HandlerContext): Handlers<typeof exhibitionsMethods> {
  return {
    'exhibitions.plan': async ({ id, ...opts }) => s.exhibitions.plan(opts, id),
    'exhibitions.list': async () => s.exhibitions.list(),
    'exhibitions.confirm': async (req) => s.exhibitions.confirm(req.photoIds, req.id),
    'exhibitions.get': async (req) => s.exhibitions.get(req.id),
    'exhibitions.export': async (req) => runJob('exhibition-export', req),
    'exhibitions.exportStart': async (req) => startJob('exhibition-export', req),
    'exhibitions.exportStatus': async (req) => s.jobs.status<ExhibitionExportResult>(req.jobId),
    'exhibitions.exportCancel': async (req) => s.jobs.cancel(req.jobId) as JobView<ExhibitionExportResult>,
    'exhibitions.update': async ({ id, logos, ...patch }) =>
      s.exhibitions.update(
        { ...patch, ...(logos ? { logos: await Promise.all(logos.map((l) => checkLogo(l))) } : {}) },
        id,
      ),
    'find.worker': async (req) => s.find.find(req.query, req.exhibitionId),
    'find.label': async (req) => s.find.label(req.photoId, req.exhibitionId),
    'find.kiosk': async (req) => s.find.kiosk(req.exhibitionId),
    'labels.templates': async () => s.labels.list(),
    'labels.saveTemplate': async (req) => s.labels.save(req.template),
    'exhibitions.leftOff': async (req) => s.exhibitions.leftOff(req.id),
    'exhibitions.move': async (req) => s.exhibitions.move(req.photoId, req.toBoardId, req.beforePhotoId, req.id),
    'exhibitions.setLarge': async (req) => s.exhibitions.setLarge(req.photoId, req.large, req.id),
    'exhibitions.remove': async (req) => s.exhibitions.remove(req.photoId, req.id),
    'exhibitions.restore': async (req) => s.exhibitions.restore(req.photoId, req.id),
    'exhibitions.labelPreview': async (req) =>
      s.exhibitionExport.labelPreview(
        req.photoId,
        req.template ? s.labels.check(req.template) : req.templateId,
        req.id,
      ),
  };
}
