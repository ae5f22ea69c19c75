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
import { oriented, PAPER_SIZES, parsePaperSize } from '@shared/logic/print-geometry';
import { SAFE_MM } from '@shared/logic/sheet-layout';
import type { GiftTemplate } from '@shared/model/gift';
import { call, confirmPaths, sheetUrl } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { STRINGS, type StringKey } from '../../i18n/strings';
import { CaptionEditor } from './CaptionEditor';

const num = (v: string) => (v.trim() === '' ? NaN : Number(v));
const ASPECTS = [
  { value: 1.5, label: '3:2' },
  { value: 4 / 3, label: '4:3' },
  { value: 1.25, label: '5:4' },
  { value: 1, label: '1:1' },
  { value: 0, label: null },
] as const;
const PAPERS = ['光面相纸', '绒面相纸', '珠光相纸', '哑光相纸', '艺术微喷纸'];

/** What the preview shows: the sheet, and the trim it was set on (for the safe-area overlay). */
interface Shown {
  url: string;
  trim: { widthMm: number; heightMm: number };
}

/**
 * Edit a template with a live preview rendered by the export pipeline for one real gift, the 5 mm safe area
 * drawn over it. A built-in template is saved as a project copy; problems are said in the chosen language.
 */
export function TemplateDialog({
  open,
  template,
  workerId,
  onClose,
  onSaved,
}: {
  open: boolean;
  template: GiftTemplate | null;
  workerId: string | null;
  onClose: () => void;
  onSaved: (t: GiftTemplate) => void;
}) {
  const { t, errorText } = useI18n();
  const [draft, setDraft] = useState<GiftTemplate | null>(null);
  const [campaign, setCampaign] = useState({ theme: '', organizer: '' });
  const [shown, setShown] = useState<Shown | null>(null);
  // The error itself is kept, not its text, so it is said in whichever language is chosen when it shows.
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [textures, setTextures] = useState<string[]>([]);
  const [showSafe, setShowSafe] = useState(true);

  useEffect(() => {
    if (!open || !template) return;
    setDraft({
      ...template,
      name: template.builtIn ? t('template.copyName', { name: template.name }) : template.name,
      captions: template.captions.map((c) => ({ ...c })),
    });
    setError(null);
    call('campaign.get', {}).then(setCampaign, () => undefined);
    call('templates.textures', {}).then(setTextures, () => undefined);
  }, [open, template, t]);

  // Live preview, a moment after the last change.
  useEffect(() => {
    if (!open || !draft || !workerId) return;
    const timer = window.setTimeout(() => {
      setBusy(true);
      const { builtIn: _b, ...rest } = draft;
      call('gifts.preview', { workerId, template: rest })
        .then(
          (p) => {
            const size = parsePaperSize(draft.size);
            const trim = size
              ? oriented(size, p.widthPx >= p.heightPx ? 'landscape' : 'portrait')
              : { widthMm: 1, heightMm: 1 };
            setShown({ url: sheetUrl(p.mediaId), trim });
            setError(null);
          },
          (err) => setError(err),
        )
        .finally(() => setBusy(false));
    }, 400);
    return () => window.clearTimeout(timer);
  }, [draft, open, workerId]);

  if (!draft) return null;
  const patch = (p: Partial<GiftTemplate>) => setDraft({ ...draft, ...p });
  const mat = (p: Partial<GiftTemplate['mat']>) => patch({ mat: { ...draft.mat, ...p } });
  const frame = (p: Partial<GiftTemplate['frame']>) => patch({ frame: { ...draft.frame, ...p } });
  const save = async () => {
    try {
      await call('campaign.update', campaign);
      const { builtIn, ...rest } = draft;
      // An absolute logo path is confirmed like any other file the user names.
      const logo =
        rest.logo?.path && /^([a-zA-Z]:[\\/]|\/)/.test(rest.logo.path)
          ? { ...rest.logo, path: (await confirmPaths([rest.logo.path], 'image'))[0]! }
          : rest.logo;
      const saved = await call('templates.save', { template: { ...rest, logo, id: builtIn ? undefined : rest.id } });
      onSaved(saved);
      onClose();
    } catch (err) {
      setError(err);
    }
  };
  const mmField = (label: StringKey, value: number, onValue: (n: number) => void, testId?: string) => (
    <TextField
      size="small"
      label={t(label)}
      value={String(value)}
      onChange={(e) => onValue(Math.max(0, num(e.target.value) || 0))}
      sx={{ flex: 1, minWidth: 0 }}
      slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': testId } }}
    />
  );

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="lg" data-testid="template-dialog">
      <DialogTitle>{t('gifts.editTemplate')}</DialogTitle>
      <DialogContent dividers sx={{ p: 0 }}>
        <Grid container>
          <Grid size={{ xs: 12, md: 6 }} sx={{ p: 2.5, maxHeight: '72vh', overflow: 'auto' }}>
            <Stack spacing={2}>
              <TextField
                size="small"
                label={t('template.name')}
                value={draft.name}
                onChange={(e) => patch({ name: e.target.value })}
              />
              <Typography variant="subtitle2">{t('template.sheet')}</Typography>
              <Stack direction="row" spacing={1}>
                <TextField
                  select
                  size="small"
                  label={t('template.size')}
                  value={draft.size}
                  onChange={(e) => patch({ size: e.target.value })}
                  sx={{ flex: 1 }}
                >
                  {Object.keys(PAPER_SIZES).map((s) => (
                    <MenuItem key={s} value={s}>
                      {s}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField
                  select
                  size="small"
                  label={t('template.orientation')}
                  value={draft.orientation}
                  onChange={(e) => patch({ orientation: e.target.value as GiftTemplate['orientation'] })}
                  sx={{ flex: 1 }}
                  slotProps={{ htmlInput: { 'data-testid': 'template-orientation' } }}
                >
                  <MenuItem value="auto">{t('template.orientation.auto')}</MenuItem>
                  <MenuItem value="portrait">{t('template.orientation.portrait')}</MenuItem>
                  <MenuItem value="landscape">{t('template.orientation.landscape')}</MenuItem>
                </TextField>
                <TextField
                  select
                  size="small"
                  label={t('template.aspect')}
                  value={draft.photoAspect ?? 0}
                  onChange={(e) => patch({ photoAspect: Number(e.target.value) || null })}
                  sx={{ flex: 1 }}
                  slotProps={{ htmlInput: { 'data-testid': 'template-aspect' } }}
                >
                  {ASPECTS.map((a) => (
                    <MenuItem key={a.value} value={a.value}>
                      {a.label ?? t('template.aspect.free')}
                    </MenuItem>
                  ))}
                </TextField>
              </Stack>
              <TextField
                select
                size="small"
                label={t('template.paper')}
                value={draft.paper ?? ''}
                onChange={(e) => patch({ paper: e.target.value || undefined })}
                slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
              >
                <MenuItem value="">{t('template.paper.unset')}</MenuItem>
                {PAPERS.map((p) => (
                  <MenuItem key={p} value={p}>
                    {p}
                  </MenuItem>
                ))}
              </TextField>
              <Stack direction="row" spacing={1}>
                <TextField
                  size="small"
                  type="color"
                  label={t('template.frameColor')}
                  value={draft.frame.color}
                  onChange={(e) => frame({ color: e.target.value })}
                  sx={{ width: 100 }}
                />
                {mmField('template.frameWidth', draft.frame.widthMm, (widthMm) => frame({ widthMm }))}
                <TextField
                  select
                  size="small"
                  label={t('template.frameTexture')}
                  value={draft.frame.texture ?? ''}
                  onChange={(e) => frame({ texture: e.target.value || null })}
                  sx={{ flex: 1 }}
                  slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                >
                  <MenuItem value="">{t('template.noTexture')}</MenuItem>
                  {textures.map((x) => {
                    const key = `texture.${x.replace(/\.\w+$/, '')}`;
                    return (
                      <MenuItem key={x} value={x}>
                        {key in STRINGS ? t(key as StringKey) : x}
                      </MenuItem>
                    );
                  })}
                </TextField>
              </Stack>
              <Stack direction="row" spacing={1}>
                <TextField
                  size="small"
                  type="color"
                  label={t('template.matColor')}
                  value={draft.mat.color}
                  onChange={(e) => mat({ color: e.target.value })}
                  sx={{ width: 100 }}
                />
                {mmField('template.matTop', draft.mat.topMm, (topMm) => mat({ topMm }), 'mat-top')}
                {mmField('template.matSide', draft.mat.sideMm, (sideMm) => mat({ sideMm }), 'mat-side')}
                {mmField('template.matBottom', draft.mat.bottomMm, (bottomMm) => mat({ bottomMm }), 'mat-bottom')}
              </Stack>
              <Stack direction="row" spacing={1}>
                <TextField
                  size="small"
                  label={t('template.logo')}
                  placeholder="assets/emblem.png"
                  value={draft.logo?.path ?? ''}
                  onChange={(e) =>
                    patch({
                      logo: e.target.value.trim()
                        ? { path: e.target.value, heightMm: draft.logo?.heightMm ?? 12 }
                        : null,
                    })
                  }
                  sx={{ flex: 3 }}
                  slotProps={{ htmlInput: { 'data-testid': 'template-logo' } }}
                />
                {mmField(
                  'template.logoHeight',
                  draft.logo?.heightMm ?? 12,
                  (heightMm) => draft.logo && patch({ logo: { ...draft.logo, heightMm } }),
                )}
              </Stack>
              <Divider />
              <Typography variant="subtitle2">{t('template.campaign')}</Typography>
              <TextField
                size="small"
                label={t('template.theme')}
                value={campaign.theme}
                onChange={(e) => setCampaign({ ...campaign, theme: e.target.value })}
              />
              <TextField
                size="small"
                label={t('template.organizer')}
                value={campaign.organizer}
                onChange={(e) => setCampaign({ ...campaign, organizer: e.target.value })}
              />
              <Divider />
              <CaptionEditor captions={draft.captions} onChange={(captions) => patch({ captions })} />
            </Stack>
          </Grid>
          <Grid
            size={{ xs: 12, md: 6 }}
            sx={{ bgcolor: '#e9e6e1', p: 2.5, display: 'flex', flexDirection: 'column', gap: 1 }}
          >
            <Box sx={{ position: 'relative', flex: 1, minHeight: 360, display: 'grid', placeItems: 'center' }}>
              {shown && (
                <Box sx={{ position: 'relative', lineHeight: 0, boxShadow: '0 4px 18px rgba(0,0,0,0.25)' }}>
                  <img
                    src={shown.url}
                    alt=""
                    style={{ maxWidth: '100%', maxHeight: 540 }}
                    data-testid="template-preview"
                  />
                  {/* Anything that must be seen stays inside: cutting varies ±1 mm and a frame's lip covers about 5. */}
                  {showSafe && (
                    <Box
                      data-testid="safe-area"
                      sx={{
                        position: 'absolute',
                        left: `${(100 * SAFE_MM) / shown.trim.widthMm}%`,
                        right: `${(100 * SAFE_MM) / shown.trim.widthMm}%`,
                        top: `${(100 * SAFE_MM) / shown.trim.heightMm}%`,
                        bottom: `${(100 * SAFE_MM) / shown.trim.heightMm}%`,
                        outline: '1px dashed rgba(0, 120, 212, 0.85)',
                        pointerEvents: 'none',
                      }}
                    />
                  )}
                </Box>
              )}
              {!shown && !error && <CircularProgress size={28} aria-label={t('gifts.rendering')} />}
              {busy && shown && (
                <CircularProgress
                  size={24}
                  sx={{ position: 'absolute', top: 4, right: 4 }}
                  aria-label={t('gifts.rendering')}
                />
              )}
            </Box>
            <FormControlLabel
              control={<Switch size="small" checked={showSafe} onChange={(e) => setShowSafe(e.target.checked)} />}
              label={<Typography variant="caption">{t('template.safeArea')}</Typography>}
            />
            {error !== null && (
              <Alert severity="error" data-testid="template-error">
                {errorText(error)}
              </Alert>
            )}
          </Grid>
        </Grid>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} data-testid="template-save">
          {draft.builtIn || !template || template.builtIn ? t('template.saveAs') : t('template.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
