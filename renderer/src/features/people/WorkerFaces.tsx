import { Box, Button, FormControlLabel, Stack, Switch, Tooltip, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { SURE_SUGGESTION } from '@shared/logic/face-match';
import type { FaceView, WorkerFaces as WorkerFacesData } from '@shared/model/face';
import { call } from '../../api/client';
import { useCatalogRefresh } from '../../api/useCatalogRefresh';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { Roster } from '../roster/useRoster';
import { FacePhotoDialog } from './FacePhotoDialog';
import { FaceTile } from './FaceTile';
import { SuggestionGrid, type SuggestionGridHandle } from './SuggestionGrid';

/**
 * One person's faces and the faces that may be them, surest first: the sure ones, which "confirm all" takes, and
 * apart from them the doubtful ones (less alike than SURE_SUGGESTION), confirmed one at a time. The keyboard does
 * the work: arrows move, Enter confirms (the selection, else the face in focus), X rejects, Ctrl+A selects all the
 * sure ones; Ctrl+Z undoes.
 */
export function WorkerFaces({
  workerId,
  roster,
  readOnly,
  suggestionsOn,
}: {
  workerId: string;
  roster: Roster;
  readOnly: boolean;
  suggestionsOn: boolean;
}) {
  const { t } = useI18n();
  const { notifyError } = useNotice();
  const worker = roster.workerById.get(workerId);
  const [data, setData] = useState<WorkerFacesData | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const sureGrid = useRef<SuggestionGridHandle>(null);
  const doubtfulGrid = useRef<SuggestionGridHandle>(null);
  const [shown, setShown] = useState<FaceView | null>(null);

  const refresh = useCallback(async () => {
    try {
      const r = await call('faces.forWorker', { workerId });
      setData(r);
      setSelected((s) => new Set([...s].filter((id) => r.suggestions.some((f) => f.faceId === id))));
    } catch (err) {
      notifyError(err);
    }
  }, [notifyError, workerId]);
  useCatalogRefresh(refresh);
  useEffect(() => {
    setSelected(new Set());
    setData(null);
  }, [workerId]);
  // The keyboard starts on the sure suggestions, else on the doubtful ones.
  const loaded = data?.workerId === workerId;
  const startOn = !loaded ? null : data.suggestions.length ? 'sure' : data.doubtful.length ? 'doubtful' : null;
  useEffect(() => {
    if (startOn === 'sure') sureGrid.current?.focus();
    else if (startOn === 'doubtful') doubtfulGrid.current?.focus();
  }, [startOn, workerId]);

  const suggestions = data?.suggestions ?? [];
  const doubtful = data?.doubtful ?? [];
  const act = async (kind: 'confirm' | 'reject', ids: string[]) => {
    if (!ids.length || readOnly) return;
    try {
      if (kind === 'confirm') await call('faces.assign', { faceIds: ids, workerId });
      else await call('faces.reject', { faceIds: ids, workerId });
      setSelected(new Set());
    } catch (err) {
      notifyError(err);
    }
  };
  const selectedIds = () => suggestions.filter((f) => selected.has(f.faceId)).map((f) => f.faceId);
  const surePercent = Math.round(SURE_SUGGESTION * 100);

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
        <Typography variant="body2" color="text.secondary">
          {[company?.shortName ?? company?.name, worker?.department, worker?.craft].filter(Boolean).join(' · ')}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Tooltip title={worker?.consent === 'declined' ? t('people.suggestOffDeclined') : ''}>
          <FormControlLabel
            control={
              <Switch
                size="small"
                checked={suggestionsOn}
                disabled={readOnly}
                onChange={(_, on) => void toggleSuggestions(on)}
                data-testid="suggest-switch"
              />
            }
            label={<Typography variant="body2">{t('people.suggestOn')}</Typography>}
          />
        </Tooltip>
      </Stack>

      <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>
        {t('people.confirmedTitle')} · {data?.confirmed.length ?? 0}
      </Typography>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }} data-testid="confirmed-faces">
        {data?.confirmed.slice(0, 60).map((f) => (
          <Tooltip key={f.faceId} title={readOnly ? '' : t('people.notThisPerson', { name: worker?.name ?? '' })}>
            <span>
              <FaceTile
                face={f}
                size={64}
                testId="confirmed-face"
                onOpen={setShown}
                onClick={readOnly ? undefined : () => void act('reject', [f.faceId])}
              />
            </span>
          </Tooltip>
        ))}
      </Stack>

      <Stack direction="row" sx={{ mt: 3, mb: 1, alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle2">
          {t('people.suggestionsTitle', { name: worker?.name ?? '' })} · {suggestions.length}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {!readOnly && suggestions.length > 0 && (
          <>
            {selected.size > 0 && (
              <Button size="small" onClick={() => void act('reject', selectedIds())} data-testid="reject-selected">
                {t('people.rejectSelected', { count: selected.size })}
              </Button>
            )}
            {selected.size > 0 && (
              <Button
                size="small"
                variant="outlined"
                onClick={() => void act('confirm', selectedIds())}
                data-testid="confirm-selected"
              >
                {t('people.confirmSelected', { count: selected.size })}
              </Button>
            )}
            <Tooltip title={t('people.confirmAllHint', { count: suggestions.length, value: surePercent })}>
              <Button
                size="small"
                variant="contained"
                onClick={() =>
                  void act(
                    'confirm',
                    suggestions.map((f) => f.faceId),
                  )
                }
                data-testid="confirm-all"
              >
                {t('people.confirmAll', { count: suggestions.length })}
              </Button>
            </Tooltip>
          </>
        )}
      </Stack>
      {suggestions.length > 0 && (
        <>
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1.5 }}>
            {t('people.keysHint')}
          </Typography>
          <SuggestionGrid
            key={workerId}
            ref={sureGrid}
            faces={suggestions}
            onAct={(kind, ids) => void act(kind, ids)}
            onOpen={setShown}
            selected={selected}
            onSelect={setSelected}
            testId="suggestion-grid"
            tileTestId="suggested-face"
            label={t('people.suggestionsTitle', { name: worker?.name ?? '' })}
          />
        </>
      )}
      {loaded && suggestions.length === 0 && (
        <Typography variant="body2" color="text.secondary" data-testid="no-sure-suggestions">
          {doubtful.length ? t('people.noSureSuggestions', { value: surePercent }) : t('people.noSuggestions')}
        </Typography>
      )}

      {doubtful.length > 0 && (
        <Box
          component="section"
          sx={{ mt: 3, pt: 2, borderTop: 1, borderColor: 'divider' }}
          data-testid="doubtful-section"
        >
          <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
            {t('people.doubtfulTitle')} · {doubtful.length}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1.5 }}>
            {t('people.doubtfulHint', { value: surePercent })}
          </Typography>
          <SuggestionGrid
            key={workerId}
            ref={doubtfulGrid}
            faces={doubtful}
            onAct={(kind, ids) => void act(kind, ids)}
            onOpen={setShown}
            testId="doubtful-grid"
            tileTestId="doubtful-face"
            label={t('people.doubtfulTitle')}
          />
        </Box>
      )}
      <FacePhotoDialog face={shown} onClose={() => setShown(null)} />
    </Box>
  );
}
