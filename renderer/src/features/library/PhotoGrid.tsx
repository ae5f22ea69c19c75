import { Box } from '@mui/material';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import type { Photo } from '@shared/model/photo';
import { GRID_BACKGROUND } from '../../theme';
import { PhotoTile, TILE_GAP, tileBox } from './PhotoTile';

function PlaceholderRow({ columns, size }: { columns: number; size: number }) {
  const box = tileBox(size);
  return (
    <Box
      sx={{
        display: 'flex',
        gap: `${TILE_GAP}px`,
        px: `${TILE_GAP}px`,
        pt: `${TILE_GAP}px`,
        height: box.height + TILE_GAP,
      }}
      data-testid="grid-placeholder"
    >
      {Array.from({ length: columns }, (_, i) => (
        <Box key={i} sx={{ width: box.width, height: box.height, borderRadius: 1.5, bgcolor: '#f1eee9', p: 0.75 }}>
          <Box sx={{ height: box.image, borderRadius: 1, bgcolor: '#dcd8d1' }} />
        </Box>
      ))}
    </Box>
  );
}

export interface PhotoGridHandle {
  columns: () => number;
  scrollTo: (index: number) => void;
}

/**
 * A virtualized grid: rows of fixed-size tiles, so only what is on screen exists in the DOM and 10,000 photos
 * scroll as smoothly as 10. Fixed rows also make arrow-key moves exact.
 */
export const PhotoGrid = forwardRef<
  PhotoGridHandle,
  {
    photos: Photo[];
    size: number;
    selected: Set<string>;
    focusIndex: number;
    declinedWorkers: Set<string>;
    onTileClick: (index: number, e: React.MouseEvent) => void;
    onOpen: (index: number) => void;
  }
>(function PhotoGrid({ photos, size, selected, focusIndex, declinedWorkers, onTileClick, onOpen }, ref) {
  const container = useRef<HTMLDivElement>(null);
  const virtuoso = useRef<VirtuosoHandle>(null);
  const [width, setWidth] = useState(1000);
  const box = tileBox(size);
  const columns = Math.max(1, Math.floor((width - TILE_GAP * 2) / (box.width + TILE_GAP)));
  const rows = Math.ceil(photos.length / columns);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => entry && setWidth(entry.contentRect.width));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      columns: () => columns,
      scrollTo: (index) => virtuoso.current?.scrollIntoView({ index: Math.floor(index / columns), behavior: 'auto' }),
    }),
    [columns],
  );

  return (
    <Box
      ref={container}
      sx={{ flex: 1, minHeight: 0, bgcolor: GRID_BACKGROUND }}
      data-testid="photo-grid"
      data-columns={columns}
    >
      <Virtuoso
        ref={virtuoso}
        style={{ height: '100%' }}
        totalCount={rows}
        fixedItemHeight={box.height + TILE_GAP}
        increaseViewportBy={box.height * 2}
        // A fling through thousands of photos shows light placeholders, as Lightroom does; images load once it slows.
        scrollSeekConfiguration={{ enter: (v) => Math.abs(v) > 120, exit: (v) => Math.abs(v) < 20 }}
        components={{ ScrollSeekPlaceholder: () => <PlaceholderRow columns={columns} size={size} /> }}
        itemContent={(row) => (
          <Box
            sx={{
              display: 'flex',
              gap: `${TILE_GAP}px`,
              px: `${TILE_GAP}px`,
              pt: `${TILE_GAP}px`,
              height: box.height + TILE_GAP,
            }}
          >
            {photos.slice(row * columns, row * columns + columns).map((p, i) => {
              const index = row * columns + i;
              const declined = p.workers.some((w) => declinedWorkers.has(w));
              return (
                <PhotoTile
                  key={p.id}
                  photo={p}
                  size={size}
                  selected={selected.has(p.id)}
                  focused={index === focusIndex}
                  declined={declined}
                  onClick={(e) => onTileClick(index, e)}
                  onDoubleClick={() => onOpen(index)}
                />
              );
            })}
          </Box>
        )}
      />
    </Box>
  );
});
