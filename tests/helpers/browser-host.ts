import path from 'node:path';
import { createHandlers } from '../../electron/main/api-handlers';
import { createServices } from '../../electron/main/container';
import { startBrowserHost } from '../../electron/main/http-server';
import { tempDir } from './factories';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** The browser host exactly as `chasing-light serve` builds it, over a temp home. */
export async function startTestHost() {
  const home = await tempDir('cl-home-');
  const services = createServices({ home });
  const host = await startBrowserHost({
    handlers: createHandlers(services, 'browser'),
    events: services.events,
    logger: services.logger,
    mediaFile: (id, kind) => services.photos.mediaFile(id, kind),
    mediaRoot: () => services.session.current?.dir,
    rendererDir: path.join(REPO_ROOT, 'out', 'renderer'),
  });
  return {
    services,
    host,
    home,
    async stop() {
      await host.close();
      await services.session.replace(null);
    },
  };
}
