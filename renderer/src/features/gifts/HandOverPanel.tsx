import { Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { GiftView } from '@shared/model/gift';
import { call } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';

const today = () => new Date().toISOString().slice(0, 10);

/** Where the framed print is: printed, framed, handed over (when and by whom). Each step is undoable. */
export function HandOverPanel({ gift }: { gift: GiftView }) {
  const { t } = useI18n();
  const { notifyError } = useNotice();
  const [by, setBy] = useState('');
  const h = gift.handOver;
  const set = (patch: Record<string, string | null>) =>
    call('gifts.setHandOver', { workerId: gift.workerId, patch }).catch(notifyError);
  const step = (label: string, at: string | null, mark: () => void, clear: () => void, testId: string) => (
    <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
      {at ? (
        <>
          <Typography variant="body2" sx={{ flex: 1 }}>{`✓ ${label} · ${at.slice(0, 10)}`}</Typography>
          <Button size="small" onClick={clear}>
            {t('gifts.undoStatus')}
          </Button>
        </>
      ) : (
        <Button size="small" variant="outlined" onClick={mark} data-testid={testId}>
          {label}
        </Button>
      )}
    </Stack>
  );
  return (
    <Stack spacing={1} data-testid="handover">
      <Typography variant="subtitle2">{t('gifts.handOver')}</Typography>
      {step(
        h.printedAt ? t('gifts.status.printed') : t('gifts.markPrinted'),
        h.printedAt,
        () => void set({ printedAt: today() }),
        () => void set({ printedAt: null }),
        'mark-printed',
      )}
      {step(
        h.framedAt ? t('gifts.status.framed') : t('gifts.markFramed'),
        h.framedAt,
        () => void set({ framedAt: today() }),
        () => void set({ framedAt: null }),
        'mark-framed',
      )}
      {h.handedOverAt ? (
        step(
          `${t('gifts.status.handedOver')}${h.handedOverBy ? `（${h.handedOverBy}）` : ''}`,
          h.handedOverAt,
          () => undefined,
          () => void set({ handedOverAt: null, handedOverBy: null }),
          'mark-handed',
        )
      ) : (
        <Stack direction="row" sx={{ gap: 1 }}>
          <TextField
            size="small"
            label={t('gifts.handedBy')}
            value={by}
            onChange={(e) => setBy(e.target.value)}
            sx={{ flex: 1 }}
          />
          <Button
            size="small"
            variant="contained"
            onClick={() => void set({ handedOverAt: today(), handedOverBy: by.trim() || null })}
            data-testid="mark-handed"
          >
            {t('gifts.markHanded')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
