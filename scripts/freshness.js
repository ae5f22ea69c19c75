// Is a built output at least as new as every source file it was made from? `npm start`, the CLI launcher and
// the test setup all ask this, so they agree on when a build is stale.
import fs from 'node:fs';
import path from 'node:path';

/** The newest modification time of any file under `dir` (0 when it does not exist). */
export function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** True when `built` exists and no file under `sourceDirs` was changed after it. */
export function isFresh(built, sourceDirs) {
  let builtAt;
  try {
    builtAt = fs.statSync(built).mtimeMs;
  } catch {
    return false;
  }
  return sourceDirs.every((d) => newestMtime(d) <= builtAt);
}
