import BlockIcon from '@mui/icons-material/Block';
import FlagIcon from '@mui/icons-material/Flag';
import { Alert, Box, Chip, Divider, Rating, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  formatAperture,
  formatBytes,
  formatCamera,
  formatCapturedAt,
  formatExposure,
  formatFocalLength,
  formatGps,
} from '@shared/logic/display';
import { displayPath } from '@shared/logic/file-path';
import type { Flag, Photo } from '@shared/model/photo';
import { useI18n } from '../../i18n/I18nProvider';
import type { Roster } from '../roster/useRoster';
import { BatchEditor } from '../tagging/BatchEditor';
import { CaptionEditor } from '../tagging/CaptionEditor';
import { WorkerTagBox } from '../tagging/WorkerTagBox';
import type { StringKey } from '../../i18n/strings';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '76px 1fr', gap: 1, py: 0.6, alignItems: 'baseline' }}>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body2" sx={{ wordBreak: 'break-word' }} data-testid={testId}>
        {children}
      </Typography>
    </Box>
  );
}

/** What the file says about a photo and what we have added to it; a missing value says so rather than hiding. */
export function MetadataPanel({
  photo,
  selection,
  roster,
  onRate,
  onFlag,
  onDrawFace,
}: {
  photo: Photo | null;
  selection: Photo[];
  roster: Roster;
  onRate: (n: number) => void;
  onFlag: (f: Flag) => void;
  onDrawFace: (workerId: string) => void;
}) {
  const { t, say } = useI18n();
  if (!photo)
    return (
      <Box sx={{ p: 3 }}>
        <Typography variant="body2" color="text.secondary">
          —
        </Typography>
      </Box>
    );
  if (selection.length > 1)
    return (
      <Box sx={{ p: 2, overflow: 'auto', height: '100%' }} data-testid="metadata-panel">
        <WorkerTagBox photos={selection} roster={roster} onDrawFace={onDrawFace} />
        <Divider sx={{ my: 2 }} />
        <BatchEditor photos={selection} roster={roster} />
      </Box>
    );
  const none = (
    <Box component="span" sx={{ color: 'text.disabled' }}>
      {t('common.unknown')}
    </Box>
  );
  const exposure = [
    formatExposure(photo.exposureTime),
    formatAperture(photo.fNumber),
    photo.iso ? `ISO ${photo.iso}` : null,
    formatFocalLength(photo.focalLength),
  ]
    .filter(Boolean)
    .join(' · ');
  const camera = formatCamera(photo.make, photo.model);
  const flagKey: StringKey =
    photo.flag === 'picked' ? 'flag.picked' : photo.flag === 'rejected' ? 'flag.rejected' : 'flag.unflagged';
  return (
    <Box sx={{ p: 2, overflow: 'auto', height: '100%' }} data-testid="metadata-panel">
      <Typography variant="subtitle2" noWrap title={photo.originalName} sx={{ mb: 1 }}>
        {photo.originalName}
      </Typography>
      <Stack direction="row" sx={{ mb: 1, alignItems: 'center', justifyContent: 'space-between' }}>
        <Rating value={photo.rating} onChange={(_, v) => onRate(v ?? 0)} size="small" data-testid="meta-rating" />
        <ToggleButtonGroup
          size="small"
          exclusive
          value={photo.flag ?? 'none'}
          onChange={(_, v) => v !== null && onFlag(v === 'none' ? null : v)}
          aria-label={t('meta.flag')}
        >
          <ToggleButton value="picked" aria-label={t('flag.picked')} title={`${t('flag.picked')} (P)`}>
            <FlagIcon fontSize="small" />
          </ToggleButton>
          <ToggleButton
            value="none"
            aria-label={t('flag.unflagged')}
            title={`${t('flag.unflagged')} (U)`}
            sx={{ px: 1, fontSize: 12 }}
          >
            —
          </ToggleButton>
          <ToggleButton value="rejected" aria-label={t('flag.rejected')} title={`${t('flag.rejected')} (X)`}>
            <BlockIcon fontSize="small" />
          </ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      <Typography variant="caption" color="text.secondary" data-testid="meta-flag">
        {t(flagKey)}
      </Typography>
      <Divider sx={{ my: 1.5 }} />
      <WorkerTagBox photos={[photo]} roster={roster} onDrawFace={onDrawFace} />
      <Divider sx={{ my: 1.5 }} />
      <Row label={t('meta.capturedAt')} testId="meta-captured">
        {formatCapturedAt(photo.capturedAt) ?? none}
      </Row>
      <Row label={t('meta.camera')}>{camera || none}</Row>
      <Row label={t('meta.lens')}>{photo.lens ?? none}</Row>
      <Row label={t('meta.exposure')} testId="meta-exposure">
        {exposure || none}
      </Row>
      <Row label={t('meta.gps')}>{formatGps(photo.gps) ?? none}</Row>
      <Row
        label={t('meta.size')}
      >{`${photo.width} × ${photo.height} · ${photo.format.toUpperCase()} · ${formatBytes(photo.bytes)}`}</Row>
      <Divider sx={{ my: 1.5 }} />
      <Row label={t('meta.photographer')}>{photo.photographer ?? none}</Row>
      <Row label={t('meta.company')}>{photo.company ?? none}</Row>
      <Row label={t('meta.shootDay')}>{photo.shootDay ?? none}</Row>
      <Divider sx={{ my: 1.5 }} />
      <CaptionEditor photo={photo} />
      {photo.keywords.length > 0 && (
        <Row label={t('meta.keywords')}>
          <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', gap: 0.5 }}>
            {photo.keywords.map((k) => (
              <Chip key={k} label={k} size="small" />
            ))}
          </Box>
        </Row>
      )}
      <Divider sx={{ my: 1.5 }} />
      {photo.artist && <Row label={t('meta.artist')}>{photo.artist}</Row>}
      {photo.copyright && <Row label={t('meta.copyright')}>{photo.copyright}</Row>}
      <Row label={t('meta.path')}>
        <Box component="span" sx={{ fontSize: 12, color: 'text.secondary' }}>
          {displayPath(photo.path)}
        </Box>
      </Row>
      {photo.originalPath && (
        <Row label={t('meta.importedFrom')}>
          <Box component="span" sx={{ fontSize: 12, color: 'text.secondary' }}>
            {displayPath(photo.originalPath)}
          </Box>
        </Row>
      )}
      {photo.rawPath && (
        <Row label={t('meta.raw')}>
          <Box component="span" sx={{ fontSize: 12 }}>
            {displayPath(photo.rawPath)}
          </Box>
        </Row>
      )}
      {photo.warnings.length > 0 && (
        <Alert severity="warning" sx={{ mt: 1.5 }}>
          <Typography variant="caption" component="div" sx={{ fontWeight: 600 }}>
            {t('meta.warnings')}
          </Typography>
          {photo.warnings.map((w, i) => (
            <Typography key={i} variant="caption" component="div">
              {say(w)}
            </Typography>
          ))}
        </Alert>
      )}
    </Box>
  );
}
