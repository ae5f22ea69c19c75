// Downloads Electron's binary where that is possible, and says plainly when it is not. npm is told not to run
// Electron's own install script (package.json "allowScripts"), because that script fails the whole
// `npm install` on a machine that cannot reach Electron's download host; this one never fails the install.
// `npm start` runs the browser host when the binary is missing. Run it again any time: npm run electron:install
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const TIMEOUT_MS = 10 * 60 * 1000;

/** The Electron binary's path when it is installed, else null. */
export function electronBinary() {
  try {
    const rel = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8');
    const bin = path.join(electronDir, 'dist', rel);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

export function installElectron() {
  if (!fs.existsSync(path.join(electronDir, 'install.js')))
    return { ok: false, reason: 'the electron package is not installed' };
  if (electronBinary()) return { ok: true, already: true };
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { ok: false, reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' };
  process.stdout.write("Downloading Electron's binary…\n");
  const r = spawnSync(process.execPath, ['install.js'], { cwd: electronDir, encoding: 'utf8', timeout: TIMEOUT_MS });
  if (r.status === 0 && electronBinary()) return { ok: true };
  const text = `${r.stderr ?? ''}${r.error ? String(r.error) : ''}`;
  const reason =
    /(?:getaddrinfo )?(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT)(?: [\w.-]+)?|socket hang up/.exec(
      text,
    )?.[0] ?? (r.signal ? 'timed out' : (text.split('\n').find((l) => l.trim()) ?? `exit ${r.status}`));
  return { ok: false, reason: reason.trim() };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = installElectron();
  if (r.ok)
    process.stdout.write(
      r.already ? 'Electron is installed.\n' : 'Electron is installed: npm start opens the desktop app.\n',
    );
  else
    process.stdout.write(
      `Electron's binary could not be installed (${r.reason}).\n` +
        'That is fine: npm start runs Chasing Light in your browser instead (the browser host). ' +
        'To try the desktop app again later: npm run electron:install\n',
    );
}
