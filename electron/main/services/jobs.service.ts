import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { AppError, isAppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/messages';
import type { JobKind, JobProgress, JobView } from '../../../shared/model/job';
import type { EventBus } from '../events';
import type { Logger } from '../logger';

/** What a job's body sees: whether the user cancelled, where it says how far it is, and the one worker pool. */
export interface JobControl {
  readonly jobId: string;
  readonly cancelled: boolean;
  /** how many items the job has (it may grow as the work finds more); `decided` of them are done without work */
  setTotal(total: number, decided?: number): void;
  /** what it works on now */
  working(current: string | null): void;
  /** one item done */
  step(): void;
  /** a count the job keeps beside done and total (imported, duplicates …) */
  count(name: string, value: number): void;
  /**
   * Runs `fn` over `items` on as many lanes as the pool has (the cores, or fewer), one item at a time per lane, in
   * order; stops taking items once the job is cancelled. `items` may be a function answering the next item (or
   * undefined when there is none): a job whose work grows while it runs (photos imported meanwhile) or waits.
   */
  pool<T>(
    items: T[] | (() => T | undefined | Promise<T | undefined>),
    fn: (item: T) => Promise<void>,
    lanes?: number,
  ): Promise<void>;
}

/** A job's body, made once its request has been checked: refusals come before anything starts. */
export type JobBody<R> = (control: JobControl) => Promise<R>;

export interface JobDefinition<I, R> {
  /** checks the request (refusing it by name) and answers the body that does the work */
  prepare(input: I): Promise<JobBody<R>> | JobBody<R>;
  /** whether a result says the work stopped early (cancelled) */
  cancelledIn?(result: R): boolean;
  /** one at a time: starting while one runs answers the running one (the face job) */
  single?: boolean;
}

interface Job {
  view: JobView;
  cancelled: boolean;
  done: Promise<unknown>;
}

/** Progress events are said at most this often per job (first, total changes and the end always). */
const PROGRESS_EVERY_MS = 100;
/** Ended jobs kept for their status and the job tray. */
const KEEP_ENDED = 50;

/**
 * The one way to run a long task: every kind of job (import, gift export, exhibition export, gallery export, the
 * face job) is a body defined by its domain service and run here, with one progress shape and rate/time left,
 * cancel, a result or a named failure, one `job.progress` and one `job.finished` event, and one worker pool whose
 * lanes follow the cores. The window, the browser host and the command line follow every job the same way.
 */
export class JobService {
  private readonly jobs = new Map<string, Job>();
  private readonly defs = new Map<JobKind, JobDefinition<never, unknown>>();
  /** lanes of the worker pool: the cores, unless told fewer (tests, a busy machine) */
  readonly lanes: number;

  constructor(private readonly deps: { events: EventBus; logger: Logger; concurrency?: number }) {
    this.lanes = Math.max(1, deps.concurrency ?? os.availableParallelism());
  }

  /** A domain service declares its kind of job once, in its constructor. */
  define<I, R>(kind: JobKind, def: JobDefinition<I, R>): void {
    if (this.defs.has(kind)) throw new Error(`job kind ${kind} defined twice`);
    this.defs.set(kind, def as unknown as JobDefinition<never, unknown>);
  }

  /** Checks the request and starts the job in the background; a refusal is thrown here, before anything runs. */
  async start(kind: JobKind, input: unknown): Promise<{ jobId: string }> {
    const def = this.defs.get(kind);
    if (!def) throw new AppError('NOT_FOUND', msg('job.unknownKind', { kind }));
    if (def.single) {
      const running = this.running(kind);
      if (running) return { jobId: running.id };
    }
    const body = await def.prepare(input as never);
    return { jobId: this.run(kind, body, def) };
  }

  private run(kind: JobKind, body: JobBody<unknown>, def: JobDefinition<never, unknown>): string {
    const id = randomUUID().slice(0, 8);
    const started = Date.now();
    const progress: JobProgress = {
      jobId: id,
      kind,
      done: 0,
      total: 0,
      current: null,
      rate: 0,
      etaSeconds: null,
      counts: {},
    };
    const job: Job = {
      view: {
        id,
        kind,
        state: 'running',
        progress,
        result: null,
        error: null,
        startedAt: new Date(started).toISOString(),
        endedAt: null,
      },
      cancelled: false,
      done: Promise.resolve(),
    };
    this.jobs.set(id, job);
    let decided = 0;
    let said = 0;
    const emit = (force = false) => {
      const now = Date.now();
      if (!force && now - said < PROGRESS_EVERY_MS) return;
      said = now;
      const elapsed = (now - started) / 1000;
      // Items decided without work (files refused before any reading) would make the rate look absurd.
      progress.rate = elapsed > 0.05 ? Math.max(0, progress.done - decided) / elapsed : 0;
      progress.etaSeconds = progress.rate > 0 ? Math.max(0, progress.total - progress.done) / progress.rate : null;
      this.deps.events.emit('job.progress', { ...progress, counts: { ...progress.counts } });
    };
    const control: JobControl = {
      jobId: id,
      get cancelled() {
        return job.cancelled;
      },
      setTotal: (total, already = 0) => {
        progress.total = total;
        if (already) {
          decided = already;
          progress.done = Math.max(progress.done, already);
        }
        emit(true);
      },
      working: (current) => {
        progress.current = current;
      },
      step: () => {
        progress.done++;
        emit(progress.done >= progress.total);
      },
      count: (name, value) => {
        progress.counts[name] = value;
      },
      pool: async (items, fn, lanes) => {
        const queue = Array.isArray(items) ? [...items] : null;
        const next = queue ? () => queue.shift() : (items as () => unknown);
        const lane = async () => {
          for (
            let item = job.cancelled ? undefined : await next();
            item !== undefined;
            item = job.cancelled ? undefined : await next()
          )
            await fn(item as never);
        };
        const width = Math.max(1, Math.min(lanes ?? this.lanes, queue ? queue.length || 1 : Infinity));
        await Promise.all(Array.from({ length: width }, lane));
      },
    };
    const ended = (state: Exclude<JobView['state'], 'running'>) => {
      job.view.state = state;
      job.view.endedAt = new Date().toISOString();
      progress.current = null;
      emit(true);
      this.deps.events.emit('job.finished', { jobId: id, kind, state, result: job.view.result, error: job.view.error });
      this.forgetOld();
    };
    job.done = body(control).then(
      (result) => {
        job.view.result = result;
        ended(job.cancelled || def.cancelledIn?.(result) ? 'cancelled' : 'finished');
        return result;
      },
      (err: unknown) => {
        // A refusal is the caller's to report (by name); only the unexpected goes to the log.
        job.view.error = isAppError(err)
          ? err.toJSON()
          : new AppError('INTERNAL', msg('job.unexpected', { kind })).toJSON();
        if (!isAppError(err)) this.deps.logger.error(`${kind} job ${id} failed`, err);
        ended('failed');
        throw err;
      },
    );
    // Followed through status or events, not always awaited: a failure must not end the process as unhandled.
    job.done.catch(() => undefined);
    return id;
  }

  /** The job's result when it ends (its error when it fails). */
  done<R>(jobId: string): Promise<R> {
    return this.job(jobId).done as Promise<R>;
  }

  status<R = unknown>(jobId: string): JobView<R> {
    return copy(this.job(jobId).view) as JobView<R>;
  }

  cancel(jobId: string): JobView {
    this.job(jobId).cancelled = true;
    return this.status(jobId);
  }

  /** Every job of this process, newest first: running ones and the last ended ones. */
  list(): JobView[] {
    return [...this.jobs.values()].map((j) => copy(j.view)).reverse();
  }

  /** The job of this kind running now, if any. */
  running(kind: JobKind): JobView | null {
    const job = [...this.jobs.values()].find((j) => j.view.kind === kind && j.view.state === 'running');
    return job ? copy(job.view) : null;
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', msg('job.unknown', { id: jobId }));
    return job;
  }

  private forgetOld() {
    const ended = [...this.jobs.values()].filter((j) => j.view.state !== 'running');
    for (const j of ended.slice(0, Math.max(0, ended.length - KEEP_ENDED))) this.jobs.delete(j.view.id);
  }
}

const copy = (v: JobView): JobView => ({ ...v, progress: { ...v.progress, counts: { ...v.progress.counts } } });
