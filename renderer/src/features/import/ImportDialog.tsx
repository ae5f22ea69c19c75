import CloseIcon from '@mui/icons-material/Close';
import CreateNewFolderIcon from '@mui/icons-material/CreateNewFolderOutlined';
import FolderIcon from '@mui/icons-material/FolderOutlined';
import {
  Autocomplete,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  IconButton,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import type { ApiRequest } from '@shared/api/contract';
import { call, hostKind } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { usePathChooser } from '../folders/usePathChooser';

/**
 * Choose what to import and the batch values every photo gets: photographer (pre-filled from EXIF Artist),
 * company, shoot day, and whether to copy the originals into the project.
 */
export function ImportDialog({
  open,
  companies,
  photographers,
  onClose,
  onStart,
}: {
  open: boolean;
  companies: string[];
  photographers: string[];
  onClose: () => void;
  onStart: (req: ApiRequest<'import.start'>) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [paths, setPaths] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [photographer, setPhotographer] = useState('');
  const [company, setCompany] = useState('');
  const [shootDay, setShootDay] = useState('');
  const [copy, setCopy] = useState(false);
  const [busy, setBusy] = useState(false);
  const [hint, setHint] = useState(false);
  const [detectedDay, setDetectedDay] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setPaths([]);
    setTyped('');
    setHint(false);
    setDetectedDay(null);
  }, [open]);

  const addPaths = useCallback((more: string[]) => {
    setPaths((old) => [...new Set([...old, ...more.map((p) => p.trim()).filter(Boolean)])]);
  }, []);

  // Suggest the photographer and day from the photos themselves, without overwriting what the user typed.
  useEffect(() => {
    if (!paths.length) return;
    let live = true;
    call('import.defaults', { paths }).then(
      (d) => {
        if (!live) return;
        if (d.photographer) {
          setPhotographer((old) => old || d.photographer!);
          setHint(true);
        }
        // Not pre-filled: a folder may span days, and an empty field means "each photo's own capture day".
        setDetectedDay(d.shootDay);
      },
      () => undefined, // a hint that cannot be had is no error
    );
    return () => {
      live = false;
    };
  }, [paths]);

  const chooser = usePathChooser(t('import.addFolder'), addPaths);

  const start = async () => {
    setBusy(true);
    const ok = await onStart({
      paths,
      photographer: photographer.trim() || null,
      company: company.trim() || null,
      shootDay: shootDay || null,
      copy,
    });
    setBusy(false);
    if (ok) onClose();
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" data-testid="import-dialog">
      <DialogTitle>{t('import.title')}</DialogTitle>
      <DialogContent dividers>
        <Typography variant="subtitle2" sx={{ mb: 1 }}>
          {t('import.sources')}
        </Typography>
        <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, mb: 1, minHeight: 56 }}>
          {paths.length === 0 ? (
            <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
              {t('import.noSources')}
            </Typography>
          ) : (
            <List dense disablePadding data-testid="import-sources">
              {paths.map((p) => (
                <ListItem
                  key={p}
                  secondaryAction={
                    <IconButton edge="end" size="small" onClick={() => setPaths((old) => old.filter((x) => x !== p))}>
                      <CloseIcon fontSize="small" />
                    </IconButton>
                  }
                >
                  <ListItemIcon sx={{ minWidth: 32 }}>
                    <FolderIcon fontSize="small" />
                  </ListItemIcon>
                  <ListItemText primary={p} slotProps={{ primary: { noWrap: true, variant: 'body2' } }} />
                </ListItem>
              ))}
            </List>
          )}
        </Box>
        <Stack
          direction="row"
          spacing={1}
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            addPaths([typed]);
            setTyped('');
          }}
          sx={{ mb: 3 }}
        >
          <TextField
            size="small"
            fullWidth
            placeholder={t('import.pathPlaceholder')}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'import-path' } }}
          />
          <Button type="submit" variant="outlined" disabled={!typed.trim()} data-testid="import-add-path">
            {t('import.addPath')}
          </Button>
          <Button
            variant="outlined"
            startIcon={<CreateNewFolderIcon />}
            onClick={() => chooser.choose('folder')}
            sx={{ flexShrink: 0 }}
          >
            {t('import.addFolder')}
          </Button>
          {hostKind() === 'ipc' && (
            <Button variant="text" onClick={() => chooser.choose('files')} sx={{ flexShrink: 0 }}>
              {t('import.addFiles')}
            </Button>
          )}
        </Stack>
        <Stack spacing={2.5}>
          <Autocomplete
            freeSolo
            options={photographers}
            inputValue={photographer}
            onInputChange={(_, v) => setPhotographer(v)}
            renderInput={(params) => (
              <TextField
                {...params}
                label={t('import.photographer')}
                helperText={hint ? t('import.photographer.hint') : ' '}
                slotProps={{
                  ...params.slotProps,
                  htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'import-photographer' },
                }}
              />
            )}
          />
          <Autocomplete
            freeSolo
            options={companies}
            inputValue={company}
            onInputChange={(_, v) => setCompany(v)}
            renderInput={(params) => (
              <TextField
                {...params}
                label={t('import.company')}
                slotProps={{
                  ...params.slotProps,
                  htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'import-company' },
                }}
              />
            )}
          />
          <TextField
            type="date"
            label={t('import.shootDay')}
            value={shootDay}
            onChange={(e) => setShootDay(e.target.value)}
            helperText={detectedDay ? t('import.shootDay.detected', { day: detectedDay }) : t('import.shootDay.hint')}
            sx={{ maxWidth: 420 }}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'import-day' } }}
          />
          <FormControlLabel
            control={<Checkbox checked={copy} onChange={(e) => setCopy(e.target.checked)} />}
            label={<Typography variant="body2">{t('import.copy')}</Typography>}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          disabled={!paths.length || busy}
          onClick={() => void start()}
          data-testid="import-start"
        >
          {t('import.start')}
        </Button>
      </DialogActions>
      {chooser.element}
    </Dialog>
  );
}
