import {
  Box,
  Chip,
  List,
  ListItemButton,
  ListItemText,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import type { FacetCount, PhotoFacets, PhotoFilter } from '@shared/logic/photo-filter';
import { CONSENTS } from '@shared/model/roster';
import { useI18n } from '../../i18n/I18nProvider';
import type { Roster } from '../roster/useRoster';

function FacetList({
  title,
  items,
  value,
  onChange,
  testId,
}: {
  title: string;
  items: FacetCount[];
  value: string | null | undefined;
  onChange: (v: string | null) => void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Box sx={{ mb: 2 }} data-testid={testId}>
      <Typography variant="overline" color="text.secondary" sx={{ px: 1, letterSpacing: '0.1em' }}>
        {title}
      </Typography>
      {items.length === 0 ? (
        <Typography variant="body2" color="text.disabled" sx={{ px: 1, py: 0.5 }}>
          {t('filter.none')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {items.map((it) => (
            <ListItemButton
              key={it.value}
              selected={value === it.value}
              onClick={() => onChange(value === it.value ? null : it.value)}
              sx={{ borderRadius: 1, py: 0.25, gap: 1 }}
              title={it.value}
            >
              <ListItemText
                primary={it.value}
                sx={{ minWidth: 0 }}
                slotProps={{ primary: { noWrap: true, variant: 'body2' } }}
              />
              <Typography variant="caption" color="text.secondary">
                {it.count}
              </Typography>
            </ListItemButton>
          ))}
        </List>
      )}
    </Box>
  );
}

/** The library's left column: who shot it, where, which day, how good. Counts are over the whole project. */
export function FilterPanel({
  facets,
  filter,
  roster,
  onChange,
}: {
  facets: PhotoFacets | null;
  filter: PhotoFilter;
  roster: Roster;
  onChange: (f: PhotoFilter) => void;
}) {
  const { t } = useI18n();
  const set = (patch: Partial<PhotoFilter>) => onChange({ ...filter, ...patch });
  const workerFacets = (facets?.workers ?? [])
    .map((f) => ({ id: f.value, count: f.count, worker: roster.workerById.get(f.value) }))
    .filter((f) => f.worker)
    .sort((a, b) => b.count - a.count || a.worker!.name.localeCompare(b.worker!.name, 'zh-CN'));
  return (
    <Box
      sx={{
        width: 232,
        flexShrink: 0,
        borderRight: 1,
        borderColor: 'divider',
        overflow: 'auto',
        p: 1.5,
        bgcolor: 'background.paper',
      }}
      data-testid="filter-panel"
    >
      <Box sx={{ mb: 2 }}>
        <Typography variant="overline" color="text.secondary" sx={{ px: 1, letterSpacing: '0.1em' }}>
          {t('filter.rating')}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          fullWidth
          value={filter.minRating ?? 0}
          onChange={(_, v) => v !== null && set({ minRating: v || undefined })}
          sx={{ px: 0.5 }}
        >
          {[0, 1, 2, 3, 4, 5].map((n) => (
            <ToggleButton
              key={n}
              value={n}
              title={n ? t('filter.rating.atLeast', { n }) : t('common.all')}
              data-testid={`filter-rating-${n}`}
              sx={{ px: 0, fontSize: 12 }}
            >
              {n ? `${n}★` : t('common.all')}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      <Box sx={{ mb: 2 }}>
        <Typography variant="overline" color="text.secondary" sx={{ px: 1, letterSpacing: '0.1em' }}>
          {t('filter.flag')}
        </Typography>
        <Stack direction="row" spacing={0.5} sx={{ px: 0.5, flexWrap: 'wrap', gap: 0.5 }}>
          {(['picked', 'unflagged', 'rejected'] as const).map((f) => (
            <Chip
              key={f}
              label={t(`flag.${f}`)}
              size="small"
              color={filter.flag === f ? 'primary' : 'default'}
              variant={filter.flag === f ? 'filled' : 'outlined'}
              onClick={() => set({ flag: filter.flag === f ? null : f })}
              data-testid={`filter-flag-${f}`}
            />
          ))}
        </Stack>
      </Box>
      <Box sx={{ mb: 2 }} data-testid="filter-people">
        <Typography variant="overline" color="text.secondary" sx={{ px: 1, letterSpacing: '0.1em' }}>
          {t('filter.people')}
        </Typography>
        <Stack direction="row" sx={{ px: 0.5, flexWrap: 'wrap', gap: 0.5, mb: 1 }}>
          <Chip
            size="small"
            label={`${t('filter.untagged')} ${facets?.untagged ?? 0}`}
            color={filter.untagged ? 'primary' : 'default'}
            variant={filter.untagged ? 'filled' : 'outlined'}
            onClick={() => set({ untagged: !filter.untagged || undefined, missingRegion: undefined })}
            data-testid="filter-untagged"
          />
          <Chip
            size="small"
            label={`${t('filter.missingRegion')} ${facets?.missingRegion ?? 0}`}
            color={filter.missingRegion ? 'primary' : 'default'}
            variant={filter.missingRegion ? 'filled' : 'outlined'}
            onClick={() => set({ missingRegion: !filter.missingRegion || undefined, untagged: undefined })}
            data-testid="filter-missing-region"
          />
        </Stack>
        <Stack direction="row" sx={{ px: 0.5, flexWrap: 'wrap', gap: 0.5, mb: 1 }}>
          {CONSENTS.map((c) => (
            <Chip
              key={c}
              size="small"
              label={t(`consent.${c}`)}
              color={filter.consent === c ? (c === 'declined' ? 'error' : 'primary') : 'default'}
              variant={filter.consent === c ? 'filled' : 'outlined'}
              onClick={() => set({ consent: filter.consent === c ? null : c })}
              data-testid={`filter-consent-${c}`}
            />
          ))}
        </Stack>
        <List dense disablePadding sx={{ maxHeight: 220, overflow: 'auto' }}>
          {workerFacets.map(({ id, count, worker }) => (
            <ListItemButton
              key={id}
              selected={filter.workerId === id}
              onClick={() => set({ workerId: filter.workerId === id ? null : id })}
              sx={{ borderRadius: 1, py: 0.25, gap: 1 }}
            >
              <ListItemText
                primary={worker!.name}
                sx={{ minWidth: 0 }}
                slotProps={{
                  primary: {
                    noWrap: true,
                    variant: 'body2',
                    sx: { color: worker!.consent === 'declined' ? 'error.main' : undefined },
                  },
                }}
              />
              <Typography variant="caption" color="text.secondary">
                {count}
              </Typography>
            </ListItemButton>
          ))}
        </List>
      </Box>
      <FacetList
        testId="filter-photographers"
        title={t('filter.photographer')}
        items={facets?.photographers ?? []}
        value={filter.photographer}
        onChange={(v) => set({ photographer: v })}
      />
      <FacetList
        testId="filter-companies"
        title={t('filter.company')}
        items={facets?.companies ?? []}
        value={filter.company}
        onChange={(v) => set({ company: v })}
      />
      <FacetList
        testId="filter-days"
        title={t('filter.day')}
        items={facets?.shootDays ?? []}
        value={filter.shootDay}
        onChange={(v) => set({ shootDay: v })}
      />
    </Box>
  );
}
