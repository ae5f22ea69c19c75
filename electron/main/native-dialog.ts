import { BrowserWindow, dialog } from 'electron';
import type { DialogRepository } from './repositories/dialog.repository';

/** Electron's native chooser behind the DialogRepository interface. */
export class ElectronDialogRepository implements DialogRepository {
  async pickPaths(mode: 'folder' | 'files', title?: string): Promise<string[] | null> {
    const win = BrowserWindow.getFocusedWindow();
    const options: Electron.OpenDialogOptions = {
      title,
      properties: mode === 'folder' ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
      filters: mode === 'files' ? [{ name: 'Photos', extensions: ['jpg', 'jpeg', 'png', 'tif', 'tiff', 'webp', 'avif', 'heic', 'heif'] }] : undefined,
    };
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : result.filePaths;
  }
}
