import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { createHandlers } from './api-handlers';
import { createServices } from './container';
import { registerIpc, sendToWindow } from './ipc';
import { handleMediaScheme, registerMediaScheme } from './protocol';
import { ElectronDialogRepository } from './native-dialog';
import { launchUtilityHelper } from './utility-helper';
import { devRendererUrl, isAppUrl } from './navigation';
import { createMainWindow, guardAllContents, lockDownSessions } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
// The dev server only under `npm run dev` (a development build, not packaged); otherwise our own files.
const renderer = {
  rendererUrl: devRendererUrl(process.env, app.isPackaged, import.meta.env.DEV),
  rendererFile: path.join(here, '../renderer/index.html'),
};

if (!app.requestSingleInstanceLock()) app.quit();
registerMediaScheme();
guardAllContents(renderer);

app.whenReady().then(async () => {
  lockDownSessions();
  const services = createServices({
    dialogs: new ElectronDialogRepository(),
    holder: 'Chasing Light (Electron)',
    launchHelper: launchUtilityHelper,
  });
  // --kiosk: the venue's kiosk, a window without menus, full screen, that can only find photos.
  const kiosk = process.argv.includes('--kiosk');
  services.faceJob.afterImport = !kiosk;
  // A window stays open for hours: as a read-only view it follows the writer's edits.
  services.projects.followReadOnly = true;
  registerIpc(createHandlers(services, 'electron'), services.logger, (url) => isAppUrl(url, renderer), kiosk);
  handleMediaScheme(
    services.mediaFile,
    () => services.session.current?.dir,
    kiosk ? (kind, id) => services.find.mayShowMedia(kind, id) : undefined,
  );

  // A project folder given on the command line opens at once; otherwise the start screen shows.
  const dirArg = process.argv.slice(app.isPackaged ? 1 : 2).find((a) => !a.startsWith('-'));
  // The kiosk only reads: it never holds the write lock, so staff can edit (and withdraw consent) meanwhile.
  if (dirArg)
    await services.projects
      .open(dirArg, { toRead: kiosk })
      .catch((err) => services.logger.error(`could not open ${dirArg}`, err));

  const win = createMainWindow({ preload: path.join(here, '../preload/index.cjs'), ...renderer, kiosk });
  services.events.subscribe((name, payload) => sendToWindow(win.webContents, name, payload));
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  // Let the last coalesced catalog write land before the process goes.
  let flushed = false;
  app.on('before-quit', (event) => {
    if (flushed) return;
    event.preventDefault();
    void services.close().finally(() => {
      flushed = true;
      app.quit();
    });
  });
});

app.on('window-all-closed', () => app.quit());
