// npm run bench:export — 236 gift sheets (10寸, 300 dpi, JPEG) from 24 MP photos, against a bare sharp
// resize-into-a-white-canvas of the same files in the same run. Photos are generated once, cached outside the repo.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../electron/main/container';
import { ensureShoot } from './shoot';
import { runScript, type Timed } from './measure';

const COUNT = 236;
const shoot = await ensureShoot(COUNT);
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'cl-bench-export-'));
const project = path.join(work, 'project');

// The campaign: every photo shows one worker of one of twelve companies.
{
  const services = createServices({ home: path.join(work, 'home') });
  await services.projects.create(project, 'bench');
  await services.importer.run({ paths: [shoot], photographer: '陈晓明' });
  const companies = Array.from({ length: 12 }, (_, i) =>
    services.roster.createCompany({ name: `江山第${i + 1}机械有限公司`, shortName: `第${i + 1}机械` }),
  );
  const photos = services.photos.list();
  photos.forEach((p, i) => {
    const w = services.roster.createWorker({
      name: `职工${String(i + 1).padStart(3, '0')}`,
      companyId: companies[i % 12]!.id,
      consent: 'exhibit',
    });
    services.tagging.tag([p.id], w.id, { x: 0.4, y: 0.25, w: 0.12, h: 0.2 });
  });
  await services.close();
}

const baseline = runScript<Timed & { sheets: number }>('export-baseline.ts', shoot, path.join(work, 'baseline'));
const ours = runScript<Timed & { sheets: number }>(
  'export-run.ts',
  project,
  path.join(work, 'sheets'),
  path.join(work, 'home'),
);
await fs.rm(work, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({
    sheets: ours.sheets,
    seconds: Number(ours.seconds.toFixed(2)),
    sheetsPerSecond: Number((ours.sheets / ours.seconds).toFixed(2)),
    peakRssMB: ours.peakRssMB,
    baseline: {
      tool: 'sharp resize into a white canvas',
      seconds: Number(baseline.seconds.toFixed(2)),
      sheetsPerSecond: Number((baseline.sheets / baseline.seconds).toFixed(2)),
      peakRssMB: baseline.peakRssMB,
    },
    ratio: Number((ours.seconds / baseline.seconds).toFixed(3)),
    cores: os.availableParallelism(),
  }) + '\n',
);
