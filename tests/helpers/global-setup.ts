import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { isFresh } from '../../scripts/freshness.js';

/** The e2e suites serve the built renderer: build it when it is missing or older than its sources. */
export default function setup() {
  const root = path.resolve(import.meta.dirname, '../..');
  if (!isFresh(path.join(root, 'out/renderer/index.html'), [path.join(root, 'renderer'), path.join(root, 'shared')])) {
    process.stderr.write('building the renderer for the e2e suites…\n');
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'],
      { cwd: root, stdio: 'inherit' },
    );
  }
}
