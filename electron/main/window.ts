import path from 'node:path';
import { BrowserWindow, session, shell } from 'electron';

/** Creates the one app window with every Electron hardening switch on. */
export function createMainWindow(opts: { preload: string; rendererUrl: string | null; rendererFile: string }): BrowserWindow {
  const win = new BrowserWindow({
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
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());

  // No pop-ups; links to the web open in the user's browser, never inside the app.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, opts)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());

  if (opts.rendererUrl) void win.loadURL(opts.rendererUrl);
  else void win.loadFile(opts.rendererFile);
  return win;
}

export function isAppUrl(url: string, opts: { rendererUrl: string | null; rendererFile: string }): boolean {
  if (opts.rendererUrl) return url.startsWith(opts.rendererUrl);
  try {
    const u = new URL(url);
    return u.protocol === 'file:' && path.normalize(decodeURIComponent(u.pathname)) === path.normalize(opts.rendererFile);
  } catch {
    return false;
  }
}

/** Deny every permission request (camera, notifications, geolocation…): the app needs none. */
export function lockDownSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
