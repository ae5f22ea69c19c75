import AutoAwesomeIcon from '@mui/icons-material/AutoAwesomeOutlined';
import { Box, Button, Divider, List, ListItem, ListItemAvatar, ListItemText, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { BOARD_PRESETS, EXHIBIT_ORDERS, type Exhibition, type ExhibitionPlan, type ExhibitOrder } from '@shared/model/exhibition';
import type { Photo } from '@shared/model/photo';
import { call, mediaUrl } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { StringKey } from '../../i18n/strings';

export interface AutofillForm {
  boardSize: string;
  boards: string;
  order: ExhibitOrder;
}

/** The auto-fill settings: a preset board size (or one typed), how many boards, in what order. */
export function AutofillFields({ form, onChange }: { form: AutofillForm; onChange: (f: AutofillForm) => void }) {
  const { t } = useI18n();
  return (
    <Stack spacing={1.5}>
      <TextField select size="small" label={t('exhibition.boardSize')} value={form.boardSize} onChange={(e) => onChange({ ...form, boardSize: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'board-size' } }}>
        {BOARD_PRESETS.map((b) => <MenuItem key={b.label} value={`${b.widthMm}x${b.heightMm}mm`}>{b.label}</MenuItem>)}
      </TextField>
      <TextField size="small" label={t('exhibition.boardCount')} value={form.boards} onChange={(e) => onChange({ ...form, boards: e.target.value.replace(/[^0-9]/g, '') })} slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'board-count' } }} />
      <TextField select size="small" label={t('exhibition.order')} value={form.order} onChange={(e) => onChange({ ...form, order: e.target.value as ExhibitOrder })}>
        {EXHIBIT_ORDERS.map((o) => <MenuItem key={o} value={o}>{t(`exhibition.order.${o}` as StringKey)}</MenuItem>)}
      </TextField>
    </Stack>
  );
}

/** A text field saved when the user leaves it (undoable like every edit), its refusal shown under it. */
function InfoField({ label, value, field, placeholder, readOnly }: { label: string; value: string; field: 'title' | 'subtitle' | 'venue' | 'dates' | 'organizers' | 'galleryUrl'; placeholder?: string; readOnly: boolean }) {
  const { errorText } = useI18n();
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(value), [value]);
  const save = () => {
    if (text.trim() === value.trim()) return;
    const v = text.trim();
    if (field === 'title' && !v) return setText(value);
    call('exhibitions.update', { [field]: field === 'title' || field === 'subtitle' ? v : v || null }).then(() => setError(null), (err) => setError(errorText(err)));
  };
  return <TextField size="small" fullWidth label={label} value={text} placeholder={placeholder} disabled={readOnly} onChange={(e) => setText(e.target.value)} onBlur={save} onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()} error={!!error} helperText={error ?? undefined} slotProps={{ htmlInput: { 'data-testid': `exhibition-${field}` } }} />;
}

/** The left column: what the exhibition is, how auto-fill lays it out, and what is off the wall and why. */
export function ExhibitionSidebar({ exhibition, leftOff, photos, form, onForm, onAutofill, busy, readOnly }: {
  exhibition: Exhibition;
  leftOff: Pick<ExhibitionPlan, 'excluded' | 'toAsk'>;
  photos: Map<string, Photo>;
  form: AutofillForm;
  onForm: (f: AutofillForm) => void;
  onAutofill: () => void;
  busy: boolean;
  readOnly: boolean;
}) {
  const { t, say } = useI18n();
  const { notifyError } = useNotice();
  return (
    <Box sx={{ width: 300, flexShrink: 0, borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper', overflow: 'auto', p: 2 }} data-testid="exhibition-sidebar">
      <Typography variant="subtitle2" sx={{ mb: 1.5 }}>{t('exhibition.info')}</Typography>
      <Stack spacing={1.5}>
        <InfoField label={t('exhibition.titleField')} value={exhibition.title} field="title" readOnly={readOnly} />
        <InfoField label={t('exhibition.subtitle')} value={exhibition.subtitle} field="subtitle" readOnly={readOnly} />
        <InfoField label={t('exhibition.venue')} value={exhibition.venue ?? ''} field="venue" readOnly={readOnly} />
        <InfoField label={t('exhibition.dates')} value={exhibition.dates ?? ''} field="dates" readOnly={readOnly} />
        <InfoField label={t('exhibition.organizers')} value={exhibition.organizers ?? ''} field="organizers" readOnly={readOnly} />
        <InfoField label={t('exhibition.galleryUrl')} value={exhibition.galleryUrl ?? ''} field="galleryUrl" placeholder={t('exhibition.galleryUrl.hint')} readOnly={readOnly} />
      </Stack>
      <Divider sx={{ my: 2 }} />
      <Typography variant="subtitle2" sx={{ mb: 1.5 }}>{t('exhibition.layout')}</Typography>
      <AutofillFields form={form} onChange={onForm} />
      <Button fullWidth variant="outlined" startIcon={<AutoAwesomeIcon />} sx={{ mt: 1.5 }} disabled={busy || readOnly} onClick={onAutofill} data-testid="exhibition-refill">{t('exhibition.refill')}</Button>
      <Divider sx={{ my: 2 }} />
      <Typography variant="subtitle2">{t('exhibition.leftOff', { count: leftOff.excluded.length })}</Typography>
      {leftOff.excluded.length === 0 && <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>{t('exhibition.leftOff.none')}</Typography>}
      <List dense disablePadding data-testid="left-off">
        {leftOff.excluded.map((x) => {
          const photo = photos.get(x.photoId);
          const ask = leftOff.toAsk.includes(x.photoId);
          const removed = x.key === 'exhibit.removedByHand';
          return (
            <ListItem key={x.photoId} disableGutters alignItems="flex-start" data-testid="left-off-item">
              <ListItemAvatar sx={{ minWidth: 52 }}>
                <Box sx={{ width: 44, height: 44, borderRadius: 0.5, bgcolor: 'grey.200', backgroundImage: photo ? `url("${mediaUrl('thumb', photo)}")` : undefined, backgroundSize: 'cover', backgroundPosition: 'center' }} />
              </ListItemAvatar>
              <ListItemText
                primary={photo?.originalName ?? x.photoId}
                secondary={
                  <>
                    <Typography variant="caption" component="span" color={ask || removed ? 'warning.dark' : 'text.secondary'} sx={{ display: 'block' }}>{say({ key: x.key, params: x.params, message: x.reason })}</Typography>
                    {!readOnly && (ask || removed) && (
                      <Button size="small" sx={{ px: 0, minWidth: 0 }} data-testid={ask ? 'confirm-exhibit' : 'put-back'} onClick={() => (ask ? call('exhibitions.confirm', { photoIds: [x.photoId] }) : call('exhibitions.restore', { photoId: x.photoId })).catch(notifyError)}>
                        {ask ? t('exhibition.confirm') : t('exhibition.putBack')}
                      </Button>
                    )}
                  </>
                }
                slotProps={{ primary: { noWrap: true, variant: 'body2' }, secondary: { component: 'div' } }}
              />
            </ListItem>
          );
        })}
      </List>
    </Box>
  );
}
