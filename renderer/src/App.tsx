import { Box, CircularProgress } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import type { ProjectInfo } from '@shared/model/project';
import { call } from './api/client';
import { useNotice } from './components/NoticeProvider';
import { ProjectShell } from './features/shell/ProjectShell';
import { KioskApp } from './features/kiosk/KioskApp';
import { StartScreen } from './features/start/StartScreen';
import { useI18n } from './i18n/I18nProvider';

/** The kiosk's page says so (the browser host serves it under the kiosk's read-only token). */
const isKiosk = () =>
  !!document.querySelector('meta[name="cl-kiosk"]') ||
  !!(window as unknown as { api?: { kiosk?: boolean } }).api?.kiosk;

/** Start screen until a project is open, then the library; at the venue, the kiosk. */
export function App() {
  return isKiosk() ? <KioskApp /> : <ProjectApp />;
}

function ProjectApp() {
  const { t } = useI18n();
  const { notifyError } = useNotice();
  const [project, setProject] = useState<ProjectInfo | null | undefined>(undefined);

  useEffect(() => {
    call('projects.current', {}).then(setProject, (err) => {
      notifyError(err);
      setProject(null);
    });
  }, [notifyError]);

  useEffect(() => {
    document.title = project ? `${project.name} · ${t('app.name')}` : `${t('app.name')} · Chasing Light`;
  }, [project, t]);

  const close = useCallback(async () => {
    try {
      await call('projects.close', {});
      setProject(null);
    } catch (err) {
      notifyError(err);
    }
  }, [notifyError]);

  /** A read-only project opened again: writable now if the other window or process has let go of it. */
  const reopen = useCallback(async () => {
    if (!project) return;
    try {
      setProject(await call('projects.open', { dir: project.dir }));
    } catch (err) {
      notifyError(err);
    }
  }, [notifyError, project]);

  if (project === undefined)
    return (
      <Box sx={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
        <CircularProgress aria-label={t('common.loading')} />
      </Box>
    );
  return project ? (
    <ProjectShell project={project} onClose={close} onReopen={() => void reopen()} />
  ) : (
    <StartScreen onOpened={setProject} />
  );
}
