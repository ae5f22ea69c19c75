import CardGiftcardIcon from '@mui/icons-material/CardGiftcardOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  FormControlLabel,
  List,
  ListItemButton,
  ListItemText,
  MenuItem,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import type { GiftView, SheetPreview } from '@shared/model/gift';
import { resolutionOf } from '@shared/logic/export-rules';
import type { Photo } from '@shared/model/photo';
import { call, mediaUrl, sheetUrl } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { StringKey } from '../../i18n/strings';
import { CropEditor } from './CropEditor';
import { ExportDialog } from './ExportDialog';
import { HandOverPanel } from './HandOverPanel';
import { TemplateDialog } from './TemplateDialog';
import { useGifts } from './useGifts';
import { useRemembered } from '../../components/useRemembered';

function statusOf(g: GiftView): 'waiting' | 'printed' | 'framed' | 'handedOver' {
  return g.handOver.handedOverAt
    ? 'handedOver'
    : g.handOver.framedAt
      ? 'framed'
      : g.handOver.printedAt
        ? 'printed'
        : 'waiting';
}
const STATUS_COLOR = { waiting: 'default', printed: 'info', framed: 'warning', handedOver: 'success' } as const;

/** How sharp the gift will print: fine, soft (150–200 ppi, warned) or too soft to export by default (< 150). */
function PpiChip({ ppi }: { ppi: number }) {
  const { t } = useI18n();
  const r = resolutionOf(ppi);
  const label =
    r === 'refused'
      ? t('gifts.refusedPpi', { ppi })
      : r === 'low'
        ? t('gifts.lowPpi', { ppi })
        : t('gifts.ppi', { ppi });
  return (
    <Chip
      size="small"
      color={r === 'refused' ? 'error' : r === 'low' ? 'warning' : 'default'}
      label={label}
      sx={{ position: 'absolute', left: 16, bottom: 16, bgcolor: r === 'ok' ? 'rgba(255,255,255,0.8)' : undefined }}
      data-testid="ppi"
    />
  );
}

/**
 * 礼物: every tagged worker's framed print. Pick the template, see the sheet exactly as it will print, move the
 * crop, pick another photo, export for the print shop, and record who has received theirs.
 */
export function GiftsView() {
  const { t, errorText, say } = useI18n();
  const { notifyError } = useNotice();
  const [templateId, setTemplateId] = useRemembered('gifts.templateId', 'simple-white-10');
  const { gifts, templates, refresh } = useGifts(templateId);
  const [selected, setSelected] = useRemembered('gifts.workerId', '');
  // A template remembered from another project: back to the default one.
  useEffect(() => {
    if (templates.length && !templates.some((x) => x.id === templateId)) setTemplateId('simple-white-10');
  }, [templates, templateId, setTemplateId]);
  const [waitingOnly, setWaitingOnly] = useState(false);
  const [preview, setPreview] = useState<SheetPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [exporting, setExporting] = useState(false);
  const [editing, setEditing] = useState(false);

  // Those who can receive a gift first; a declined or photo-less worker is listed last, with the reason.
  const shown = useMemo(
    () =>
      (gifts ?? [])
        .filter((g) => !waitingOnly || statusOf(g) !== 'handedOver')
        .sort((a, b) => Number(!!a.blocked) - Number(!!b.blocked)),
    [gifts, waitingOnly],
  );
  const gift = (gifts ?? []).find((g) => g.workerId === selected) ?? shown[0] ?? null;
  const handed = (gifts ?? []).filter((g) => g.handOver.handedOverAt).length;

  useEffect(() => {
    if (!gift) return;
    call('photos.list', { filter: { workerId: gift.workerId } }).then(setPhotos, notifyError);
  }, [gift?.workerId, gift?.photoId, notifyError]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!gift || gift.blocked) {
      setPreview(null);
      return;
    }
    let live = true;
    setLoading(true);
    call('gifts.preview', { workerId: gift.workerId, templateId })
      .then(
        (p) => {
          if (!live) return;
          setPreview(p);
          setPreviewError(null);
        },
        (err) => live && setPreviewError(errorText(err)),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [gift?.workerId, gift?.photoId, gift?.crop, gift?.blocked, templateId]); // eslint-disable-line react-hooks/exhaustive-deps

  if (gifts === null)
    return (
      <Box sx={{ flex: 1, display: 'grid', placeItems: 'center' }}>
        <CircularProgress />
      </Box>
    );
  if (gifts.length === 0)
    return (
      <EmptyState
        testId="gifts-empty"
        icon={<CardGiftcardIcon />}
        title={t('gifts.empty.title')}
        body={t('gifts.empty.body')}
      />
    );

  const photo = photos.find((p) => p.id === gift?.photoId) ?? null;
  const template = templates.find((x) => x.id === templateId) ?? null;
  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex' }} data-testid="gifts-view">
      <Box
        sx={{
          width: 280,
          flexShrink: 0,
          borderRight: 1,
          borderColor: 'divider',
          bgcolor: 'background.paper',
          display: 'flex',
          flexDirection: 'column',
        }}
      >
        <Box sx={{ px: 2, pt: 1.5 }}>
          <Typography variant="subtitle2">{t('gifts.title')}</Typography>
          <Typography variant="caption" color="text.secondary" component="div">
            {t('gifts.count', { count: gifts.length, done: handed })}
          </Typography>
          <FormControlLabel
            sx={{ display: 'flex', mt: 0.5 }}
            control={<Switch size="small" checked={waitingOnly} onChange={(e) => setWaitingOnly(e.target.checked)} />}
            label={<Typography variant="body2">{t('gifts.waitingOnly')}</Typography>}
          />
        </Box>
        <List dense sx={{ overflow: 'auto', flex: 1, px: 1 }} data-testid="gift-list">
          {shown.map((g) => {
            const st = statusOf(g);
            return (
              <ListItemButton
                key={g.workerId}
                selected={g.workerId === gift?.workerId}
                onClick={() => setSelected(g.workerId)}
                sx={{ borderRadius: 1, gap: 1 }}
                data-testid="gift-item"
              >
                <ListItemText
                  primary={g.workerName}
                  secondary={
                    g.blocked
                      ? say(g.blocked)
                      : g.tooSoft
                        ? t('gifts.refusedPpiShort', { ppi: g.ppi ?? 0 })
                        : g.companyName
                  }
                  sx={{ minWidth: 0 }}
                  slotProps={{
                    primary: { sx: { fontWeight: 600, color: g.blocked ? 'error.main' : undefined } },
                    secondary: {
                      noWrap: true,
                      color: g.tooSoft && !g.blocked ? 'error' : undefined,
                      'data-testid': g.tooSoft ? 'gift-too-soft' : undefined,
                    } as object,
                  }}
                />
                {!g.blocked && (
                  <Chip
                    size="small"
                    label={t(`gifts.status.${st}` as StringKey)}
                    color={STATUS_COLOR[st]}
                    variant={st === 'waiting' ? 'outlined' : 'filled'}
                  />
                )}
              </ListItemButton>
            );
          })}
        </List>
      </Box>
      <Box sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
        <Stack
          direction="row"
          spacing={1.5}
          sx={{
            px: 2,
            py: 0.75,
            borderBottom: 1,
            borderColor: 'divider',
            bgcolor: 'background.paper',
            alignItems: 'center',
          }}
        >
          <TextField
            select
            size="small"
            label={t('gifts.template')}
            value={templateId}
            onChange={(e) => setTemplateId(e.target.value)}
            sx={{ width: 220 }}
            slotProps={{ htmlInput: { 'data-testid': 'template-select' } }}
          >
            {templates.map((tp) => (
              <MenuItem key={tp.id} value={tp.id}>
                {tp.name}
              </MenuItem>
            ))}
          </TextField>
          <Button
            startIcon={<EditIcon />}
            onClick={() => setEditing(true)}
            disabled={!template}
            data-testid="edit-template"
          >
            {t('gifts.editTemplate')}
          </Button>
          <Box sx={{ flex: 1 }} />
          <Button
            variant="contained"
            startIcon={<PrintIcon />}
            onClick={() => setExporting(true)}
            data-testid="open-export"
          >
            {t('gifts.export')}
          </Button>
        </Stack>
        <Box
          sx={{
            flex: 1,
            minHeight: 0,
            bgcolor: '#e9e6e1',
            position: 'relative',
            display: 'grid',
            placeItems: 'center',
            p: 3,
          }}
        >
          {gift?.blocked && <Alert severity="error">{t('gifts.blockedBecause', { reason: say(gift.blocked) })}</Alert>}
          {previewError && (
            <Alert severity="error" data-testid="preview-error">
              {previewError}
            </Alert>
          )}
          {preview && !gift?.blocked && (
            <img
              src={sheetUrl(preview.mediaId)}
              alt={gift?.workerName}
              data-testid="sheet-preview"
              style={{
                maxWidth: '100%',
                maxHeight: '100%',
                boxShadow: '0 6px 28px rgba(0,0,0,0.28)',
                background: '#fff',
              }}
            />
          )}
          {loading && (
            <CircularProgress
              size={28}
              sx={{ position: 'absolute', top: 16, right: 16 }}
              aria-label={t('gifts.rendering')}
            />
          )}
          {preview && <PpiChip ppi={preview.ppi} />}
          {/* What the sheet itself would get wrong (a camera clock far from the shoot day); the ppi has its chip. */}
          {preview?.warnings
            .filter((w) => w.key !== 'gift.lowPpi')
            .map((w, i) => (
              <Alert
                key={i}
                severity="warning"
                sx={{ position: 'absolute', right: 16, top: 16 + i * 64, maxWidth: 420, boxShadow: 1 }}
                data-testid="preview-warning"
              >
                {say(w)}
              </Alert>
            ))}
        </Box>
      </Box>
      <Box
        sx={{
          width: 340,
          flexShrink: 0,
          borderLeft: 1,
          borderColor: 'divider',
          bgcolor: 'background.paper',
          p: 2,
          overflow: 'auto',
        }}
      >
        {gift && photo && !gift.blocked && (
          <Stack spacing={2}>
            <Box>
              <Typography variant="caption" color="text.secondary">
                {t('gifts.crop')}
              </Typography>
              <CropEditor
                photo={photo}
                crop={gift.crop}
                aspect={photo.width >= photo.height ? 1.5 : 2 / 3}
                onChange={(crop) => void call('gifts.setCrop', { workerId: gift.workerId, crop }).catch(notifyError)}
              />
              {gift.crop && (
                <Button
                  size="small"
                  onClick={() => void call('gifts.setCrop', { workerId: gift.workerId, crop: null }).catch(notifyError)}
                >
                  {t('gifts.resetCrop')}
                </Button>
              )}
            </Box>
            <Box>
              <Typography
                variant="caption"
                color="text.secondary"
              >{`${t('gifts.photos', { count: gift.candidates.length })}${gift.chosen ? '' : ` · ${t('gifts.auto')}`}`}</Typography>
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.75, mt: 0.5 }}>
                {photos
                  .filter((p) => gift.candidates.includes(p.id))
                  .map((p) => (
                    <Box
                      key={p.id}
                      component="button"
                      onClick={() =>
                        void call('gifts.choosePhoto', { workerId: gift.workerId, photoId: p.id }).catch(notifyError)
                      }
                      data-testid="gift-candidate"
                      sx={{
                        p: 0,
                        border: 2,
                        borderColor: p.id === gift.photoId ? 'primary.main' : 'transparent',
                        borderRadius: 1,
                        cursor: 'pointer',
                        bgcolor: 'transparent',
                        width: 72,
                        height: 54,
                        overflow: 'hidden',
                      }}
                    >
                      <img
                        src={mediaUrl('thumb', p)}
                        alt={p.originalName}
                        style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
                      />
                    </Box>
                  ))}
              </Stack>
            </Box>
            <HandOverPanel gift={gift} />
          </Stack>
        )}
      </Box>
      <ExportDialog
        open={exporting}
        templates={templates}
        templateId={templateId}
        gifts={gifts}
        onClose={() => setExporting(false)}
      />
      <TemplateDialog
        open={editing}
        template={template}
        workerId={gift && !gift.blocked ? gift.workerId : null}
        onClose={() => setEditing(false)}
        onSaved={(tp) => void refresh().then(() => setTemplateId(tp.id))}
      />
    </Box>
  );
}
