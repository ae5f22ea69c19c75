import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The e2e suites serve the built renderer: build it when it is missing or older than its sources. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export default function setup() {
  const root = path.resolve(import.meta.dirname, '../..');
  const built = path.join(root, 'out/renderer/index.html');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(newestMtime(path.join(root, 'renderer')), newestMtime(path.join(root, 'shared')));
  if (builtAt < sourcesAt) {
    process.stderr.write('building the renderer for the e2e suites…\n');
    execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  }
}
