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
import type { ExportFormat, ExportSummary, GiftTemplate, GiftView } from '@shared/model/gift';
import { refusedOptions } from '@shared/logic/export-rules';
import { confirmPaths } from '../../api/client';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { useJob, useJobs } from '../jobs/JobsProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { ExportOutcome } from './ExportOutcome';

type Colour = 'srgb' | 'cmyk' | 'cmyk-file';

const initial = (templateId: string) => ({
  templateId,
  size: '',
  dpi: '300',
  format: 'jpeg' as ExportFormat,
  bleed: '3',
  marks: false,
  colour: 'srgb' as Colour,
  icc: '',
  out: '',
  impose: '',
  allowLowRes: false,
});

/**
 * Export options, then the job's progress and its outcome. What the files cannot honour (CMYK in a JPEG, marks that
 * make a minilab print small) is said here, before anything is written, in the words of the service's refusal.
 */
export function ExportDialog({
  open,
  templates,
  templateId,
  gifts,
  onClose,
}: {
  open: boolean;
  templates: GiftTemplate[];
  templateId: string;
  gifts: GiftView[];
  onClose: () => void;
}) {
  const { t, errorText, say } = useI18n();
  const [form, setForm] = useState(() => initial(templateId));
  const jobs = useJobs();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob<ExportSummary>(jobId);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setForm((f) => ({ ...f, templateId }));
      setJobId(null);
      setError(null);
    }
  }, [open, templateId]);
  const imposed = form.impose === 'A4' || form.impose === 'A3' ? form.impose : null;
  const cmyk = form.colour !== 'srgb';
  // Marks in a raster file outside n-up pages are asked for explicitly (and warned about): the file is larger than the paper.
  const rasterMarks = form.marks && form.format !== 'pdf' && !imposed;
  const refusal = refusedOptions({ format: form.format, cmyk, marks: form.marks, rasterMarks, impose: imposed });
  const tooSoft = gifts.filter((g) => g.tooSoft && !g.blocked);

  const start = async () => {
    setError(null);
    try {
      const outDir = form.out.trim() ? (await confirmPaths([form.out.trim()], 'export'))[0] : undefined;
      const icc =
        form.colour === 'cmyk-file' && form.icc.trim()
          ? (await confirmPaths([form.icc.trim()], 'image'))[0]
          : undefined;
      const id = await jobs.start('export', {
        templateId: form.templateId,
        size: form.size.trim() || undefined,
        dpi: Number(form.dpi),
        format: form.format,
        bleedMm: Number(form.bleed),
        marks: form.marks,
        rasterMarks,
        cmyk,
        icc,
        allowLowRes: form.allowLowRes,
        per: 'worker',
        outDir,
        impose: imposed,
      });
      setJobId(id);
    } catch (err) {
      setError(errorText(err));
    }
  };
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.target.value;
    setForm((f) => {
      const next = { ...f, [k]: value };
      // Marks belong in a PDF and on n-up pages; a single raster print for a minilab is trim + bleed only.
      if (k === 'format' || k === 'impose') next.marks = next.format === 'pdf' || !!next.impose;
      if (k === 'format' && value !== 'tiff') next.colour = 'srgb';
      return next;
    });
  };
  const check = (k: 'marks' | 'allowLowRes') => (e: React.ChangeEvent<HTMLInputElement>) =>
    setForm({ ...form, [k]: e.target.checked });
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" data-testid="export-dialog">
      <DialogTitle>{t('export.title')}</DialogTitle>
      <DialogContent dividers>
        {!job && (
          <Grid container spacing={2}>
            <Grid size={12}>
              <TextField
                select
                fullWidth
                size="small"
                label={t('gifts.template')}
                value={form.templateId}
                onChange={set('templateId')}
              >
                {templates.map((tp) => (
                  <MenuItem key={tp.id} value={tp.id}>
                    {tp.name}
                  </MenuItem>
                ))}
              </TextField>
            </Grid>
            <Grid size={6}>
              <TextField
                fullWidth
                size="small"
                label={t('export.size')}
                placeholder={t('export.sizeExample')}
                value={form.size}
                onChange={set('size')}
              />
            </Grid>
            <Grid size={6}>
              <TextField
                fullWidth
                size="small"
                label={t('export.dpi')}
                value={form.dpi}
                onChange={set('dpi')}
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              />
            </Grid>
            <Grid size={6}>
              <TextField
                select
                fullWidth
                size="small"
                label={t('export.format')}
                value={form.format}
                onChange={set('format')}
                slotProps={{ htmlInput: { 'data-testid': 'export-format' } }}
              >
                <MenuItem value="jpeg">JPEG</MenuItem>
                <MenuItem value="tiff">TIFF (LZW)</MenuItem>
                <MenuItem value="pdf">PDF</MenuItem>
              </TextField>
            </Grid>
            <Grid size={6}>
              <TextField fullWidth size="small" label={t('export.bleed')} value={form.bleed} onChange={set('bleed')} />
            </Grid>
            <Grid size={12}>
              <TextField
                select
                fullWidth
                size="small"
                label={t('export.colour')}
                value={form.colour}
                onChange={set('colour')}
                helperText={t('export.colourHint')}
                slotProps={{ htmlInput: { 'data-testid': 'export-colour' } }}
              >
                <MenuItem value="srgb">{t('export.colour.srgb')}</MenuItem>
                <MenuItem value="cmyk" disabled={form.format !== 'tiff'}>
                  {t('export.colour.fogra39')}
                </MenuItem>
                <MenuItem value="cmyk-file" disabled={form.format !== 'tiff'}>
                  {t('export.colour.file')}
                </MenuItem>
              </TextField>
            </Grid>
            {form.colour === 'cmyk-file' && (
              <Grid size={12}>
                <TextField
                  fullWidth
                  size="small"
                  label={t('export.iccFile')}
                  value={form.icc}
                  onChange={set('icc')}
                  placeholder="/…/ISOcoated_v2_eci.icc"
                />
              </Grid>
            )}
            <Grid size={12}>
              <TextField
                select
                fullWidth
                size="small"
                label={t('export.impose')}
                value={form.impose}
                onChange={set('impose')}
              >
                <MenuItem value="">{t('export.imposeNone')}</MenuItem>
                <MenuItem value="A4">A4</MenuItem>
                <MenuItem value="A3">A3</MenuItem>
              </TextField>
            </Grid>
            <Grid size={12}>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={form.marks}
                    onChange={check('marks')}
                    slotProps={{ input: { 'data-testid': 'export-marks' } as object }}
                  />
                }
                label={t('export.marks')}
              />
              {rasterMarks && (
                <Alert severity="warning" sx={{ mt: 0.5 }} data-testid="raster-marks-warning">
                  {t('export.rasterMarksWarning')}
                </Alert>
              )}
            </Grid>
            {tooSoft.length > 0 && (
              <Grid size={12}>
                <Alert severity="error" data-testid="export-too-soft">
                  {t('export.tooSoft', {
                    count: tooSoft.length,
                    names:
                      tooSoft
                        .slice(0, 5)
                        .map((g) => g.workerName)
                        .join('、') + (tooSoft.length > 5 ? '…' : ''),
                  })}
                  <FormControlLabel
                    sx={{ display: 'flex' }}
                    control={<Checkbox size="small" checked={form.allowLowRes} onChange={check('allowLowRes')} />}
                    label={<Typography variant="body2">{t('export.allowLowRes')}</Typography>}
                  />
                </Alert>
              </Grid>
            )}
            <Grid size={12}>
              <TextField
                fullWidth
                size="small"
                label={t('export.out')}
                value={form.out}
                onChange={set('out')}
                slotProps={{ htmlInput: { 'data-testid': 'export-out' } }}
              />
            </Grid>
          </Grid>
        )}
        {!job && refusal && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="export-refusal">
            {say(refusal)}
          </Alert>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
        {job?.state === 'running' && (
          <Box sx={{ mt: 1 }}>
            <JobProgressBar
              title={t('export.running')}
              progress={job.progress}
              testId="export-progress"
              onCancel={() => void jobs.cancel(job.id)}
              cancelLabel={t('export.cancel')}
            />
          </Box>
        )}
        {job?.state === 'failed' && <Alert severity="error">{job.error ? errorText(job.error) : null}</Alert>}
        {job?.result && <ExportOutcome summary={job.result} gifts={gifts} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')}</Button>
        {!job && (
          <Button variant="contained" disabled={!!refusal} onClick={() => void start()} data-testid="export-start">
            {t('export.start')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
