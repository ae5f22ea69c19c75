import { Box, Button, FormControlLabel, Stack, Switch, Tooltip, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FaceView } from '@shared/model/face';
import { call } from '../../api/client';
import { useCatalogRefresh } from '../../api/useCatalogRefresh';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { Roster } from '../roster/useRoster';
import { FacePhotoDialog } from './FacePhotoDialog';
import { FaceTile } from './FaceTile';
import { toggled } from './toggled';

const TILE = 112;
const GAP = 12;

/**
 * One person's faces and the faces that may be them, surest first. The keyboard does the work: arrows move,
 * Enter confirms (the selection, else the face in focus), X rejects, Ctrl+A selects all; Ctrl+Z undoes.
 */
export function WorkerFaces({ workerId, roster, readOnly, suggestionsOn }: { workerId: string; roster: Roster; readOnly: boolean; suggestionsOn: boolean }) {
  const { t } = useI18n();
  const { notifyError } = useNotice();
  const worker = roster.workerById.get(workerId);
  const [data, setData] = useState<{ confirmed: FaceView[]; suggestions: FaceView[] } | null>(null);
  const [focus, setFocus] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const grid = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState<FaceView | null>(null);

  const refresh = useCallback(async () => {
    try {
      const r = await call('faces.forWorker', { workerId });
      setData(r);
      setSelected((s) => new Set([...s].filter((id) => r.suggestions.some((f) => f.faceId === id))));
      setFocus((i) => Math.max(0, Math.min(i, r.suggestions.length - 1)));
    } catch (err) {
      notifyError(err);
    }
  }, [notifyError, workerId]);
  useCatalogRefresh(refresh);
  useEffect(() => {
    setFocus(0);
    setSelected(new Set());
    grid.current?.focus();
  }, [workerId]);

  const suggestions = data?.suggestions ?? [];
  const targets = () => (selected.size ? suggestions.filter((f) => selected.has(f.faceId)) : suggestions.slice(focus, focus + 1)).map((f) => f.faceId);
  const act = async (kind: 'confirm' | 'reject', ids = targets()) => {
    if (!ids.length || readOnly) return;
    try {
      if (kind === 'confirm') await call('faces.assign', { faceIds: ids, workerId });
      else await call('faces.reject', { faceIds: ids, workerId });
      setSelected(new Set());
    } catch (err) {
      notifyError(err);
    }
  };

  const onKey = (e: React.KeyboardEvent) => {
    const cols = Math.max(1, Math.floor(((grid.current?.clientWidth ?? TILE) + GAP) / (TILE + GAP)));
    const move = (d: number) => setFocus((i) => Math.max(0, Math.min(suggestions.length - 1, i + d)));
    const k = e.key;
    if (k === 'ArrowRight') move(1);
    else if (k === 'ArrowLeft') move(-1);
    else if (k === 'ArrowDown') move(cols);
    else if (k === 'ArrowUp') move(-cols);
    else if (k === 'Enter') void act('confirm');
    else if ((k === 'x' || k === 'X') && !e.ctrlKey && !e.metaKey) void act('reject');
    else if (k === ' ') {
      const id = suggestions[focus]?.faceId;
      if (id) setSelected((s) => toggled(s, id));
    } else if ((e.ctrlKey || e.metaKey) && k.toLowerCase() === 'a') setSelected(new Set(suggestions.map((f) => f.faceId)));
    else if (k === 'Escape') setSelected(new Set());
    else if (k === 'o' || k === 'O') setShown(suggestions[focus] ?? null);
    else return;
    e.preventDefault();
  };

  const toggleSuggestions = async (on: boolean) => {
    try {
      await call('faces.setSuggestions', { workerId, on });
    } catch (err) {
      notifyError(err);
    }
  };

  const company = worker?.companyId ? roster.companyById.get(worker.companyId) : null;
  return (
    <Box sx={{ p: 3 }} data-testid="worker-faces">
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="h6">{worker?.name ?? workerId}</Typography>
        <Typography variant="body2" color="text.secondary">{[company?.shortName ?? company?.name, worker?.department, worker?.craft].filter(Boolean).join(' · ')}</Typography>
        <Box sx={{ flex: 1 }} />
        <Tooltip title={worker?.consent === 'declined' ? t('people.suggestOffDeclined') : ''}>
          <FormControlLabel control={<Switch size="small" checked={suggestionsOn} disabled={readOnly} onChange={(_, on) => void toggleSuggestions(on)} data-testid="suggest-switch" />} label={<Typography variant="body2">{t('people.suggestOn')}</Typography>} />
        </Tooltip>
      </Stack>

      <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>{t('people.confirmedTitle')} · {data?.confirmed.length ?? 0}</Typography>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }} data-testid="confirmed-faces">
        {data?.confirmed.slice(0, 60).map((f) => (
          <Tooltip key={f.faceId} title={readOnly ? '' : t('people.notThisPerson', { name: worker?.name ?? '' })}>
            <span>
              <FaceTile face={f} size={64} testId="confirmed-face" onOpen={setShown} onClick={readOnly ? undefined : () => void act('reject', [f.faceId])} />
            </span>
          </Tooltip>
        ))}
      </Stack>

      <Stack direction="row" sx={{ mt: 3, mb: 1, alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle2">{t('people.suggestionsTitle', { name: worker?.name ?? '' })} · {suggestions.length}</Typography>
        <Box sx={{ flex: 1 }} />
        {!readOnly && suggestions.length > 0 && (
          <>
            {selected.size > 0 && <Button size="small" onClick={() => void act('reject')} data-testid="reject-selected">{t('people.rejectSelected', { count: selected.size })}</Button>}
            {selected.size > 0 && <Button size="small" variant="outlined" onClick={() => void act('confirm')} data-testid="confirm-selected">{t('people.confirmSelected', { count: selected.size })}</Button>}
            <Button size="small" variant="contained" onClick={() => void act('confirm', suggestions.map((f) => f.faceId))} data-testid="confirm-all">{t('people.confirmAll')}</Button>
          </>
        )}
      </Stack>
      {suggestions.length > 0 && <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1.5 }}>{t('people.keysHint')}</Typography>}
      <Box
        ref={grid}
        tabIndex={0}
        onKeyDown={onKey}
        data-testid="suggestion-grid"
        sx={{ display: 'flex', flexWrap: 'wrap', gap: `${GAP}px`, outline: 'none', p: 0.5, borderRadius: 1, '&:focus-visible': { boxShadow: (th) => `0 0 0 2px ${th.palette.primary.light}` } }}
      >
        {suggestions.map((f, i) => (
          <FaceTile
            key={f.faceId}
            face={f}
            size={TILE}
            testId="suggested-face"
            onOpen={setShown}
            focused={i === focus}
            selected={selected.size ? selected.has(f.faceId) : undefined}
            caption={t('people.confidence', { value: Math.round((f.suggestion?.score ?? 0) * 100) })}
            onClick={(e) => {
              setFocus(i);
              grid.current?.focus();
              if (e.ctrlKey || e.metaKey || e.shiftKey) setSelected((s) => toggled(s, f.faceId));
            }}
          />
        ))}
        {data && suggestions.length === 0 && <Typography variant="body2" color="text.secondary">{t('people.noSuggestions')}</Typography>}
      </Box>
      <FacePhotoDialog face={shown} onClose={() => setShown(null)} />
    </Box>
  );
}
