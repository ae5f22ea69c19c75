// npm run bench:exhibition — 236 photos of 24 MP on 8 boards of 90×120 cm (PDF), 236 wall labels (A4 n-up PDF) and
// the catalogue (A4 PDF), against a bare sharp pipeline writing the same photos resized to their placed sizes (on
// the boards and in the catalogue) as JPEGs, in the same run. Photos are generated once, cached outside the repo.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../electron/main/container';
import { composeCatalogue } from '../shared/logic/catalogue-drawing';
import { PT_TO_MM } from '../shared/logic/typeset';
import { ensureShoot } from './shoot';
import { runScript, type Timed } from './measure';

const COUNT = 236;
const shoot = await ensureShoot(COUNT);
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'cl-bench-exhibition-'));
const project = path.join(work, 'project');
const targets: { file: string; w: number; h: number }[] = [];

// The campaign: one worker per photo in twelve companies, each with a quote; the plan: 8 boards of 90×120 cm.
{
  const services = createServices({ home: path.join(work, 'home') });
  await services.projects.create(project, 'bench');
  await services.importer.run({ paths: [shoot], photographer: '陈晓明' });
  const companies = Array.from({ length: 12 }, (_, i) =>
    services.roster.createCompany({ name: `江山第${i + 1}机械有限公司`, shortName: `第${i + 1}机械` }),
  );
  services.photos.list().forEach((p, i) => {
    const w = services.roster.createWorker({
      name: `职工${String(i + 1).padStart(3, '0')}`,
      companyId: companies[i % 12]!.id,
      consent: 'exhibit',
      craft: '焊工',
      quote: '被看见，累也轻了',
    });
    services.tagging.tag([p.id], w.id);
  });
  const plan = services.exhibitions.plan({ boards: 8, boardSize: '90x120cm' });
  // What the baseline writes: each photo at its placed size on the board (its pixels up to 300 ppi) …
  const photo = (id: string) => services.photos.get(id);
  const at = (id: string, wMm: number, hMm: number) => {
    const ppi = Math.min(300, photo(id).width / (wMm / 25.4));
    return { file: photo(id).path, w: Math.round((wMm / 25.4) * ppi), h: Math.round((hMm / 25.4) * ppi) };
  };
  for (const b of plan.exhibition.boards) for (const p of b.photos) targets.push(at(p.photoId, p.wMm, p.hMm));
  // … and at its size in the catalogue (the page geometry does not depend on the faces).
  const placed = plan.exhibition.boards.flatMap((b) => b.photos);
  const mono = () => ({ measure: (t: string, s: number) => [...t].length * s * PT_TO_MM, ascent: 0.88, descent: 0.12 });
  const book = composeCatalogue(
    {
      title: 't',
      subtitle: 's',
      organizers: null,
      venue: null,
      dates: null,
      preface: 'p',
      coverPhotoId: null,
      entries: placed.map((p) => ({
        photoId: p.photoId,
        aspect: photo(p.photoId).width / photo(p.photoId).height,
        number: p.number,
        title: '',
        who: '',
        quote: null,
        credit: '',
        workers: [],
        photographer: null,
      })),
      colophon: [],
      page: { widthMm: 210, heightMm: 297 },
      bleedMm: 3,
      marks: true,
    },
    mono,
  );
  const seen = new Set<string>();
  for (const page of book.pages)
    for (const op of page.ops) {
      if (op.kind !== 'image' || seen.has(op.ref)) continue;
      seen.add(op.ref);
      targets.push(at(op.ref.replace('#cover', ''), op.w, op.h));
    }
  await services.close();
}
await fs.writeFile(path.join(work, 'targets.json'), JSON.stringify(targets));

const baseline = runScript<Timed & { images: number }>(
  'exhibition-baseline.ts',
  path.join(work, 'targets.json'),
  path.join(work, 'baseline'),
);
const ours = runScript<Timed & Record<'parts' | 'peaks' | 'files' | 'warnings' | 'catalogue', unknown>>(
  'exhibition-run.ts',
  project,
  path.join(work, 'out'),
  path.join(work, 'home'),
);
await fs.rm(work, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({
    photos: COUNT,
    seconds: Number(ours.seconds.toFixed(2)),
    parts: ours.parts,
    peakRssAfterMB: ours.peaks,
    files: ours.files,
    warnings: ours.warnings,
    peakRssMB: ours.peakRssMB,
    catalogue: ours.catalogue,
    baseline: {
      tool: 'sharp: each photo resized to its placed sizes (boards and catalogue), JPEG q90 4:2:0',
      images: baseline.images,
      seconds: Number(baseline.seconds.toFixed(2)),
      peakRssMB: baseline.peakRssMB,
    },
    ratio: Number((ours.seconds / baseline.seconds).toFixed(3)),
    cores: os.availableParallelism(),
  }) + '\n',
);
