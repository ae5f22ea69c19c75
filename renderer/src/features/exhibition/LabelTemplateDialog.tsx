import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  FormControlLabel,
  Grid,
  MenuItem,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import type { LabelPreview, LabelTemplate } from '@shared/model/exhibition';
import { call, sheetUrl } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { CaptionEditor } from '../gifts/CaptionEditor';

const SIZES = ['150x100', '100x70', '148x105', '200x140'];

/**
 * A wall label's design: name, size, background, the QR code, and its text lines in the gift templates' caption
 * editor (same variables and faces); the selected photo's label is previewed as it will print while editing.
 */
export function LabelTemplateDialog({
  open,
  template,
  exhibitionId,
  photoId,
  onClose,
  onSaved,
}: {
  open: boolean;
  template: LabelTemplate;
  exhibitionId: string;
  photoId: string;
  onClose: () => void;
  onSaved: (t: LabelTemplate) => void;
}) {
  const { t, errorText, say } = useI18n();
  const [draft, setDraft] = useState(template);
  const [preview, setPreview] = useState<LabelPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (open) setDraft(template.builtIn ? { ...template, name: `${template.name}（副本）` } : template);
  }, [open, template]);
  // The preview follows the draft, a moment after the last keystroke.
  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = window.setTimeout(() => {
      const { builtIn: _b, ...rest } = draft;
      call('exhibitions.labelPreview', { id: exhibitionId, photoId, template: rest }).then(
        (p) => live && (setPreview(p), setError(null)),
        (err) => live && setError(err),
      );
    }, 300);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [draft, open, exhibitionId, photoId]);
  const save = async () => {
    try {
      const { builtIn: _b, ...rest } = draft;
      onSaved(await call('labels.saveTemplate', { template: { ...rest, id: template.builtIn ? undefined : rest.id } }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="lg" data-testid="label-template-dialog">
      <DialogTitle>{t('labelTemplate.title')}</DialogTitle>
      <DialogContent dividers sx={{ p: 0 }}>
        <Grid container>
          <Grid size={{ xs: 12, md: 6 }} sx={{ p: 2.5 }}>
            <Stack spacing={1.5}>
              <TextField
                size="small"
                label={t('labelTemplate.name')}
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                slotProps={{ htmlInput: { 'data-testid': 'label-template-name' } }}
              />
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <TextField
                  select
                  size="small"
                  label={t('labelTemplate.size')}
                  value={SIZES.includes(draft.size) ? draft.size : draft.size}
                  onChange={(e) => setDraft({ ...draft, size: e.target.value })}
                  sx={{ flex: 1 }}
                >
                  {[...new Set([...SIZES, draft.size])].map((s) => (
                    <MenuItem key={s} value={s}>
                      {s.replace('x', '×')} mm
                    </MenuItem>
                  ))}
                </TextField>
                <TextField
                  size="small"
                  type="color"
                  label={t('exhibition.background')}
                  value={draft.background}
                  onChange={(e) => setDraft({ ...draft, background: e.target.value })}
                  sx={{ width: 100 }}
                />
                <FormControlLabel
                  control={
                    <Switch
                      size="small"
                      checked={draft.qr}
                      onChange={(e) => setDraft({ ...draft, qr: e.target.checked })}
                    />
                  }
                  label={<Typography variant="body2">{t('labelTemplate.qr')}</Typography>}
                />
              </Stack>
              <Divider />
              <CaptionEditor captions={draft.blocks} onChange={(blocks) => setDraft({ ...draft, blocks })} />
            </Stack>
          </Grid>
          <Grid
            size={{ xs: 12, md: 6 }}
            sx={{ bgcolor: '#e9e6e1', p: 2.5, display: 'grid', placeItems: 'center', minHeight: 360 }}
          >
            {preview?.mediaId && (
              <Box
                component="img"
                src={sheetUrl(preview.mediaId)}
                alt=""
                sx={{ maxWidth: '100%', boxShadow: '0 4px 18px rgba(0,0,0,0.25)', bgcolor: '#fff' }}
                data-testid="label-template-preview"
              />
            )}
            {!preview && !error && <CircularProgress size={28} />}
            {preview?.problem && <Alert severity="error">{say(preview.problem)}</Alert>}
            {error !== null && (
              <Alert severity="error" data-testid="label-template-error">
                {errorText(error)}
              </Alert>
            )}
          </Grid>
        </Grid>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} data-testid="label-template-save">
          {template.builtIn ? t('template.saveAs') : t('template.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
