import { contextBridge, ipcRenderer } from 'electron';
import type { ApiMethod } from '../../shared/api/contract';
import { APP_EVENTS, type AppEventName } from '../../shared/api/events';

/** A method's name (`photos.list`); the main process answers only the methods the contract declares. */
const METHOD_NAME = /^[a-z]+\.[a-zA-Z]+$/;

/**
 * The whole bridge: `invoke` for API methods and `on` for AppEvents. ipcRenderer itself never
 * crosses into the page.
 */
const api = {
  /** this window is the exhibition kiosk (chasing-light --kiosk): the page shows the kiosk */
  kiosk: process.argv.includes('--cl-kiosk'),
  invoke(method: ApiMethod, request: unknown) {
    // The contract (with its schemas) stays out of this tiny sandboxed bundle: main registers a channel per declared
    // method only, so an unknown name finds no handler there.
    if (typeof method !== 'string' || !METHOD_NAME.test(method))
      return Promise.reject(new Error(`unknown API method ${String(method)}`));
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
