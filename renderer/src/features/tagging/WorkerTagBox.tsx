import CloseIcon from '@mui/icons-material/Close';
import CropFreeIcon from '@mui/icons-material/CropFree';
import FaceIcon from '@mui/icons-material/FaceOutlined';
import { Alert, Box, Button, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import type { Photo } from '@shared/model/photo';
import type { Worker } from '@shared/model/roster';
import { ApiError, call } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { Roster } from '../roster/useRoster';
import { ConsentChip } from './ConsentChip';
import { WorkerPicker } from '../roster/WorkerPicker';
import { FaceChoice } from './FaceChoice';
import { usePhotoFaces } from './usePhotoFaces';

/**
 * Who is in the photo(s): type two or three letters (characters, pinyin or initials), Enter, and the worker
 * and their company are on every target photo. One photo: each tag can get a face box drawn in the loupe.
 */
export function WorkerTagBox({
  photos,
  roster,
  onDrawFace,
}: {
  photos: Photo[];
  roster: Roster;
  onDrawFace: (workerId: string) => void;
}) {
  const { t } = useI18n();
  const { notifyError } = useNotice();
  const ids = photos.map((p) => p.id);
  const single = photos.length === 1 ? photos[0]! : null;
  const unnamedFaces = usePhotoFaces(single?.id ?? null).filter((f) => !f.workerId);
  // On a selection, show whoever is on any of the photos.
  const tagged = [...new Set(photos.flatMap((p) => p.workers))]
    .map((id) => roster.workerById.get(id))
    .filter((w): w is Worker => !!w);
  const declined = tagged.filter((w) => w.consent === 'declined');

  /** A worker from another company than the photo's: the person chooses which company the photo keeps. */
  const [conflict, setConflict] = useState<{ worker: Worker; current: string; next: string } | null>(null);
  const add = async (w: Worker | null, company?: 'keep' | 'worker') => {
    if (!w) return;
    setConflict(null);
    try {
      await call('photos.tag', { ids, worker: w.id, company });
    } catch (err) {
      const d =
        err instanceof ApiError && err.key === 'tag.companyConflict'
          ? (err.params as { current: string; next: string })
          : null;
      if (d) setConflict({ worker: w, current: d.current, next: d.next });
      else notifyError(err);
    }
  };
  const remove = async (w: Worker) => {
    try {
      await call('photos.untag', { ids, workerId: w.id });
    } catch (err) {
      notifyError(err);
    }
  };

  return (
    <Box data-testid="worker-tags">
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {single ? t('tag.title') : t('tag.titleMany', { count: photos.length })}
      </Typography>
      <WorkerPicker roster={roster} onPick={(w) => void add(w)} placeholder={t('tag.add')} testId="tag-input" />
      {conflict && (
        <Alert severity="warning" sx={{ mt: 1 }} data-testid="tag-company-conflict">
          {t('tag.companyConflict', { worker: conflict.worker.name, current: conflict.current, next: conflict.next })}
          <Stack direction="row" sx={{ mt: 1, gap: 1, flexWrap: 'wrap' }}>
            <Button
              size="small"
              variant="outlined"
              onClick={() => void add(conflict.worker, 'keep')}
              data-testid="tag-company-keep"
            >
              {t('tag.companyKeep', { company: conflict.current })}
            </Button>
            <Button
              size="small"
              variant="contained"
              onClick={() => void add(conflict.worker, 'worker')}
              data-testid="tag-company-worker"
            >
              {t('tag.companyTake', { company: conflict.next })}
            </Button>
            <Button size="small" onClick={() => setConflict(null)}>
              {t('common.cancel')}
            </Button>
          </Stack>
        </Alert>
      )}
      {declined.map((w) => (
        <Alert key={w.id} severity="error" sx={{ mt: 1, py: 0 }}>
          {t('tag.declinedWarning', { name: w.name })}
        </Alert>
      ))}
      <Stack sx={{ mt: 1, gap: 0.5 }}>
        {tagged.length === 0 && (
          <Typography variant="body2" color="text.disabled">
            {t('tag.none')}
          </Typography>
        )}
        {tagged.map((w) => {
          const company = w.companyId ? roster.companyById.get(w.companyId) : null;
          const hasFace = !!single?.faceRegions.some((r) => r.workerId === w.id);
          return (
            <Box key={w.id}>
              <Stack
                direction="row"
                sx={{
                  alignItems: 'center',
                  gap: 0.5,
                  px: 1,
                  py: 0.5,
                  borderRadius: 1,
                  bgcolor: w.consent === 'declined' ? 'rgba(211,47,47,0.06)' : 'rgba(0,0,0,0.03)',
                }}
                data-testid="tagged-worker"
              >
                <Box sx={{ flex: 1, minWidth: 0 }}>
                  <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap>
                    {w.name}{' '}
                    {hasFace && (
                      <FaceIcon
                        sx={{ fontSize: 14, verticalAlign: 'middle', color: 'success.main' }}
                        titleAccess={t('tag.hasFace')}
                      />
                    )}
                  </Typography>
                  <Typography variant="caption" color="text.secondary" noWrap component="div">
                    {[company?.shortName ?? company?.name, w.department].filter(Boolean).join(' · ')}
                  </Typography>
                </Box>
                <ConsentChip consent={w.consent} />
                {single && (
                  <Tooltip title={t('tag.drawFace')}>
                    <IconButton
                      size="small"
                      onClick={() => onDrawFace(w.id)}
                      aria-label={t('tag.drawFace')}
                      data-testid="draw-face"
                    >
                      <CropFreeIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                )}
                <Tooltip title={t('tag.remove')}>
                  <IconButton size="small" onClick={() => void remove(w)} aria-label={t('tag.remove')}>
                    <CloseIcon fontSize="small" />
                  </IconButton>
                </Tooltip>
              </Stack>
              {single && !hasFace && <FaceChoice worker={w} faces={unnamedFaces} />}
            </Box>
          );
        })}
      </Stack>
    </Box>
  );
}
