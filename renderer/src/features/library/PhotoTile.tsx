import BlockIcon from '@mui/icons-material/Block';
import FlagIcon from '@mui/icons-material/Flag';
import PersonIcon from '@mui/icons-material/Person';
import StarIcon from '@mui/icons-material/Star';
import { Box, CircularProgress, Tooltip, Typography } from '@mui/material';
import { memo } from 'react';
import type { Photo } from '@shared/model/photo';
import { mediaUrl } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';

export const TILE_GAP = 10;
/** The thumbnail size slider's range and default (tile width in px, as Lightroom's grid slider sets it). */
export const TILE_SIZES = { min: 130, max: 340, default: 196 };
/** A tile of this width: the image area keeps a 5:4 box; name and date below it. */
export function tileBox(width: number) {
  const image = Math.round(width * 0.8);
  return { width, height: image + 58, image };
}

function Stars({ rating }: { rating: number }) {
  const { t } = useI18n();
  if (!rating) return null;
  return (
    <Box sx={{ display: 'flex', color: '#c58b1c' }} aria-label={t('tile.rating', { n: rating })}>
      {Array.from({ length: rating }, (_, i) => (
        <StarIcon key={i} sx={{ fontSize: 13 }} />
      ))}
    </Box>
  );
}

/** One photo in the grid: the thumbnail upright, rating, flag; a rejected photo is dimmed, as in Lightroom. */
export const PhotoTile = memo(function PhotoTile({
  photo,
  size,
  selected,
  focused,
  declined,
  onClick,
  onDoubleClick,
}: {
  photo: Photo;
  size: number;
  selected: boolean;
  focused: boolean;
  declined: boolean;
  onClick: (e: React.MouseEvent) => void;
  onDoubleClick: () => void;
}) {
  const { t } = useI18n();
  const box = tileBox(size);
  const hasImage = photo.thumbnail || photo.embeddedThumbnail;
  return (
    <Box
      onClick={onClick}
      onDoubleClick={onDoubleClick}
      data-testid="photo-tile"
      data-photo-id={photo.id}
      data-selected={selected || undefined}
      data-rating={photo.rating}
      data-flag={photo.flag ?? 'none'}
      sx={{
        width: box.width,
        height: box.height,
        bgcolor: selected ? '#fff' : '#f7f5f2',
        borderRadius: 1.5,
        p: 0.75,
        cursor: 'pointer',
        outline: focused ? '2px solid' : selected ? '2px solid' : '1px solid',
        outlineColor: focused ? 'primary.main' : selected ? 'rgba(176,58,46,0.45)' : 'rgba(0,0,0,0.06)',
        boxShadow: selected ? '0 2px 10px rgba(0,0,0,0.12)' : 'none',
        opacity: photo.flag === 'rejected' ? 0.42 : 1,
        transition: 'box-shadow 120ms, opacity 120ms',
        display: 'flex',
        flexDirection: 'column',
      }}
    >
      <Box
        sx={{
          height: box.image,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          bgcolor: '#dcd8d1',
          borderRadius: 1,
          overflow: 'hidden',
          position: 'relative',
        }}
      >
        {hasImage && (
          <img
            src={mediaUrl('thumb', photo)}
            alt={photo.originalName}
            loading="lazy"
            decoding="async"
            draggable={false}
            style={{ maxWidth: '100%', maxHeight: '100%', objectFit: 'contain', display: 'block' }}
          />
        )}
        {!photo.rendered && (
          <Tooltip title={t('photo.pending')}>
            <CircularProgress size={18} sx={{ position: 'absolute', right: 6, bottom: 6 }} />
          </Tooltip>
        )}
        {photo.workers.length > 0 && (
          <Tooltip title={declined ? t('photo.declined') : ''}>
            <Box
              data-testid="tile-people"
              data-declined={declined || undefined}
              sx={{
                position: 'absolute',
                left: 6,
                bottom: 6,
                display: 'flex',
                alignItems: 'center',
                gap: 0.25,
                px: 0.75,
                height: 20,
                borderRadius: 10,
                fontSize: 12,
                color: '#fff',
                bgcolor: declined ? 'error.main' : 'rgba(0,0,0,0.55)',
              }}
            >
              <PersonIcon sx={{ fontSize: 14 }} />
              {photo.workers.length}
            </Box>
          </Tooltip>
        )}
        {photo.flag && (
          <Box
            sx={{
              position: 'absolute',
              top: 6,
              left: 6,
              bgcolor: 'rgba(255,255,255,0.9)',
              borderRadius: '50%',
              width: 22,
              height: 22,
              display: 'grid',
              placeItems: 'center',
            }}
          >
            {photo.flag === 'picked' ? (
              <FlagIcon sx={{ fontSize: 15, color: 'primary.main' }} />
            ) : (
              <BlockIcon sx={{ fontSize: 15, color: 'text.secondary' }} />
            )}
          </Box>
        )}
      </Box>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          mt: 0.75,
          minHeight: 18,
          gap: 0.5,
        }}
      >
        <Typography
          variant="caption"
          noWrap
          title={photo.originalName}
          sx={{ color: 'text.secondary', flex: 1, minWidth: 0 }}
        >
          {photo.originalName}
        </Typography>
        <Stars rating={photo.rating} />
      </Box>
      <Typography variant="caption" noWrap sx={{ color: 'text.secondary', fontSize: 11 }}>
        {[photo.capturedAt?.slice(0, 10), photo.photographer].filter(Boolean).join(' · ') || '\u00a0'}
      </Typography>
    </Box>
  );
});
