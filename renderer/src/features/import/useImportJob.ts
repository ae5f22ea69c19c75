import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiRequest } from '@shared/api/contract';
import type { ImportProgress, ImportSummary } from '@shared/model/import-job';
import { call, onEvent } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';

export interface ImportJobView {
  jobId: string;
  progress: ImportProgress | null;
  summary: ImportSummary | null;
}

/** Starts an import and follows it through its events; events that outrun the start reply are not lost. */
export function useImportJob() {
  const { notifyError } = useNotice();
  const [job, setJob] = useState<ImportJobView | null>(null);
  const seen = useRef(new Map<string, { progress?: ImportProgress; summary?: ImportSummary }>());
  const jobIdRef = useRef<string | null>(null);

  useEffect(() => {
    const apply = (jobId: string) => {
      if (jobId !== jobIdRef.current) return;
      const s = seen.current.get(jobId);
      setJob({ jobId, progress: s?.progress ?? null, summary: s?.summary ?? null });
    };
    const offProgress = onEvent('import.progress', (p) => {
      seen.current.set(p.jobId, { ...seen.current.get(p.jobId), progress: p });
      apply(p.jobId);
    });
    const offFinished = onEvent('import.finished', (f) => {
      seen.current.set(f.jobId, { ...seen.current.get(f.jobId), summary: f.summary });
      apply(f.jobId);
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, []);

  const start = useCallback(
    async (req: ApiRequest<'import.start'>) => {
      try {
        const { jobId } = await call('import.start', req);
        jobIdRef.current = jobId;
        const s = seen.current.get(jobId);
        setJob({ jobId, progress: s?.progress ?? null, summary: s?.summary ?? null });
        // The events may have been missed entirely (a very quick job): ask once.
        const status = await call('import.status', { jobId });
        if (jobIdRef.current === jobId) setJob((j) => (j && j.jobId === jobId ? { jobId, progress: j.progress ?? status.progress, summary: j.summary ?? status.summary } : j));
        return true;
      } catch (err) {
        notifyError(err);
        return false;
      }
    },
    [notifyError],
  );

  const cancel = useCallback(async () => {
    if (jobIdRef.current) await call('import.cancel', { jobId: jobIdRef.current }).catch(notifyError);
  }, [notifyError]);

  const dismiss = useCallback(() => {
    jobIdRef.current = null;
    setJob(null);
  }, []);

  return { job, start, cancel, dismiss };
}
