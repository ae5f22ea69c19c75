import type { projectMethods } from '../../../shared/api/methods/project';
import { APP_VERSION } from '../version';
import type { HandlerContext, Handlers } from './handler-context';

/** The project: opening and closing it, places on disk, the campaign, the history of edits. Each method of the contract answered by its service. */
export function projectHandlers({ s, guard, host }: HandlerContext): Handlers<typeof projectMethods> {
  return {
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
    'folders.browse': async (req) => s.folders.browse(req.path, req.show),
    'folders.choose': async (req) => guard.grant(req.paths, req.purpose),
    'dialogs.pickPaths': async (req) => {
      const picked = await s.dialogs.pickPaths(req.mode, req.title, req.filter);
      return picked && guard.grant(picked, 'import'); // what it is used for is checked when it is used
    },
    'history.list': async () => s.history.state(),
    'history.undo': async () => s.history.undo(),
    'history.redo': async () => s.history.redo(),
    'campaign.get': async () => s.campaign.campaign(),
    'campaign.update': async (req) => s.campaign.update(req),
  };
}
