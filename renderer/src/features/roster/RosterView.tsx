import AddIcon from '@mui/icons-material/Add';
import BusinessIcon from '@mui/icons-material/BusinessOutlined';
import CameraIcon from '@mui/icons-material/PhotoCameraOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import GroupsIcon from '@mui/icons-material/GroupsOutlined';
import SearchIcon from '@mui/icons-material/Search';
import UploadFileIcon from '@mui/icons-material/UploadFileOutlined';
import {
  Box,
  Button,
  CircularProgress,
  IconButton,
  InputAdornment,
  List,
  ListItemButton,
  ListItemText,
  Stack,
  Table,
  TableCell,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { TableVirtuoso } from 'react-virtuoso';
import { searchWorkers } from '@shared/logic/worker-search';
import type { Company, Photographer, Worker } from '@shared/model/roster';
import { EmptyState } from '../../components/EmptyState';
import { useI18n } from '../../i18n/I18nProvider';
import { ConsentChip } from '../tagging/ConsentChip';
import { CompanyDialog } from './CompanyDialog';
import { PhotographerDialog } from './PhotographerDialog';
import { RosterImportDialog } from './RosterImportDialog';
import type { Roster } from './useRoster';
import { WorkerDialog } from './WorkerDialog';

/** The union staff's roster: companies on the left, their workers on the right, the spreadsheet import on top. */
export function RosterView({ roster }: { roster: Roster }) {
  const { t } = useI18n();
  const [companyFilter, setCompanyFilter] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [importing, setImporting] = useState(false);
  const [editingCompany, setEditingCompany] = useState<Company | null | 'new'>(null);
  const [editingWorker, setEditingWorker] = useState<Worker | null | 'new'>(null);
  const [editingPhotographer, setEditingPhotographer] = useState<Photographer | null>(null);

  const workers = useMemo(() => {
    const all = (roster.workers ?? []).filter((w) => !companyFilter || w.companyId === companyFilter);
    return query.trim() ? searchWorkers(query, all, roster.companyById, 10000) : all;
  }, [companyFilter, query, roster.companyById, roster.workers]);
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const w of roster.workers ?? []) if (w.companyId) m.set(w.companyId, (m.get(w.companyId) ?? 0) + 1);
    return m;
  }, [roster.workers]);

  if (!roster.companies || !roster.workers)
    return (
      <Box sx={{ flex: 1, display: 'grid', placeItems: 'center' }}>
        <CircularProgress />
      </Box>
    );
  const empty = roster.companies.length === 0 && roster.workers.length === 0;

  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }} data-testid="roster-view">
      <Stack
        direction="row"
        spacing={1.5}
        sx={{
          px: 2,
          py: 0.75,
          borderBottom: 1,
          borderColor: 'divider',
          bgcolor: 'background.paper',
          alignItems: 'center',
        }}
      >
        <Typography variant="body2" color="text.secondary" sx={{ minWidth: 140 }}>
          {t('roster.workerCount', { count: roster.workers.length })}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <TextField
          size="small"
          placeholder={t('roster.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          sx={{ width: 280 }}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
            htmlInput: { 'data-testid': 'roster-search' },
          }}
        />
        <Button
          variant="outlined"
          startIcon={<AddIcon />}
          onClick={() => setEditingWorker('new')}
          data-testid="add-worker"
        >
          {t('roster.addWorker')}
        </Button>
        <Button
          variant="contained"
          startIcon={<UploadFileIcon />}
          onClick={() => setImporting(true)}
          data-testid="open-roster-import"
        >
          {t('roster.import')}
        </Button>
      </Stack>
      {empty ? (
        <EmptyState
          testId="roster-empty"
          icon={<GroupsIcon />}
          title={t('roster.empty.title')}
          body={t('roster.empty.body')}
          action={
            <Button variant="contained" startIcon={<UploadFileIcon />} onClick={() => setImporting(true)}>
              {t('roster.import')}
            </Button>
          }
        />
      ) : (
        <Box sx={{ flex: 1, minHeight: 0, display: 'flex' }}>
          <Box
            sx={{
              width: 300,
              flexShrink: 0,
              borderRight: 1,
              borderColor: 'divider',
              bgcolor: 'background.paper',
              display: 'flex',
              flexDirection: 'column',
            }}
          >
            <Stack direction="row" sx={{ alignItems: 'center', px: 2, py: 1 }}>
              <Typography variant="overline" color="text.secondary" sx={{ flex: 1, letterSpacing: '0.1em' }}>
                {t('roster.companies')}
              </Typography>
              <Tooltip title={t('roster.addCompany')}>
                <IconButton size="small" onClick={() => setEditingCompany('new')} data-testid="add-company">
                  <AddIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            </Stack>
            <List dense sx={{ overflow: 'auto', flex: 1, px: 1 }} data-testid="company-list">
              <ListItemButton selected={!companyFilter} onClick={() => setCompanyFilter(null)} sx={{ borderRadius: 1 }}>
                <ListItemText primary={t('roster.allCompanies')} />
                <Typography variant="caption" color="text.secondary">
                  {roster.workers.length}
                </Typography>
              </ListItemButton>
              {roster.companies.map((c) => (
                <ListItemButton
                  key={c.id}
                  selected={companyFilter === c.id}
                  onClick={() => setCompanyFilter(c.id)}
                  sx={{ borderRadius: 1, gap: 1 }}
                >
                  <BusinessIcon fontSize="small" color="action" />
                  <ListItemText
                    primary={c.shortName ?? c.name}
                    secondary={c.shortName ? c.name : c.district}
                    sx={{ minWidth: 0 }}
                    slotProps={{ primary: { noWrap: true }, secondary: { noWrap: true } }}
                  />
                  <Typography variant="caption" color="text.secondary">
                    {counts.get(c.id) ?? 0}
                  </Typography>
                  <IconButton
                    size="small"
                    onClick={(e) => {
                      e.stopPropagation();
                      setEditingCompany(c);
                    }}
                    aria-label={t('roster.edit')}
                  >
                    <EditIcon sx={{ fontSize: 16 }} />
                  </IconButton>
                </ListItemButton>
              ))}
            </List>
            <Typography variant="overline" color="text.secondary" sx={{ px: 2, pt: 1, letterSpacing: '0.1em' }}>
              {t('roster.photographers')}
            </Typography>
            <List dense sx={{ overflow: 'auto', maxHeight: '35%', px: 1 }} data-testid="photographer-list">
              {roster.photographers.map((p) => (
                <ListItemButton key={p.id} onClick={() => setEditingPhotographer(p)} sx={{ borderRadius: 1, gap: 1 }}>
                  <CameraIcon fontSize="small" color="action" />
                  <ListItemText
                    primary={p.name}
                    secondary={p.credit ?? p.organisation}
                    sx={{ minWidth: 0 }}
                    slotProps={{ primary: { noWrap: true }, secondary: { noWrap: true } }}
                  />
                </ListItemButton>
              ))}
            </List>
          </Box>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <TableVirtuoso
              data={workers}
              style={{ height: '100%' }}
              fixedHeaderContent={() => (
                <TableRow sx={{ bgcolor: 'background.paper' }}>
                  {(
                    [
                      'worker.name',
                      'worker.pinyin',
                      'worker.company',
                      'worker.department',
                      'worker.craft',
                      'worker.employeeNo',
                      'worker.joined',
                      'worker.consent',
                    ] as const
                  ).map((k) => (
                    <TableCell key={k} sx={{ bgcolor: 'background.paper', fontWeight: 600 }}>
                      {t(k)}
                    </TableCell>
                  ))}
                </TableRow>
              )}
              itemContent={(_, w) => {
                const c = w.companyId ? roster.companyById.get(w.companyId) : null;
                return (
                  <>
                    <TableCell sx={{ fontWeight: 600, color: w.consent === 'declined' ? 'error.main' : undefined }}>
                      {w.name}
                    </TableCell>
                    <TableCell sx={{ color: 'text.secondary' }}>{w.pinyin}</TableCell>
                    <TableCell>{c?.shortName ?? c?.name ?? '—'}</TableCell>
                    <TableCell>{w.department ?? ''}</TableCell>
                    <TableCell>{w.craft ?? ''}</TableCell>
                    <TableCell>{w.employeeNo ?? ''}</TableCell>
                    <TableCell>{w.joined ?? ''}</TableCell>
                    <TableCell>
                      <ConsentChip consent={w.consent} />
                    </TableCell>
                  </>
                );
              }}
              components={{
                Table: (props) => (
                  <Table
                    {...props}
                    size="small"
                    sx={{ width: '100%', borderCollapse: 'separate', tableLayout: 'auto' }}
                  />
                ),
                TableRow: ({ item, ...props }) => (
                  <TableRow
                    {...props}
                    hover
                    sx={{ cursor: 'pointer' }}
                    onClick={() => setEditingWorker(item)}
                    data-testid="worker-row"
                  />
                ),
              }}
            />
          </Box>
        </Box>
      )}
      <RosterImportDialog open={importing} onClose={() => setImporting(false)} />
      <CompanyDialog
        open={editingCompany !== null}
        company={editingCompany === 'new' ? null : editingCompany}
        onClose={() => setEditingCompany(null)}
      />
      <PhotographerDialog photographer={editingPhotographer} onClose={() => setEditingPhotographer(null)} />
      <WorkerDialog
        open={editingWorker !== null}
        worker={editingWorker === 'new' ? null : editingWorker}
        roster={roster}
        onClose={() => setEditingWorker(null)}
      />
    </Box>
  );
}
