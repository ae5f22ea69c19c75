import CheckCircleIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import DoNotDisturbIcon from '@mui/icons-material/DoNotDisturbAltOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import TaskIcon from '@mui/icons-material/AssignmentOutlined';
import {
  Badge,
  Box,
  Button,
  CircularProgress,
  Divider,
  IconButton,
  List,
  ListItem,
  Popover,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { localTime } from '@shared/logic/display';
import type { JobView } from '@shared/model/job';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { JobProgressBar } from './JobProgressBar';
import { useJobs } from './JobsProvider';
import { jobOutcome, jobTitle } from './jobText';

const ENDED_ICON = {
  finished: <CheckCircleIcon fontSize="small" color="success" />,
  cancelled: <DoNotDisturbIcon fontSize="small" color="action" />,
  failed: <ErrorOutlineIcon fontSize="small" color="error" />,
};

/** The job tray in the app bar: every job of the project, running (with cancel), finished and failed, in one place. */
export function JobTray() {
  const words = useI18n();
  const { t } = words;
  const { notifyError } = useNotice();
  const { jobs, cancel, dismiss } = useJobs();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const running = jobs.filter((j) => j.state === 'running');
  const ended = jobs.filter((j) => j.state !== 'running');
  // One ring for all running jobs: how far they are together.
  const total = running.reduce((n, j) => n + j.progress.total, 0);
  const done = running.reduce((n, j) => n + Math.min(j.progress.done, j.progress.total), 0);
  const label = running.length ? t('jobs.trayRunning', { count: running.length }) : t('jobs.tray');
  const endedLine = (job: JobView) => (
    <ListItem
      key={job.id}
      disableGutters
      sx={{ alignItems: 'flex-start', gap: 1 }}
      data-testid={`job-${job.kind}`}
      data-state={job.state}
    >
      <Box sx={{ pt: 0.25 }}>{ENDED_ICON[job.state as keyof typeof ENDED_ICON]}</Box>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {jobTitle(job, words)}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {t(`jobs.state.${job.state}`)}
            {job.endedAt ? ` · ${localTime(job.endedAt)}` : ''}
          </Typography>
        </Stack>
        <Typography
          variant="caption"
          color={job.state === 'failed' ? 'error' : 'text.secondary'}
          component="div"
          sx={{ wordBreak: 'break-word' }}
        >
          {jobOutcome(job, words)}
        </Typography>
      </Box>
      <Button size="small" color="inherit" onClick={() => dismiss(job.id)}>
        {t('jobs.dismiss')}
      </Button>
    </ListItem>
  );
  return (
    <>
      <Tooltip title={label}>
        <IconButton
          onClick={(e) => setAnchor(e.currentTarget)}
          aria-label={label}
          data-testid="job-tray"
          data-running={running.length}
        >
          <Badge badgeContent={running.length} color="primary" invisible={!running.length}>
            {running.length ? (
              <CircularProgress
                size={22}
                thickness={5}
                variant={total ? 'determinate' : 'indeterminate'}
                value={total ? (100 * done) / total : 0}
                aria-hidden
              />
            ) : (
              <TaskIcon />
            )}
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={!!anchor}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Box sx={{ width: 420, maxWidth: '90vw', p: 2 }} data-testid="job-tray-panel">
          <Typography variant="subtitle1" sx={{ fontWeight: 700, mb: 1 }}>
            {t('jobs.tray')}
          </Typography>
          {!jobs.length && (
            <Typography variant="body2" color="text.secondary" data-testid="job-tray-empty">
              {t('jobs.empty')}
            </Typography>
          )}
          {running.length > 0 && (
            <Stack spacing={1.5} sx={{ mb: ended.length ? 1.5 : 0 }}>
              {running.map((job) => (
                <JobProgressBar
                  key={job.id}
                  title={jobTitle(job, words)}
                  progress={job.progress}
                  testId={`job-${job.kind}`}
                  cancelTestId={`job-cancel-${job.kind}`}
                  onCancel={() => void cancel(job.id).catch(notifyError)}
                />
              ))}
            </Stack>
          )}
          {running.length > 0 && ended.length > 0 && <Divider />}
          {ended.length > 0 && (
            <>
              <List dense sx={{ maxHeight: 320, overflow: 'auto' }}>
                {ended.map(endedLine)}
              </List>
              <Button size="small" onClick={() => ended.forEach((j) => dismiss(j.id))} data-testid="job-tray-clear">
                {t('jobs.clear')}
              </Button>
            </>
          )}
        </Box>
      </Popover>
    </>
  );
}
