/** A long piece of work the user waits on (an export): how far it is, and how it ended. */
export interface JobProgress {
  jobId: string;
  done: number;
  total: number;
  /** what it is working on now (a worker's name, a board) */
  current: string | null;
  /** items per second so far */
  rate: number;
  etaSeconds: number | null;
}

export type JobState = 'running' | 'finished' | 'cancelled' | 'failed';

/** A background job as the window sees it: how far, and how it ended. */
export interface JobView<R> {
  id: string;
  state: JobState;
  progress: JobProgress;
  result: R | null;
  /** why a failed job failed (an unwritable folder, say); the unexpected is logged and said as such */
  error: import('../errors').AppErrorShape | null;
}
