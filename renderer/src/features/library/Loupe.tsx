import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Alert, Box, Button, CircularProgress, IconButton, Tooltip, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Photo } from '@shared/model/photo';
import { call, fullUrl, mediaUrl } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { Roster } from '../roster/useRoster';
import { LoupeFaces } from './LoupeFaces';

type Rect = { x: number; y: number; w: number; h: number };

/** Where an image of this aspect sits when fitted ("contain") in a box. */
function fitted(boxW: number, boxH: number, aspect: number) {
  const w = Math.min(boxW, boxH * aspect);
  const h = w / aspect;
  return { left: (boxW - w) / 2, top: (boxH - h) / 2, width: w, height: h };
}

const clamp01 = (v: number) => Math.max(0, Math.min(1, v));

/** Where a W×H image sits in a box when the point (cx, cy) of it (fractions) is at the box's centre, kept covering the box. */
function placed(boxW: number, boxH: number, w: number, h: number, cx: number, cy: number) {
  const axis = (box: number, size: number, c: number) =>
    size <= box ? (box - size) / 2 : Math.min(0, Math.max(box - size, box / 2 - c * size));
  return { left: axis(boxW, w, cx), top: axis(boxH, h, cy), width: w, height: h };
}

/** 100% as Lightroom means it: one photo pixel on one screen pixel. */
const devicePixels = () => window.devicePixelRatio || 1;

type FullState = 'loading' | 'ready' | 'failed';

/** One photo, large, upright; tagged faces are outlined and named, and a face can be drawn for a tagged worker. */
export function Loupe({
  photo,
  index,
  total,
  roster,
  drawing,
  startZoomed = false,
  onDrawn,
  onBack,
  onMove,
}: {
  photo: Photo;
  startZoomed?: boolean;
  index: number;
  total: number;
  roster: Roster;
  drawing: string | null;
  onDrawn: () => void;
  onBack: () => void;
  onMove: (delta: number) => void;
}) {
  const { t } = useI18n();
  const { notifyError } = useNotice();
  const stage = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ w: 0, h: 0 });
  const [draft, setDraft] = useState<{ from: [number, number]; rect: Rect } | null>(null);
  /** zoomed to 100%: the point of the photo (fractions) at the centre of the view */
  const [zoom, setZoom] = useState<{ cx: number; cy: number } | null>(null);
  const [full, setFull] = useState<{ id: string; state: FullState } | null>(null);
  const drag = useRef<{ x: number; y: number; cx: number; cy: number; moved: boolean } | null>(null);

  // Another photo: back to the whole view (Lightroom keeps the zoom; here the next photo is seen whole first).
  useEffect(() => setZoom(null), [photo.id]);

  const zoomTo = useCallback(
    (at: { cx: number; cy: number } | null) => {
      setZoom(at);
      if (!at || (full?.id === photo.id && full.state !== 'failed')) return;
      setFull({ id: photo.id, state: 'loading' });
      call('photos.full', { id: photo.id }).then(
        () => setFull((f) => (f?.id === photo.id ? { id: photo.id, state: 'ready' } : f)),
        (err) => {
          setFull((f) => (f?.id === photo.id ? { id: photo.id, state: 'failed' } : f));
          notifyError(err); // the card is out, say; the preview stands in at its own size
        },
      );
    },
    [full, notifyError, photo.id],
  );

  // Z pressed in the grid: open straight at 100%.
  useEffect(() => {
    if (startZoomed) zoomTo({ cx: 0.5, cy: 0.5 });
  }, [startZoomed]); // eslint-disable-line react-hooks/exhaustive-deps -- once, when the loupe opens zoomed

  // Z zooms in and out; Esc zooms out first (the loupe closes on the next Esc).
  useEffect(() => {
    if (drawing) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if ((e.key === 'z' || e.key === 'Z') && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        e.stopImmediatePropagation();
        zoomTo(zoom ? null : { cx: 0.5, cy: 0.5 });
      } else if (e.key === 'Escape' && zoom) {
        e.preventDefault();
        e.stopImmediatePropagation();
        setZoom(null);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [drawing, zoom, zoomTo]);

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

  const aspect = photo.width && photo.height ? photo.width / photo.height : 1.5;
  const fullReady = full?.id === photo.id && full.state === 'ready';
  // At 100% the full render shows pixel for pixel; without it (original missing) the 2048 px preview does.
  const zoomW =
    (fullReady || full?.state === 'loading' ? photo.width : Math.min(photo.width, 2048 * (aspect >= 1 ? 1 : aspect))) /
    devicePixels();
  const area =
    zoom && !drawing ? placed(box.w, box.h, zoomW, zoomW / aspect, zoom.cx, zoom.cy) : fitted(box.w, box.h, aspect);
  const zoomed = !!zoom && !drawing;
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
    <Box
      sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', bgcolor: '#1f1d1b' }}
      data-testid="loupe"
    >
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          px: 1.5,
          py: 0.75,
          color: '#eee',
        }}
      >
        <Button startIcon={<ArrowBackIcon />} onClick={onBack} sx={{ color: '#eee' }} size="small">
          {t('loupe.back')}
        </Button>
        <Typography
          variant="body2"
          sx={{ color: '#bbb' }}
        >{`${index + 1} / ${total} · ${photo.originalName}`}</Typography>
        <Button
          size="small"
          sx={{ color: '#eee', minWidth: 120 }}
          onClick={() => zoomTo(zoom ? null : { cx: 0.5, cy: 0.5 })}
          disabled={!!drawing}
          data-testid="loupe-zoom"
        >
          {zoom ? t('loupe.fit') : t('loupe.zoom100')}
        </Button>
      </Box>
      {drawingWorker && (
        <Alert severity="info" sx={{ borderRadius: 0, py: 0 }} data-testid="drawing-hint">
          {t('tag.drawing', { name: drawingWorker.name })}
        </Alert>
      )}
      <Box
        sx={{ flex: 1, minHeight: 0, position: 'relative', m: 2, overflow: zoomed ? 'hidden' : 'visible' }}
        ref={stage}
      >
        <Box
          sx={{
            position: 'absolute',
            ...area,
            boxShadow: '0 4px 30px rgba(0,0,0,0.5)',
            cursor: drawing ? undefined : zoomed ? 'grab' : 'zoom-in',
            touchAction: 'none',
          }}
          data-testid="loupe-stage"
          data-zoomed={zoomed || undefined}
          onPointerDown={(e) => {
            if (drawing) return;
            (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
            drag.current = { x: e.clientX, y: e.clientY, cx: zoom?.cx ?? 0.5, cy: zoom?.cy ?? 0.5, moved: false };
          }}
          onPointerMove={(e) => {
            const d = drag.current;
            if (!d || !zoomed) return;
            const dx = e.clientX - d.x;
            const dy = e.clientY - d.y;
            if (Math.abs(dx) + Math.abs(dy) > 3) d.moved = true;
            if (d.moved) setZoom({ cx: clamp01(d.cx - dx / area.width), cy: clamp01(d.cy - dy / area.height) });
          }}
          onPointerUp={(e) => {
            const d = drag.current;
            drag.current = null;
            if (!d || d.moved || drawing) return;
            // A click: in at the point clicked, or back out to the whole photo.
            if (zoomed) setZoom(null);
            else {
              const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
              zoomTo({ cx: clamp01((e.clientX - r.left) / r.width), cy: clamp01((e.clientY - r.top) / r.height) });
            }
          }}
        >
          <img
            key={photo.id}
            src={mediaUrl('preview', photo)}
            alt={photo.originalName}
            data-testid="loupe-image"
            draggable={false}
            style={{
              width: '100%',
              height: '100%',
              display: 'block',
              userSelect: 'none',
              position: 'absolute',
              inset: 0,
            }}
          />
          {zoomed && fullReady && (
            <img
              src={fullUrl(photo)}
              alt=""
              data-testid="loupe-full"
              draggable={false}
              style={{
                width: '100%',
                height: '100%',
                display: 'block',
                userSelect: 'none',
                position: 'absolute',
                inset: 0,
              }}
            />
          )}
          {zoomed && full?.state === 'loading' && (
            <CircularProgress
              size={28}
              sx={{ position: 'fixed', right: 340, bottom: 80, color: '#eee' }}
              aria-label={t('loupe.loadingFull')}
            />
          )}
          <LoupeFaces photo={photo} roster={roster} interactive={!drawing && !zoomed} />
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
                setDraft({
                  from: draft.from,
                  rect: { x: Math.min(x, fx), y: Math.min(y, fy), w: Math.abs(x - fx), h: Math.abs(y - fy) },
                });
              }}
              onPointerUp={() => void finish()}
            >
              {draft && (
                <Box
                  sx={{
                    position: 'absolute',
                    left: `${draft.rect.x * 100}%`,
                    top: `${draft.rect.y * 100}%`,
                    width: `${draft.rect.w * 100}%`,
                    height: `${draft.rect.h * 100}%`,
                    border: '2px dashed #fff',
                    bgcolor: 'rgba(255,255,255,0.12)',
                  }}
                />
              )}
            </Box>
          )}
        </Box>
        <Tooltip title={t('loupe.prev')}>
          <span style={{ position: 'absolute', left: -8, top: '50%', transform: 'translateY(-50%)' }}>
            <IconButton
              onClick={() => onMove(-1)}
              disabled={index === 0}
              sx={{ color: '#ddd' }}
              aria-label={t('loupe.prev')}
            >
              <ChevronLeftIcon fontSize="large" />
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title={t('loupe.next')}>
          <span style={{ position: 'absolute', right: -8, top: '50%', transform: 'translateY(-50%)' }}>
            <IconButton
              onClick={() => onMove(1)}
              disabled={index >= total - 1}
              sx={{ color: '#ddd' }}
              aria-label={t('loupe.next')}
            >
              <ChevronRightIcon fontSize="large" />
            </IconButton>
          </span>
        </Tooltip>
      </Box>
    </Box>
  );
}
