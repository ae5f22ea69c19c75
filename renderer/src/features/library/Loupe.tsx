import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Box, Button, IconButton, Tooltip, Typography } from '@mui/material';
import type { Photo } from '@shared/model/photo';
import { mediaUrl } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';

/** One photo, large, upright, on a dark surround; the arrows and culling keys keep working. */
export function Loupe({ photo, index, total, onBack, onMove }: { photo: Photo; index: number; total: number; onBack: () => void; onMove: (delta: number) => void }) {
  const { t } = useI18n();
  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', bgcolor: '#1f1d1b' }} data-testid="loupe">
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', px: 1.5, py: 0.75, color: '#eee' }}>
        <Button startIcon={<ArrowBackIcon />} onClick={onBack} sx={{ color: '#eee' }} size="small">{t('loupe.back')}</Button>
        <Typography variant="body2" sx={{ color: '#bbb' }}>{`${index + 1} / ${total} · ${photo.originalName}`}</Typography>
        <Box sx={{ width: 120 }} />
      </Box>
      <Box sx={{ flex: 1, minHeight: 0, position: 'relative', display: 'flex', alignItems: 'center', justifyContent: 'center', p: 2 }}>
        <img key={photo.id} src={mediaUrl('preview', photo)} alt={photo.originalName} data-testid="loupe-image" style={{ maxWidth: '100%', maxHeight: '100%', objectFit: 'contain', boxShadow: '0 4px 30px rgba(0,0,0,0.5)' }} />
        <Tooltip title={t('loupe.prev')}>
          <span style={{ position: 'absolute', left: 8 }}>
            <IconButton onClick={() => onMove(-1)} disabled={index === 0} sx={{ color: '#ddd' }} aria-label={t('loupe.prev')}><ChevronLeftIcon fontSize="large" /></IconButton>
          </span>
        </Tooltip>
        <Tooltip title={t('loupe.next')}>
          <span style={{ position: 'absolute', right: 8 }}>
            <IconButton onClick={() => onMove(1)} disabled={index >= total - 1} sx={{ color: '#ddd' }} aria-label={t('loupe.next')}><ChevronRightIcon fontSize="large" /></IconButton>
          </span>
        </Tooltip>
      </Box>
    </Box>
  );
}
