/** The long tasks the user waits on, each a kind of job run by the one job service. */
export const JOB_KINDS = ['import', 'export', 'exhibition-export', 'gallery-export', 'faces'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** How far a job is: the one progress shape every job reports. */
export interface JobProgress {
  jobId: string;
  kind: JobKind;
  done: number;
  total: number;
  /** what it is working on now (a file, a worker's name, a board) */
  current: string | null;
  /** items per second so far */
  rate: number;
  etaSeconds: number | null;
  /** what a job counts besides done and total (an import: imported, duplicates, failed, notPhotos) */
  counts: Record<string, number>;
}

export type JobState = 'running' | 'finished' | 'cancelled' | 'failed';

/** A background job as the window and the command line see it: what it is, how far, and how it ended. */
export interface JobView<R = unknown> {
  id: string;
  kind: JobKind;
  state: JobState;
  progress: JobProgress;
  result: R | null;
  /** why a failed job failed (an unwritable folder, say); the unexpected is logged and said as such */
  error: import('../errors').AppErrorShape | null;
  startedAt: string;
  endedAt: string | null;
}

/** How a job ended, pushed once: the result, or the named failure. */
export interface JobFinished<R = unknown> {
  jobId: string;
  kind: JobKind;
  state: Exclude<JobState, 'running'>;
  result: R | null;
  error: import('../errors').AppErrorShape | null;
}
