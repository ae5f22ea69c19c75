import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import FolderIcon from '@mui/icons-material/Folder';
import ImageIcon from '@mui/icons-material/ImageOutlined';
import TableIcon from '@mui/icons-material/TableChartOutlined';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  LinearProgress,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import type { FolderListing } from '@shared/api/contract';
import { call } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';

/** The browser host's folder chooser: browses the machine the app runs on, through the API. */
export function FolderBrowserDialog({
  open,
  title,
  initialPath,
  pick = 'folder',
  onClose,
  onChoose,
}: {
  open: boolean;
  title: string;
  initialPath?: string;
  pick?: 'folder' | 'spreadsheet';
  onClose: () => void;
  onChoose: (path: string) => void;
}) {
  const { t, errorText } = useI18n();
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [typed, setTyped] = useState('');
  // The error itself is kept, not its text, so it is said in whichever language is chosen when it shows.
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const go = useCallback(
    async (path?: string) => {
      setLoading(true);
      try {
        const show = pick === 'spreadsheet' ? ('spreadsheets' as const) : ('photos' as const);
        const next = await call('folders.browse', path ? { path, show } : { show });
        setListing(next);
        setTyped(next.path);
        setError(null);
      } catch (err) {
        setError(err);
      } finally {
        setLoading(false);
      }
    },
    [pick],
  );

  useEffect(() => {
    if (open) void go(initialPath || undefined);
  }, [open, initialPath, go]);

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" data-testid="folder-browser">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent dividers sx={{ p: 0 }}>
        <Box
          component="form"
          sx={{ display: 'flex', gap: 1, p: 2, pb: 1 }}
          onSubmit={(e) => {
            e.preventDefault();
            void go(typed);
          }}
        >
          <Tooltip title={t('folder.up')}>
            <span>
              <IconButton
                disabled={!listing?.parent}
                onClick={() => listing?.parent && void go(listing.parent)}
                aria-label={t('folder.up')}
              >
                <ArrowUpwardIcon />
              </IconButton>
            </span>
          </Tooltip>
          <TextField
            size="small"
            fullWidth
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            label={t('folder.path')}
            slotProps={{ htmlInput: { 'data-testid': 'folder-path' } }}
          />
          <Button type="submit" variant="outlined">
            {t('folder.go')}
          </Button>
        </Box>
        {loading && <LinearProgress />}
        {error !== null && (
          <Alert severity="error" sx={{ mx: 2, mb: 1 }}>
            {errorText(error)}
          </Alert>
        )}
        <List dense sx={{ height: 360, overflow: 'auto' }}>
          {listing?.entries.length === 0 && (
            <Typography variant="body2" color="text.secondary" sx={{ p: 3, textAlign: 'center' }}>
              {t('folder.empty')}
            </Typography>
          )}
          {listing?.entries.map((e) =>
            e.kind === 'dir' ? (
              <ListItemButton key={e.path} onClick={() => void go(e.path)}>
                <ListItemIcon sx={{ minWidth: 36 }}>
                  <FolderIcon sx={{ color: '#c99a3b' }} />
                </ListItemIcon>
                <ListItemText primary={e.name} />
              </ListItemButton>
            ) : e.kind === 'spreadsheet' ? (
              <ListItemButton key={e.path} onClick={() => onChoose(e.path)} data-testid="folder-file">
                <ListItemIcon sx={{ minWidth: 36 }}>
                  <TableIcon fontSize="small" color="success" />
                </ListItemIcon>
                <ListItemText primary={e.name} />
              </ListItemButton>
            ) : (
              <ListItemButton key={e.path} disabled sx={{ opacity: '0.7 !important' }}>
                <ListItemIcon sx={{ minWidth: 36 }}>
                  <ImageIcon fontSize="small" />
                </ListItemIcon>
                <ListItemText primary={e.name} />
              </ListItemButton>
            ),
          )}
        </List>
      </DialogContent>
      <DialogActions sx={{ justifyContent: 'space-between', px: 3 }}>
        <Typography variant="body2" color="text.secondary">
          {listing && pick === 'folder' ? t('folder.photosHere', { count: listing.photoCount }) : ''}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {pick === 'folder' && (
            <Button
              variant="contained"
              disabled={!listing}
              onClick={() => listing && onChoose(listing.path)}
              data-testid="folder-choose"
            >
              {t('folder.choose')}
            </Button>
          )}
        </Box>
      </DialogActions>
    </Dialog>
  );
}
