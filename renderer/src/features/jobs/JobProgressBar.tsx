import { Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { formatDuration } from '@shared/logic/display';
import type { JobProgress } from '@shared/model/job';
import { useI18n } from '../../i18n/I18nProvider';

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/**
 * How far a job is, the same for every kind: the title, done of total, the rate, the time left, what it works on,
 * a bar, and cancel. The tray, the import bar and the export dialogs all show it.
 */
export function JobProgressBar({
  title,
  progress,
  onCancel,
  cancelLabel,
  testId,
  cancelTestId,
}: {
  title: string;
  progress: JobProgress;
  onCancel?: () => void;
  cancelLabel?: string;
  testId?: string;
  cancelTestId?: string;
}) {
  const { t } = useI18n();
  const p = progress;
  const pct = p.total ? (100 * p.done) / p.total : 0;
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', minWidth: 0 }} data-testid={testId}>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Stack direction="row" spacing={1.5} sx={{ mb: 0.75, alignItems: 'baseline', minWidth: 0 }}>
          <Typography variant="body2" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
            {title}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
            {t('jobs.progress', { done: p.done, total: p.total || '…' })}
          </Typography>
          {p.rate > 0 && (
            <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
              {t('jobs.rate', { rate: p.rate.toFixed(1) })}
            </Typography>
          )}
          {p.etaSeconds != null && p.etaSeconds >= 1 && (
            <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
              {t('import.eta', { eta: formatDuration(p.etaSeconds) ?? '' })}
            </Typography>
          )}
          <Typography variant="caption" color="text.secondary" noWrap sx={{ flex: 1, minWidth: 0 }}>
            {p.current ? baseName(p.current) : ''}
          </Typography>
        </Stack>
        <LinearProgress
          variant={p.total ? 'determinate' : 'indeterminate'}
          value={pct}
          sx={{ height: 6, borderRadius: 3 }}
          aria-label={title}
        />
      </Box>
      {onCancel && (
        <Button
          size="small"
          variant="outlined"
          color="inherit"
          onClick={onCancel}
          data-testid={cancelTestId}
          sx={{ flexShrink: 0 }}
        >
          {cancelLabel ?? t('jobs.cancel')}
        </Button>
      )}
    </Stack>
  );
}
