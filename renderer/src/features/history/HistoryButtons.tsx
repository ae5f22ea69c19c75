import { formatClock } from '@shared/logic/display';
import HistoryIcon from '@mui/icons-material/History';
import RedoIcon from '@mui/icons-material/Redo';
import UndoIcon from '@mui/icons-material/Undo';
import { IconButton, ListItemText, Menu, MenuItem, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { useHistory } from './useHistory';

/** Undo, redo and the list of edits, newest first; the ones after the cursor are greyed (they can be redone). */
export function HistoryButtons() {
  const { t, lang } = useI18n();
  const h = useHistory();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const last = h.state.entries[h.state.cursor - 1];
  const next = h.state.entries[h.state.cursor];
  return (
    <>
      <Tooltip title={`${t('history.undo')} (Ctrl+Z)${last ? ` · ${last.label[lang]}` : ''}`}>
        <span>
          <IconButton
            size="small"
            onClick={() => void h.undo()}
            disabled={!h.canUndo}
            aria-label={t('history.undo')}
            data-testid="undo"
          >
            <UndoIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title={`${t('history.redo')} (Ctrl+Shift+Z)${next ? ` · ${next.label[lang]}` : ''}`}>
        <span>
          <IconButton
            size="small"
            onClick={() => void h.redo()}
            disabled={!h.canRedo}
            aria-label={t('history.redo')}
            data-testid="redo"
          >
            <RedoIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title={t('history.title')}>
        <IconButton
          size="small"
          onClick={(e) => setAnchor(e.currentTarget)}
          aria-label={t('history.title')}
          data-testid="history-menu"
        >
          <HistoryIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Menu
        anchorEl={anchor}
        open={!!anchor}
        onClose={() => setAnchor(null)}
        slotProps={{ paper: { sx: { maxHeight: 420, width: 360 } } }}
      >
        {h.state.entries.length === 0 && (
          <MenuItem disabled>
            <Typography variant="body2">{t('history.empty')}</Typography>
          </MenuItem>
        )}
        {[...h.state.entries].reverse().map((e, i) => {
          const done = h.state.entries.length - 1 - i < h.state.cursor;
          return (
            <MenuItem key={e.id} disabled={!done} dense data-testid="history-entry">
              <ListItemText primary={e.label[lang]} secondary={formatClock(e.at, lang)} />
            </MenuItem>
          );
        })}
      </Menu>
    </>
  );
}
