import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import BlockIcon from '@mui/icons-material/Block';
import FlagIcon from '@mui/icons-material/Flag';
import StarIcon from '@mui/icons-material/Star';
import { Box, Button, Typography } from '@mui/material';
import type { Photo } from '@shared/model/photo';
import { mediaUrl } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';

export type CompareSide = 'select' | 'candidate';

function Side({
  photo,
  label,
  active,
  onActivate,
  testId,
}: {
  photo: Photo;
  label: string;
  active: boolean;
  onActivate: () => void;
  testId: string;
}) {
  return (
    <Box
      onClick={onActivate}
      data-testid={testId}
      data-active={active || undefined}
      data-photo-id={photo.id}
      data-rating={photo.rating}
      data-flag={photo.flag ?? 'none'}
      sx={{
        flex: 1,
        minWidth: 0,
        display: 'flex',
        flexDirection: 'column',
        p: 1.5,
        cursor: 'pointer',
        outline: active ? '2px solid #f6d28b' : '1px solid rgba(255,255,255,0.08)',
        outlineOffset: -2,
        borderRadius: 1,
      }}
    >
      <Typography variant="caption" sx={{ color: active ? '#f6d28b' : '#999', letterSpacing: '0.1em', mb: 1 }}>
        {label}
      </Typography>
      <Box sx={{ flex: 1, minHeight: 0, display: 'grid', placeItems: 'center' }}>
        <img
          src={mediaUrl('preview', photo)}
          alt={photo.originalName}
          draggable={false}
          style={{ maxWidth: '100%', maxHeight: '100%', objectFit: 'contain', boxShadow: '0 4px 24px rgba(0,0,0,0.5)' }}
        />
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1, color: '#ddd' }}>
        <Typography variant="body2" noWrap sx={{ flex: 1, minWidth: 0 }}>
          {photo.originalName}
        </Typography>
        {photo.flag === 'picked' && <FlagIcon sx={{ fontSize: 16, color: '#f6d28b' }} />}
        {photo.flag === 'rejected' && <BlockIcon sx={{ fontSize: 16, color: '#aaa' }} />}
        <Box sx={{ display: 'flex', color: '#e0b04a' }}>
          {Array.from({ length: photo.rating }, (_, i) => (
            <StarIcon key={i} sx={{ fontSize: 15 }} />
          ))}
        </Box>
      </Box>
    </Box>
  );
}

/**
 * Lightroom's Compare (C): the chosen photo beside a candidate. Arrows bring the next candidate; click a side to
 * make it the one the keys (stars, P, X, U) act on; Esc or C goes back to the grid.
 */
export function CompareView({
  select,
  candidate,
  active,
  onActivate,
  onBack,
}: {
  select: Photo;
  candidate: Photo;
  active: CompareSide;
  onActivate: (side: CompareSide) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  return (
    <Box
      sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', bgcolor: '#1f1d1b' }}
      data-testid="compare"
    >
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', px: 1.5, py: 0.75 }}>
        <Button startIcon={<ArrowBackIcon />} onClick={onBack} sx={{ color: '#eee' }} size="small">
          {t('loupe.back')}
        </Button>
        <Typography variant="body2" sx={{ color: '#bbb' }}>
          {t('compare.keys')}
        </Typography>
        <Box sx={{ width: 120 }} />
      </Box>
      <Box sx={{ flex: 1, minHeight: 0, display: 'flex', gap: 1.5, p: 1.5 }}>
        <Side
          photo={select}
          label={t('compare.select')}
          active={active === 'select'}
          onActivate={() => onActivate('select')}
          testId="compare-select"
        />
        <Side
          photo={candidate}
          label={t('compare.candidate')}
          active={active === 'candidate'}
          onActivate={() => onActivate('candidate')}
          testId="compare-candidate"
        />
      </Box>
    </Box>
  );
}
