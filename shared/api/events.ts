import type { JobFinished, JobProgress } from '../model/job';

/** Pushed from main to every window: how jobs go, and what changed in the catalog. */
export interface AppEvents {
  /** a job's progress: every kind the same shape (at most ten a second per job) */
  'job.progress': JobProgress;
  /** a job ended: its result, or its named failure */
  'job.finished': JobFinished;
  /** a photo was added or (re)rendered; the grid refreshes it */
  'photos.changed': { ids: string[]; jobId: string | null };
  /** companies, workers or the history changed: lists and the undo menu refresh */
  'catalog.changed': { history: boolean };
}
export type AppEventName = keyof AppEvents;
export const APP_EVENTS: AppEventName[] = ['job.progress', 'job.finished', 'photos.changed', 'catalog.changed'];
