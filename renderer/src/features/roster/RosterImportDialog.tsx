import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { RosterPreview } from '@shared/logic/roster-plan';
import { ROSTER_FIELDS, type RosterField, type RosterMapping } from '@shared/logic/roster-headers';
import { call, confirmPaths } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { usePathChooser } from '../folders/usePathChooser';

const ACTION_COLOR = { create: 'success', update: 'info', skip: 'default' } as const;

/**
 * A staff list in three steps: choose the file, check (and correct) which column is which, look at what each row
 * will do; then confirm, and it is applied as one undoable change. Nothing is half-imported.
 */
export function RosterImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, errorText, say, lang } = useI18n();
  const { notify } = useNotice();
  const [file, setFile] = useState('');
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const [mapping, setMapping] = useState<RosterMapping | undefined>(undefined);
  const [createCompanies, setCreateCompanies] = useState(false);
  /** the header row the person chose (1-based; 0 = none); undefined = let the app find it */
  const [headerRow, setHeaderRow] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chooser = usePathChooser(
    t('rosterImport.file'),
    (paths) => paths[0] && void read(paths[0], undefined, createCompanies, undefined),
    'spreadsheet',
  );

  const read = async (path: string, map: RosterMapping | undefined, create: boolean, header: number | undefined) => {
    setFile(path);
    setBusy(true);
    setError(null);
    try {
      const [chosen] = await confirmPaths([path], 'spreadsheet');
      const p = await call('roster.preview', {
        file: chosen!,
        mapping: map,
        createCompanies: create,
        headerRow: header,
      });
      setPreview(p);
      setMapping(p.mapping);
    } catch (err) {
      setPreview(null);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    setBusy(true);
    try {
      const done = await call('roster.apply', { file, mapping, createCompanies, headerRow });
      notify({
        severity: 'success',
        message: t('rosterImport.done', { created: done.created, updated: done.updated }),
      });
      setPreview(null);
      setFile('');
      onClose();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setPreview(null);
    setHeaderRow(undefined);
    setMapping(undefined);
    setError(null);
    setFile('');
    onClose();
  };

  return (
    <Dialog open={open} onClose={reset} fullWidth maxWidth="md" data-testid="roster-import-dialog">
      <DialogTitle>{t('roster.import')}</DialogTitle>
      <DialogContent dividers>
        <Stack
          direction="row"
          spacing={1}
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            setHeaderRow(undefined);
            void read(file, undefined, createCompanies, undefined);
          }}
        >
          <TextField
            fullWidth
            size="small"
            label={t('rosterImport.file')}
            value={file}
            onChange={(e) => setFile(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'roster-file' } }}
          />
          <Button variant="outlined" onClick={() => chooser.choose('files')} sx={{ flexShrink: 0 }}>
            {t('rosterImport.choose')}
          </Button>
          <Button type="submit" variant="contained" disabled={!file.trim() || busy} data-testid="roster-read">
            {t('rosterImport.read')}
          </Button>
        </Stack>
        {busy && <LinearProgress sx={{ mt: 2 }} />}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="roster-error">
            {error}
          </Alert>
        )}
        {preview && (
          <Box sx={{ mt: 2 }}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Typography variant="caption" color="text.secondary">
                {t('rosterImport.sheet', { sheet: preview.sheet })}
              </Typography>
              <TextField
                select
                size="small"
                label={t('rosterImport.headerRow')}
                value={String(preview.headerRow)}
                sx={{ width: 220 }}
                onChange={(e) => {
                  const row = Number(e.target.value);
                  setHeaderRow(row);
                  void read(file, undefined, createCompanies, row);
                }}
                slotProps={{ htmlInput: { 'data-testid': 'roster-header-row' } }}
              >
                <MenuItem value="0">{t('rosterImport.noHeader')}</MenuItem>
                {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
                  <MenuItem key={n} value={String(n)}>
                    {t('rosterImport.headerRowN', { row: n })}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            {!preview.headerFound && (
              <Alert severity="info" sx={{ mt: 1 }} data-testid="roster-header-guessed">
                {t('rosterImport.headerGuessed')}
              </Alert>
            )}
            {preview.needsName && (
              <Alert severity="warning" sx={{ mt: 1 }} data-testid="roster-pick-name">
                {t('rosterImport.pickName')}
              </Alert>
            )}
            <Typography variant="subtitle2" sx={{ mt: 1.5, mb: 1 }}>
              {t('rosterImport.mapping')}
            </Typography>
            <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(168px, 1fr))', gap: 1 }}>
              {preview.columns.map(({ header: h, samples }) => (
                <Box
                  key={h}
                  sx={{
                    border: 1,
                    borderColor: mapping?.[h] === 'name' ? 'primary.main' : 'divider',
                    borderRadius: 1,
                    p: 1,
                  }}
                  data-testid="roster-column"
                >
                  <TextField
                    select
                    fullWidth
                    size="small"
                    label={h}
                    value={mapping?.[h] ?? ''}
                    onChange={(e) => {
                      const next = { ...mapping, [h]: (e.target.value || null) as RosterField | null };
                      setMapping(next);
                      void read(file, next, createCompanies, headerRow);
                    }}
                    slotProps={{
                      htmlInput: { 'data-testid': `map-${h}` },
                      inputLabel: { shrink: true },
                      select: { displayEmpty: true },
                    }}
                  >
                    <MenuItem value="">
                      <em>{t('rosterImport.ignore')}</em>
                    </MenuItem>
                    {ROSTER_FIELDS.map((f) => (
                      <MenuItem key={f} value={f}>
                        {t(`field.${f}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                  <Typography
                    variant="caption"
                    color="text.secondary"
                    component="div"
                    noWrap
                    sx={{ mt: 0.5 }}
                    title={samples.join('、')}
                  >
                    {samples.length
                      ? t('rosterImport.samples', { values: samples.join('、') })
                      : t('rosterImport.noSamples')}
                  </Typography>
                </Box>
              ))}
            </Box>
            {preview.skippedForCompany > 0 && !createCompanies && (
              <Alert
                severity="warning"
                sx={{ mt: 1 }}
                data-testid="roster-unknown-companies"
                action={
                  <Button
                    color="inherit"
                    size="small"
                    data-testid="roster-create-companies-button"
                    onClick={() => {
                      setCreateCompanies(true);
                      void read(file, mapping, true, headerRow);
                    }}
                  >
                    {t('rosterImport.createThem', { count: preview.unknownCompanies.length })}
                  </Button>
                }
              >
                {t('rosterImport.unknownCompanies', {
                  rows: preview.skippedForCompany,
                  names: preview.unknownCompanies.join('、'),
                })}
              </Alert>
            )}
            {preview.unknownCompanies.length > 0 && (
              <FormControlLabel
                sx={{ mt: 1 }}
                control={
                  <Checkbox
                    checked={createCompanies}
                    onChange={(e) => {
                      setCreateCompanies(e.target.checked);
                      void read(file, mapping, e.target.checked, headerRow);
                    }}
                    data-testid="roster-create-companies"
                  />
                }
                label={
                  <Typography variant="body2">
                    {t('rosterImport.createCompanies', { names: preview.unknownCompanies.join('、') })}
                  </Typography>
                }
              />
            )}
            <Alert
              severity={preview.skipped.length ? 'warning' : 'success'}
              sx={{ mt: 1 }}
              data-testid="roster-summary"
            >
              {t('rosterImport.summary', {
                created: preview.created,
                updated: preview.updated,
                skipped: preview.skipped.length,
              })}
            </Alert>
            <Box sx={{ maxHeight: 320, overflow: 'auto', mt: 1, border: 1, borderColor: 'divider', borderRadius: 1 }}>
              <Table size="small" stickyHeader>
                <TableHead>
                  <TableRow>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('rosterImport.row')}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('rosterImport.action')}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('field.name')}</TableCell>
                    <TableCell>{t('field.company')}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('field.department')}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('field.craft')}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('field.employeeNo')}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('field.consent')}</TableCell>
                    <TableCell>{t('rosterImport.reason')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {preview.rows.slice(0, 500).map((r) => (
                    <TableRow key={r.row} data-testid="roster-row" data-action={r.action}>
                      <TableCell>{r.row}</TableCell>
                      <TableCell>
                        <Chip
                          size="small"
                          label={t(`rosterImport.${r.action}`)}
                          color={ACTION_COLOR[r.action]}
                          variant={r.action === 'skip' ? 'outlined' : 'filled'}
                        />
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: 600 }}>
                        {r.worker?.name ?? r.name ?? '—'}
                      </TableCell>
                      <TableCell sx={{ minWidth: 160 }}>{r.worker?.companyName ?? ''}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.worker?.department ?? ''}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.worker?.craft ?? ''}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.worker?.employeeNo ?? ''}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }} data-testid="roster-row-consent">
                        {r.worker?.consent ? (
                          <Chip
                            size="small"
                            variant="outlined"
                            label={t(`consent.${r.worker.consent}`)}
                            color={
                              r.worker.consent === 'declined'
                                ? 'error'
                                : r.worker.consent === 'exhibit'
                                  ? 'success'
                                  : 'default'
                            }
                          />
                        ) : (
                          ''
                        )}
                      </TableCell>
                      <TableCell sx={{ color: r.action === 'skip' ? 'warning.dark' : 'text.secondary', fontSize: 12 }}>
                        {[...(r.reason ? [r.reason] : []), ...r.warnings]
                          .map((m) => say(m))
                          .join(lang === 'zh' ? '；' : '; ')}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={reset}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          disabled={!preview || busy || preview.created + preview.updated === 0}
          onClick={() => void apply()}
          data-testid="roster-apply"
        >
          {preview
            ? t('rosterImport.applyCounts', { created: preview.created, updated: preview.updated })
            : t('rosterImport.apply')}
        </Button>
      </DialogActions>
      {chooser.element}
    </Dialog>
  );
}
