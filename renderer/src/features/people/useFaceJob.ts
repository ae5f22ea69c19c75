import { useCallback, useEffect, useState } from 'react';
import type { FaceDetectResult } from '@shared/model/face';
import type { JobView } from '@shared/model/job';
import { ApiError, call, onEvent } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';

/** The face job as the window follows it: the one running (started by an import or a click), start and stop. */
export function useFaceJob() {
  const { t } = useI18n();
  const { notify, notifyError } = useNotice();
  const [job, setJob] = useState<JobView<FaceDetectResult> | null>(null);

  useEffect(() => {
    let live = true;
    void call('faces.detectCurrent', {}).then((j) => live && setJob(j), notifyError);
    const a = onEvent('faces.progress', (p) => setJob((j) => (j && j.id === p.jobId ? { ...j, progress: p } : { id: p.jobId, state: 'running', progress: p, result: null, error: null })));
    const b = onEvent('faces.finished', ({ result }) => {
      setJob(null);
      notify({ severity: result.failed.length ? 'warning' : 'success', message: `${t('people.finished', { photos: result.photos, faces: result.faces })}${result.failed.length ? `；${t('people.failedPhotos', { count: result.failed.length })}` : ''}` });
    });
    const c = onEvent('faces.failed', ({ error }) => {
      setJob(null);
      notifyError(new ApiError(error));
    });
    return () => {
      live = false;
      a();
      b();
      c();
    };
  }, [notify, notifyError, t]);

  const start = useCallback(
    async (opts: { again?: boolean; thorough?: boolean } = {}) => {
      try {
        const { jobId } = await call('faces.detectStart', opts);
        const view = await call('faces.detectStatus', { jobId });
        setJob(view.state === 'running' ? view : null);
      } catch (err) {
        notifyError(err);
      }
    },
    [notifyError],
  );

  const cancel = useCallback(async () => {
    if (!job) return;
    try {
      await call('faces.detectCancel', { jobId: job.id });
    } catch (err) {
      notifyError(err);
    }
  }, [job, notifyError]);

  return { job, start, cancel };
}
