import CheckCircleIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import { Alert, Box, Button, Collapse, LinearProgress, List, ListItem, ListItemText, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { formatDuration } from '@shared/logic/display';
import { useI18n } from '../../i18n/I18nProvider';
import type { StringKey } from '../../i18n/strings';
import type { ImportJobView } from './useImportJob';

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/** The import's bar at the foot of the library: progress, rate, ETA and cancel; then the outcome and what failed. */
export function ImportProgressPanel({ job, onCancel, onDismiss }: { job: ImportJobView; onCancel: () => void; onDismiss: () => void }) {
  const { t, say } = useI18n();
  const [details, setDetails] = useState(false);
  const p = job.progress;
  const s = job.summary;
  if (!s) {
    const pct = p && p.total ? (100 * p.done) / p.total : 0;
    return (
      <Paper square variant="outlined" sx={{ px: 2.5, py: 1.5, borderLeft: 0, borderRight: 0, borderBottom: 0 }} data-testid="import-progress">
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Stack direction="row" spacing={2} sx={{ mb: 0.75, alignItems: 'baseline' }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>{t('import.running', { done: p?.done ?? 0, total: p?.total ?? '…' })}</Typography>
              {p && p.rate > 0 && <Typography variant="caption" color="text.secondary">{t('import.rate', { rate: p.rate.toFixed(1) })}</Typography>}
              {p?.etaSeconds != null && <Typography variant="caption" color="text.secondary">{t('import.eta', { eta: formatDuration(p.etaSeconds) ?? '' })}</Typography>}
              <Typography variant="caption" color="text.secondary" noWrap sx={{ flex: 1, minWidth: 0 }}>{p?.currentFile ? baseName(p.currentFile) : ''}</Typography>
            </Stack>
            <LinearProgress variant={p?.total ? 'determinate' : 'indeterminate'} value={pct} sx={{ height: 6, borderRadius: 3 }} />
          </Box>
          <Button variant="outlined" color="inherit" onClick={onCancel} data-testid="import-cancel">{t('import.cancel')}</Button>
        </Stack>
      </Paper>
    );
  }
  const failed = s.failed.length;
  return (
    <Paper square variant="outlined" sx={{ borderLeft: 0, borderRight: 0, borderBottom: 0 }} data-testid="import-summary">
      <Alert
        severity={failed ? 'warning' : 'success'}
        icon={failed ? <ErrorOutlineIcon /> : <CheckCircleIcon />}
        sx={{ borderRadius: 0 }}
        action={
          <Stack direction="row" spacing={1}>
            {(failed > 0 || s.duplicates.length > 0) && <Button color="inherit" size="small" onClick={() => setDetails((d) => !d)} data-testid="import-details">{t('import.showDetails')}</Button>}
            <Button color="inherit" size="small" onClick={onDismiss}>{t('common.close')}</Button>
          </Stack>
        }
      >
        {s.cancelled ? t('import.cancelled', { imported: s.imported }) : t('import.finished', { imported: s.imported, duplicates: s.duplicates.length, failed })}
      </Alert>
      <Collapse in={details}>
        <Box sx={{ maxHeight: 220, overflow: 'auto', px: 2, pb: 1 }}>
          {failed > 0 && (
            <>
              <Typography variant="subtitle2" sx={{ mt: 1 }}>{t('import.failures')}</Typography>
              <List dense data-testid="import-failures">
                {s.failed.map((f) => (
                  <ListItem key={f.path} disableGutters>
                    <ListItemText primary={<><b>{baseName(f.path)}</b> <Box component="span" sx={{ color: 'error.main', fontSize: 12, ml: 1 }} data-code={f.code}>{t(`error.${f.code}` as StringKey)} · {f.code}</Box></>} secondary={say(f)} />
                  </ListItem>
                ))}
              </List>
            </>
          )}
          {s.duplicates.length > 0 && (
            <>
              <Typography variant="subtitle2" sx={{ mt: 1 }}>{t('import.duplicates')}</Typography>
              <List dense>
                {s.duplicates.map((d) => (
                  <ListItem key={d.path} disableGutters><ListItemText primary={baseName(d.path)} secondary={d.path} /></ListItem>
                ))}
              </List>
            </>
          )}
        </Box>
      </Collapse>
    </Paper>
  );
}
