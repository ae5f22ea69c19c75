import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, APP_EVENTS, type ApiMethod, type AppEventName } from '../../shared/api/contract';

/**
 * The whole bridge: `invoke` for allowlisted API methods and `on` for AppEvents. ipcRenderer itself never
 * crosses into the page.
 */
const api = {
  /** this window is the exhibition kiosk (chasing-light --kiosk): the page shows the kiosk */
  kiosk: process.argv.includes('--cl-kiosk'),
  invoke(method: ApiMethod, request: unknown) {
    if (!(API_METHODS as readonly string[]).includes(method)) return Promise.reject(new Error(`unknown API method ${method}`));
    return ipcRenderer.invoke(`api:${method}`, request);
  },
  on(event: AppEventName, listener: (payload: unknown) => void) {
    if (!APP_EVENTS.includes(event)) throw new Error(`unknown event ${event}`);
    const wrapped = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('app-event', wrapped);
    return () => {
      ipcRenderer.removeListener('app-event', wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);

export type PreloadApi = typeof api;
