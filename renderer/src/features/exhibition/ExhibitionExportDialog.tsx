import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Grid,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import type { ExhibitionExportResult, ExhibitionOutput, LabelTemplate } from '@shared/model/exhibition';
import { BUILT_IN_LABELS, DEFAULT_LABEL } from '@shared/logic/label-templates';
import { call, confirmPaths } from '../../api/client';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { useJob, useJobs } from '../jobs/JobsProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { StringKey } from '../../i18n/strings';

const initial = {
  what: 'boards' as ExhibitionOutput,
  format: 'pdf' as 'pdf' | 'jpeg' | 'tiff',
  dpi: '',
  bleed: '',
  material: 'KT板',
  labelSheet: 'A4' as 'A4' | 'A3' | 'single',
  labelTemplateId: DEFAULT_LABEL,
  out: '',
  allowLowRes: false,
};

/**
 * What to print for the exhibition (boards, labels, catalogue, summary card), in which form; then the files
 * written and every photo that needs a word (soft, missing, a label that cannot fit), named.
 */
export function ExhibitionExportDialog({
  open,
  exhibitionId,
  onClose,
}: {
  open: boolean;
  exhibitionId: string;
  onClose: () => void;
}) {
  const { t, errorText, say } = useI18n();
  const [form, setForm] = useState(initial);
  const jobs = useJobs();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob<ExhibitionExportResult>(jobId);
  const [templates, setTemplates] = useState<LabelTemplate[]>(BUILT_IN_LABELS);
  useEffect(() => {
    if (open) call('labels.templates', {}).then(setTemplates, () => undefined);
  }, [open]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setJobId(null);
      setError(null);
    }
  }, [open]);
  const busy = job?.state === 'running';
  const result = job?.result ?? null;
  const formats =
    form.what === 'catalogue' ? ['pdf'] : form.what === 'summary' ? ['jpeg', 'tiff'] : ['pdf', 'jpeg', 'tiff'];
  const format = formats.includes(form.format) ? form.format : (formats[0] as typeof form.format);
  const start = async () => {
    setError(null);
    try {
      const outDir = form.out.trim() ? (await confirmPaths([form.out.trim()], 'export'))[0] : undefined;
      const id = await jobs.start('exhibition-export', {
        exhibitionId,
        what: form.what,
        format,
        dpi: form.dpi.trim() ? Number(form.dpi) : undefined,
        bleedMm: form.bleed.trim() ? Number(form.bleed) : undefined,
        material: form.material.trim() || undefined,
        labelSheet: form.labelSheet,
        labelTemplateId: form.labelTemplateId,
        allowLowRes: form.allowLowRes,
        outDir,
      });
      setJobId(id);
    } catch (err) {
      setError(errorText(err));
    }
  };
  const set = (k: keyof typeof initial) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setForm({ ...form, [k]: e.target.value });
  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      data-testid="exhibition-export-dialog"
    >
      <DialogTitle>{t('exhibition.export.title')}</DialogTitle>
      <DialogContent dividers>
        {!job && (
          <Grid container spacing={2}>
            <Grid size={12}>
              <TextField
                select
                fullWidth
                size="small"
                label={t('exhibition.export.what')}
                value={form.what}
                onChange={set('what')}
                slotProps={{ htmlInput: { 'data-testid': 'exhibition-export-what' } }}
              >
                {(['boards', 'labels', 'catalogue', 'summary'] as const).map((w) => (
                  <MenuItem key={w} value={w}>
                    {t(`exhibition.export.${w}` as StringKey)}
                  </MenuItem>
                ))}
              </TextField>
            </Grid>
            <Grid size={6}>
              <TextField
                select
                fullWidth
                size="small"
                label={t('export.format')}
                value={format}
                onChange={set('format')}
              >
                {formats.map((f) => (
                  <MenuItem key={f} value={f}>
                    {f === 'tiff' ? 'TIFF (LZW)' : f.toUpperCase()}
                  </MenuItem>
                ))}
              </TextField>
            </Grid>
            <Grid size={6}>
              <TextField
                fullWidth
                size="small"
                label={t('export.dpi')}
                placeholder={form.what === 'boards' ? '150' : '300'}
                value={form.dpi}
                disabled={format === 'pdf' || form.what === 'summary'}
                onChange={set('dpi')}
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              />
            </Grid>
            {form.what === 'boards' && (
              <>
                <Grid size={6}>
                  <TextField
                    fullWidth
                    size="small"
                    label={t('export.bleed')}
                    placeholder="5"
                    value={form.bleed}
                    onChange={set('bleed')}
                  />
                </Grid>
                <Grid size={6}>
                  <TextField
                    fullWidth
                    size="small"
                    label={t('exhibition.export.material')}
                    value={form.material}
                    onChange={set('material')}
                  />
                </Grid>
                <Grid size={12}>
                  <FormControlLabel
                    control={
                      <Checkbox
                        checked={form.allowLowRes}
                        onChange={(e) => setForm({ ...form, allowLowRes: e.target.checked })}
                      />
                    }
                    label={<Typography variant="body2">{t('exhibition.export.allowLowRes')}</Typography>}
                  />
                </Grid>
              </>
            )}
            {form.what === 'labels' && (
              <Grid size={12}>
                <TextField
                  select
                  fullWidth
                  size="small"
                  label={t('exhibition.export.labelTemplate')}
                  value={form.labelTemplateId}
                  onChange={set('labelTemplateId')}
                >
                  {templates.map((l) => (
                    <MenuItem key={l.id} value={l.id}>
                      {l.name}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
            )}
            {form.what === 'labels' && (
              <Grid size={12}>
                <TextField
                  select
                  fullWidth
                  size="small"
                  label={t('exhibition.export.labelSheet')}
                  value={form.labelSheet}
                  onChange={set('labelSheet')}
                >
                  <MenuItem value="A4">A4</MenuItem>
                  <MenuItem value="A3">A3</MenuItem>
                  <MenuItem value="single">{t('exhibition.export.single')}</MenuItem>
                </TextField>
              </Grid>
            )}
            <Grid size={12}>
              <TextField
                fullWidth
                size="small"
                label={t('export.out')}
                value={form.out}
                onChange={set('out')}
                slotProps={{ htmlInput: { 'data-testid': 'exhibition-export-out' } }}
              />
            </Grid>
          </Grid>
        )}
        {busy && job && (
          <Box sx={{ mt: 2 }}>
            <JobProgressBar
              title={t('exhibition.export.progress')}
              progress={job.progress}
              testId="exhibition-export-progress"
              onCancel={() => void jobs.cancel(job.id)}
              cancelLabel={t('export.cancel')}
              cancelTestId="exhibition-export-cancel"
            />
          </Box>
        )}
        {job?.state === 'failed' && job.error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {errorText(job.error)}
          </Alert>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="exhibition-export-error">
            {error}
          </Alert>
        )}
        {result && (
          <>
            <Alert
              severity={result.cancelled || result.warnings.length ? 'warning' : 'success'}
              data-testid="exhibition-export-done"
            >
              {t('exhibition.export.done', { count: result.files.length })}
              {result.cancelled ? ` · ${t('exhibition.export.cancelled')}` : ''}
            </Alert>
            <Box sx={{ mt: 1 }}>
              {result.files.map((f) => (
                <Typography key={f.path} variant="caption" component="div" sx={{ wordBreak: 'break-all' }}>
                  {f.path}
                </Typography>
              ))}
              {result.warnings.map((w, i) => (
                <Typography key={i} variant="caption" component="div" color="warning.dark">
                  {say({ key: w.key, params: w.params, message: w.message })}
                </Typography>
              ))}
            </Box>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('common.close')}
        </Button>
        {!job && (
          <Button variant="contained" onClick={() => void start()} data-testid="exhibition-export-start">
            {t('export.start')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
