import { Box, Button, Popover, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { FaceView } from '@shared/model/face';
import type { Photo } from '@shared/model/photo';
import { call } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { WorkerPicker } from '../roster/WorkerPicker';
import type { Roster } from '../roster/useRoster';
import { usePhotoFaces } from '../tagging/usePhotoFaces';

/**
 * The faces on the loupe's photo: named ones in gold, suggestions with a question, unnamed ones dashed. Clicking
 * a face names it (the roster autocomplete), confirms or turns down its suggestion, or says it is not a face.
 * Regions drawn by hand where no face was found are outlined as before.
 */
export function LoupeFaces({ photo, roster, interactive }: { photo: Photo; roster: Roster; interactive: boolean }) {
  const { t } = useI18n();
  const { notifyError } = useNotice();
  const faces = usePhotoFaces(photo.id);
  const [open, setOpen] = useState<{ face: FaceView; anchor: HTMLElement } | null>(null);

  const act = async (run: () => Promise<unknown>) => {
    setOpen(null);
    try {
      await run();
    } catch (err) {
      notifyError(err);
    }
  };
  const shownWorkers = new Set(faces.map((f) => f.workerId).filter(Boolean));
  const regionsAlone = photo.faceRegions.filter((r) => !shownWorkers.has(r.workerId));
  const nameOf = (id: string) => roster.workerById.get(id)?.name ?? '?';
  const suggested = open?.face.suggestion ? roster.workerById.get(open.face.suggestion.workerId) : null;

  return (
    <>
      {faces.map((f) => {
        const named = !!f.workerId;
        const label = f.workerId
          ? nameOf(f.workerId)
          : f.suggestion
            ? t('faces.maybe', { name: nameOf(f.suggestion.workerId) })
            : t('faces.unnamed');
        const declined = f.workerId && roster.workerById.get(f.workerId)?.consent === 'declined';
        return (
          <Box
            key={f.faceId}
            data-testid={named ? 'face-region' : 'face-box'}
            data-face-id={f.faceId}
            onPointerDown={(e) => interactive && e.stopPropagation()}
            onPointerUp={(e) => interactive && e.stopPropagation()}
            onClick={(e) => {
              if (!interactive) return;
              e.stopPropagation();
              setOpen({ face: f, anchor: e.currentTarget });
            }}
            sx={{
              position: 'absolute',
              left: `${f.box.x * 100}%`,
              top: `${f.box.y * 100}%`,
              width: `${f.box.w * 100}%`,
              height: `${f.box.h * 100}%`,
              border: '2px',
              borderStyle: named ? 'solid' : 'dashed',
              borderColor: declined
                ? '#ef5350'
                : named
                  ? '#f6d28b'
                  : f.suggestion
                    ? '#9fd3ff'
                    : 'rgba(255,255,255,0.8)',
              borderRadius: 0.5,
              cursor: interactive ? 'pointer' : undefined,
              pointerEvents: interactive ? 'auto' : 'none',
              '&:hover': interactive ? { bgcolor: 'rgba(255,255,255,0.08)' } : undefined,
            }}
          >
            <Box
              component="span"
              sx={{
                position: 'absolute',
                top: '100%',
                left: -2,
                mt: 0.5,
                px: 0.75,
                bgcolor: 'rgba(0,0,0,0.7)',
                color: '#fff',
                fontSize: 12,
                borderRadius: 0.5,
                whiteSpace: 'nowrap',
              }}
            >
              {label}
            </Box>
          </Box>
        );
      })}
      {regionsAlone.map((r) => {
        const w = roster.workerById.get(r.workerId);
        return (
          <Box
            key={r.workerId}
            data-testid="face-region"
            sx={{
              position: 'absolute',
              left: `${r.x * 100}%`,
              top: `${r.y * 100}%`,
              width: `${r.w * 100}%`,
              height: `${r.h * 100}%`,
              border: '2px solid',
              borderColor: w?.consent === 'declined' ? '#ef5350' : '#f6d28b',
              borderRadius: 0.5,
              pointerEvents: 'none',
            }}
          >
            <Box
              component="span"
              sx={{
                position: 'absolute',
                top: '100%',
                left: -2,
                mt: 0.5,
                px: 0.75,
                bgcolor: 'rgba(0,0,0,0.7)',
                color: '#fff',
                fontSize: 12,
                borderRadius: 0.5,
                whiteSpace: 'nowrap',
              }}
            >
              {w?.name ?? '?'}
            </Box>
          </Box>
        );
      })}
      <Popover
        open={!!open}
        anchorEl={open?.anchor}
        onClose={() => setOpen(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        slotProps={{ paper: { sx: { p: 2, width: 300 }, 'data-testid': 'face-popover' } as object }}
      >
        {open && (
          <Stack sx={{ gap: 1.5 }}>
            <Typography variant="subtitle2">
              {open.face.workerId ? nameOf(open.face.workerId) : t('faces.nameIt')}
            </Typography>
            {suggested && (
              <Stack direction="row" sx={{ gap: 1 }}>
                <Button
                  size="small"
                  variant="contained"
                  onClick={() =>
                    void act(() => call('faces.assign', { faceIds: [open.face.faceId], workerId: suggested.id }))
                  }
                  data-testid="face-confirm"
                >
                  {t('faces.confirm', { name: suggested.name })}
                </Button>
                <Button
                  size="small"
                  onClick={() => void act(() => call('faces.reject', { faceIds: [open.face.faceId] }))}
                  data-testid="face-reject"
                >
                  {t('faces.notThem')}
                </Button>
              </Stack>
            )}
            <WorkerPicker
              roster={roster}
              autoFocus
              onPick={(w) => void act(() => call('faces.assign', { faceIds: [open.face.faceId], workerId: w.id }))}
              placeholder={t('people.nameGroup')}
              testId="face-name-input"
            />
            <Button
              size="small"
              color="inherit"
              sx={{ alignSelf: 'flex-start' }}
              onClick={() => void act(() => call('faces.setState', { faceIds: [open.face.faceId], state: 'not-face' }))}
              data-testid="face-not-face"
            >
              {t('people.notFace')}
            </Button>
          </Stack>
        )}
      </Popover>
    </>
  );
}
