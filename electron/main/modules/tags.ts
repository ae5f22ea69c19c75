import type { tagsMethods } from '../../../shared/api/methods/tags';
import type { HandlerContext, Handlers } from './handler-context';

/** Tags: who is in a photo, and where. Each method of the contract answered by its service. */
export function tagsHandlers({ s }: HandlerContext): Handlers<typeof tagsMethods> {
  return {
    'photos.tag': async (req) => s.tagging.tag(req.ids, req.worker, req.region, req.company),
    'photos.untag': async (req) => s.tagging.untag(req.ids, req.workerId),
    'photos.setRegion': async (req) => s.tagging.setRegion(req.id, req.workerId, req.region),
  };
}
