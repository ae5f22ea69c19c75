import AutoAwesomeIcon from '@mui/icons-material/AutoAwesomeOutlined';
import {
  Box,
  Button,
  Divider,
  FormControlLabel,
  List,
  ListItem,
  ListItemAvatar,
  ListItemText,
  MenuItem,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import {
  BOARD_PRESETS,
  EXHIBIT_ORDERS,
  type Exhibition,
  type ExhibitionPlan,
  type ExhibitOrder,
} from '@shared/model/exhibition';
import type { Photo } from '@shared/model/photo';
import { call, confirmPaths, mediaUrl } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { StringKey } from '../../i18n/strings';

export interface AutofillForm {
  /** a preset ("900x1200mm") or "custom" */
  boardSize: string;
  custom: string;
  landscape: boolean;
  boards: string;
  order: ExhibitOrder;
  background: string;
  margin: string;
  gutter: string;
  header: boolean;
}

export const AUTOFILL_DEFAULTS: AutofillForm = {
  boardSize: '900x1200mm',
  custom: '',
  landscape: false,
  boards: '',
  order: 'company',
  background: '#ffffff',
  margin: '40',
  gutter: '12',
  header: true,
};

/** The request auto-fill sends for this form: the size turned as asked, the look of every board. */
export function planRequest(form: AutofillForm) {
  const size = form.boardSize === 'custom' ? form.custom.trim() : form.boardSize;
  const m = /^(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+(?:\.\d+)?)\s*(mm|cm)?$/i.exec(size);
  const turned = m && form.landscape ? `${m[2]}x${m[1]}${m[3] ?? 'mm'}` : size;
  const num = (v: string) => (v.trim() === '' ? undefined : Number(v));
  return {
    boardSize: turned || undefined,
    boards: num(form.boards),
    order: form.order,
    background: form.background,
    marginMm: num(form.margin),
    gutterMm: num(form.gutter),
    header: form.header,
  };
}

/** The auto-fill settings: board size (preset or typed) and orientation, how many, in what order, and their look. */
export function AutofillFields({ form, onChange }: { form: AutofillForm; onChange: (f: AutofillForm) => void }) {
  const { t } = useI18n();
  const set = (k: keyof AutofillForm) => (e: React.ChangeEvent<HTMLInputElement>) =>
    onChange({ ...form, [k]: e.target.value });
  const digits = (k: 'boards' | 'margin' | 'gutter') => (e: React.ChangeEvent<HTMLInputElement>) =>
    onChange({ ...form, [k]: e.target.value.replace(/[^0-9.]/g, '') });
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1}>
        <TextField
          select
          size="small"
          fullWidth
          label={t('exhibition.boardSize')}
          value={form.boardSize}
          onChange={set('boardSize')}
          slotProps={{ htmlInput: { 'data-testid': 'board-size' } }}
        >
          {BOARD_PRESETS.map((b) => (
            <MenuItem key={b.label} value={`${b.widthMm}x${b.heightMm}mm`}>
              {b.label}
            </MenuItem>
          ))}
          <MenuItem value="custom">{t('exhibition.boardSize.custom')}</MenuItem>
        </TextField>
        <TextField
          select
          size="small"
          sx={{ width: 110, flexShrink: 0 }}
          label={t('exhibition.orientation')}
          value={form.landscape ? 'landscape' : 'portrait'}
          onChange={(e) => onChange({ ...form, landscape: e.target.value === 'landscape' })}
        >
          <MenuItem value="portrait">{t('exhibition.portrait')}</MenuItem>
          <MenuItem value="landscape">{t('exhibition.landscape')}</MenuItem>
        </TextField>
      </Stack>
      {form.boardSize === 'custom' && (
        <TextField
          size="small"
          label={t('exhibition.boardSize.typed')}
          placeholder="100x150cm"
          value={form.custom}
          onChange={set('custom')}
        />
      )}
      <TextField
        size="small"
        label={t('exhibition.boardCount')}
        value={form.boards}
        onChange={digits('boards')}
        slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'board-count' } }}
      />
      <TextField
        select
        size="small"
        label={t('exhibition.order')}
        value={form.order}
        onChange={(e) => onChange({ ...form, order: e.target.value as ExhibitOrder })}
      >
        {EXHIBIT_ORDERS.map((o) => (
          <MenuItem key={o} value={o}>
            {t(`exhibition.order.${o}` as StringKey)}
          </MenuItem>
        ))}
      </TextField>
      <Stack direction="row" spacing={1}>
        <TextField
          size="small"
          label={t('exhibition.margin')}
          value={form.margin}
          onChange={digits('margin')}
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        />
        <TextField
          size="small"
          label={t('exhibition.gutter')}
          value={form.gutter}
          onChange={digits('gutter')}
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        />
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          size="small"
          type="color"
          label={t('exhibition.background')}
          value={form.background}
          onChange={set('background')}
          sx={{ width: 110, flexShrink: 0 }}
        />
        <FormControlLabel
          control={
            <Switch
              size="small"
              checked={form.header}
              onChange={(e) => onChange({ ...form, header: e.target.checked })}
            />
          }
          label={<Typography variant="body2">{t('exhibition.header')}</Typography>}
        />
      </Stack>
    </Stack>
  );
}

/**
 * One exhibition per venue: pick which one to plan, or start another (it begins as a copy of nothing: auto-fill
 * lays it out from the same chosen photos).
 */
function VenuePicker({
  exhibition,
  all,
  onSelect,
  readOnly,
}: {
  exhibition: Exhibition;
  all: Exhibition[];
  onSelect: (id: string) => void;
  readOnly: boolean;
}) {
  const { t, errorText } = useI18n();
  const [adding, setAdding] = useState(false);
  const [venue, setVenue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    const name = venue.trim();
    if (!name) return;
    const id = `venue-${Date.now().toString(36)}`;
    try {
      await call('exhibitions.plan', { id, title: exhibition.title });
      await call('exhibitions.update', { id, venue: name });
      setAdding(false);
      setVenue('');
      onSelect(id);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <Box sx={{ mb: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          select
          size="small"
          fullWidth
          label={t('exhibition.which')}
          value={exhibition.id}
          onChange={(e) => onSelect(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'exhibition-which' } }}
        >
          {all.map((e) => (
            <MenuItem key={e.id} value={e.id}>
              {e.venue || t('exhibition.unnamedVenue')}
            </MenuItem>
          ))}
        </TextField>
        <Button
          size="small"
          sx={{ flexShrink: 0 }}
          disabled={readOnly}
          onClick={() => setAdding(!adding)}
          data-testid="exhibition-new"
        >
          {t('exhibition.new')}
        </Button>
      </Stack>
      {adding && (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <TextField
            size="small"
            fullWidth
            autoFocus
            label={t('exhibition.newVenue')}
            value={venue}
            onChange={(e) => setVenue(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && void add()}
            error={!!error}
            helperText={error ?? undefined}
            slotProps={{ htmlInput: { 'data-testid': 'exhibition-new-venue' } }}
          />
          <Button size="small" variant="contained" onClick={() => void add()} disabled={!venue.trim()}>
            {t('exhibition.create')}
          </Button>
        </Stack>
      )}
    </Box>
  );
}

/** The emblems for the header band: image paths (in the project, or a file the user names), saved on leave. */
function LogoField({ exhibition, readOnly }: { exhibition: Exhibition; readOnly: boolean }) {
  const { t, errorText } = useI18n();
  const value = (exhibition.logos ?? []).join('；');
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(value), [value]);
  const save = async () => {
    if (text.trim() === value) return;
    try {
      const paths = text
        .split(/[;；]/)
        .map((p) => p.trim())
        .filter(Boolean);
      // An absolute path is confirmed like any file the user names; a project-relative one is the project's.
      const absolute = paths.filter((p) => /^([a-zA-Z]:[\\/]|\/)/.test(p));
      const confirmed = absolute.length ? await confirmPaths(absolute, 'image') : [];
      await call('exhibitions.update', {
        id: exhibition.id,
        logos: paths.map((p) => (absolute.includes(p) ? confirmed[absolute.indexOf(p)]! : p)),
      });
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <TextField
      size="small"
      fullWidth
      label={t('exhibition.logos')}
      placeholder="assets/emblem.png"
      value={text}
      disabled={readOnly}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => void save()}
      error={!!error}
      helperText={error ?? t('exhibition.logos.hint')}
      slotProps={{ htmlInput: { 'data-testid': 'exhibition-logos' } }}
    />
  );
}

/** A text field saved when the user leaves it (undoable like every edit), its refusal shown under it. */
function InfoField({
  exhibitionId,
  label,
  value,
  field,
  placeholder,
  readOnly,
  multiline,
}: {
  exhibitionId: string;
  label: string;
  value: string;
  field: 'title' | 'subtitle' | 'venue' | 'dates' | 'organizers' | 'galleryUrl' | 'preface';
  placeholder?: string;
  readOnly: boolean;
  multiline?: boolean;
}) {
  const { errorText } = useI18n();
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(value), [value]);
  const save = () => {
    if (text.trim() === value.trim()) return;
    const v = text.trim();
    if (field === 'title' && !v) return setText(value);
    call('exhibitions.update', {
      id: exhibitionId,
      [field]: field === 'title' || field === 'subtitle' ? v : v || null,
    }).then(
      () => setError(null),
      (err) => setError(errorText(err)),
    );
  };
  return (
    <TextField
      size="small"
      fullWidth
      multiline={multiline}
      minRows={multiline ? 3 : undefined}
      maxRows={multiline ? 8 : undefined}
      label={label}
      value={text}
      placeholder={placeholder}
      disabled={readOnly}
      onChange={(e) => setText(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => !multiline && e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
      error={!!error}
      helperText={error ?? undefined}
      slotProps={{ htmlInput: { 'data-testid': `exhibition-${field}` } }}
    />
  );
}

/** The left column: what the exhibition is, how auto-fill lays it out, and what is off the wall and why. */
export function ExhibitionSidebar({
  exhibition,
  all,
  onSelect,
  leftOff,
  photos,
  form,
  onForm,
  onAutofill,
  busy,
  readOnly,
}: {
  exhibition: Exhibition;
  all: Exhibition[];
  onSelect: (id: string) => void;
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
    <Box
      sx={{
        width: 300,
        flexShrink: 0,
        borderRight: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        overflow: 'auto',
        p: 2,
      }}
      data-testid="exhibition-sidebar"
    >
      <VenuePicker exhibition={exhibition} all={all} onSelect={onSelect} readOnly={readOnly} />
      <Typography variant="subtitle2" sx={{ mb: 1.5 }}>
        {t('exhibition.info')}
      </Typography>
      <Stack spacing={1.5}>
        <InfoField
          exhibitionId={exhibition.id}
          label={t('exhibition.titleField')}
          value={exhibition.title}
          field="title"
          readOnly={readOnly}
        />
        <InfoField
          exhibitionId={exhibition.id}
          label={t('exhibition.subtitle')}
          value={exhibition.subtitle}
          field="subtitle"
          readOnly={readOnly}
        />
        <InfoField
          exhibitionId={exhibition.id}
          label={t('exhibition.venue')}
          value={exhibition.venue ?? ''}
          field="venue"
          readOnly={readOnly}
        />
        <InfoField
          exhibitionId={exhibition.id}
          label={t('exhibition.dates')}
          value={exhibition.dates ?? ''}
          field="dates"
          readOnly={readOnly}
        />
        <InfoField
          exhibitionId={exhibition.id}
          label={t('exhibition.organizers')}
          value={exhibition.organizers ?? ''}
          field="organizers"
          readOnly={readOnly}
        />
        <InfoField
          exhibitionId={exhibition.id}
          label={t('exhibition.galleryUrl')}
          value={exhibition.galleryUrl ?? ''}
          field="galleryUrl"
          placeholder={t('exhibition.galleryUrl.hint')}
          readOnly={readOnly}
        />
        <LogoField exhibition={exhibition} readOnly={readOnly} />
        <InfoField
          exhibitionId={exhibition.id}
          label={t('exhibition.preface')}
          value={exhibition.preface ?? ''}
          field="preface"
          placeholder={t('exhibition.preface.hint')}
          readOnly={readOnly}
          multiline
        />
      </Stack>
      <Divider sx={{ my: 2 }} />
      <Typography variant="subtitle2" sx={{ mb: 1.5 }}>
        {t('exhibition.layout')}
      </Typography>
      <AutofillFields form={form} onChange={onForm} />
      <Button
        fullWidth
        variant="outlined"
        startIcon={<AutoAwesomeIcon />}
        sx={{ mt: 1.5 }}
        disabled={busy || readOnly}
        onClick={onAutofill}
        data-testid="exhibition-refill"
      >
        {t('exhibition.refill')}
      </Button>
      <Divider sx={{ my: 2 }} />
      <Typography variant="subtitle2">{t('exhibition.leftOff', { count: leftOff.excluded.length })}</Typography>
      {leftOff.excluded.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('exhibition.leftOff.none')}
        </Typography>
      )}
      <List dense disablePadding data-testid="left-off">
        {leftOff.excluded.map((x) => {
          const photo = photos.get(x.photoId);
          const ask = leftOff.toAsk.includes(x.photoId);
          const removed = x.key === 'exhibit.removedByHand';
          return (
            <ListItem key={x.photoId} disableGutters alignItems="flex-start" data-testid="left-off-item">
              <ListItemAvatar sx={{ minWidth: 52 }}>
                <Box
                  sx={{
                    width: 44,
                    height: 44,
                    borderRadius: 0.5,
                    bgcolor: 'grey.200',
                    backgroundImage: photo ? `url("${mediaUrl('thumb', photo)}")` : undefined,
                    backgroundSize: 'cover',
                    backgroundPosition: 'center',
                  }}
                />
              </ListItemAvatar>
              <ListItemText
                primary={photo?.originalName ?? x.photoId}
                secondary={
                  <>
                    <Typography
                      variant="caption"
                      component="span"
                      color={ask || removed ? 'warning.dark' : 'text.secondary'}
                      sx={{ display: 'block' }}
                    >
                      {say({ key: x.key, params: x.params, message: x.reason })}
                    </Typography>
                    {!readOnly && (ask || removed) && (
                      <Button
                        size="small"
                        sx={{ px: 0, minWidth: 0 }}
                        data-testid={ask ? 'confirm-exhibit' : 'put-back'}
                        onClick={() =>
                          (ask
                            ? call('exhibitions.confirm', { id: exhibition.id, photoIds: [x.photoId] })
                            : call('exhibitions.restore', { id: exhibition.id, photoId: x.photoId })
                          ).catch(notifyError)
                        }
                      >
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
