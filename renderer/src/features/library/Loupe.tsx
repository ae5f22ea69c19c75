import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Alert, Box, Button, IconButton, Tooltip, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import type { Photo } from '@shared/model/photo';
import { call, mediaUrl } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { Roster } from '../roster/useRoster';

type Rect = { x: number; y: number; w: number; h: number };

/** Where an image of this aspect sits when fitted ("contain") in a box. */
function fitted(boxW: number, boxH: number, aspect: number) {
  const w = Math.min(boxW, boxH * aspect);
  const h = w / aspect;
  return { left: (boxW - w) / 2, top: (boxH - h) / 2, width: w, height: h };
}

const clamp01 = (v: number) => Math.max(0, Math.min(1, v));

/** One photo, large, upright; tagged faces are outlined and named, and a face can be drawn for a tagged worker. */
export function Loupe({ photo, index, total, roster, drawing, onDrawn, onBack, onMove }: { photo: Photo; index: number; total: number; roster: Roster; drawing: string | null; onDrawn: () => void; onBack: () => void; onMove: (delta: number) => void }) {
  const { t } = useI18n();
  const { notifyError } = useNotice();
  const stage = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ w: 0, h: 0 });
  const [draft, setDraft] = useState<{ from: [number, number]; rect: Rect } | null>(null);

  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => e && setBox({ w: e.contentRect.width, h: e.contentRect.height }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (!drawing) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setDraft(null);
        onDrawn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawing, onDrawn]);

  const area = fitted(box.w, box.h, photo.width && photo.height ? photo.width / photo.height : 1.5);
  const point = (e: React.PointerEvent): [number, number] => {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return [clamp01((e.clientX - r.left) / r.width), clamp01((e.clientY - r.top) / r.height)];
  };
  const drawingWorker = drawing ? roster.workerById.get(drawing) : null;

  const finish = async () => {
    const rect = draft?.rect;
    setDraft(null);
    if (!drawing || !rect || rect.w < 0.01 || rect.h < 0.01) return;
    try {
      await call('photos.setRegion', { id: photo.id, workerId: drawing, region: rect });
      onDrawn();
    } catch (err) {
      notifyError(err);
    }
  };

  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', bgcolor: '#1f1d1b' }} data-testid="loupe">
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', px: 1.5, py: 0.75, color: '#eee' }}>
        <Button startIcon={<ArrowBackIcon />} onClick={onBack} sx={{ color: '#eee' }} size="small">{t('loupe.back')}</Button>
        <Typography variant="body2" sx={{ color: '#bbb' }}>{`${index + 1} / ${total} · ${photo.originalName}`}</Typography>
        <Box sx={{ width: 120 }} />
      </Box>
      {drawingWorker && <Alert severity="info" sx={{ borderRadius: 0, py: 0 }} data-testid="drawing-hint">{t('tag.drawing', { name: drawingWorker.name })}</Alert>}
      <Box sx={{ flex: 1, minHeight: 0, position: 'relative', m: 2 }} ref={stage}>
        <Box sx={{ position: 'absolute', ...area, boxShadow: '0 4px 30px rgba(0,0,0,0.5)' }}>
          <img key={photo.id} src={mediaUrl('preview', photo)} alt={photo.originalName} data-testid="loupe-image" draggable={false} style={{ width: '100%', height: '100%', display: 'block', userSelect: 'none' }} />
          {photo.faceRegions.map((r) => {
            const w = roster.workerById.get(r.workerId);
            return (
              <Box key={r.workerId} data-testid="face-region" sx={{ position: 'absolute', left: `${r.x * 100}%`, top: `${r.y * 100}%`, width: `${r.w * 100}%`, height: `${r.h * 100}%`, border: '2px solid', borderColor: w?.consent === 'declined' ? '#ef5350' : '#f6d28b', borderRadius: 0.5, pointerEvents: 'none' }}>
                <Box component="span" sx={{ position: 'absolute', top: '100%', left: -2, mt: 0.5, px: 0.75, bgcolor: 'rgba(0,0,0,0.7)', color: '#fff', fontSize: 12, borderRadius: 0.5, whiteSpace: 'nowrap' }}>{w?.name ?? '?'}</Box>
              </Box>
            );
          })}
          {drawing && (
            <Box
              data-testid="face-draw-surface"
              sx={{ position: 'absolute', inset: 0, cursor: 'crosshair', touchAction: 'none' }}
              onPointerDown={(e) => {
                (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
                const p = point(e);
                setDraft({ from: p, rect: { x: p[0], y: p[1], w: 0, h: 0 } });
              }}
              onPointerMove={(e) => {
                if (!draft) return;
                const [x, y] = point(e);
                const [fx, fy] = draft.from;
                setDraft({ from: draft.from, rect: { x: Math.min(x, fx), y: Math.min(y, fy), w: Math.abs(x - fx), h: Math.abs(y - fy) } });
              }}
              onPointerUp={() => void finish()}
            >
              {draft && <Box sx={{ position: 'absolute', left: `${draft.rect.x * 100}%`, top: `${draft.rect.y * 100}%`, width: `${draft.rect.w * 100}%`, height: `${draft.rect.h * 100}%`, border: '2px dashed #fff', bgcolor: 'rgba(255,255,255,0.12)' }} />}
            </Box>
          )}
        </Box>
        <Tooltip title={t('loupe.prev')}>
          <span style={{ position: 'absolute', left: -8, top: '50%', transform: 'translateY(-50%)' }}>
            <IconButton onClick={() => onMove(-1)} disabled={index === 0} sx={{ color: '#ddd' }} aria-label={t('loupe.prev')}><ChevronLeftIcon fontSize="large" /></IconButton>
          </span>
        </Tooltip>
        <Tooltip title={t('loupe.next')}>
          <span style={{ position: 'absolute', right: -8, top: '50%', transform: 'translateY(-50%)' }}>
            <IconButton onClick={() => onMove(1)} disabled={index >= total - 1} sx={{ color: '#ddd' }} aria-label={t('loupe.next')}><ChevronRightIcon fontSize="large" /></IconButton>
          </span>
        </Tooltip>
      </Box>
    </Box>
  );
}
