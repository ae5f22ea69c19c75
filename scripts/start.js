// `npm start [project-dir]`: the Electron app where its binary is installed; otherwise the browser host.
// With no project folder the app opens the demo campaign (browser host) or its start screen (Electron).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function buildIfStale() {
  const built = path.join(root, 'out', 'renderer', 'index.html');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const sources = Math.max(...['renderer', 'shared', 'electron'].map((d) => newest(path.join(root, d))));
  if (builtAt >= sources) return;
  console.log('Building the app (electron-vite build)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function electronBinary() {
  try {
    const bin = createRequire(import.meta.url)('electron'); // the path of the binary, or throws when it was never downloaded
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

buildIfStale();
const electron = electronBinary();
const child = electron
  ? spawn(electron, [root, ...args], { stdio: 'inherit' })
  : (console.log(
      "Electron's binary is not installed on this machine (it was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1),\n" +
        'so Chasing Light runs as the browser host instead: open the address below in a browser.\n',
    ),
    spawn(process.execPath, [path.join(root, 'bin', 'chasing-light.js'), 'serve', ...args], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
