import CheckCircleIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import { Alert, Box, Button, Collapse, List, ListItem, ListItemText, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import type { StringKey } from '../../i18n/strings';
import { JobProgressBar } from '../jobs/JobProgressBar';
import type { ImportJobView } from './useImportJob';

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/** The import's bar at the foot of the library: progress, rate, ETA and cancel; then the outcome and what failed. */
export function ImportProgressPanel({
  job,
  onCancel,
  onDismiss,
}: {
  job: ImportJobView;
  onCancel: () => void;
  onDismiss: () => void;
}) {
  const { t, say, errorText } = useI18n();
  const [details, setDetails] = useState(false);
  const s = job.state === 'running' ? null : job.result;
  if (job.state === 'failed')
    return (
      <Paper
        square
        variant="outlined"
        sx={{ borderLeft: 0, borderRight: 0, borderBottom: 0 }}
        data-testid="import-summary"
      >
        <Alert
          severity="error"
          sx={{ borderRadius: 0 }}
          action={
            <Button color="inherit" size="small" onClick={onDismiss}>
              {t('common.close')}
            </Button>
          }
        >
          {job.error ? errorText(job.error) : t('jobs.state.failed')}
        </Alert>
      </Paper>
    );
  if (!s)
    return (
      <Paper square variant="outlined" sx={{ px: 2.5, py: 1.5, borderLeft: 0, borderRight: 0, borderBottom: 0 }}>
        <JobProgressBar
          title={t('import.running')}
          progress={job.progress}
          onCancel={onCancel}
          cancelLabel={t('import.cancel')}
          testId="import-progress"
          cancelTestId="import-cancel"
        />
      </Paper>
    );
  const failed = s.failed.length;
  return (
    <Paper
      square
      variant="outlined"
      sx={{ borderLeft: 0, borderRight: 0, borderBottom: 0 }}
      data-testid="import-summary"
    >
      <Alert
        severity={failed ? 'warning' : 'success'}
        icon={failed ? <ErrorOutlineIcon /> : <CheckCircleIcon />}
        sx={{ borderRadius: 0 }}
        action={
          <Stack direction="row" spacing={1}>
            {(failed > 0 || s.duplicates.length > 0) && (
              <Button color="inherit" size="small" onClick={() => setDetails((d) => !d)} data-testid="import-details">
                {t('import.showDetails')}
              </Button>
            )}
            <Button color="inherit" size="small" onClick={onDismiss}>
              {t('common.close')}
            </Button>
          </Stack>
        }
      >
        {s.cancelled
          ? t('import.cancelled', { imported: s.imported })
          : t('import.finished', { imported: s.imported, duplicates: s.duplicates.length, failed })}
      </Alert>
      <Collapse in={details}>
        <Box sx={{ maxHeight: 220, overflow: 'auto', px: 2, pb: 1 }}>
          {failed > 0 && (
            <>
              <Typography variant="subtitle2" sx={{ mt: 1 }}>
                {t('import.failures')}
              </Typography>
              <List dense data-testid="import-failures">
                {s.failed.map((f) => (
                  <ListItem key={f.path} disableGutters>
                    <ListItemText
                      primary={
                        <>
                          <b>{baseName(f.path)}</b>{' '}
                          <Box component="span" sx={{ color: 'error.main', fontSize: 12, ml: 1 }} data-code={f.code}>
                            {t(`error.${f.code}` as StringKey)} · {f.code}
                          </Box>
                        </>
                      }
                      secondary={say(f)}
                    />
                  </ListItem>
                ))}
              </List>
            </>
          )}
          {s.duplicates.length > 0 && (
            <>
              <Typography variant="subtitle2" sx={{ mt: 1 }}>
                {t('import.duplicates')}
              </Typography>
              <List dense>
                {s.duplicates.map((d) => (
                  <ListItem key={d.path} disableGutters>
                    <ListItemText primary={baseName(d.path)} secondary={d.path} />
                  </ListItem>
                ))}
              </List>
            </>
          )}
        </Box>
      </Collapse>
    </Paper>
  );
}
