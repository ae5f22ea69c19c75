import { BrowserWindow, app, session, shell, type WebContents } from 'electron';
import { isAppUrl, mayOpenExternally, type RendererSource } from './navigation';

/**
 * The guards every web contents gets, windows and anything else Electron creates (registered for all through
 * `web-contents-created`): no pop-ups (allow-listed https links go to the user's browser), no navigation or
 * redirect away from our renderer, no webviews.
 */
export function guardContents(contents: WebContents, src: RendererSource): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (mayOpenExternally(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, src)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, src)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies the guards to every web contents the app will ever create. Call before the first window. */
export function guardAllContents(src: RendererSource): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, src));
}

/** Creates the one app window with every Electron hardening switch on. */
export function createMainWindow(opts: RendererSource & { preload: string; kiosk?: boolean }): BrowserWindow {
  const win = new BrowserWindow({
    // The kiosk: full screen, no menu bar, nothing to click but the search.
    ...(opts.kiosk ? { kiosk: true, autoHideMenuBar: true } : {}),
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: '追光 Chasing Light',
    backgroundColor: '#f6f5f2',
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Tells the preload (and so the page) that this window is the kiosk.
      additionalArguments: opts.kiosk ? ['--cl-kiosk'] : [],
    },
  });
  if (opts.kiosk) win.setMenu(null);
  win.once('ready-to-show', () => win.show());
  if (opts.rendererUrl) void win.loadURL(opts.rendererUrl);
  else void win.loadFile(opts.rendererFile);
  return win;
}

/** Deny every permission request (camera, notifications, geolocation…): the app needs none. */
export function lockDownSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
