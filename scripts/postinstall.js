// After `npm install`: build the app (the UI the browser host serves, the desktop shell, the command line), and
// fetch Electron's binary where the network allows. Neither may fail the install: the CLI falls back to running
// from source, `serve` and `npm start` build what is missing, and the app falls back to the browser host.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const scripts = path.dirname(fileURLToPath(import.meta.url));
for (const script of ['build-app.js', 'install-electron.js']) {
  const r = spawnSync(process.execPath, [path.join(scripts, script)], { stdio: 'inherit' });
  if (r.status !== 0) process.stdout.write(`(${script} did not finish; carrying on)\n`);
}
