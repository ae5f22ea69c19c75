import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import type { Company } from '@shared/model/roster';
import { call, confirmPaths } from '../../api/client';
import { shortCompanyName } from '@shared/logic/company-name';
import { useI18n } from '../../i18n/I18nProvider';

const FIELDS = ['name', 'shortName', 'district', 'contact', 'logo'] as const;

/** Add or edit a company; the full name must be unique, and the error says so in place. */
export function CompanyDialog({
  open,
  company,
  onClose,
}: {
  open: boolean;
  company: Company | null;
  onClose: () => void;
}) {
  const { t, errorText } = useI18n();
  const [form, setForm] = useState<Record<(typeof FIELDS)[number], string>>({
    name: '',
    shortName: '',
    district: '',
    contact: '',
    logo: '',
  });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setForm({
        name: company?.name ?? '',
        shortName: company?.shortName ?? '',
        district: company?.district ?? '',
        contact: company?.contact ?? '',
        logo: company?.logo ?? '',
      });
      setError(null);
    }
  }, [open, company]);
  const save = async () => {
    const fields = {
      name: form.name.trim(),
      shortName: form.shortName.trim() || null,
      district: form.district.trim() || null,
      contact: form.contact.trim() || null,
      logo: form.logo.trim() || null,
    };
    try {
      // A logo typed as a full path is the user's choice of a file on this machine.
      if (fields.logo && /^([a-zA-Z]:[\\/]|\/)/.test(fields.logo))
        [fields.logo] = await confirmPaths([fields.logo], 'image');
      if (company) await call('companies.update', { id: company.id, patch: fields });
      else await call('companies.create', fields);
      onClose();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="xs" data-testid="company-dialog">
      <DialogTitle>{company ? t('roster.edit') : t('roster.addCompany')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {FIELDS.map((f) => (
            <TextField
              key={f}
              label={t(`company.${f}`)}
              value={form[f]}
              onChange={(e) => setForm({ ...form, [f]: e.target.value })}
              autoFocus={f === 'name'}
              error={f === 'name' && !!error}
              // Left empty, the gift sheets use a short name derived from the full one: shown here as the hint.
              placeholder={f === 'shortName' && form.name.trim() ? shortCompanyName(form.name) : undefined}
              helperText={
                f === 'name'
                  ? error
                  : f === 'shortName' && !form.shortName.trim() && form.name.trim()
                    ? t('company.shortDerived', { short: shortCompanyName(form.name) })
                    : undefined
              }
              slotProps={{
                htmlInput: { 'data-testid': `company-${f}` },
                inputLabel: f === 'shortName' && form.name.trim() ? { shrink: true } : undefined,
              }}
            />
          ))}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" disabled={!form.name.trim()} onClick={() => void save()} data-testid="company-save">
          {t('edit.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
