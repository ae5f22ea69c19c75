import { z } from 'zod';
import { method } from '../method';
import {
  exhibitionExportSchema,
  exportOptionsSchema,
  importSchema,
  galleryExportSchema,
  faceDetectSchema,
  empty,
} from '../schemas';
import type { JobView } from '../../model/job';

/** Jobs: every long task started, followed and cancelled the same way. */
export const jobsMethods = {
  /**
   * Every long task is a job: `{kind, …its request}` starts one (a refusal comes at once, by name); its progress
   * and end come as `job.progress` and `job.finished`, or through status. The per-kind methods above (import.start,
   * export.start, exhibitions.exportStart, faces.detectStart and their status/cancel) are aliases kept for one version.
   */
  // One way to start every long task: its kind, and that kind's own request, checked by that kind's schema.
  'jobs.start': method<{ jobId: string }>()({
    kind: 'export',
    schema: z.discriminatedUnion('kind', [
      importSchema.extend({ kind: z.literal('import') }),
      exportOptionsSchema.extend({ kind: z.literal('export') }),
      exhibitionExportSchema.extend({ kind: z.literal('exhibition-export') }),
      galleryExportSchema.extend({ kind: z.literal('gallery-export') }),
      faceDetectSchema.extend({ kind: z.literal('faces') }),
    ]),
  }),
  'jobs.status': method<JobView>()({ kind: 'read', schema: z.object({ jobId: z.string().min(1).max(64) }).strict() }),
  'jobs.cancel': method<JobView>()({ kind: 'export', schema: z.object({ jobId: z.string().min(1).max(64) }).strict() }),
  /** the jobs of this process, newest first (running, and the last ones ended): the job tray */
  'jobs.list': method<JobView[]>()({ kind: 'read', schema: empty }),
};
