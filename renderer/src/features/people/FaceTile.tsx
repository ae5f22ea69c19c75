import FaceIcon from '@mui/icons-material/FaceOutlined';
import { Box, Typography } from '@mui/material';
import type { FaceView } from '@shared/model/face';
import { faceUrl } from '../../api/client';

/** One face as a square crop, with an optional line under it (a name, a confidence). */
export function FaceTile({
  face,
  size = 96,
  selected,
  focused,
  caption,
  onClick,
  onOpen,
  testId = 'face-tile',
}: {
  face: FaceView;
  size?: number;
  selected?: boolean;
  focused?: boolean;
  caption?: string;
  onClick?: (e: React.MouseEvent) => void;
  /** double-click: the whole photo */ onOpen?: (face: FaceView) => void;
  testId?: string;
}) {
  return (
    <Box
      data-testid={testId}
      data-face-id={face.faceId}
      data-selected={selected || undefined}
      data-focused={focused || undefined}
      onClick={onClick}
      onDoubleClick={onOpen && (() => onOpen(face))}
      sx={{ width: size, cursor: onClick ? 'pointer' : undefined, userSelect: 'none' }}
    >
      <Box
        sx={{
          width: size,
          height: size,
          borderRadius: 1.5,
          overflow: 'hidden',
          bgcolor: 'grey.200',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          outline: focused ? '3px solid' : selected ? '3px solid' : '1px solid',
          outlineColor: focused ? 'primary.main' : selected ? 'secondary.main' : 'divider',
          outlineOffset: focused || selected ? 1 : 0,
          opacity: selected === false ? 0.45 : 1,
          transition: 'opacity 120ms, outline-color 120ms',
        }}
      >
        {face.hasCrop ? (
          <img
            src={faceUrl(face.faceId)}
            alt=""
            loading="lazy"
            draggable={false}
            style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
          />
        ) : (
          <FaceIcon sx={{ fontSize: size / 2, color: 'text.disabled' }} />
        )}
      </Box>
      {caption && (
        <Typography
          variant="caption"
          component="div"
          noWrap
          sx={{ mt: 0.5, textAlign: 'center', color: 'text.secondary' }}
        >
          {caption}
        </Typography>
      )}
    </Box>
  );
}
