import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Grid, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { PAPER_SIZES } from '@shared/logic/print-geometry';
import type { CaptionBlock, GiftTemplate } from '@shared/model/gift';
import { call, sheetUrl } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { STRINGS, type StringKey } from '../../i18n/strings';

const num = (v: string) => (v.trim() === '' ? NaN : Number(v));

/**
 * Edit a template with a live preview rendered by the export pipeline for one real gift. A built-in template is
 * saved as a project copy; an unknown caption variable is shown here, before anything reaches paper.
 */
export function TemplateDialog({ open, template, workerId, onClose, onSaved }: { open: boolean; template: GiftTemplate | null; workerId: string | null; onClose: () => void; onSaved: (t: GiftTemplate) => void }) {
  const { t, errorText } = useI18n();
  const [draft, setDraft] = useState<GiftTemplate | null>(null);
  const [campaign, setCampaign] = useState({ theme: '', organizer: '' });
  const [preview, setPreview] = useState<string | null>(null);
  // The error itself is kept, not its text, so it is said in whichever language is chosen when it shows.
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [textures, setTextures] = useState<string[]>([]);

  useEffect(() => {
    if (!open || !template) return;
    setDraft({ ...template, name: template.builtIn ? t('template.copyName', { name: template.name }) : template.name, captions: template.captions.map((c) => ({ ...c })) });
    setError(null);
    call('campaign.get', {}).then(setCampaign, () => undefined);
    call('templates.textures', {}).then(setTextures, () => undefined);
  }, [open, template, t]);

  // Live preview, a moment after the last keystroke.
  useEffect(() => {
    if (!open || !draft || !workerId) return;
    const timer = window.setTimeout(() => {
      setBusy(true);
      const { builtIn: _b, ...rest } = draft;
      call('gifts.preview', { workerId, template: rest })
        .then((p) => {
          setPreview(sheetUrl(p.mediaId));
          setError(null);
        }, (err) => setError(err))
        .finally(() => setBusy(false));
    }, 500);
    return () => window.clearTimeout(timer);
  }, [draft, open, workerId]);

  if (!draft) return null;
  const setCaption = (i: number, patch: Partial<CaptionBlock>) => setDraft({ ...draft, captions: draft.captions.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const save = async () => {
    try {
      await call('campaign.update', campaign);
      const { builtIn, ...rest } = draft;
      const saved = await call('templates.save', { template: { ...rest, id: builtIn ? undefined : rest.id } });
      onSaved(saved);
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="lg" data-testid="template-dialog">
      <DialogTitle>{t('gifts.editTemplate')}</DialogTitle>
      <DialogContent dividers>
        <Grid container spacing={3}>
          <Grid size={{ xs: 12, md: 6 }}>
            <Stack spacing={2}>
              <TextField size="small" label={t('template.name')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
              <Stack direction="row" spacing={1}>
                <TextField select size="small" label={t('template.size')} value={draft.size} onChange={(e) => setDraft({ ...draft, size: e.target.value })} sx={{ flex: 1 }}>
                  {Object.keys(PAPER_SIZES).map((s) => <MenuItem key={s} value={s}>{s}</MenuItem>)}
                </TextField>
                <TextField size="small" type="color" label={t('template.frameColor')} value={draft.frame.color} onChange={(e) => setDraft({ ...draft, frame: { ...draft.frame, color: e.target.value } })} sx={{ width: 110 }} />
                <TextField size="small" label={t('template.frameWidth')} value={String(draft.frame.widthMm)} onChange={(e) => setDraft({ ...draft, frame: { ...draft.frame, widthMm: num(e.target.value) || 0 } })} sx={{ width: 110 }} />
                <TextField select size="small" label={t('template.frameTexture')} value={draft.frame.texture ?? ''} onChange={(e) => setDraft({ ...draft, frame: { ...draft.frame, texture: e.target.value || null } })} sx={{ width: 130 }} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
                  <MenuItem value="">{t('template.noTexture')}</MenuItem>
                  {textures.map((x) => {
                    const key = `texture.${x.replace(/\.\w+$/, '')}`;
                    return <MenuItem key={x} value={x}>{key in STRINGS ? t(key as StringKey) : x}</MenuItem>;
                  })}
                </TextField>
              </Stack>
              <Stack direction="row" spacing={1}>
                <TextField size="small" type="color" label={t('template.matColor')} value={draft.mat.color} onChange={(e) => setDraft({ ...draft, mat: { ...draft.mat, color: e.target.value } })} sx={{ width: 110 }} />
                <TextField size="small" label={t('template.matSide')} value={String(draft.mat.sideMm)} onChange={(e) => setDraft({ ...draft, mat: { ...draft.mat, sideMm: num(e.target.value) || 0, topMm: num(e.target.value) || 0 } })} sx={{ flex: 1 }} />
                <TextField size="small" label={t('template.matBottom')} value={String(draft.mat.bottomMm)} onChange={(e) => setDraft({ ...draft, mat: { ...draft.mat, bottomMm: num(e.target.value) || 0 } })} sx={{ flex: 1 }} />
              </Stack>
              <TextField size="small" label={t('template.theme')} value={campaign.theme} onChange={(e) => setCampaign({ ...campaign, theme: e.target.value })} />
              <TextField size="small" label={t('template.organizer')} value={campaign.organizer} onChange={(e) => setCampaign({ ...campaign, organizer: e.target.value })} />
              <Typography variant="caption" color="text.secondary">{t('template.captions')}</Typography>
              {draft.captions.map((c, i) => (
                <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <TextField size="small" value={c.text} onChange={(e) => setCaption(i, { text: e.target.value })} sx={{ flex: 1 }} slotProps={{ htmlInput: { 'data-testid': `caption-${i}` } }} />
                  <TextField select size="small" value={c.font} onChange={(e) => setCaption(i, { font: e.target.value as CaptionBlock['font'] })} sx={{ width: 90 }}>
                    <MenuItem value="sans">{t('template.fontSans')}</MenuItem>
                    <MenuItem value="serif">{t('template.fontSerif')}</MenuItem>
                  </TextField>
                  <TextField size="small" value={String(c.sizePt)} onChange={(e) => setCaption(i, { sizePt: num(e.target.value) || 4 })} sx={{ width: 64 }} />
                  <IconButton size="small" onClick={() => setDraft({ ...draft, captions: draft.captions.filter((_, j) => j !== i) })}><DeleteIcon fontSize="small" /></IconButton>
                </Stack>
              ))}
              <Button size="small" startIcon={<AddIcon />} onClick={() => setDraft({ ...draft, captions: [...draft.captions, { text: '{worker.quote}', font: 'serif', sizePt: 10, weight: 'normal', color: '#4a4540', align: 'center' }] })} sx={{ alignSelf: 'flex-start' }}>
                {t('common.add')}
              </Button>
              {error !== null && <Alert severity="error" data-testid="template-error">{errorText(error)}</Alert>}
            </Stack>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <Box sx={{ position: 'relative', bgcolor: '#e9e6e1', borderRadius: 1, p: 2, minHeight: 360, display: 'grid', placeItems: 'center' }}>
              {preview && <img src={preview} alt="" style={{ maxWidth: '100%', maxHeight: 520, boxShadow: '0 4px 18px rgba(0,0,0,0.25)' }} data-testid="template-preview" />}
              {busy && <CircularProgress size={28} sx={{ position: 'absolute', top: 12, right: 12 }} />}
            </Box>
          </Grid>
        </Grid>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} data-testid="template-save">{t('template.saveAs')}</Button>
      </DialogActions>
    </Dialog>
  );
}
