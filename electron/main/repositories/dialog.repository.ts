import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/messages';

/** Native choosers. Electron's lives in electron/main/native-dialog.ts; the browser host and CLI have none. */
export interface DialogRepository {
  pickPaths(mode: 'folder' | 'files', title?: string, filter?: 'photos' | 'spreadsheets'): Promise<string[] | null>;
}

export class NoDialogRepository implements DialogRepository {
  async pickPaths(): Promise<string[] | null> {
    throw new AppError('UNSUPPORTED', msg('dialog.none'));
  }
}
