import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import type { Exhibition } from '@shared/model/exhibition';
import type { GalleryCheck, GalleryResult } from '@shared/model/gallery';
import { call, confirmPaths } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { useJob, useJobs } from '../jobs/JobsProvider';

/**
 * 导出网页相册: the privacy check first (what would be published, what is left out and why), then the static
 * gallery written to a folder the user names, with its address for the wall labels' QR codes.
 */
export function GalleryDialog({
  open,
  exhibition,
  onClose,
}: {
  open: boolean;
  exhibition: Exhibition;
  onClose: () => void;
}) {
  const { t, errorText, say } = useI18n();
  const [out, setOut] = useState('');
  const [base, setBase] = useState(exhibition.galleryUrl ?? '');
  const [check, setCheck] = useState<GalleryCheck | null>(null);
  const jobs = useJobs();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob<GalleryResult>(jobId);
  const result = job?.state === 'finished' ? job.result : null;
  const busy = job?.state === 'running';
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setJobId(null);
    setError(null);
    setBase(exhibition.galleryUrl ?? '');
    call('gallery.check', { exhibitionId: exhibition.id }).then(setCheck, (err) => setError(errorText(err)));
  }, [open, exhibition.id, exhibition.galleryUrl, errorText]);
  const start = async () => {
    setError(null);
    try {
      const [outDir] = await confirmPaths([out.trim()], 'export');
      setJobId(
        await jobs.start('gallery-export', {
          outDir: outDir!,
          baseUrl: base.trim() || undefined,
          exhibitionId: exhibition.id,
        }),
      );
    } catch (err) {
      setError(errorText(err));
    }
  };
  // A job that failed or was cancelled leaves the form as it was, saying why; the user may try again.
  const ended = job && job.state !== 'running' && job.state !== 'finished' ? job : null;
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" data-testid="gallery-dialog">
      <DialogTitle>{t('gallery.title')}</DialogTitle>
      <DialogContent dividers>
        {check && !result && (
          <Alert severity="info" sx={{ mb: 2 }} data-testid="gallery-check">
            {t('gallery.check', { photos: check.photos.length, workers: check.workers.length })}
            {[
              {
                id: 'photos',
                title: t('gallery.excludedPhotos', { count: check.excluded.length }),
                items: check.excluded.map((x) => ({
                  id: x.photoId,
                  text: say({ key: x.key, params: x.params, message: x.reason }),
                })),
              },
              {
                id: 'workers',
                title: t('gallery.withheldWorkers', { count: check.withheld.length }),
                items: check.withheld.map((x) => ({
                  id: x.workerId,
                  text: say({ key: x.key, params: x.params, message: x.reason }),
                })),
              },
            ]
              .filter((group) => group.items.length)
              .map((group) => (
                <Box key={group.id} sx={{ mt: 1 }} data-testid={`gallery-left-out-${group.id}`}>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {group.title}
                  </Typography>
                  <Box component="ul" sx={{ m: 0, pl: 2, maxHeight: 160, overflow: 'auto' }}>
                    {group.items.slice(0, 50).map((x) => (
                      <li key={x.id}>
                        <Typography variant="caption">{x.text}</Typography>
                      </li>
                    ))}
                    {group.items.length > 50 && (
                      <li>
                        <Typography variant="caption">
                          {t('gallery.more', { count: group.items.length - 50 })}
                        </Typography>
                      </li>
                    )}
                  </Box>
                </Box>
              ))}
          </Alert>
        )}
        {!result && (
          <Stack spacing={2}>
            <TextField
              size="small"
              fullWidth
              label={t('gallery.out')}
              placeholder="/home/…/网页相册"
              value={out}
              onChange={(e) => setOut(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'gallery-out' } }}
            />
            <TextField
              size="small"
              fullWidth
              label={t('exhibition.galleryUrl')}
              value={base}
              onChange={(e) => setBase(e.target.value)}
              helperText={t('gallery.baseHint')}
            />
          </Stack>
        )}
        {busy && job && (
          <Box sx={{ mt: 2 }}>
            <JobProgressBar
              title={t('gallery.running')}
              progress={job.progress}
              testId="gallery-progress"
              onCancel={() => void jobs.cancel(job.id)}
              cancelTestId="gallery-cancel"
            />
          </Box>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
        {ended && (
          <Alert severity={ended.state === 'failed' ? 'error' : 'info'} sx={{ mt: 2 }} data-testid="gallery-ended">
            {ended.state === 'failed' && ended.error ? errorText(ended.error) : t('gallery.cancelled')}
          </Alert>
        )}
        {result && (
          <Alert severity="success" data-testid="gallery-done">
            {t('gallery.done', {
              photos: result.photos,
              workers: result.workers,
              written: result.written,
              reused: result.reused,
            })}
            <Typography variant="caption" component="div" sx={{ wordBreak: 'break-all' }}>
              {result.index}
            </Typography>
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('common.close')}
        </Button>
        {!result && (
          <Button
            variant="contained"
            disabled={!!busy || !out.trim()}
            onClick={() => void start()}
            data-testid="gallery-start"
          >
            {t('gallery.start')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
