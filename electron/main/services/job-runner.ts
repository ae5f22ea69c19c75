import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../../../shared/errors';
import type { JobProgress, JobView } from '../../../shared/model/job';
import type { Logger } from '../logger';

/** What a job's work sees: whether the user cancelled, and where it reports how far it is. */
export interface JobControl {
  readonly cancelled: boolean;
  /** how many items the job has (it may grow as the work finds more) */
  setTotal(total: number): void;
  /** what it works on now */
  working(current: string | null): void;
  /** one item done */
  step(): void;
}

interface Job<R> {
  view: JobView<R>;
  cancelled: boolean;
  done: Promise<R>;
}

/**
 * Runs jobs in the background with progress (rate and time left), cancel and a result: one runner per kind of
 * job (gift export, exhibition export), each telling its listeners through the events it is given.
 */
export class JobRunner<R> {
  private readonly jobs = new Map<string, Job<R>>();

  constructor(
    private readonly deps: {
      logger: Logger;
      progress: (p: JobProgress) => void;
      finished: (jobId: string, result: R) => void;
      /** the refusal for an id that is not a job */
      unknown: (jobId: string) => AppError;
      /** the failure said for an unexpected error */
      unexpected: () => AppError;
      /** whether a result says the work stopped early */
      cancelledIn?: (result: R) => boolean;
    },
  ) {}

  /** Starts `work`; a refusal it throws (an unwritable folder) ends the job as failed with that error. */
  start(work: (control: JobControl) => Promise<R>): string {
    const id = randomUUID().slice(0, 8);
    const started = Date.now();
    const job: Job<R> = { view: { id, state: 'running', progress: { jobId: id, done: 0, total: 0, current: null, rate: 0, etaSeconds: null }, result: null, error: null }, cancelled: false, done: Promise.resolve(null as never) };
    this.jobs.set(id, job);
    const emit = () => {
      const p = job.view.progress;
      const elapsed = (Date.now() - started) / 1000;
      p.rate = elapsed > 0 ? p.done / elapsed : 0;
      p.etaSeconds = p.rate > 0 ? Math.max(0, p.total - p.done) / p.rate : null;
      this.deps.progress({ ...p });
    };
    const control: JobControl = {
      get cancelled() {
        return job.cancelled;
      },
      setTotal: (total) => {
        job.view.progress.total = total;
        emit();
      },
      working: (current) => {
        job.view.progress.current = current;
      },
      step: () => {
        job.view.progress.done++;
        emit();
      },
    };
    job.done = work(control).then((result) => {
      job.view.progress.current = null;
      job.view.result = result;
      job.view.state = job.cancelled || this.deps.cancelledIn?.(result) ? 'cancelled' : 'finished';
      emit();
      this.deps.finished(id, result);
      return result;
    });
    job.done.catch((err) => {
      job.view.state = 'failed';
      job.view.error = isAppError(err) ? err.toJSON() : this.deps.unexpected().toJSON();
      // A refusal is the caller's to report; only the unexpected goes to the log.
      if (!isAppError(err)) this.deps.logger.error(`job ${id} failed`, err);
    });
    return id;
  }

  /** The job's result when it ends (its error when it fails). */
  done(jobId: string): Promise<R> {
    return this.job(jobId).done;
  }

  status(jobId: string): JobView<R> {
    const v = this.job(jobId).view;
    return { ...v, progress: { ...v.progress } };
  }

  cancel(jobId: string): JobView<R> {
    this.job(jobId).cancelled = true;
    return this.status(jobId);
  }

  private job(jobId: string): Job<R> {
    const job = this.jobs.get(jobId);
    if (!job) throw this.deps.unknown(jobId);
    return job;
  }
}
