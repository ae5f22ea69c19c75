import { Box, Stack, Tooltip, Typography } from '@mui/material';
import type { FaceView } from '@shared/model/face';
import type { Worker } from '@shared/model/roster';
import { call } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { FaceTile } from '../people/FaceTile';

/**
 * A worker tagged on a photo without a face: the faces the job found there and nobody named, to pick theirs with
 * one click (the face becomes their region, and teaches suggestions), instead of drawing a box.
 */
export function FaceChoice({ worker, faces }: { worker: Worker; faces: FaceView[] }) {
  const { t } = useI18n();
  const { notifyError } = useNotice();
  if (!faces.length) return null;
  return (
    <Box sx={{ pl: 1, pb: 0.5 }} data-testid="face-choice">
      <Typography variant="caption" color="text.secondary">
        {t('tag.whichFace', { name: worker.name })}
      </Typography>
      <Stack direction="row" sx={{ gap: 0.75, mt: 0.5, flexWrap: 'wrap' }}>
        {faces.map((f) => (
          <Tooltip key={f.faceId} title={f.suggestion?.workerId === worker.id ? t('tag.likelyFace') : ''}>
            <span>
              <FaceTile
                face={f}
                size={44}
                testId="face-choice-tile"
                focused={f.suggestion?.workerId === worker.id}
                onClick={() =>
                  void call('faces.assign', { faceIds: [f.faceId], workerId: worker.id }).catch(notifyError)
                }
              />
            </span>
          </Tooltip>
        ))}
      </Stack>
    </Box>
  );
}
