// Builds what is stale: the UI and the desktop shell (electron-vite) and the command line (esbuild), so that every
// command the README gives after `npm install` (npm start, npx chasing-light serve) finds them built. Run by the
// install, by `npm start`, and by `chasing-light serve` before it serves the UI; quiet unless it fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFresh } from './freshness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['renderer', 'shared', 'electron'].map((d) => path.join(root, d));

/** Is the built UI there and newer than its sources? */
export function uiIsFresh() {
  return (
    isFresh(path.join(root, 'out', 'renderer', 'index.html'), SOURCES) &&
    isFresh(path.join(root, 'out', 'cli', 'index.js'), SOURCES)
  );
}

/**
 * Builds when stale (or always, with `force`). Answers { ok, reason }. Without electron-vite (an install that
 * left out the build tools) it says so instead of failing.
 */
export function buildApp({ force = false, say = (text) => process.stderr.write(text) } = {}) {
  if (!force && uiIsFresh()) return { ok: true, built: false };
  const vite = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (!fs.existsSync(vite))
    return { ok: false, reason: 'electron-vite is not installed (run npm install in the checkout)' };
  say('Building the app (a few seconds, only when the sources changed)…\n');
  const ui = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (ui.status !== 0) return { ok: false, reason: `the UI build failed (exit ${ui.status})` };
  const cli = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-cli.js')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (cli.status !== 0) return { ok: false, reason: `the command-line build failed (exit ${cli.status})` };
  return { ok: true, built: true };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = buildApp({ force: process.argv.includes('--force') });
  if (!r.ok) {
    process.stderr.write(`${r.reason}\n`);
    process.exit(1);
  }
}
