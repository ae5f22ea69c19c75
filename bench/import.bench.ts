// npm run bench:import — import 40 × 24 MP JPEGs into a fresh project and compare with libvips' own
// vipsthumbnail making only the 2048 px previews of the same files on every core, in the same run.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureShoot } from './shoot';

const shoot = await ensureShoot(40);
const files = (await fs.readdir(shoot)).filter((f) => f.endsWith('.JPG'));
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'cl-bench-'));

function hasVipsthumbnail() {
  return spawnSync('vipsthumbnail', ['--vips-version']).status === 0;
}

// Baseline: previews only, one vipsthumbnail per file, as many at once as there are cores.
let baseline: { tool: string; seconds: number | null } = { tool: 'vipsthumbnail', seconds: null };
if (hasVipsthumbnail()) {
  const out = path.join(work, 'vips');
  await fs.mkdir(out);
  const t0 = performance.now();
  execFileSync('bash', [
    '-c',
    `cd "${shoot}" && ls *.JPG | xargs -P $(nproc) -I{} vipsthumbnail {} --size 2048 -o "${out}/%s.jpg[Q=85]"`,
  ]);
  baseline = { tool: 'vipsthumbnail', seconds: (performance.now() - t0) / 1000 };
} else {
  process.stderr.write('vipsthumbnail is missing (apt-get install libvips-tools): no baseline this run\n');
}

// Ours: a separate process, so its peak RSS is the import's own.
const child = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    path.join(import.meta.dirname, 'import-run.ts'),
    path.join(work, 'project'),
    shoot,
    path.join(work, 'home'),
  ],
  { encoding: 'utf8' },
);
if (child.status !== 0) {
  process.stderr.write(child.stderr);
  process.exit(1);
}
const ours = JSON.parse(child.stdout.trim().split('\n').pop()!);
if (ours.imported !== files.length) throw new Error(`imported ${ours.imported} of ${files.length}`);
await fs.rm(work, { recursive: true, force: true });

process.stdout.write(
  JSON.stringify({
    photos: ours.imported,
    seconds: Number(ours.seconds.toFixed(2)),
    photosPerSecond: Number((ours.imported / ours.seconds).toFixed(2)),
    firstThumbnailSeconds: Number(ours.firstThumbnailSeconds.toFixed(3)),
    firstRenderedThumbnailSeconds: Number(ours.firstRenderedThumbnailSeconds.toFixed(3)),
    peakRssMB: ours.peakRssMB,
    baseline: { tool: baseline.tool, seconds: baseline.seconds === null ? null : Number(baseline.seconds.toFixed(2)) },
    ratio: baseline.seconds === null ? null : Number((ours.seconds / baseline.seconds).toFixed(3)),
    cores: os.availableParallelism(),
  }) + '\n',
);
