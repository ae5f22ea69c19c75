import { Box, Button, Paper, Stack, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import type { FaceGroup, FaceView } from '@shared/model/face';
import type { Worker } from '@shared/model/roster';
import { call } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { WorkerPicker } from '../roster/WorkerPicker';
import type { Roster } from '../roster/useRoster';
import { FacePhotoDialog } from './FacePhotoDialog';
import { FaceTile } from './FaceTile';
import { toggled } from './toggled';

const PAGE = 40;

/** Unnamed faces in look-alike groups: name a whole group with the roster, or set it aside. */
export function UnnamedGroups({
  groups,
  roster,
  readOnly,
}: {
  groups: FaceGroup[];
  roster: Roster;
  readOnly: boolean;
}) {
  const { t } = useI18n();
  const [shown, setShown] = useState(PAGE);
  return (
    <Box sx={{ p: 3 }} data-testid="unnamed-groups">
      <Typography variant="h6">{t('people.unnamed')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('people.unnamedHint')}
      </Typography>
      <Stack sx={{ gap: 2 }}>
        {groups.slice(0, shown).map((g) => (
          <GroupCard key={g.id} group={g} roster={roster} readOnly={readOnly} />
        ))}
      </Stack>
      {groups.length > shown && (
        <Button sx={{ mt: 2 }} onClick={() => setShown((n) => n + PAGE)}>
          {t('common.more', { count: groups.length - shown })}
        </Button>
      )}
    </Box>
  );
}

function GroupCard({ group, roster, readOnly }: { group: FaceGroup; roster: Roster; readOnly: boolean }) {
  const { t } = useI18n();
  const { notify, notifyError } = useNotice();
  /** faces left out of the action (clicked off); all are in by default */
  const [off, setOff] = useState<Set<string>>(new Set());
  const [shown, setShown] = useState<FaceView | null>(null);
  const chosen = group.faces.filter((f) => !off.has(f.faceId)).map((f) => f.faceId);
  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      setOff(new Set());
    } catch (err) {
      notifyError(err);
    }
  };
  const name = (w: Worker) =>
    act(async () => {
      await call('faces.assign', { faceIds: chosen, workerId: w.id });
      notify({ severity: 'success', message: t('people.named.done', { count: chosen.length, name: w.name }) });
    });
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="face-group">
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1.5, mb: 1.5 }}>
        {group.faces.slice(0, 24).map((f) => (
          <FaceTile
            key={f.faceId}
            face={f}
            size={84}
            onOpen={setShown}
            selected={off.size ? !off.has(f.faceId) : undefined}
            onClick={group.faces.length > 1 ? () => setOff((s) => toggled(s, f.faceId)) : undefined}
          />
        ))}
        {group.faces.length > 24 && (
          <Box
            sx={{
              width: 84,
              height: 84,
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              color: 'text.secondary',
            }}
          >
            +{group.faces.length - 24}
          </Box>
        )}
      </Stack>
      {!readOnly && (
        <Stack direction="row" sx={{ gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="caption" color="text.secondary" sx={{ minWidth: 64 }}>
            {off.size
              ? t('people.selected', { count: chosen.length })
              : t('people.groupCount', { count: group.faces.length })}
          </Typography>
          <Box sx={{ flex: 1, minWidth: 240, maxWidth: 360 }}>
            <WorkerPicker
              roster={roster}
              onPick={(w) => void name(w)}
              placeholder={t('people.nameGroup')}
              testId="group-name-input"
            />
          </Box>
          <Tooltip title={t('people.ignoreHint')}>
            <span>
              <Button
                size="small"
                disabled={!chosen.length}
                onClick={() => void act(() => call('faces.setState', { faceIds: chosen, state: 'ignored' }))}
                data-testid="group-ignore"
              >
                {t('people.ignore')}
              </Button>
            </span>
          </Tooltip>
          <Button
            size="small"
            color="inherit"
            disabled={!chosen.length}
            onClick={() => void act(() => call('faces.setState', { faceIds: chosen, state: 'not-face' }))}
            data-testid="group-not-face"
          >
            {t('people.notFace')}
          </Button>
        </Stack>
      )}
      <FacePhotoDialog face={shown} onClose={() => setShown(null)} />
    </Paper>
  );
}
