import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import type { ProjectInfo } from '@shared/model/project';
import { call, confirmPaths } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { usePathChooser } from '../folders/usePathChooser';

/** Name the campaign and choose where its folder goes; errors (folder taken, no permission) show in place. */
export function NewProjectDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (p: ProjectInfo) => void;
}) {
  const { t, errorText } = useI18n();
  const [name, setName] = useState('');
  const [dir, setDir] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chooser = usePathChooser(t('project.folder'), (paths) => paths[0] && setDir(paths[0]), 'folder', 'project');

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const [chosen] = await confirmPaths([dir.trim()], 'project');
      onCreated(await call('projects.create', { dir: chosen!, name: name.trim() || undefined }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" data-testid="new-project-dialog">
      <DialogTitle>{t('start.new')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2.5} sx={{ pt: 1 }}>
          <TextField
            autoFocus
            label={t('project.name')}
            placeholder={t('project.name.placeholder')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'project-name' } }}
          />
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              fullWidth
              label={t('project.folder')}
              value={dir}
              onChange={(e) => setDir(e.target.value)}
              error={!!error}
              helperText={error ?? t('project.folder.hint')}
              slotProps={{ htmlInput: { 'data-testid': 'project-dir' } }}
            />
            <Button variant="outlined" sx={{ mt: 1, flexShrink: 0 }} onClick={() => chooser.choose('folder')}>
              {t('folder.browse')}
            </Button>
          </Stack>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          disabled={!dir.trim() || busy}
          onClick={() => void create()}
          data-testid="project-create"
        >
          {t('project.create')}
        </Button>
      </DialogActions>
      {chooser.element}
    </Dialog>
  );
}
