import { ipcMain, type WebContents } from 'electron';
import { API_METHODS, KIOSK_METHODS, type AppApi } from '../../shared/api/contract';
import { fail } from '../../shared/api/result';
import { dispatch } from './api-dispatch';
import type { Logger } from './logger';

/** One ipcMain.handle per API method; calls from frames that are not our app are refused. */
export function registerIpc(
  handlers: AppApi,
  logger: Logger,
  isAppFrame: (url: string) => boolean,
  kiosk = false,
): void {
  for (const method of API_METHODS) {
    ipcMain.handle(`api:${method}`, async (event, request) => {
      const url = event.senderFrame?.url ?? '';
      if (!isAppFrame(url)) {
        logger.warn(`refused ${method} from ${url}`);
        return fail({ code: 'VALIDATION', message: 'calls are accepted from the app window only' });
      }
      // A kiosk window (chasing-light --kiosk) reads only what the kiosk shows, as the kiosk's browser token does.
      if (kiosk && !KIOSK_METHODS.includes(method))
        return fail({ code: 'FORBIDDEN', message: 'the kiosk may only find photos' });
      return dispatch(handlers, method, request, logger);
    });
  }
}

export function sendToWindow(contents: WebContents, name: string, payload: unknown): void {
  if (!contents.isDestroyed()) contents.send('app-event', name, payload);
}
