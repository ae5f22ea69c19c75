import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import type { Photographer } from '@shared/model/roster';
import { call } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';

const FIELDS = ['name', 'organisation', 'credit'] as const;

/** A photographer's name, organisation and the credit line that goes on every print and label. */
export function PhotographerDialog({
  photographer,
  onClose,
}: {
  photographer: Photographer | null;
  onClose: () => void;
}) {
  const { t, errorText } = useI18n();
  const [form, setForm] = useState({ name: '', organisation: '', credit: '' });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (photographer)
      setForm({
        name: photographer.name,
        organisation: photographer.organisation ?? '',
        credit: photographer.credit ?? '',
      });
    setError(null);
  }, [photographer]);
  const save = async () => {
    if (!photographer) return;
    try {
      await call('photographers.update', {
        id: photographer.id,
        patch: {
          name: form.name.trim(),
          organisation: form.organisation.trim() || null,
          credit: form.credit.trim() || null,
        },
      });
      onClose();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <Dialog open={!!photographer} onClose={onClose} fullWidth maxWidth="xs" data-testid="photographer-dialog">
      <DialogTitle>{t('roster.edit')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {FIELDS.map((f) => (
            <TextField
              key={f}
              label={t(`photographer.${f}`)}
              value={form[f]}
              onChange={(e) => setForm({ ...form, [f]: e.target.value })}
              error={f === 'name' && !!error}
              helperText={f === 'name' ? error : f === 'credit' ? t('photographer.creditExample') : undefined}
            />
          ))}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" disabled={!form.name.trim()} onClick={() => void save()}>
          {t('edit.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
