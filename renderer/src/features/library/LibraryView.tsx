import AddPhotoIcon from '@mui/icons-material/AddPhotoAlternateOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import PhotoLibraryIcon from '@mui/icons-material/PhotoLibraryOutlined';
import SearchIcon from '@mui/icons-material/Search';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import HourglassIcon from '@mui/icons-material/HourglassTopOutlined';
import NorthIcon from '@mui/icons-material/North';
import PhotoSizeIcon from '@mui/icons-material/PhotoSizeSelectLargeOutlined';
import SouthIcon from '@mui/icons-material/South';
import {
  Box,
  Button,
  CircularProgress,
  IconButton,
  InputAdornment,
  MenuItem,
  Slider,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { SORT_KEYS, type PhotoFilter, type PhotoSort } from '@shared/logic/photo-filter';
import type { Flag } from '@shared/model/photo';
import { EmptyState } from '../../components/EmptyState';
import { useI18n } from '../../i18n/I18nProvider';
import { ImportDialog } from '../import/ImportDialog';
import { ImportProgressPanel } from '../import/ImportProgressPanel';
import { useImportJob } from '../import/useImportJob';
import type { Roster } from '../roster/useRoster';
import { FilterPanel } from './FilterPanel';
import { CompareView, type CompareSide } from './CompareView';
import { Loupe } from './Loupe';
import { MetadataPanel } from './MetadataPanel';
import { PhotoGrid, type PhotoGridHandle } from './PhotoGrid';
import { TILE_SIZES } from './PhotoTile';
import { useCullingKeys } from './useCullingKeys';
import { usePhotos } from './usePhotos';

const isEmptyFilter = (f: PhotoFilter) =>
  !f.photographer && !f.company && !f.shootDay && !f.minRating && !f.flag && !f.text?.trim();

/** A view choice that outlives the session: the sort and the thumbnail size, kept in this browser. */
function useStored<T>(key: string, initial: T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = localStorage.getItem(key);
      return raw ? (JSON.parse(raw) as T) : initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      /* private mode: the choice lasts for this session */
    }
  }, [key, value]);
  return [value, setValue];
}

type Mode = 'grid' | 'loupe' | 'compare';

/** The photographer's working view: filters on the left, the grid (or loupe) in the middle, metadata on the right. */
export function LibraryView({ roster }: { roster: Roster }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<PhotoFilter>({});
  const [sort, setSort] = useStored<PhotoSort>('chasing-light.sort', { by: 'captured', dir: 'asc' });
  const [tileSize, setTileSize] = useStored('chasing-light.tileSize', TILE_SIZES.default);
  const { photos, facets, error, refresh, patch } = usePhotos(filter, sort);
  const [focusIndex, setFocusIndex] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [mode, setMode] = useState<Mode>('grid');
  const loupe = mode === 'loupe';
  const setLoupe = useCallback(
    (on: boolean | ((was: boolean) => boolean)) =>
      setMode((m) => ((typeof on === 'function' ? on(m === 'loupe') : on) ? 'loupe' : 'grid')),
    [],
  );
  /** Z in the grid opens the loupe straight at 100% */
  const [startZoomed, setStartZoomed] = useState(false);
  useEffect(() => {
    if (mode !== 'loupe') setStartZoomed(false);
  }, [mode]);
  /** Compare: the candidate beside the focused photo, and which side the keys act on */
  const [candidate, setCandidate] = useState(0);
  const [active, setActive] = useState<CompareSide>('select');
  const [importing, setImporting] = useState(false);
  /** the worker whose face is being drawn in the loupe */
  const [drawing, setDrawing] = useState<string | null>(null);
  const importJob = useImportJob();
  const grid = useRef<PhotoGridHandle>(null);

  const list = useMemo(() => photos ?? [], [photos]);
  const selectedPhotos = useMemo(() => list.filter((p) => selected.has(p.id)), [list, selected]);
  const declinedWorkers = useMemo(
    () => new Set((roster.workers ?? []).filter((w) => w.consent === 'declined').map((w) => w.id)),
    [roster.workers],
  );
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

  const candidateIndex = Math.min(candidate, Math.max(0, list.length - 1));
  const candidatePhoto = list[candidateIndex] ?? null;

  /** Keys act on the selection, or on the focused photo when nothing else is selected; in Compare, on the active side. */
  const targets = useCallback(() => {
    if (mode === 'compare') {
      const p = active === 'candidate' ? candidatePhoto : focused;
      return p ? [p.id] : [];
    }
    const ids = list.filter((p) => selected.has(p.id)).map((p) => p.id);
    return ids.length ? ids : focused ? [focused.id] : [];
  }, [active, candidatePhoto, focused, list, mode, selected]);

  /** C: the focused photo beside the second selected one, else beside the next photo. */
  const startCompare = useCallback(() => {
    if (list.length < 2 || !focused) return;
    const other = list.findIndex((p, i) => i !== index && selected.has(p.id));
    setCandidate(other >= 0 ? other : index + 1 < list.length ? index + 1 : index - 1);
    setActive('select');
    setMode('compare');
  }, [focused, index, list, selected]);

  const actions = useMemo(
    () => ({
      move: (d: number) => {
        if (mode !== 'compare') return focus(index + d);
        // In Compare the arrows bring the next candidate, passing over the photo it is compared with.
        let next = candidateIndex + d;
        if (next === index) next += d;
        if (next >= 0 && next < list.length) setCandidate(next);
      },
      moveRow: (d: number) => (mode !== 'grid' ? undefined : focus(index + d * (grid.current?.columns() ?? 1))),
      toggleLoupe: () => focused && setMode((m) => (m === 'loupe' ? 'grid' : 'loupe')),
      closeLoupe: () => (drawing ? setDrawing(null) : setMode('grid')),
      zoom: () => {
        if (!focused || mode === 'compare') return;
        if (mode === 'grid') setStartZoomed(true);
        setMode('loupe');
      },
      compare: () => (mode === 'compare' ? setMode('grid') : startCompare()),
      rate: (n: number) => {
        const ids = targets();
        if (ids.length) void patch(ids, { rating: n });
      },
      flag: (f: Flag) => {
        const ids = targets();
        if (ids.length) void patch(ids, { flag: f });
      },
    }),
    [candidateIndex, drawing, focus, focused, index, list.length, mode, patch, startCompare, targets],
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
    body = (
      <EmptyState
        testId="library-error"
        icon={<ErrorOutlineIcon />}
        title={t('library.error')}
        body={error}
        action={
          <Button variant="outlined" onClick={() => void refresh()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  else if (photos === null)
    body = (
      <Box sx={{ flex: 1, display: 'grid', placeItems: 'center' }}>
        <CircularProgress aria-label={t('common.loading')} />
      </Box>
    );
  else if (list.length === 0 && importJob.job?.state === 'running')
    // The first photos land within a second; until then the grid says what is happening, not "nothing matches".
    body = (
      <EmptyState
        testId="library-importing"
        icon={<HourglassIcon />}
        title={t('library.importing.title')}
        body={t('library.importing.body')}
      />
    );
  else if (list.length === 0 && isEmptyFilter(filter) && (!importJob.job || (facets?.total ?? 0) === 0))
    body = (
      <EmptyState
        testId="library-empty"
        icon={<PhotoLibraryIcon />}
        title={t('library.empty.title')}
        body={t('library.empty.body')}
        action={
          <Button variant="contained" startIcon={<AddPhotoIcon />} onClick={() => setImporting(true)}>
            {t('library.import')}
          </Button>
        }
      />
    );
  else if (list.length === 0)
    body = (
      <EmptyState
        testId="library-no-match"
        icon={<SearchOffIcon />}
        title={t('library.noMatch.title')}
        body={t('library.noMatch.body')}
        action={
          <Button variant="outlined" onClick={() => setFilter({})}>
            {t('library.clearFilters')}
          </Button>
        }
      />
    );
  else if (mode === 'compare' && focused && candidatePhoto && candidatePhoto !== focused)
    body = (
      <CompareView
        select={focused}
        candidate={candidatePhoto}
        active={active}
        onActivate={setActive}
        onBack={() => setMode('grid')}
      />
    );
  else if (loupe && focused)
    body = (
      <Loupe
        startZoomed={startZoomed}
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
  else
    body = (
      <PhotoGrid
        ref={grid}
        photos={list}
        size={tileSize}
        selected={selected}
        focusIndex={index}
        declinedWorkers={declinedWorkers}
        onTileClick={onTileClick}
        onOpen={(i) => {
          focus(i);
          setLoupe(true);
        }}
      />
    );

  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 2,
          px: 2,
          py: 0.75,
          borderBottom: 1,
          borderColor: 'divider',
          bgcolor: 'background.paper',
        }}
      >
        <Typography variant="body2" color="text.secondary" data-testid="library-count" sx={{ minWidth: 140 }}>
          {photos ? t('library.count', { shown: list.length, total: facets?.total ?? list.length }) : ''}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Tooltip title={t('library.tileSize')}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, width: 150 }}>
            <PhotoSizeIcon fontSize="small" color="action" />
            <Slider
              size="small"
              min={TILE_SIZES.min}
              max={TILE_SIZES.max}
              step={2}
              value={tileSize}
              onChange={(_, v) => setTileSize(v as number)}
              disabled={mode !== 'grid'}
              slotProps={{ input: { 'aria-label': t('library.tileSize'), 'data-testid': 'tile-size' } as never }}
            />
          </Box>
        </Tooltip>
        <TextField
          select
          size="small"
          label={t('library.sort')}
          value={sort.by}
          onChange={(e) => setSort({ ...sort, by: e.target.value as PhotoSort['by'] })}
          sx={{ width: 150 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'library-sort' } as never } }}
        >
          {SORT_KEYS.map((k) => (
            <MenuItem key={k} value={k}>
              {t(`sort.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <Tooltip title={t(sort.dir === 'asc' ? 'sort.asc' : 'sort.desc')}>
          <IconButton
            size="small"
            onClick={() => setSort({ ...sort, dir: sort.dir === 'asc' ? 'desc' : 'asc' })}
            aria-label={t(sort.dir === 'asc' ? 'sort.asc' : 'sort.desc')}
            data-testid="library-sort-dir"
          >
            {sort.dir === 'asc' ? <NorthIcon fontSize="small" /> : <SouthIcon fontSize="small" />}
          </IconButton>
        </Tooltip>
        <TextField
          size="small"
          placeholder={t('library.search')}
          value={filter.text ?? ''}
          onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))}
          sx={{ width: 320 }}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
            htmlInput: { 'data-testid': 'library-search' },
          }}
        />
        <Button
          variant="contained"
          startIcon={<AddPhotoIcon />}
          onClick={() => setImporting(true)}
          data-testid="open-import"
        >
          {t('library.import')}
        </Button>
      </Box>
      <Box sx={{ flex: 1, minHeight: 0, display: 'flex' }}>
        <FilterPanel
          facets={facets}
          filter={filter}
          roster={roster}
          onChange={(f) => {
            setFilter(f);
            setFocusIndex(0);
          }}
        />
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
      {importJob.job && (
        <ImportProgressPanel
          job={importJob.job}
          onCancel={() => void importJob.cancel()}
          onDismiss={importJob.dismiss}
        />
      )}
      <Box sx={{ px: 2, py: 0.5, borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
        <Typography variant="caption" color="text.secondary">
          {t('library.keys')}
        </Typography>
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
