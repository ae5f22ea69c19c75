import MoreVertIcon from '@mui/icons-material/MoreVert';
import { IconButton, ListItemText, Menu, MenuItem, Tooltip } from '@mui/material';
import { useState } from 'react';
import { call } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';

/** Project-wide actions that are not part of a view: standards out (XMP sidecars) for other tools. */
export function ProjectMenu() {
  const { t, say } = useI18n();
  const { notify, notifyError } = useNotice();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const writeXmp = async () => {
    setAnchor(null);
    try {
      const { written, refused } = await call('xmp.write', {});
      const dir = written[0] ? written[0].replace(/[\\/][^\\/]+$/, '') : '';
      if (refused.length)
        notify({
          severity: 'warning',
          title: t('menu.xmpDone', { count: written.length, dir }),
          message: refused.map((r) => say(r)).join('\n'),
        });
      else notify({ severity: 'success', message: t('menu.xmpDone', { count: written.length, dir }) });
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <>
      <Tooltip title={t('menu.more')}>
        <IconButton
          size="small"
          onClick={(e) => setAnchor(e.currentTarget)}
          aria-label={t('menu.more')}
          data-testid="project-menu"
        >
          <MoreVertIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => void writeXmp()} data-testid="menu-xmp">
          <ListItemText primary={t('menu.xmp')} />
        </MenuItem>
      </Menu>
    </>
  );
}
