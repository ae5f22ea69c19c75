import { useCallback, useState, type ReactNode } from 'react';
import { call, hostKind } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { FolderBrowserDialog } from './FolderBrowserDialog';

/**
 * Picks folders: Electron's native dialog where there is one, our server-side folder browser in the browser
 * host. Returns a function that opens the chooser and an element to render (the browser dialog).
 */
export function usePathChooser(title: string, onPicked: (paths: string[]) => void, pick: 'folder' | 'spreadsheet' = 'folder'): { choose: (mode?: 'folder' | 'files') => void; element: ReactNode } {
  const { notifyError } = useNotice();
  const [open, setOpen] = useState(false);
  const choose = useCallback(
    (mode: 'folder' | 'files' = 'folder') => {
      if (hostKind() === 'ipc')
        call('dialogs.pickPaths', { mode: pick === 'spreadsheet' ? 'files' : mode, title, filter: pick === 'spreadsheet' ? 'spreadsheets' : 'photos' }).then((paths) => paths && onPicked(paths), notifyError);
      else setOpen(true);
    },
    [notifyError, onPicked, pick, title],
  );
  const element = (
    <FolderBrowserDialog
      open={open}
      title={title}
      pick={pick}
      onClose={() => setOpen(false)}
      onChoose={(p) => {
        setOpen(false);
        onPicked([p]);
      }}
    />
  );
  return { choose, element };
}
