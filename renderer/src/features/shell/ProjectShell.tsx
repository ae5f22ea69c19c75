import CloseIcon from '@mui/icons-material/Close';
import {
  Alert,
  AppBar,
  Box,
  Button,
  Chip,
  Divider,
  IconButton,
  Tab,
  Tabs,
  Toolbar,
  Tooltip,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { localTime } from '@shared/logic/display';
import type { ProjectInfo } from '@shared/model/project';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../i18n/I18nProvider';
import { GiftsView } from '../gifts/GiftsView';
import { ExhibitionView } from '../exhibition/ExhibitionView';
import { HistoryButtons } from '../history/HistoryButtons';
import { JobsProvider } from '../jobs/JobsProvider';
import { JobTray } from '../jobs/JobTray';
import { ProjectMenu } from './ProjectMenu';
import { LibraryView } from '../library/LibraryView';
import { RosterView } from '../roster/RosterView';
import { PeopleView } from '../people/PeopleView';
import { useRoster } from '../roster/useRoster';

type View = 'library' | 'roster' | 'people' | 'gifts' | 'exhibition';

/** An open project: the app bar (views, the job tray, undo/redo, language, close) over the library or the roster. */
export function ProjectShell({
  project,
  onClose,
  onReopen,
}: {
  project: ProjectInfo;
  onClose: () => void;
  onReopen: () => void;
}) {
  const { t, say } = useI18n();
  const [view, setView] = useState<View>('library');
  const roster = useRoster();
  return (
    <JobsProvider>
      <Box sx={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
        <AppBar position="static" sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
          <Toolbar variant="dense" sx={{ gap: 2, minHeight: 52 }}>
            <Typography variant="h6" sx={{ color: 'primary.main', fontWeight: 700, letterSpacing: '0.12em' }}>
              {t('app.name')}
            </Typography>
            <Typography variant="subtitle1" noWrap sx={{ fontWeight: 600, maxWidth: 320 }} data-testid="project-name">
              {project.name}
            </Typography>
            {project.isDemo && <Chip size="small" label={t('project.demo')} color="secondary" variant="outlined" />}
            {project.readOnly && (
              <Chip size="small" label={t('project.readOnly')} color="warning" data-testid="read-only-chip" />
            )}
            <Divider orientation="vertical" flexItem sx={{ my: 1.5 }} />
            <Tabs
              value={view}
              onChange={(_, v: View) => setView(v)}
              sx={{ minHeight: 52, '& .MuiTab-root': { minHeight: 52, fontSize: 15 } }}
            >
              <Tab value="library" label={t('nav.library')} data-testid="nav-library" />
              <Tab value="roster" label={t('nav.roster')} data-testid="nav-roster" />
              <Tab value="people" label={t('nav.people')} data-testid="nav-people" />
              <Tab value="gifts" label={t('nav.gifts')} data-testid="nav-gifts" />
              <Tab value="exhibition" label={t('nav.exhibition')} data-testid="nav-exhibition" />
            </Tabs>
            <Box sx={{ flex: 1 }} />
            <JobTray />
            <HistoryButtons />
            <ProjectMenu />
            <LanguageSwitch />
            <Tooltip title={t('project.close')}>
              <IconButton onClick={onClose} aria-label={t('project.close')} data-testid="close-project">
                <CloseIcon />
              </IconButton>
            </Tooltip>
          </Toolbar>
        </AppBar>
        {project.readOnly && (
          <Alert
            severity="warning"
            square
            data-testid="read-only-banner"
            action={
              <Button color="inherit" size="small" onClick={onReopen}>
                {t('project.readOnly.retry')}
              </Button>
            }
          >
            {say({
              key: 'project.readOnly',
              params: {
                dir: project.dir,
                app: project.readOnly.app || '?',
                pid: project.readOnly.pid || '?',
                since: project.readOnly.since ? localTime(project.readOnly.since) : '?',
              },
            })}
          </Alert>
        )}
        <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          {view === 'library' ? (
            <LibraryView roster={roster} />
          ) : view === 'roster' ? (
            <RosterView roster={roster} />
          ) : view === 'people' ? (
            <PeopleView roster={roster} readOnly={!!project.readOnly} />
          ) : view === 'gifts' ? (
            <GiftsView />
          ) : (
            <ExhibitionView readOnly={!!project.readOnly} />
          )}
        </Box>
      </Box>
    </JobsProvider>
  );
}
