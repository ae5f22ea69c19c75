import { useCallback, useState } from 'react';
import type { ApiRequest } from '@shared/api/contract';
import type { ImportSummary } from '@shared/model/import-job';
import type { JobView } from '@shared/model/job';
import { useNotice } from '../../components/NoticeProvider';
import { useJob, useJobs } from '../jobs/JobsProvider';

export type ImportJobView = JobView<ImportSummary>;

/** The import this window started, followed through the one job service: its bar and outcome at the library's foot. */
export function useImportJob() {
  const { notifyError } = useNotice();
  const jobs = useJobs();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob<ImportSummary>(jobId);

  const start = useCallback(
    async (req: ApiRequest<'import.start'>) => {
      try {
        setJobId(await jobs.start('import', req));
        return true;
      } catch (err) {
        notifyError(err);
        return false;
      }
    },
    [jobs, notifyError],
  );

  const cancel = useCallback(async () => {
    if (jobId) await jobs.cancel(jobId).catch(notifyError);
  }, [jobs, jobId, notifyError]);

  const dismiss = useCallback(() => {
    if (jobId) jobs.dismiss(jobId);
    setJobId(null);
  }, [jobs, jobId]);

  return { job, start, cancel, dismiss };
}
