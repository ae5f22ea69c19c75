#!/usr/bin/env node
// Runs the built command line (out/cli, made at install and by `npm run build`). When that build is missing or
// older than the sources (a developer's edit), it runs the TypeScript straight from source with tsx instead.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isFresh } from '../scripts/freshness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'out', 'cli', 'index.js');

// `serve` shows the UI: built first when it is missing or older than its sources (a fresh clone, a pull), so
// the address it prints always opens the app rather than "not built".
if (process.argv[2] === 'serve') {
  const { buildApp } = await import('../scripts/build-app.js');
  const r = buildApp();
  if (!r.ok) process.stderr.write(`chasing-light: could not build the UI (${r.reason}); the address will say so\n`);
}

if (
  process.env.CHASING_LIGHT_FROM_SOURCE !== '1' &&
  isFresh(built, [path.join(root, 'electron'), path.join(root, 'shared')])
) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/index.ts');
}
