import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Grid, MenuItem, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { CONSENTS, type Consent, type Worker } from '@shared/model/roster';
import { call } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import type { Roster } from './useRoster';

type Form = Record<
  | 'name'
  | 'pinyin'
  | 'companyId'
  | 'department'
  | 'craft'
  | 'joined'
  | 'employeeNo'
  | 'phone'
  | 'quote'
  | 'consentDate'
  | 'consentNote',
  string
> & { consent: Consent };
const empty: Form = {
  name: '',
  pinyin: '',
  companyId: '',
  department: '',
  craft: '',
  joined: '',
  employeeNo: '',
  phone: '',
  quote: '',
  consent: 'unknown',
  consentDate: '',
  consentNote: '',
};

/** Add or edit a worker. Pinyin is derived from the name when left empty; consent is recorded with its date. */
export function WorkerDialog({
  open,
  worker,
  roster,
  onClose,
}: {
  open: boolean;
  worker: Worker | null;
  roster: Roster;
  onClose: () => void;
}) {
  const { t, errorText } = useI18n();
  const [form, setForm] = useState<Form>(empty);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setError(null);
    setForm(
      worker
        ? {
            name: worker.name,
            pinyin: worker.pinyin,
            companyId: worker.companyId ?? '',
            department: worker.department ?? '',
            craft: worker.craft ?? '',
            joined: worker.joined ? String(worker.joined) : '',
            employeeNo: worker.employeeNo ?? '',
            phone: worker.phone ?? '',
            quote: worker.quote ?? '',
            consent: worker.consent,
            consentDate: worker.consentDate ?? '',
            consentNote: worker.consentNote ?? '',
          }
        : empty,
    );
  }, [open, worker]);
  const set = (k: keyof Form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value });
  const save = async () => {
    const joined = form.joined.trim() ? Number(form.joined) : null;
    if (joined !== null && (!Number.isInteger(joined) || joined < 1900 || joined > 2100))
      return setError(`${t('worker.joined')}: ${form.joined}`);
    const fields = {
      name: form.name.trim(),
      pinyin: form.pinyin.trim() || null,
      companyId: form.companyId || null,
      department: form.department.trim() || null,
      craft: form.craft.trim() || null,
      joined,
      employeeNo: form.employeeNo.trim() || null,
      phone: form.phone.trim() || null,
      quote: form.quote.trim() || null,
      consent: form.consent,
      consentDate: form.consentDate || null,
      consentNote: form.consentNote.trim() || null,
    };
    try {
      if (worker)
        await call('workers.update', { id: worker.id, patch: { ...fields, pinyin: fields.pinyin ?? undefined } });
      else await call('workers.create', fields);
      onClose();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const field = (k: keyof Form, size = 6, extra: object = {}) => (
    <Grid size={size}>
      <TextField
        fullWidth
        size="small"
        label={t(`worker.${k}` as 'worker.name')}
        value={form[k]}
        onChange={set(k)}
        slotProps={{ htmlInput: { 'data-testid': `worker-${k}` } }}
        {...extra}
      />
    </Grid>
  );
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" data-testid="worker-dialog">
      <DialogTitle>{worker ? t('roster.edit') : t('roster.addWorker')}</DialogTitle>
      <DialogContent>
        <Grid container spacing={2} sx={{ pt: 1 }}>
          {field('name', 6, { autoFocus: true, error: !!error, helperText: error })}
          {field('pinyin', 6, { placeholder: 'zhan mu dan' })}
          <Grid size={12}>
            <TextField
              select
              fullWidth
              size="small"
              label={t('worker.company')}
              value={form.companyId}
              onChange={set('companyId')}
            >
              <MenuItem value="">
                <em>—</em>
              </MenuItem>
              {(roster.companies ?? []).map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {c.name}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          {field('department')}
          {field('craft')}
          {field('employeeNo')}
          {field('joined', 6, { placeholder: '2018' })}
          {field('phone')}
          <Grid size={6}>
            <TextField
              select
              fullWidth
              size="small"
              label={t('worker.consent')}
              value={form.consent}
              onChange={set('consent')}
              slotProps={{ htmlInput: { 'data-testid': 'worker-consent' } }}
            >
              {CONSENTS.map((c) => (
                <MenuItem key={c} value={c}>
                  {t(`consent.${c}`)}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          {field('consentDate', 6, { type: 'date', slotProps: { inputLabel: { shrink: true } } })}
          {field('consentNote')}
          {field('quote', 12, { multiline: true, minRows: 2, placeholder: t('worker.quoteExample') })}
        </Grid>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" disabled={!form.name.trim()} onClick={() => void save()} data-testid="worker-save">
          {t('edit.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
