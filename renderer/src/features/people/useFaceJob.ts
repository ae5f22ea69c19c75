import { useCallback, useMemo } from 'react';
import type { FaceDetectResult } from '@shared/model/face';
import type { JobView } from '@shared/model/job';
import { ApiError } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { useJobEnded, useJobs } from '../jobs/JobsProvider';

/** The face job as the window follows it: the one running (started by an import or a click), start and stop. */
export function useFaceJob() {
  const { t } = useI18n();
  const { notify, notifyError } = useNotice();
  const jobs = useJobs();
  const job = useMemo(
    () =>
      (jobs.all.find((j) => j.kind === 'faces' && j.state === 'running') as JobView<FaceDetectResult> | undefined) ??
      null,
    [jobs.all],
  );

  useJobEnded('faces', (ended) => {
    if (ended.state === 'failed')
      return notifyError(new ApiError(ended.error ?? { code: 'INTERNAL', message: t('jobs.state.failed') }));
    const result = ended.result as FaceDetectResult | null;
    if (!result) return;
    notify({
      severity: result.failed.length ? 'warning' : 'success',
      message: `${t('people.finished', { photos: result.photos, faces: result.faces })}${result.failed.length ? `；${t('people.failedPhotos', { count: result.failed.length })}` : ''}`,
    });
  });

  const start = useCallback(
    async (opts: { again?: boolean; thorough?: boolean } = {}) => {
      try {
        await jobs.start('faces', opts);
      } catch (err) {
        notifyError(err);
      }
    },
    [jobs, notifyError],
  );

  const cancel = useCallback(async () => {
    if (job) await jobs.cancel(job.id).catch(notifyError);
  }, [jobs, job, notifyError]);

  return { job, start, cancel };
}
