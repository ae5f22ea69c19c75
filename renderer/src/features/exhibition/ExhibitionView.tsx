import MuseumIcon from '@mui/icons-material/MuseumOutlined';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import LanguageIcon from '@mui/icons-material/LanguageOutlined';
import { Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import { call } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { useNotice } from '../../components/NoticeProvider';
import { useRemembered } from '../../components/useRemembered';
import { useI18n } from '../../i18n/I18nProvider';
import { BoardCanvas } from './BoardCanvas';
import { ExhibitionExportDialog } from './ExhibitionExportDialog';
import { GalleryDialog } from './GalleryDialog';
import {
  AUTOFILL_DEFAULTS,
  AutofillFields,
  ExhibitionSidebar,
  planRequest,
  type AutofillForm,
} from './ExhibitionSidebar';
import { LabelPanel } from './LabelPanel';
import { useExhibition } from './useExhibition';

/** Boards are drawn this tall on screen, whatever their size, so a wall of them can be seen at once. */
const BOARD_SCREEN_HEIGHT = 460;

/**
 * 展览: plan the exhibition. Auto-fill lays the chosen photos that may hang on boards at their physical size; the
 * boards are drawn to scale, photos dragged between places and boards, taken off and put back (all undoable);
 * a photo's wall label is shown as it will print; the boards, labels, catalogue and summary card are exported.
 */
export function ExhibitionView({ readOnly }: { readOnly: boolean }) {
  const { t } = useI18n();
  const { notifyError } = useNotice();
  const [selectedId, setSelectedId] = useRemembered('exhibition.id', 'default');
  const { exhibition, all, leftOff, photos } = useExhibition(selectedId);
  const [form, setForm] = useState<AutofillForm>(AUTOFILL_DEFAULTS);
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [gallery, setGallery] = useState(false);
  const wall = useRef<HTMLDivElement>(null);

  const autofill = async () => {
    setBusy(true);
    try {
      await call('exhibitions.plan', { ...planRequest(form), id: exhibition?.id ?? selectedId });
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };
  const placed = useMemo(() => exhibition?.boards.reduce((n, b) => n + b.photos.length, 0) ?? 0, [exhibition]);
  // A photo that left the wall is no longer selected.
  useEffect(() => {
    if (selected && exhibition && !exhibition.boards.some((b) => b.photos.some((p) => p.photoId === selected)))
      setSelected(null);
  }, [exhibition, selected]);

  if (exhibition === undefined)
    return (
      <Box sx={{ flex: 1, display: 'grid', placeItems: 'center' }}>
        <CircularProgress />
      </Box>
    );
  if (exhibition === null)
    return (
      <EmptyState
        testId="exhibition-empty"
        icon={<MuseumIcon />}
        title={t('exhibition.empty.title')}
        body={t('exhibition.empty.body')}
        action={
          <Stack spacing={2} sx={{ width: 300, textAlign: 'left' }}>
            <AutofillFields form={form} onChange={setForm} />
            <Button
              variant="contained"
              disabled={busy || readOnly}
              onClick={() => void autofill()}
              data-testid="exhibition-autofill"
            >
              {t('exhibition.autofill')}
            </Button>
          </Stack>
        }
      />
    );

  const tallest = Math.max(...exhibition.boards.map((b) => b.heightMm), 1);
  const scale = BOARD_SCREEN_HEIGHT / tallest;
  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex' }} data-testid="exhibition-view">
      <ExhibitionSidebar
        exhibition={exhibition}
        all={all}
        onSelect={setSelectedId}
        leftOff={leftOff}
        photos={photos}
        form={form}
        onForm={setForm}
        onAutofill={() => void autofill()}
        busy={busy}
        readOnly={readOnly}
      />
      <Box sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
        <Stack
          direction="row"
          spacing={2}
          sx={{
            px: 2,
            py: 1,
            borderBottom: 1,
            borderColor: 'divider',
            bgcolor: 'background.paper',
            alignItems: 'center',
          }}
        >
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="subtitle1" sx={{ fontWeight: 700 }} noWrap>
              {exhibition.title}
            </Typography>
            <Typography
              variant="caption"
              color="text.secondary"
              data-testid="exhibition-summary"
            >{`${t('exhibition.summary', { photos: placed, boards: exhibition.boards.length })} · ${t('exhibition.dragHint')}`}</Typography>
          </Box>
          <Box sx={{ flex: 1 }} />
          <Button
            variant="outlined"
            startIcon={<LanguageIcon />}
            onClick={() => setGallery(true)}
            disabled={!placed}
            data-testid="gallery-open"
          >
            {t('gallery.open')}
          </Button>
          <Button
            variant="contained"
            startIcon={<PrintIcon />}
            onClick={() => setExporting(true)}
            disabled={!placed}
            data-testid="exhibition-export"
          >
            {t('exhibition.export')}
          </Button>
        </Stack>
        <Box
          ref={wall}
          sx={{
            flex: 1,
            overflow: 'auto',
            p: 3,
            display: 'flex',
            flexWrap: 'wrap',
            gap: 3,
            alignContent: 'flex-start',
            bgcolor: '#ebe6de',
          }}
          data-testid="wall"
        >
          {exhibition.boards.map((b, i) => (
            <BoardCanvas
              key={b.id}
              board={b}
              position={i + 1}
              title={exhibition.title}
              scale={scale}
              photos={photos}
              selected={selected}
              onSelect={setSelected}
              readOnly={readOnly}
              onMove={(photoId, toBoardId, beforePhotoId) =>
                call('exhibitions.move', { id: exhibition.id, photoId, toBoardId, beforePhotoId }).catch(notifyError)
              }
              onRemove={(photoId) => call('exhibitions.remove', { id: exhibition.id, photoId }).catch(notifyError)}
            />
          ))}
        </Box>
      </Box>
      <LabelPanel
        exhibition={exhibition}
        photoId={selected}
        photo={selected ? (photos.get(selected) ?? null) : null}
        readOnly={readOnly}
      />
      <GalleryDialog open={gallery} exhibition={exhibition} onClose={() => setGallery(false)} />
      <ExhibitionExportDialog open={exporting} exhibitionId={exhibition.id} onClose={() => setExporting(false)} />
    </Box>
  );
}
