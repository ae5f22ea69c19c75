import type { ExhibitionExportResult } from '@shared/model/exhibition';
import type { FaceDetectResult } from '@shared/model/face';
import type { GalleryResult } from '@shared/model/gallery';
import type { ExportSummary } from '@shared/model/gift';
import type { ImportSummary } from '@shared/model/import-job';
import type { JobView } from '@shared/model/job';
import type { useI18n } from '../../i18n/I18nProvider';

type Words = Pick<ReturnType<typeof useI18n>, 't' | 'say' | 'errorText'>;

/** A job's name in the user's words (导入, 礼物导出 …). */
export const jobTitle = (job: Pick<JobView, 'kind'>, { say }: Pick<Words, 'say'>) =>
  say({ key: `job.kind.${job.kind}` });

/** What an ended job did, in one line: the same words the dialog that started it uses. */
export function jobOutcome(job: JobView, words: Words): string {
  const { t, errorText } = words;
  if (job.state === 'failed') return job.error ? errorText(job.error) : t('jobs.state.failed');
  const r = job.result;
  if (!r) return t(`jobs.state.${job.state}`);
  switch (job.kind) {
    case 'import': {
      const s = r as ImportSummary;
      return s.cancelled
        ? t('import.cancelled', { imported: s.imported })
        : t('import.finished', { imported: s.imported, duplicates: s.duplicates.length, failed: s.failed.length });
    }
    case 'export': {
      const s = r as ExportSummary;
      return t('export.doneFiles', { written: s.written, reused: s.reused });
    }
    case 'exhibition-export':
      return t('exhibition.export.done', { count: (r as ExhibitionExportResult).files.length });
    case 'gallery-export': {
      const s = r as GalleryResult;
      return s.cancelled
        ? t('jobs.state.cancelled')
        : t('gallery.done', { photos: s.photos, workers: s.workers, written: s.written, reused: s.reused });
    }
    case 'faces': {
      const s = r as FaceDetectResult;
      return t('people.finished', { photos: s.photos, faces: s.faces });
    }
  }
}
