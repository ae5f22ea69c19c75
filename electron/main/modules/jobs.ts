import type { jobsMethods } from '../../../shared/api/methods/jobs';
import type { HandlerContext, Handlers } from './handler-context';

/** Jobs: every long task started, followed and cancelled the same way. Each method of the contract answered by its service. */
export function jobsHandlers({ s, startJob }: HandlerContext): Handlers<typeof jobsMethods> {
  return {
    'jobs.start': async ({ kind, ...req }) => startJob(kind, req as never),
    'jobs.status': async (req) => s.jobs.status(req.jobId),
    'jobs.cancel': async (req) => s.jobs.cancel(req.jobId),
    'jobs.list': async () => s.jobs.list(),
  };
}
