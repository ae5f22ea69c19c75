import AddPhotoIcon from '@mui/icons-material/AddPhotoAlternateOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import PhotoLibraryIcon from '@mui/icons-material/PhotoLibraryOutlined';
import SearchIcon from '@mui/icons-material/Search';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import { Box, Button, CircularProgress, InputAdornment, TextField, Typography } from '@mui/material';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { PhotoFilter } from '@shared/logic/photo-filter';
import type { Flag } from '@shared/model/photo';
import { EmptyState } from '../../components/EmptyState';
import { useI18n } from '../../i18n/I18nProvider';
import { ImportDialog } from '../import/ImportDialog';
import { ImportProgressPanel } from '../import/ImportProgressPanel';
import { useImportJob } from '../import/useImportJob';
import type { Roster } from '../roster/useRoster';
import { FilterPanel } from './FilterPanel';
import { Loupe } from './Loupe';
import { MetadataPanel } from './MetadataPanel';
import { PhotoGrid, type PhotoGridHandle } from './PhotoGrid';
import { useCullingKeys } from './useCullingKeys';
import { usePhotos } from './usePhotos';

const isEmptyFilter = (f: PhotoFilter) => !f.photographer && !f.company && !f.shootDay && !f.minRating && !f.flag && !f.text?.trim();

/** The photographer's working view: filters on the left, the grid (or loupe) in the middle, metadata on the right. */
export function LibraryView({ roster }: { roster: Roster }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<PhotoFilter>({});
  const { photos, facets, error, refresh, patch } = usePhotos(filter);
  const [focusIndex, setFocusIndex] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [loupe, setLoupe] = useState(false);
  const [importing, setImporting] = useState(false);
  /** the worker whose face is being drawn in the loupe */
  const [drawing, setDrawing] = useState<string | null>(null);
  const importJob = useImportJob();
  const grid = useRef<PhotoGridHandle>(null);

  const list = useMemo(() => photos ?? [], [photos]);
  const selectedPhotos = useMemo(() => list.filter((p) => selected.has(p.id)), [list, selected]);
  const declinedWorkers = useMemo(() => new Set((roster.workers ?? []).filter((w) => w.consent === 'declined').map((w) => w.id)), [roster.workers]);
  const index = Math.min(focusIndex, Math.max(0, list.length - 1));
  const focused = list[index] ?? null;

  const focus = useCallback(
    (i: number) => {
      const next = Math.max(0, Math.min(list.length - 1, i));
      setFocusIndex(next);
      const p = list[next];
      if (p) setSelected(new Set([p.id]));
      grid.current?.scrollTo(next);
    },
    [list],
  );

  /** Keys act on the selection, or on the focused photo when nothing else is selected. */
  const targets = useCallback(() => {
    const ids = list.filter((p) => selected.has(p.id)).map((p) => p.id);
    return ids.length ? ids : focused ? [focused.id] : [];
  }, [focused, list, selected]);

  const actions = useMemo(
    () => ({
      move: (d: number) => focus(index + d),
      moveRow: (d: number) => (loupe ? undefined : focus(index + d * (grid.current?.columns() ?? 1))),
      toggleLoupe: () => focused && setLoupe((l) => !l),
      closeLoupe: () => (drawing ? setDrawing(null) : setLoupe(false)),
      rate: (n: number) => {
        const ids = targets();
        if (ids.length) void patch(ids, { rating: n });
      },
      flag: (f: Flag) => {
        const ids = targets();
        if (ids.length) void patch(ids, { flag: f });
      },
    }),
    [drawing, focus, focused, index, loupe, patch, targets],
  );
  useCullingKeys(actions, !importing && !drawing);

  const onTileClick = useCallback(
    (i: number, e: React.MouseEvent) => {
      const p = list[i];
      if (!p) return;
      setFocusIndex(i);
      if (e.metaKey || e.ctrlKey) {
        setSelected((old) => {
          const next = new Set(old);
          if (next.has(p.id)) next.delete(p.id);
          else next.add(p.id);
          return next;
        });
      } else if (e.shiftKey) {
        const [a, b] = [Math.min(index, i), Math.max(index, i)];
        setSelected(new Set(list.slice(a, b + 1).map((x) => x.id)));
      } else setSelected(new Set([p.id]));
    },
    [index, list],
  );

  let body;
  if (error && photos === null)
    body = <EmptyState testId="library-error" icon={<ErrorOutlineIcon />} title={t('library.error')} body={error} action={<Button variant="outlined" onClick={() => void refresh()}>{t('common.retry')}</Button>} />;
  else if (photos === null)
    body = <Box sx={{ flex: 1, display: 'grid', placeItems: 'center' }}><CircularProgress aria-label={t('common.loading')} /></Box>;
  else if (list.length === 0 && isEmptyFilter(filter) && !importJob.job)
    body = <EmptyState testId="library-empty" icon={<PhotoLibraryIcon />} title={t('library.empty.title')} body={t('library.empty.body')} action={<Button variant="contained" startIcon={<AddPhotoIcon />} onClick={() => setImporting(true)}>{t('library.import')}</Button>} />;
  else if (list.length === 0)
    body = <EmptyState testId="library-no-match" icon={<SearchOffIcon />} title={t('library.noMatch.title')} body={t('library.noMatch.body')} action={<Button variant="outlined" onClick={() => setFilter({})}>{t('library.clearFilters')}</Button>} />;
  else if (loupe && focused)
    body = (
      <Loupe
        photo={focused}
        index={index}
        total={list.length}
        roster={roster}
        drawing={drawing}
        onDrawn={() => setDrawing(null)}
        onBack={() => setLoupe(false)}
        onMove={(d) => focus(index + d)}
      />
    );
  else body = <PhotoGrid ref={grid} photos={list} selected={selected} focusIndex={index} declinedWorkers={declinedWorkers} onTileClick={onTileClick} onOpen={(i) => { focus(i); setLoupe(true); }} />;

  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, px: 2, py: 0.75, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
        <Typography variant="body2" color="text.secondary" data-testid="library-count" sx={{ minWidth: 140 }}>
          {photos ? t('library.count', { shown: list.length, total: facets?.total ?? list.length }) : ''}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <TextField
          size="small"
          placeholder={t('library.search')}
          value={filter.text ?? ''}
          onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))}
          sx={{ width: 320 }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> }, htmlInput: { 'data-testid': 'library-search' } }}
        />
        <Button variant="contained" startIcon={<AddPhotoIcon />} onClick={() => setImporting(true)} data-testid="open-import">{t('library.import')}</Button>
      </Box>
      <Box sx={{ flex: 1, minHeight: 0, display: 'flex' }}>
        <FilterPanel facets={facets} filter={filter} roster={roster} onChange={(f) => { setFilter(f); setFocusIndex(0); }} />
        <Box sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>{body}</Box>
        <Box sx={{ width: 300, flexShrink: 0, borderLeft: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
          <MetadataPanel
            photo={focused}
            selection={selectedPhotos}
            roster={roster}
            onRate={(n) => focused && void patch([focused.id], { rating: n })}
            onFlag={(f) => focused && void patch([focused.id], { flag: f })}
            onDrawFace={(workerId) => {
              setLoupe(true);
              setDrawing(workerId);
            }}
          />
        </Box>
      </Box>
      {importJob.job && <ImportProgressPanel job={importJob.job} onCancel={() => void importJob.cancel()} onDismiss={importJob.dismiss} />}
      <Box sx={{ px: 2, py: 0.5, borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
        <Typography variant="caption" color="text.secondary">{t('library.keys')}</Typography>
      </Box>
      <ImportDialog
        open={importing}
        companies={(roster.companies ?? []).map((c) => c.name)}
        photographers={(roster.photographers ?? []).map((p) => p.name)}
        onClose={() => setImporting(false)}
        onStart={importJob.start}
      />
    </Box>
  );
}
