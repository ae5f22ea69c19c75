import { Box } from '@mui/material';
import { useRef, useState } from 'react';
import type { CropRect } from '@shared/model/gift';
import type { Photo } from '@shared/model/photo';
import { mediaUrl } from '../../api/client';

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The chosen photo with the crop drawn on it: drag to pan, wheel to zoom; the aspect stays the sheet window's.
 * The change is sent when the drag ends, so the preview re-renders once, not on every pixel.
 */
export function CropEditor({
  photo,
  crop,
  aspect,
  onChange,
}: {
  photo: Photo;
  crop: CropRect | null;
  aspect: number;
  onChange: (c: CropRect) => void;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const photoAspect = photo.width / photo.height;
  const full = photoAspect > aspect ? { w: aspect / photoAspect, h: 1 } : { w: 1, h: photoAspect / aspect };
  const start = crop ?? { x: (1 - full.w) / 2, y: (1 - full.h) / 2, ...full };
  const [draft, setDraft] = useState<CropRect | null>(null);
  const shown = draft ?? start;
  const drag = useRef<{ x: number; y: number; from: CropRect } | null>(null);

  const commit = (c: CropRect) => {
    setDraft(null);
    onChange(c);
  };
  return (
    <Box
      ref={frame}
      sx={{
        position: 'relative',
        width: '100%',
        aspectRatio: `${photo.width} / ${photo.height}`,
        userSelect: 'none',
        touchAction: 'none',
        borderRadius: 1,
        overflow: 'hidden',
        bgcolor: '#222',
      }}
      data-testid="crop-editor"
      onWheel={(e) => {
        const scale = clamp((shown.w / full.w) * (e.deltaY > 0 ? 1.08 : 0.92), 0.2, 1);
        const w = full.w * scale;
        const h = full.h * scale;
        const cx = shown.x + shown.w / 2;
        const cy = shown.y + shown.h / 2;
        const next = { x: clamp(cx - w / 2, 0, 1 - w), y: clamp(cy - h / 2, 0, 1 - h), w, h };
        setDraft(next);
        window.clearTimeout((frame.current as unknown as { t?: number })?.t);
        (frame.current as unknown as { t?: number }).t = window.setTimeout(() => commit(next), 350);
      }}
    >
      <img
        src={mediaUrl('preview', photo)}
        alt=""
        draggable={false}
        style={{ width: '100%', height: '100%', display: 'block' }}
      />
      <Box
        data-testid="crop-box"
        onPointerDown={(e) => {
          (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
          drag.current = { x: e.clientX, y: e.clientY, from: shown };
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (!d || !frame.current) return;
          const r = frame.current.getBoundingClientRect();
          const dx = (e.clientX - d.x) / r.width;
          const dy = (e.clientY - d.y) / r.height;
          setDraft({ ...d.from, x: clamp(d.from.x + dx, 0, 1 - d.from.w), y: clamp(d.from.y + dy, 0, 1 - d.from.h) });
        }}
        onPointerUp={() => {
          drag.current = null;
          if (draft) commit(draft);
        }}
        sx={{
          position: 'absolute',
          left: `${shown.x * 100}%`,
          top: `${shown.y * 100}%`,
          width: `${shown.w * 100}%`,
          height: `${shown.h * 100}%`,
          border: '2px solid #f6d28b',
          boxShadow: '0 0 0 9999px rgba(0,0,0,0.45)',
          cursor: 'move',
        }}
      />
    </Box>
  );
}
