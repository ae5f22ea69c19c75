import { z } from 'zod';
import { method } from '../method';
import { pathText, nonEmptyPath, empty } from '../schemas';
import type { ProjectInfo, RecentProject } from '../../model/project';
import type { HistoryState } from '../../model/history';
import type { Campaign } from '../../model/gift';
import type { AppInfo, FolderListing } from '../replies';

/** The project: opening and closing it, places on disk, the campaign, the history of edits. */
export const projectMethods = {
  'app.info': method<AppInfo>()({ kind: 'session', kiosk: true, schema: empty }),
  'projects.create': method<ProjectInfo>()({
    kind: 'session',
    schema: z.object({ dir: nonEmptyPath, name: z.string().trim().max(200).optional() }).strict(),
  }),
  'projects.open': method<ProjectInfo>()({
    kind: 'session',
    schema: z.object({ dir: nonEmptyPath, toRead: z.boolean().optional() }).strict(),
  }),
  'projects.openDemo': method<ProjectInfo>()({ kind: 'session', schema: empty }),
  'projects.recent': method<RecentProject[]>()({ kind: 'read', schema: empty }),
  'projects.current': method<ProjectInfo | null>()({ kind: 'read', schema: empty }),
  'projects.close': method<null>()({ kind: 'session', schema: empty }),
  'folders.browse': method<FolderListing>()({
    kind: 'session',
    schema: z.object({ path: pathText.optional(), show: z.enum(['photos', 'spreadsheets']).optional() }).strict(),
  }),
  /**
   * The user chose these paths in the running app (the folder browser, or a path typed and confirmed): from now
   * on the API takes them. Returns them absolute. Paths nobody chose are refused (FORBIDDEN).
   */
  'folders.choose': method<string[]>()({
    kind: 'session',
    schema: z
      .object({
        paths: z.array(nonEmptyPath).min(1).max(1000),
        purpose: z.enum(['project', 'import', 'spreadsheet', 'export', 'image']),
      })
      .strict(),
  }),
  /** native file/folder chooser; UNSUPPORTED in the browser host, where the UI uses folders.browse */
  'dialogs.pickPaths': method<string[] | null>()({
    kind: 'session',
    schema: z
      .object({
        mode: z.enum(['folder', 'files']),
        title: z.string().max(200).optional(),
        filter: z.enum(['photos', 'spreadsheets']).optional(),
      })
      .strict(),
  }),
  'history.list': method<HistoryState>()({ kind: 'read', schema: empty }),
  'history.undo': method<HistoryState>()({ kind: 'edit', schema: empty }),
  'history.redo': method<HistoryState>()({ kind: 'edit', schema: empty }),
  'campaign.get': method<Campaign>()({ kind: 'read', schema: empty }),
  'campaign.update': method<Campaign>()({
    kind: 'edit',
    schema: z
      .object({ theme: z.string().trim().max(200).optional(), organizer: z.string().trim().max(200).optional() })
      .strict(),
  }),
};
