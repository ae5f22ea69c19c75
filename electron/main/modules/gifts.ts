import type { giftsMethods } from '../../../shared/api/methods/gifts';
import type { HandlerContext, Handlers } from './handler-context';

/** Gifts: templates, one framed sheet per worker, their preview and export. Each method of the contract answered by its service. */
export function giftsHandlers({ s, checkTemplate, startJob }: HandlerContext): Handlers<typeof giftsMethods> {
  return {
    'templates.list': async () => s.gifts.templates(),
    'templates.textures': async () => s.gifts.frameTextures(),
    'templates.save': async (req) => s.gifts.saveTemplate(await checkTemplate(req.template)),
    'gifts.list': async (req) => s.gifts.list(req),
    'gifts.choosePhoto': async (req) => s.gifts.choosePhoto(req.workerId, req.photoId),
    'gifts.setCrop': async (req) => s.gifts.setCrop(req.workerId, req.crop),
    'gifts.setHandOver': async (req) => s.gifts.setHandOver(req.workerId, req.patch),
    'gifts.markPrinted': async (req) => s.gifts.markPrinted(req.workerIds),
    'gifts.preview': async (req) =>
      s.gifts.preview(
        req.workerId,
        req.template
          ? { ...(await checkTemplate(req.template)), id: req.template.id ?? 'draft', builtIn: false }
          : (req.templateId ?? 'simple-white-10'),
        req.size,
      ),
    'export.start': async (req) => startJob('export', req),
    'export.cancel': async (req) => s.exporter.cancel(req.jobId),
    'export.status': async (req) => s.exporter.status(req.jobId),
  };
}
