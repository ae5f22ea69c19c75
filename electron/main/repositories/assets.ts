import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | null = null;

/**
 * The app's assets folder (fonts, frame textures, the team catalog's SQL): three levels above this file in a
 * checkout, two above a bundle (out/main, out/cli), inside the archive in a packaged app.
 */
export function assetsDir(): string {
  if (found) return found;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = [path.join(here, '..', '..', '..'), path.join(here, '..', '..')]
    .map((root) => path.join(root, 'assets'))
    .find((d) => existsSync(path.join(d, 'icon.svg')));
  if (!dir) throw new Error(`The app's assets are missing: no assets folder above ${here}`);
  found = dir;
  return found;
}
