import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiRequest, JobRequests } from '@shared/api/contract';
import type { JobFinished, JobKind, JobProgress, JobView } from '@shared/model/job';
import { call, onEvent } from '../../api/client';

type EndedListener = (job: JobView) => void;

interface Jobs {
  /** every job of this window's process, newest first, less the ones the user put away */
  jobs: JobView[];
  /** every job, put away or not (a dialog follows its own job whatever the tray shows) */
  all: JobView[];
  /** starts a job (a refusal is thrown, by name) and answers its id; it shows in the tray at once */
  start<K extends JobKind>(kind: K, request: JobRequests[K]): Promise<string>;
  cancel(jobId: string): Promise<void>;
  /** puts an ended job out of the tray */
  dismiss(jobId: string): void;
  /** told once each time a job ends (finished, cancelled or failed) */
  onEnded(listener: EndedListener): () => void;
}

const JobsContext = createContext<Jobs | null>(null);
/** While a job runs, its status is also read this often: an event stream that reconnected may have missed its end. */
const POLL_MS = 1500;

const stub = (p: JobProgress): JobView => ({
  id: p.jobId,
  kind: p.kind,
  state: 'running',
  progress: p,
  result: null,
  error: null,
  startedAt: new Date().toISOString(),
  endedAt: null,
});

/**
 * The one place the window follows jobs: every kind (import, exports, the gallery, the face job) through the same
 * `job.progress` and `job.finished` events, whoever started it (this window, an import that started the face job).
 */
export function JobsProvider({ children }: { children: ReactNode }) {
  // The jobs live in a ref (events update it in order, without a render in between) and a version renders them.
  const store = useRef(new Map<string, JobView>());
  const [version, setVersion] = useState(0);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const listeners = useRef(new Set<EndedListener>());
  const told = useRef(new Set<string>());
  const changed = useCallback(() => setVersion((v) => v + 1), []);

  const put = useCallback(
    (job: JobView) => {
      store.current.set(job.id, job);
      changed();
      if (job.state !== 'running' && !told.current.has(job.id)) {
        told.current.add(job.id);
        for (const l of listeners.current) l(job);
      }
    },
    [changed],
  );

  useEffect(() => {
    let live = true;
    // Jobs that started before this window opened (or before a reload) are there too.
    void call('jobs.list', {}).then(
      (list) => {
        if (!live) return;
        for (const j of list) {
          if (j.state !== 'running') told.current.add(j.id);
          if (!store.current.has(j.id)) store.current.set(j.id, j);
        }
        changed();
      },
      () => undefined,
    );
    const offProgress = onEvent('job.progress', (p) => {
      const known = store.current.get(p.jobId);
      if (known && known.state !== 'running') return;
      store.current.set(p.jobId, known ? { ...known, progress: p } : stub(p));
      changed();
    });
    const offFinished = onEvent('job.finished', (f: JobFinished) => {
      // The whole view (start, end, last progress) comes from the status; the event's own fields if that fails.
      void call('jobs.status', { jobId: f.jobId }).then(put, () => {
        const known = store.current.get(f.jobId);
        if (known)
          put({ ...known, state: f.state, result: f.result, error: f.error, endedAt: new Date().toISOString() });
      });
    });
    return () => {
      live = false;
      offProgress();
      offFinished();
    };
  }, [put, changed]);

  const all = useMemo(
    () =>
      [...store.current.values()].sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store changes with its version
    [version],
  );
  const running = useMemo(
    () =>
      all
        .filter((j) => j.state === 'running')
        .map((j) => j.id)
        .join(' '),
    [all],
  );
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => {
      for (const id of running.split(' '))
        void call('jobs.status', { jobId: id }).then(
          (j) => j.state !== 'running' && put(j),
          () => undefined,
        );
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [running, put]);

  const start = useCallback(
    async <K extends JobKind>(kind: K, request: JobRequests[K]) => {
      const { jobId } = await call('jobs.start', { kind, ...request } as ApiRequest<'jobs.start'>);
      const view = await call('jobs.status', { jobId });
      setHidden((h) => (h.has(jobId) ? new Set([...h].filter((x) => x !== jobId)) : h));
      const known = store.current.get(jobId);
      // Progress said while the status was on its way is newer than the status.
      if (view.state !== 'running') put(view);
      else if (!known || known.state === 'running')
        put({ ...view, progress: known && known.progress.done > view.progress.done ? known.progress : view.progress });
      return jobId;
    },
    [put],
  );
  const cancel = useCallback(async (jobId: string) => {
    await call('jobs.cancel', { jobId });
  }, []);
  const dismiss = useCallback((jobId: string) => setHidden((h) => new Set(h).add(jobId)), []);
  const onEnded = useCallback((listener: EndedListener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  const jobs = useMemo(() => all.filter((j) => !hidden.has(j.id)), [all, hidden]);
  const value = useMemo(
    () => ({ jobs, all, start, cancel, dismiss, onEnded }),
    [jobs, all, start, cancel, dismiss, onEnded],
  );
  return <JobsContext.Provider value={value}>{children}</JobsContext.Provider>;
}

export function useJobs(): Jobs {
  const jobs = useContext(JobsContext);
  if (!jobs) throw new Error('useJobs outside JobsProvider');
  return jobs;
}

/** One job, followed: its latest view, or null before it started. */
export function useJob<R = unknown>(jobId: string | null): JobView<R> | null {
  const { all } = useJobs();
  return useMemo(
    () => (jobId ? ((all.find((j) => j.id === jobId) as JobView<R> | undefined) ?? null) : null),
    [all, jobId],
  );
}

/** Runs `listener` each time a job of this kind ends. */
export function useJobEnded(kind: JobKind, listener: EndedListener): void {
  const { onEnded } = useJobs();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => onEnded((job) => job.kind === kind && latest.current(job)), [onEnded, kind]);
}
