// npm links the bins of dependencies, not the package's own: link ours so `npx chasing-light` works in the repo.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binDir = path.join(root, 'node_modules', '.bin');
const link = path.join(binDir, 'chasing-light');
const target = path.relative(binDir, path.join(root, 'bin', 'chasing-light.js'));
try {
  fs.mkdirSync(binDir, { recursive: true });
  fs.rmSync(link, { force: true });
  fs.symlinkSync(target, link);
} catch (err) {
  console.warn(`could not link the chasing-light command: ${err.message}`);
}
