// Bundles the command line (electron/cli) into out/cli (and copies the face helper into out/face-helper), so `chasing-light` starts in a fraction of a second
// instead of compiling TypeScript at every start. Runs at install and in `npm run build`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

fs.rmSync(path.join(root, 'out', 'cli'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { index: 'electron/cli/index.ts' },
  outdir: 'out/cli',
  bundle: true,
  // Commands load the services only when they run: `--help` must not pay for sharp, exifr and the rest.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Packages stay in node_modules: sharp is native, and the others load lazily from there.
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});

// The face helper runs as its own process from a plain script: a packaged app carries out/ but not the sources,
// so the build puts a copy there (the checkout runs it from its place beside the face repository).
fs.mkdirSync(path.join(root, 'out', 'face-helper'), { recursive: true });
fs.copyFileSync(
  path.join(root, 'electron', 'main', 'repositories', 'face-detector', 'worker.cjs'),
  path.join(root, 'out', 'face-helper', 'worker.cjs'),
);

// Left by builds before the print faces were kept in assets/fonts.
fs.rmSync(path.join(root, 'out', 'fonts'), { recursive: true, force: true });
