import { API_METHODS, METHOD_KINDS, type AppApi, type HostKind, type Methods } from '../../shared/api/contract';
import type { Services } from './container';
import { exhibitionsHandlers } from './modules/exhibitions';
import { facesHandlers } from './modules/faces';
import { galleryHandlers } from './modules/gallery';
import { giftsHandlers } from './modules/gifts';
import { handlerContext, type Handlers } from './modules/handler-context';
import { jobsHandlers } from './modules/jobs';
import { photosHandlers } from './modules/photos';
import { projectHandlers } from './modules/project';
import { rosterHandlers } from './modules/roster';
import { tagsHandlers } from './modules/tags';

/**
 * Implements the AppApi: each domain's module answers its own methods by calling its services. No Electron here:
 * HTTP, IPC and CLI share it. Paths from a window pass the access guard (only places the user chose); the CLI's
 * are its user's own.
 */
export function createHandlers(s: Services, host: HostKind): AppApi {
  const c = handlerContext(s, host);
  const handlers = {
    ...projectHandlers(c),
    ...photosHandlers(c),
    ...tagsHandlers(c),
    ...rosterHandlers(c),
    ...giftsHandlers(c),
    ...exhibitionsHandlers(c),
    ...galleryHandlers(c),
    ...facesHandlers(c),
    ...jobsHandlers(c),
  } satisfies Handlers<Methods>;
  return editsAsUnits(handlers as unknown as AppApi, () => s.session.current);
}

/**
 * Every edit call first asks whether the open project may be written (another process may hold it): the refusal
 * comes before any service touches a live record, so a read-only view never drifts from the file. After the
 * edit, and before it is answered, what it changed is committed (synced to the journal): an answered edit is
 * never lost to a kill or a power cut, and one that could not be saved is answered with the reason.
 */
function editsAsUnits<H extends AppApi>(
  handlers: H,
  catalog: () => { assertWritable(): void; commit(): Promise<void> } | null,
): H {
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
