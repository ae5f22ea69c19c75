import CloseIcon from '@mui/icons-material/Close';
import { Box, IconButton, Paper, Typography } from '@mui/material';
import { useState } from 'react';
import type { Board } from '@shared/model/exhibition';
import type { Photo } from '@shared/model/photo';
import { mediaUrl } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';

/** Drag data: which photo is being moved. */
const DRAG_TYPE = 'application/x-chasing-light-photo';

/**
 * One board drawn to scale (`scale` px per mm): its background, the header band, every photo where the plan put
 * it with its place number. Photos can be dragged onto another photo (to go before it) or onto a board (to go at
 * its end), selected to see their label, and taken off the wall.
 */
export function BoardCanvas({
  board,
  position,
  title,
  scale,
  photos,
  selected,
  onSelect,
  onMove,
  onRemove,
  readOnly,
}: {
  board: Board;
  position: number;
  title: string;
  scale: number;
  photos: Map<string, Photo>;
  selected: string | null;
  onSelect: (photoId: string) => void;
  onMove: (photoId: string, toBoardId: string, beforePhotoId: string | null) => void;
  onRemove: (photoId: string) => void;
  readOnly: boolean;
}) {
  const { t } = useI18n();
  const [over, setOver] = useState<string | null>(null);
  const px = (mm: number) => mm * scale;
  const drop = (e: React.DragEvent, before: string | null) => {
    const id = e.dataTransfer.getData(DRAG_TYPE);
    setOver(null);
    if (!id || id === before) return;
    e.preventDefault();
    e.stopPropagation();
    onMove(id, board.id, before);
  };
  const allow = (e: React.DragEvent, target: string) => {
    if (readOnly || !e.dataTransfer.types.includes(DRAG_TYPE)) return;
    e.preventDefault();
    e.stopPropagation();
    setOver(target);
  };
  return (
    <Box sx={{ flexShrink: 0 }}>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mb: 0.5 }}>
        {`${board.name} · ${board.widthMm / 10}×${board.heightMm / 10} cm · ${board.photos.length}`}
      </Typography>
      <Paper
        elevation={over === board.id ? 6 : 2}
        data-testid="board"
        data-board-id={board.id}
        onDragOver={(e) => allow(e, board.id)}
        onDragLeave={() => setOver(null)}
        onDrop={(e) => drop(e, null)}
        sx={{
          position: 'relative',
          width: px(board.widthMm),
          height: px(board.heightMm),
          bgcolor: board.background,
          borderRadius: 0.5,
          outline: over === board.id ? '2px dashed' : 'none',
          outlineColor: 'primary.main',
          overflow: 'hidden',
        }}
      >
        {board.headerMm > 0 && (
          <Box
            sx={{
              position: 'absolute',
              left: px(board.marginMm),
              top: px(board.marginMm),
              right: px(board.marginMm),
              height: px(board.headerMm - board.gutterMm),
              borderBottom: '2px solid',
              borderColor: 'primary.main',
              display: 'flex',
              alignItems: 'flex-end',
              pb: 0.5,
            }}
          >
            <Typography
              sx={{ fontWeight: 700, fontSize: Math.max(9, px(board.headerMm) * 0.28), lineHeight: 1.1 }}
              noWrap
            >
              {title}
            </Typography>
            <Typography sx={{ ml: 'auto', fontSize: 10, color: 'text.secondary' }}>{position}</Typography>
          </Box>
        )}
        {board.photos.map((p) => {
          const photo = photos.get(p.photoId);
          const isSelected = selected === p.photoId;
          return (
            <Box
              key={p.photoId}
              data-testid="board-photo"
              data-photo-id={p.photoId}
              data-number={p.number}
              draggable={!readOnly}
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_TYPE, p.photoId);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(e) => allow(e, p.photoId)}
              onDragLeave={() => setOver(null)}
              onDrop={(e) => drop(e, p.photoId)}
              onClick={() => onSelect(p.photoId)}
              title={p.number}
              sx={{
                position: 'absolute',
                left: px(p.xMm),
                top: px(p.yMm),
                width: px(p.wMm),
                height: px(p.hMm),
                cursor: readOnly ? 'pointer' : 'grab',
                bgcolor: 'grey.200',
                backgroundImage: photo ? `url("${mediaUrl('thumb', photo)}")` : undefined,
                backgroundSize: 'cover',
                backgroundPosition: 'center',
                outline: isSelected ? '3px solid' : over === p.photoId ? '3px dashed' : 'none',
                outlineColor: 'primary.main',
                boxShadow: over === p.photoId ? '-6px 0 0 0 var(--mui-palette-primary-main, #b3261e)' : undefined,
                '&:hover .remove': { opacity: 1 },
              }}
            >
              <Box
                sx={{
                  position: 'absolute',
                  left: 2,
                  bottom: 2,
                  px: 0.5,
                  borderRadius: 0.5,
                  bgcolor: 'rgba(255,255,255,0.85)',
                  fontSize: 10,
                  fontWeight: 700,
                  color: 'primary.main',
                  lineHeight: 1.4,
                }}
              >
                {p.number}
              </Box>
              {!readOnly && (
                <IconButton
                  className="remove"
                  size="small"
                  aria-label={t('exhibition.remove')}
                  data-testid="board-photo-remove"
                  onClick={(e) => {
                    e.stopPropagation();
                    onRemove(p.photoId);
                  }}
                  sx={{
                    position: 'absolute',
                    right: 2,
                    top: 2,
                    p: 0.25,
                    bgcolor: 'rgba(255,255,255,0.85)',
                    opacity: isSelected ? 1 : 0,
                    '&:hover': { bgcolor: '#fff' },
                  }}
                >
                  <CloseIcon sx={{ fontSize: 14 }} />
                </IconButton>
              )}
            </Box>
          );
        })}
      </Paper>
    </Box>
  );
}
