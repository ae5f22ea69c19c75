import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { isFresh } from '../../scripts/freshness.js';
import { postgresBin, startCluster, stopCluster } from '../../scripts/test-postgres.js';

/**
 * The e2e suites serve the built renderer: build it when it is missing or older than its sources. The team catalog
 * tests need a PostgreSQL server: CI hands one over (CHASING_LIGHT_TEST_DATABASE_URL); here one is started for the
 * run when PostgreSQL is installed, and stopped after.
 */
export default async function setup() {
  const root = path.resolve(import.meta.dirname, '../..');
  if (!isFresh(path.join(root, 'out/renderer/index.html'), [path.join(root, 'renderer'), path.join(root, 'shared')])) {
    process.stderr.write('building the renderer for the e2e suites…\n');
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'],
      { cwd: root, stdio: 'inherit' },
    );
  }
  if (process.env.CHASING_LIGHT_TEST_DATABASE_URL || !postgresBin()) return;
  const cluster = await startCluster();
  process.env.CHASING_LIGHT_TEST_DATABASE_URL = cluster.url;
  return () => stopCluster(cluster.dir);
}
