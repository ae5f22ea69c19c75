import { Autocomplete, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { Photo } from '@shared/model/photo';
import { call } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { Roster } from '../roster/useRoster';

const KEEP = '__keep__';

/** One undoable edit over a selection: company, photographer, shoot day. Fields left alone stay as they are. */
export function BatchEditor({ photos, roster }: { photos: Photo[]; roster: Roster }) {
  const { t } = useI18n();
  const { notify, notifyError } = useNotice();
  const [companyId, setCompanyId] = useState<string>(KEEP);
  const [photographer, setPhotographer] = useState('');
  const [shootDay, setShootDay] = useState('');
  const changed = companyId !== KEEP || photographer.trim() !== '' || shootDay !== '';

  const apply = async () => {
    const patch: { companyId?: string | null; photographer?: string; shootDay?: string } = {};
    if (companyId !== KEEP) patch.companyId = companyId || null;
    if (photographer.trim()) patch.photographer = photographer.trim();
    if (shootDay) patch.shootDay = shootDay;
    try {
      await call('photos.update', { ids: photos.map((p) => p.id), patch });
      notify({ severity: 'success', message: t('batch.applied', { count: photos.length }) });
      setCompanyId(KEEP);
      setPhotographer('');
      setShootDay('');
    } catch (err) {
      notifyError(err);
    }
  };

  return (
    <Stack spacing={1.5} data-testid="batch-editor">
      <Typography variant="subtitle2">{t('batch.title', { count: photos.length })}</Typography>
      <TextField
        select
        size="small"
        label={t('batch.company')}
        value={companyId}
        onChange={(e) => setCompanyId(e.target.value)}
        slotProps={{ htmlInput: { 'data-testid': 'batch-company' } }}
      >
        <MenuItem value={KEEP}>
          <em>{t('batch.keep')}</em>
        </MenuItem>
        {(roster.companies ?? []).map((c) => (
          <MenuItem key={c.id} value={c.id} data-testid="batch-company-option">
            {c.name}
          </MenuItem>
        ))}
      </TextField>
      <Autocomplete
        freeSolo
        size="small"
        options={roster.photographers.map((p) => p.name)}
        inputValue={photographer}
        onInputChange={(_, v) => setPhotographer(v)}
        renderInput={(params) => (
          <TextField {...params} label={t('batch.photographer')} placeholder={t('batch.keep')} />
        )}
      />
      <TextField
        type="date"
        size="small"
        label={t('batch.shootDay')}
        value={shootDay}
        onChange={(e) => setShootDay(e.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <Button variant="contained" disabled={!changed} onClick={() => void apply()} data-testid="batch-apply">
        {t('batch.apply')}
      </Button>
    </Stack>
  );
}
