import { Alert, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Grid, LinearProgress, MenuItem, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { ExportJobView } from '@shared/api/contract';
import type { ExportFormat, GiftTemplate } from '@shared/model/gift';
import { call, confirmPaths, onEvent } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';

/** Export options, then the job's progress and its outcome (files, skipped workers, the order sheet). */
export function ExportDialog({ open, templates, templateId, onClose }: { open: boolean; templates: GiftTemplate[]; templateId: string; onClose: () => void }) {
  const { t, errorText, say } = useI18n();
  const [form, setForm] = useState({ templateId, size: '', dpi: '300', format: 'jpeg' as ExportFormat, bleed: '3', marks: true, cmyk: false, out: '', impose: '' });
  const [job, setJob] = useState<ExportJobView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setForm((f) => ({ ...f, templateId }));
      setJob(null);
      setError(null);
    }
  }, [open, templateId]);
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const id = job.id;
    const offP = onEvent('export.progress', (p) => p.jobId === id && setJob((j) => (j ? { ...j, progress: p } : j)));
    const offF = onEvent('export.finished', (f) => f.jobId === id && setJob((j) => (j ? { ...j, state: f.summary.cancelled ? 'cancelled' : 'finished', summary: f.summary } : j)));
    const poll = window.setInterval(() => call('export.status', { jobId: id }).then((s) => s.state !== 'running' && setJob(s), () => undefined), 1500);
    return () => {
      offP();
      offF();
      window.clearInterval(poll);
    };
  }, [job]);

  const start = async () => {
    setError(null);
    try {
      const outDir = form.out.trim() ? (await confirmPaths([form.out.trim()], 'export'))[0] : undefined;
      const { jobId } = await call('export.start', {
        templateId: form.templateId,
        size: form.size.trim() || undefined,
        dpi: Number(form.dpi),
        format: form.format,
        bleedMm: Number(form.bleed),
        marks: form.marks,
        cmyk: form.cmyk,
        per: 'worker',
        outDir,
        impose: form.impose === 'A4' || form.impose === 'A3' ? form.impose : null,
      });
      setJob(await call('export.status', { jobId }));
    } catch (err) {
      setError(errorText(err));
    }
  };
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value });
  const s = job?.summary;
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" data-testid="export-dialog">
      <DialogTitle>{t('export.title')}</DialogTitle>
      <DialogContent dividers>
        {!job && (
          <Grid container spacing={2}>
            <Grid size={12}>
              <TextField select fullWidth size="small" label={t('gifts.template')} value={form.templateId} onChange={set('templateId')}>
                {templates.map((tp) => <MenuItem key={tp.id} value={tp.id}>{tp.name}</MenuItem>)}
              </TextField>
            </Grid>
            <Grid size={6}><TextField fullWidth size="small" label={t('export.size')} placeholder={t('export.sizeExample')} value={form.size} onChange={set('size')} /></Grid>
            <Grid size={6}><TextField fullWidth size="small" label={t('export.dpi')} value={form.dpi} onChange={set('dpi')} slotProps={{ htmlInput: { inputMode: 'numeric' } }} /></Grid>
            <Grid size={6}>
              <TextField select fullWidth size="small" label={t('export.format')} value={form.format} onChange={set('format')} slotProps={{ htmlInput: { 'data-testid': 'export-format' } }}>
                <MenuItem value="jpeg">JPEG</MenuItem>
                <MenuItem value="tiff">TIFF (LZW)</MenuItem>
                <MenuItem value="pdf">PDF</MenuItem>
              </TextField>
            </Grid>
            <Grid size={6}><TextField fullWidth size="small" label={t('export.bleed')} value={form.bleed} onChange={set('bleed')} /></Grid>
            <Grid size={6}><FormControlLabel control={<Checkbox checked={form.marks} onChange={(e) => setForm({ ...form, marks: e.target.checked })} />} label={t('export.marks')} /></Grid>
            <Grid size={6}><FormControlLabel control={<Checkbox checked={form.cmyk} disabled={form.format !== 'tiff'} onChange={(e) => setForm({ ...form, cmyk: e.target.checked })} />} label={t('export.cmyk')} /></Grid>
            <Grid size={12}>
              <TextField select fullWidth size="small" label={t('export.impose')} value={form.impose} onChange={set('impose')}>
                <MenuItem value="">{t('export.imposeNone')}</MenuItem>
                <MenuItem value="A4">A4</MenuItem>
                <MenuItem value="A3">A3</MenuItem>
              </TextField>
            </Grid>
            <Grid size={12}><TextField fullWidth size="small" label={t('export.out')} value={form.out} onChange={set('out')} slotProps={{ htmlInput: { 'data-testid': 'export-out' } }} /></Grid>
          </Grid>
        )}
        {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
        {job && !s && (
          <>
            <Typography variant="body2" sx={{ mb: 1 }} data-testid="export-progress">{t('export.running', { done: job.progress.done, total: job.progress.total })}{job.progress.current ? ` · ${job.progress.current}` : ''}</Typography>
            <LinearProgress variant={job.progress.total ? 'determinate' : 'indeterminate'} value={job.progress.total ? (100 * job.progress.done) / job.progress.total : 0} />
          </>
        )}
        {job?.state === 'failed' && <Alert severity="error">{job.error ? errorText(job.error) : null}</Alert>}
        {s && (
          <>
            <Alert severity={s.skipped.length ? 'warning' : 'success'} data-testid="export-done">{t('export.done', { count: s.files.length, skipped: s.skipped.length })}</Alert>
            {s.orderSheet.pdf && <Typography variant="body2" sx={{ mt: 1, wordBreak: 'break-all' }}>{`${t('export.orderSheet')}: ${s.orderSheet.pdf}`}</Typography>}
            {s.skipped.map((k) => <Typography key={`${k.workerId}${k.photoId}`} variant="caption" component="div" color="warning.dark">{say({ key: k.key, params: k.params, message: k.reason })}</Typography>)}
            {s.warnings.map((w, i) => <Typography key={i} variant="caption" component="div" color="text.secondary">{say(w)}</Typography>)}
          </>
        )}
      </DialogContent>
      <DialogActions>
        {job?.state === 'running' && <Button onClick={() => void call('export.cancel', { jobId: job.id })}>{t('export.cancel')}</Button>}
        <Button onClick={onClose}>{t('common.close')}</Button>
        {!job && <Button variant="contained" onClick={() => void start()} data-testid="export-start">{t('export.start')}</Button>}
      </DialogActions>
    </Dialog>
  );
}
