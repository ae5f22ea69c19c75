import { Box, Dialog, DialogContent, DialogTitle, IconButton } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import type { FaceView } from '@shared/model/face';
import { mediaUrl } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';

/** The whole photo a face comes from, the face outlined: to be sure before naming someone (double-click a face). */
export function FacePhotoDialog({ face, onClose }: { face: FaceView | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog open={!!face} onClose={onClose} maxWidth="lg" data-testid="face-photo">
      <DialogTitle sx={{ pr: 6 }}>
        {t('people.inPhoto')}
        <IconButton onClick={onClose} aria-label={t('common.close')} sx={{ position: 'absolute', right: 8, top: 8 }}>
          <CloseIcon />
        </IconButton>
      </DialogTitle>
      <DialogContent>
        {face && (
          <Box
            sx={{ position: 'relative', display: 'inline-block', lineHeight: 0, overflow: 'hidden', borderRadius: 1 }}
          >
            <img
              src={mediaUrl('preview', { id: face.photoId, rendered: true })}
              alt=""
              style={{ maxWidth: '100%', maxHeight: '75vh', display: 'block' }}
            />
            <Box
              sx={{
                position: 'absolute',
                left: `${face.box.x * 100}%`,
                top: `${face.box.y * 100}%`,
                width: `${face.box.w * 100}%`,
                height: `${face.box.h * 100}%`,
                border: '3px solid #f6d28b',
                borderRadius: 1,
                boxShadow: '0 0 0 2000px rgba(0,0,0,0.25)',
              }}
            />
          </Box>
        )}
      </DialogContent>
    </Dialog>
  );
}
