import { BrowserWindow, dialog } from 'electron';
import type { DialogRepository } from './repositories/dialog.repository';

/** Electron's native chooser behind the DialogRepository interface. */
export class ElectronDialogRepository implements DialogRepository {
  async pickPaths(
    mode: 'folder' | 'files',
    title?: string,
    filter: 'photos' | 'spreadsheets' = 'photos',
  ): Promise<string[] | null> {
    const win = BrowserWindow.getFocusedWindow();
    const options: Electron.OpenDialogOptions = {
      title,
      properties: mode === 'folder' ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
      filters:
        mode !== 'files'
          ? undefined
          : filter === 'spreadsheets'
            ? [{ name: 'Staff lists', extensions: ['xlsx', 'csv'] }]
            : [{ name: 'Photos', extensions: ['jpg', 'jpeg', 'png', 'tif', 'tiff', 'webp', 'avif', 'heic', 'heif'] }],
    };
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : result.filePaths;
  }
}
