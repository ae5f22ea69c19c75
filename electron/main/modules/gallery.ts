import type { galleryMethods } from '../../../shared/api/methods/gallery';
import type { HandlerContext, Handlers } from './handler-context';

/** The web gallery: what it would publish, and writing it. Each method of the contract answered by its service. */
export function galleryHandlers({ s, runJob }: HandlerContext): Handlers<typeof galleryMethods> {
  return {
    'gallery.check': async (req) => s.gallery.check(req.exhibitionId),
    'gallery.export': async (req) => runJob('gallery-export', req),
  };
}
