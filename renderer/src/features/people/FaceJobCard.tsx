import FaceRetouchingNaturalIcon from '@mui/icons-material/FaceRetouchingNatural';
import { Box, Button, Stack, Tooltip, Typography } from '@mui/material';
import type { PeopleOverview } from '@shared/model/face';
import { useI18n } from '../../i18n/I18nProvider';
import { JobProgressBar } from '../jobs/JobProgressBar';
import type { useFaceJob } from './useFaceJob';

/** How far face finding is over the project, with the job's progress and stop, or the button to start it. */
export function FaceJobCard({
  counts,
  faceJob,
  readOnly,
}: {
  counts: PeopleOverview['counts'] | null;
  faceJob: ReturnType<typeof useFaceJob>;
  readOnly: boolean;
}) {
  const { t } = useI18n();
  const { job } = faceJob;
  return (
    <Box sx={{ p: 2, borderBottom: 1, borderColor: 'divider' }} data-testid="face-job">
      {counts && (
        <>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {t('people.scanned', { scanned: counts.scanned, photos: counts.photos })}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {t('people.counts', { faces: counts.faces, named: counts.named, unnamed: counts.unnamed })}
          </Typography>
        </>
      )}
      {job ? (
        <Box sx={{ mt: 1.5 }}>
          <JobProgressBar
            title={t('people.progress')}
            progress={job.progress}
            testId="face-job-progress"
            onCancel={() => void faceJob.cancel()}
            cancelLabel={t('people.cancel')}
            cancelTestId="face-job-cancel"
          />
        </Box>
      ) : (
        !readOnly &&
        counts &&
        counts.photos > 0 && (
          <Stack direction="row" sx={{ mt: 1.5, gap: 1, flexWrap: 'wrap' }}>
            {counts.scanned < counts.photos && (
              <Button
                size="small"
                variant="contained"
                startIcon={<FaceRetouchingNaturalIcon />}
                onClick={() => void faceJob.start()}
                data-testid="face-scan"
              >
                {t('people.scan')}
              </Button>
            )}
            {counts.scanned > 0 && (
              <Button size="small" onClick={() => void faceJob.start({ again: true })} data-testid="face-scan-again">
                {t('people.scanAgain')}
              </Button>
            )}
            {counts.scanned > 0 && (
              <Tooltip title={t('people.thoroughHint')}>
                <Button
                  size="small"
                  color="inherit"
                  onClick={() => void faceJob.start({ again: true, thorough: true })}
                  data-testid="face-scan-thorough"
                >
                  {t('people.thorough')}
                </Button>
              </Tooltip>
            )}
          </Stack>
        )
      )}
    </Box>
  );
}
