import BackspaceIcon from '@mui/icons-material/BackspaceOutlined';
import CloseIcon from '@mui/icons-material/Close';
import KeyboardIcon from '@mui/icons-material/KeyboardOutlined';
import { Box, Button, ButtonBase, CircularProgress, IconButton, InputBase, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FoundWorker, LabelPreview } from '@shared/model/exhibition';
import { call, mediaUrl, sheetUrl } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';

type Kiosk = Awaited<ReturnType<typeof loadKiosk>>;
const loadKiosk = () => call('find.kiosk', {});
const KEYS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Back to the start screen after this long untouched; a test may shorten it. */
const idleMs = () => (window as unknown as { __KIOSK_IDLE_MS?: number }).__KIOSK_IDLE_MS ?? 60_000;

/**
 * 查找我的照片: the kiosk at the exhibition. A big search box (with an on-screen pinyin keyboard for a touch
 * screen), the companies as buttons, results as large photos with where each hangs; a photo opens full screen
 * with its wall label and QR code to take it home. It changes nothing (it runs on the kiosk's read-only token)
 * and returns to the start after a minute untouched.
 */
export function KioskApp() {
  const { t, errorText } = useI18n();
  const [kiosk, setKiosk] = useState<Kiosk | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<FoundWorker[] | null>(null);
  const [heading, setHeading] = useState<string | null>(null);
  const [keyboard, setKeyboard] = useState(false);
  const [open, setOpen] = useState<{ worker: FoundWorker; photoId: string; number: string | null } | null>(null);

  useEffect(() => {
    loadKiosk().then(setKiosk, (err) => setError(errorText(err)));
  }, [errorText]);

  const reset = useCallback(() => {
    setQuery('');
    setResults(null);
    setHeading(null);
    setOpen(null);
    setKeyboard(false);
  }, []);
  // Idle reset: the next visitor finds the start screen, not someone else's photos.
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    const arm = () => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(reset, idleMs());
    };
    arm();
    const events = ['pointerdown', 'keydown', 'input', 'wheel'] as const;
    events.forEach((e) => window.addEventListener(e, arm, { passive: true }));
    return () => {
      window.clearTimeout(timer.current);
      events.forEach((e) => window.removeEventListener(e, arm));
    };
  }, [reset]);

  const search = useCallback((q: string) => {
    setQuery(q);
    setHeading(null);
    if (!q.trim()) return setResults(null);
    call('find.worker', { query: q }).then(setResults, () => setResults([]));
  }, []);

  if (error)
    return (
      <Box sx={{ p: 6 }}>
        <Typography variant="h5">{error}</Typography>
      </Box>
    );
  if (!kiosk)
    return (
      <Box sx={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
        <CircularProgress />
      </Box>
    );
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: '#f7f3ec', p: { xs: 2, md: 5 } }} data-testid="kiosk">
      <Typography sx={{ fontSize: { xs: 30, md: 44 }, fontWeight: 700, lineHeight: 1.2 }}>
        {t('kiosk.title')}
      </Typography>
      <Typography sx={{ fontSize: { xs: 18, md: 24 }, color: 'primary.main', mb: 3 }}>{kiosk.title}</Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <InputBase
          value={query}
          onChange={(e) => search(e.target.value)}
          placeholder={t('kiosk.placeholder')}
          inputProps={{ 'data-testid': 'kiosk-search', 'aria-label': t('kiosk.placeholder') }}
          sx={{
            flex: 1,
            fontSize: { xs: 26, md: 40 },
            px: 3,
            py: 1.5,
            bgcolor: '#fff',
            border: '3px solid',
            borderColor: 'primary.main',
            borderRadius: 3,
          }}
        />
        <IconButton
          onClick={() => setKeyboard(!keyboard)}
          aria-label={t('kiosk.keyboard')}
          data-testid="kiosk-keyboard-toggle"
          sx={{
            width: 72,
            height: 72,
            bgcolor: keyboard ? 'primary.main' : '#fff',
            color: keyboard ? '#fff' : 'primary.main',
            '&:hover': { bgcolor: keyboard ? 'primary.dark' : '#fff' },
          }}
        >
          <KeyboardIcon sx={{ fontSize: 40 }} />
        </IconButton>
      </Stack>
      {keyboard && (
        <Stack spacing={1} sx={{ mt: 2, alignItems: 'center' }} data-testid="kiosk-keyboard">
          {KEYS.map((row) => (
            <Stack key={row} direction="row" spacing={1}>
              {[...row].map((k) => (
                <ButtonBase
                  key={k}
                  onClick={() => search(query + k)}
                  sx={{
                    width: { xs: 30, md: 64 },
                    height: { xs: 44, md: 64 },
                    fontSize: { xs: 20, md: 30 },
                    bgcolor: '#fff',
                    borderRadius: 2,
                    boxShadow: 1,
                  }}
                >
                  {k}
                </ButtonBase>
              ))}
            </Stack>
          ))}
          <Stack direction="row" spacing={1}>
            <Button
              variant="outlined"
              size="large"
              startIcon={<BackspaceIcon />}
              onClick={() => search(query.slice(0, -1))}
            >
              {t('kiosk.backspace')}
            </Button>
            <Button variant="outlined" size="large" onClick={() => search('')}>
              {t('kiosk.clear')}
            </Button>
          </Stack>
        </Stack>
      )}
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1.5, mt: 3 }}>
        {kiosk.companies.map((c) => (
          <Button
            key={c.name}
            variant={heading === c.name ? 'contained' : 'outlined'}
            size="large"
            sx={{
              fontSize: { xs: 18, md: 24 },
              px: 3,
              borderRadius: 8,
              bgcolor: heading === c.name ? undefined : '#fff',
            }}
            onClick={() => {
              setQuery('');
              setHeading(c.name);
              setResults(c.workers);
            }}
            data-testid="kiosk-company"
          >
            {c.name || t('kiosk.otherCompany')}
          </Button>
        ))}
      </Stack>
      <Box sx={{ mt: 4 }} data-testid="kiosk-results">
        {results === null && <Typography sx={{ fontSize: 24, color: 'text.secondary' }}>{t('kiosk.hint')}</Typography>}
        {results?.length === 0 && (
          <Typography sx={{ fontSize: 24, color: 'text.secondary' }} data-testid="kiosk-none">
            {t('kiosk.none')}
          </Typography>
        )}
        {results?.map((w) => (
          <Box key={w.workerId} sx={{ mb: 4 }} data-testid="kiosk-worker">
            <Typography sx={{ fontSize: { xs: 28, md: 40 }, fontWeight: 700 }}>
              {w.name}
              <Box
                component="span"
                sx={{ fontSize: { xs: 18, md: 24 }, color: 'text.secondary', fontWeight: 400, ml: 2 }}
              >
                {w.company}
              </Box>
            </Typography>
            <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, mt: 1 }}>
              {w.photos.map((p) => (
                <ButtonBase
                  key={p.photoId}
                  onClick={() => setOpen({ worker: w, photoId: p.photoId, number: p.number })}
                  sx={{ position: 'relative', borderRadius: 2, overflow: 'hidden', boxShadow: 3 }}
                  data-testid="kiosk-photo"
                >
                  <Box
                    component="img"
                    src={mediaUrl('preview', { id: p.photoId, rendered: true })}
                    alt={w.name}
                    sx={{ display: 'block', height: { xs: 160, md: 300 }, width: 'auto' }}
                  />
                  {p.number && (
                    <Box
                      sx={{
                        position: 'absolute',
                        left: 8,
                        bottom: 8,
                        px: 1.5,
                        py: 0.5,
                        bgcolor: 'rgba(255,255,255,0.92)',
                        color: 'primary.main',
                        fontWeight: 700,
                        fontSize: { xs: 18, md: 26 },
                        borderRadius: 1,
                      }}
                    >
                      {p.number}
                    </Box>
                  )}
                </ButtonBase>
              ))}
            </Stack>
          </Box>
        ))}
      </Box>
      {open && <KioskPhoto open={open} onClose={() => setOpen(null)} />}
    </Box>
  );
}

/** One photo full screen, with its wall label (and its QR code, to take the photo home on a phone). */
function KioskPhoto({
  open,
  onClose,
}: {
  open: { worker: FoundWorker; photoId: string; number: string | null };
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [label, setLabel] = useState<LabelPreview | null>(null);
  useEffect(() => {
    if (!open.number) return;
    call('find.label', { photoId: open.photoId }).then(setLabel, () => setLabel(null));
  }, [open.photoId, open.number]);
  return (
    <Box
      sx={{
        position: 'fixed',
        inset: 0,
        bgcolor: '#111',
        display: 'flex',
        flexDirection: { xs: 'column', md: 'row' },
        zIndex: 10,
      }}
      data-testid="kiosk-open"
    >
      <Box sx={{ flex: 1, display: 'grid', placeItems: 'center', minHeight: 0, p: 2 }}>
        <Box
          component="img"
          src={mediaUrl('preview', { id: open.photoId, rendered: true })}
          alt={open.worker.name}
          sx={{ maxWidth: '100%', maxHeight: { xs: '55vh', md: '92vh' } }}
        />
      </Box>
      <Box sx={{ width: { xs: '100%', md: 460 }, bgcolor: '#f7f3ec', p: 3, overflow: 'auto' }}>
        <Typography sx={{ fontSize: 40, fontWeight: 700 }}>{open.worker.name}</Typography>
        {open.number && (
          <Typography sx={{ fontSize: 32, color: 'primary.main', fontWeight: 700 }} data-testid="kiosk-number">
            {open.number}
          </Typography>
        )}
        {label?.mediaId && (
          <Box
            component="img"
            src={sheetUrl(label.mediaId)}
            alt=""
            sx={{ width: '100%', mt: 2, boxShadow: 2, bgcolor: '#fff' }}
            data-testid="kiosk-label"
          />
        )}
        <Typography sx={{ mt: 2, fontSize: 18, color: 'text.secondary' }}>{t('kiosk.scan')}</Typography>
        <Button
          variant="contained"
          size="large"
          startIcon={<CloseIcon />}
          onClick={onClose}
          sx={{ mt: 3, fontSize: 22, px: 4 }}
          data-testid="kiosk-close"
        >
          {t('kiosk.back')}
        </Button>
      </Box>
    </Box>
  );
}
