import { Alert, Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import type { ExportSummary, GiftView } from '@shared/model/gift';
import { call } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * What an export did, in the print shop's terms: files written and files left as they were (already current), n-up
 * pages against the fewest possible, who was skipped and why; then the offer to mark the gifts sent as 已印制.
 */
export function ExportOutcome({ summary: s, gifts }: { summary: ExportSummary; gifts: GiftView[] }) {
  const { t, say } = useI18n();
  const { notifyError } = useNotice();
  const [marked, setMarked] = useState<number | null>(null);
  const exported = [...new Set(s.files.map((f) => f.workerId).filter((id): id is string => !!id))];
  const unprinted = exported.filter((id) => !gifts.find((g) => g.workerId === id)?.handOver.printedAt);
  // Every skip names the worker: "职工不同意" alone does not say who.
  const skipLine = (k: ExportSummary['skipped'][number]) => {
    const text = say({ key: k.key, params: k.params, message: k.reason });
    const name = gifts.find((g) => g.workerId === k.workerId)?.workerName;
    return name && !text.includes(name) ? `${name}：${text}` : text;
  };
  const markPrinted = () =>
    call('gifts.markPrinted', { workerIds: unprinted }).then((r) => setMarked(r.marked), notifyError);
  return (
    <>
      <Alert severity={s.skipped.length ? 'warning' : 'success'} data-testid="export-done">
        {s.pages
          ? t('export.donePages', { pages: s.pages, minimum: s.minimumPages, prints: s.files.length })
          : t('export.doneFiles', { written: s.written, reused: s.reused })}
        {s.skipped.length > 0 && ` ${t('export.doneSkipped', { skipped: s.skipped.length })}`}
      </Alert>
      {s.profile && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t('export.profileUsed', { profile: s.profile })}
        </Typography>
      )}
      {s.orderSheet.pdf && (
        <Typography
          variant="body2"
          sx={{ mt: 1, wordBreak: 'break-all' }}
        >{`${t('export.orderSheet')}: ${s.orderSheet.pdf}`}</Typography>
      )}
      <Box sx={{ mt: 1 }}>
        {s.skipped.map((k) => (
          <Typography key={`${k.workerId}${k.photoId}`} variant="caption" component="div" color="warning.dark">
            {skipLine(k)}
          </Typography>
        ))}
        {s.warnings.map((w, i) => (
          <Typography key={i} variant="caption" component="div" color="text.secondary">
            {say(w)}
          </Typography>
        ))}
      </Box>
      {!s.cancelled && unprinted.length > 0 && marked === null && (
        <Alert
          severity="info"
          sx={{ mt: 1.5 }}
          action={
            <Button size="small" onClick={() => void markPrinted()} data-testid="mark-exported-printed">
              {t('export.markPrinted')}
            </Button>
          }
        >
          {t('export.offerMarkPrinted', { count: unprinted.length })}
        </Alert>
      )}
      {marked !== null && (
        <Alert severity="success" sx={{ mt: 1.5 }} data-testid="marked-printed">
          {t('export.markedPrinted', { count: marked })}
        </Alert>
      )}
    </>
  );
}
