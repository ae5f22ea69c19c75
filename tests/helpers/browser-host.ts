import path from 'node:path';
import { createServices } from '../../electron/main/container';
import { serveServices } from '../../electron/main/http-server';
import { tempDir } from './factories';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** The browser host exactly as `chasing-light serve` builds it, over a temp home. */
export async function startTestHost() {
  const home = await tempDir('cl-home-');
  const services = createServices({ home });
  const host = await serveServices(services);
  return {
    services,
    host,
    home,
    async stop() {
      await host.close();
      await services.close();
    },
  };
}
