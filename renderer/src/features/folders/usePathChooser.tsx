import { useCallback, useState, type ReactNode } from 'react';
import { call, confirmPaths, hostKind } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { FolderBrowserDialog } from './FolderBrowserDialog';

/**
 * Picks folders: Electron's native dialog where there is one, our server-side folder browser in the browser
 * host. Returns a function that opens the chooser and an element to render (the browser dialog). What the user
 * picks becomes a place the API takes (the native dialog grants it itself; the folder browser confirms it).
 */
export function usePathChooser(
  title: string,
  onPicked: (paths: string[]) => void,
  pick: 'folder' | 'spreadsheet' = 'folder',
  purpose: Parameters<typeof confirmPaths>[1] = pick === 'spreadsheet' ? 'spreadsheet' : 'import',
): { choose: (mode?: 'folder' | 'files') => void; element: ReactNode } {
  const { notifyError } = useNotice();
  const [open, setOpen] = useState(false);
  const choose = useCallback(
    (mode: 'folder' | 'files' = 'folder') => {
      if (hostKind() === 'ipc')
        call('dialogs.pickPaths', {
          mode: pick === 'spreadsheet' ? 'files' : mode,
          title,
          filter: pick === 'spreadsheet' ? 'spreadsheets' : 'photos',
        }).then((paths) => paths && onPicked(paths), notifyError);
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
        confirmPaths([p], purpose).then(onPicked, notifyError);
      }}
    />
  );
  return { choose, element };
}
