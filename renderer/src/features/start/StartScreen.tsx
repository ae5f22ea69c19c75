import AddIcon from '@mui/icons-material/Add';
import AutoAwesomeIcon from '@mui/icons-material/AutoAwesomeOutlined';
import FolderOpenIcon from '@mui/icons-material/FolderOpenOutlined';
import HistoryIcon from '@mui/icons-material/History';
import {
  Box,
  Card,
  CardActionArea,
  CircularProgress,
  Container,
  List,
  ListItemButton,
  ListItemText,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ProjectInfo, RecentProject } from '@shared/model/project';
import { call } from '../../api/client';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { usePathChooser } from '../folders/usePathChooser';
import { NewProjectDialog } from './NewProjectDialog';

function ActionCard({
  icon,
  title,
  hint,
  onClick,
  busy,
  testId,
}: {
  icon: ReactNode;
  title: string;
  hint?: string;
  onClick: () => void;
  busy?: boolean;
  testId: string;
}) {
  return (
    <Card variant="outlined" sx={{ flex: 1, minWidth: 200 }}>
      <CardActionArea
        onClick={onClick}
        disabled={busy}
        sx={{
          p: 3,
          height: '100%',
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'flex-start',
          justifyContent: 'flex-start',
          gap: 1,
        }}
        data-testid={testId}
      >
        <Box sx={{ color: 'primary.main', display: 'flex' }}>{busy ? <CircularProgress size={28} /> : icon}</Box>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        {hint && (
          <Typography variant="body2" color="text.secondary">
            {hint}
          </Typography>
        )}
      </CardActionArea>
    </Card>
  );
}

/** First screen: new, open, the demo campaign, and the projects opened before. */
export function StartScreen({ onOpened }: { onOpened: (p: ProjectInfo) => void }) {
  const { t } = useI18n();
  const { notifyError } = useNotice();
  const [recent, setRecent] = useState<RecentProject[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    call('projects.recent', {}).then(setRecent, (err) => {
      notifyError(err);
      setRecent([]);
    });
  }, [notifyError]);

  const open = useCallback(
    async (key: string, action: () => Promise<ProjectInfo>) => {
      setBusy(key);
      try {
        onOpened(await action());
      } catch (err) {
        notifyError(err);
      } finally {
        setBusy(null);
      }
    },
    [notifyError, onOpened],
  );
  const chooser = usePathChooser(
    t('project.open.title'),
    (paths) => paths[0] && void open('open', () => call('projects.open', { dir: paths[0]! })),
    'folder',
    'project',
  );

  return (
    <Box sx={{ minHeight: '100vh', background: 'linear-gradient(180deg, #fbf9f6 0%, #f1ede6 100%)' }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', px: 4, py: 2 }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'baseline' }}>
          <Typography variant="h5" sx={{ color: 'primary.main', fontWeight: 700, letterSpacing: '0.12em' }}>
            {t('app.name')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Chasing Light
          </Typography>
        </Stack>
        <LanguageSwitch />
      </Box>
      <Container maxWidth="md" sx={{ pt: 6, pb: 8 }}>
        <Typography variant="overline" color="primary" sx={{ letterSpacing: '0.2em' }}>
          {t('app.tagline')}
        </Typography>
        <Typography variant="h4" sx={{ mt: 1, mb: 1.5 }}>
          {t('start.title')}
        </Typography>
        <Typography variant="body1" color="text.secondary" sx={{ mb: 5 }}>
          {t('start.subtitle')}
        </Typography>

        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 5 }}>
          <ActionCard
            testId="start-new"
            icon={<AddIcon fontSize="large" />}
            title={t('start.new')}
            hint={t('start.new.hint')}
            onClick={() => setCreating(true)}
          />
          <ActionCard
            testId="start-open"
            icon={<FolderOpenIcon fontSize="large" />}
            title={t('start.open')}
            hint={t('start.open.hint')}
            onClick={() => chooser.choose('folder')}
            busy={busy === 'open'}
          />
          <ActionCard
            testId="start-demo"
            icon={<AutoAwesomeIcon fontSize="large" />}
            title={t('start.demo')}
            hint={t('start.demo.hint')}
            busy={busy === 'demo'}
            onClick={() => void open('demo', () => call('projects.openDemo', {}))}
          />
        </Stack>

        <Paper variant="outlined" sx={{ p: 0 }}>
          <Stack
            direction="row"
            spacing={1}
            sx={{ alignItems: 'center', px: 2.5, py: 1.5, borderBottom: 1, borderColor: 'divider' }}
          >
            <HistoryIcon fontSize="small" color="action" />
            <Typography variant="subtitle2">{t('start.recent')}</Typography>
          </Stack>
          {recent === null ? (
            <Box sx={{ p: 3, display: 'flex', justifyContent: 'center' }}>
              <CircularProgress size={24} />
            </Box>
          ) : recent.length === 0 ? (
            <Typography variant="body2" color="text.secondary" sx={{ p: 3 }} data-testid="recent-empty">
              {t('start.recent.empty')}
            </Typography>
          ) : (
            <List disablePadding data-testid="recent-list">
              {recent.map((r) => (
                <ListItemButton
                  key={r.dir}
                  onClick={() => void open(r.dir, () => call('projects.open', { dir: r.dir }))}
                  disabled={!!busy}
                >
                  <ListItemText primary={r.name} secondary={r.dir} slotProps={{ secondary: { noWrap: true } }} />
                  {busy === r.dir && <CircularProgress size={18} />}
                </ListItemButton>
              ))}
            </List>
          )}
        </Paper>
      </Container>
      {chooser.element}
      <NewProjectDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(p) => {
          setCreating(false);
          onOpened(p);
        }}
      />
    </Box>
  );
}
