import FaceRetouchingNaturalIcon from '@mui/icons-material/FaceRetouchingNatural';
import GroupsIcon from '@mui/icons-material/GroupsOutlined';
import {
  Avatar,
  Box,
  Chip,
  CircularProgress,
  List,
  ListItemAvatar,
  ListItemButton,
  ListItemText,
  ListSubheader,
  Stack,
  TextField,
} from '@mui/material';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { searchWorkers } from '@shared/logic/worker-search';
import type { PeopleOverview } from '@shared/model/face';
import { call, faceUrl } from '../../api/client';
import { useCatalogRefresh } from '../../api/useCatalogRefresh';
import { EmptyState } from '../../components/EmptyState';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { Roster } from '../roster/useRoster';
import { FaceJobCard } from './FaceJobCard';
import { UnnamedGroups } from './UnnamedGroups';
import { WorkerFaces } from './WorkerFaces';
import { useFaceJob } from './useFaceJob';

/** 人物: the faces found, unnamed ones in look-alike groups, and each person's confirmed faces and suggestions. */
export function PeopleView({ roster, readOnly }: { roster: Roster; readOnly: boolean }) {
  const { t } = useI18n();
  const { notifyError } = useNotice();
  const [overview, setOverview] = useState<PeopleOverview | null>(null);
  const [selection, setSelection] = useState<string>('unnamed');
  const faceJob = useFaceJob();
  const [query, setQuery] = useState('');
  // A long list narrows by name, pinyin or initials, as the roster does.
  const shownIds = useMemo(
    () =>
      query.trim()
        ? new Set(searchWorkers(query, roster.workers ?? [], roster.companyById, 500).map((w) => w.id))
        : null,
    [query, roster.workers, roster.companyById],
  );

  const refresh = useCallback(async () => {
    try {
      setOverview(await call('faces.people', {}));
    } catch (err) {
      notifyError(err);
    }
  }, [notifyError]);
  useCatalogRefresh(refresh);
  // Faces appear as the job finds them: a fresh look every ten photos.
  const found = faceJob.job?.progress.done ?? 0;
  useEffect(() => {
    if (found > 0 && found % 10 === 0) void refresh();
  }, [found, refresh]);

  const counts = overview?.counts ?? null;
  const worker = selection !== 'unnamed' ? overview?.workers.find((w) => w.workerId === selection) : null;
  const main = () => {
    if (!overview)
      return (
        <Box sx={{ height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <CircularProgress aria-label={t('common.loading')} />
        </Box>
      );
    if (worker || (selection !== 'unnamed' && roster.workerById.has(selection)))
      return (
        <WorkerFaces
          workerId={selection}
          roster={roster}
          readOnly={readOnly}
          suggestionsOn={worker?.suggestions ?? true}
        />
      );
    if (counts!.scanned === 0)
      return (
        <EmptyState
          testId="people-empty"
          icon={<FaceRetouchingNaturalIcon />}
          title={t('people.empty.title')}
          body={t('people.empty.body')}
        />
      );
    if (counts!.faces === 0)
      return <EmptyState testId="people-none" icon={<FaceRetouchingNaturalIcon />} title={t('people.none.title')} />;
    if (!overview.groups.length)
      return (
        <EmptyState
          testId="people-all-named"
          icon={<GroupsIcon />}
          title={t('people.allNamed.title')}
          body={t('people.allNamed.body')}
        />
      );
    return <UnnamedGroups groups={overview.groups} roster={roster} readOnly={readOnly} />;
  };

  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex' }} data-testid="people-view">
      <Box
        sx={{
          width: 300,
          flexShrink: 0,
          borderRight: 1,
          borderColor: 'divider',
          display: 'flex',
          flexDirection: 'column',
          bgcolor: 'background.paper',
        }}
      >
        <FaceJobCard counts={counts} faceJob={faceJob} readOnly={readOnly} />
        <List dense sx={{ flex: 1, overflow: 'auto', py: 0 }} data-testid="people-list">
          <ListItemButton
            selected={selection === 'unnamed'}
            onClick={() => setSelection('unnamed')}
            data-testid="people-unnamed"
          >
            <ListItemText primary={t('people.unnamed')} slotProps={{ primary: { sx: { fontWeight: 600 } } }} />
            {counts && <Chip size="small" label={counts.unnamed} />}
          </ListItemButton>
          {!!overview?.workers.length && <ListSubheader sx={{ lineHeight: '32px' }}>{t('people.named')}</ListSubheader>}
          {(overview?.workers.length ?? 0) > 8 && (
            <Box sx={{ px: 2, pb: 1 }}>
              <TextField
                size="small"
                fullWidth
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                placeholder={t('people.findPerson')}
                slotProps={{ htmlInput: { 'data-testid': 'people-find' } }}
              />
            </Box>
          )}
          {overview?.workers
            .filter((w) => !shownIds || shownIds.has(w.workerId))
            .map((w) => {
              const person = roster.workerById.get(w.workerId);
              const company = person?.companyId ? roster.companyById.get(person.companyId) : null;
              return (
                <ListItemButton
                  key={w.workerId}
                  selected={selection === w.workerId}
                  onClick={() => setSelection(w.workerId)}
                  data-testid="people-worker"
                >
                  <ListItemAvatar sx={{ minWidth: 48 }}>
                    <Avatar src={w.faceId ? faceUrl(w.faceId) : undefined} alt="" sx={{ width: 36, height: 36 }}>
                      {person?.name.slice(-2)}
                    </Avatar>
                  </ListItemAvatar>
                  <ListItemText primary={person?.name ?? w.workerId} secondary={company?.shortName ?? company?.name} />
                  <Stack direction="row" sx={{ gap: 0.5 }}>
                    {w.suggested > 0 && (
                      <Chip size="small" color="secondary" label={t('people.suggested', { count: w.suggested })} />
                    )}
                    <Chip size="small" variant="outlined" label={t('people.confirmed', { count: w.confirmed })} />
                  </Stack>
                </ListItemButton>
              );
            })}
        </List>
      </Box>
      <Box sx={{ flex: 1, minWidth: 0, overflow: 'auto', bgcolor: 'background.default' }}>{main()}</Box>
    </Box>
  );
}
