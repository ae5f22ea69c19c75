// npm run bench:catalog — what an edit costs in a file project of 10,000 photos and 20,000 faces: one star rating
// made durable (the journal line, synced) against what a save cost before the journal (the whole catalog written
// under a temporary name, synced, renamed), measured in the same run on the same catalog; and opening it again
// (snapshot plus journal).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CatalogRepository } from '../electron/main/repositories/catalog.repository';
import { writeFileAtomic } from '../electron/main/repositories/atomic-write';
import { JOURNAL_FILE } from '../electron/main/repositories/catalog-journal';
import type { Face } from '../shared/model/face';
import { photoRecord } from '../tests/helpers/factories';
import { projectLock } from '../tests/helpers/services';

const PHOTOS = 10_000;
const FACES = 20_000;
const EDITS = 50;
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'cl-bench-catalog-'));
const dir = path.join(work, 'project');
await fs.mkdir(dir);
const catalog = await CatalogRepository.create(dir, 'bench', false, await projectLock(dir));
for (let i = 0; i < PHOTOS; i++)
  catalog.putPhoto(
    photoRecord({ id: `ph${String(i).padStart(14, '0')}`, caption: '车间里的一个下午', keywords: ['追光', '劳动'] }),
  );
const descriptor = Buffer.alloc(128 * 4, 7).toString('base64');
for (let i = 0; i < FACES; i++)
  catalog.put('faces', {
    id: `fc${String(i).padStart(14, '0')}`,
    photoId: `ph${String(i % PHOTOS).padStart(14, '0')}`,
    box: { x: 0.1, y: 0.1, w: 0.2, h: 0.2 },
    score: 0.9,
    descriptor,
    crop: null,
    workerId: null,
    source: 'detected',
    rejected: [],
    state: 'face',
  } satisfies Face);
await catalog.flush();
const snapshotBytes = (await fs.stat(path.join(dir, 'project.json'))).size;

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// Ours: a rating, committed (journal line synced) as the API does before it answers.
const ours: number[] = [];
const journalBefore = (await fs.stat(path.join(dir, JOURNAL_FILE))).size;
for (let k = 0; k < EDITS; k++) {
  const t = performance.now();
  catalog.updatePhotos([`ph${String(k).padStart(14, '0')}`], { rating: (k % 5) + 1 });
  await catalog.commit();
  ours.push(performance.now() - t);
}
const journalBytesPerEdit = ((await fs.stat(path.join(dir, JOURNAL_FILE))).size - journalBefore) / EDITS;

// Baseline: the same rating saved the way the catalog was saved before (the whole file, synced, renamed).
const data = JSON.parse(await fs.readFile(path.join(dir, 'project.json'), 'utf8')) as { photos: { rating: number }[] };
const baseline: number[] = [];
for (let k = 0; k < 7; k++) {
  const t = performance.now();
  data.photos[k]!.rating = (k % 5) + 1;
  await writeFileAtomic(path.join(work, 'whole.json'), JSON.stringify(data, null, 2), true);
  baseline.push(performance.now() - t);
}
await catalog.close();

const t0 = performance.now();
const reopened = await CatalogRepository.open(dir, { toRead: true });
const openMs = performance.now() - t0;
if (reopened.photo(`ph${String(EDITS - 1).padStart(14, '0')}`)?.rating !== ((EDITS - 1) % 5) + 1)
  throw new Error('the last edit was not read back');
await fs.rm(work, { recursive: true, force: true });

process.stdout.write(
  JSON.stringify({
    catalog: { photos: PHOTOS, faces: FACES, snapshotMB: Number((snapshotBytes / 1024 / 1024).toFixed(1)) },
    ratingDurable: { medianMs: Number(median(ours).toFixed(2)), bytesWritten: Math.round(journalBytesPerEdit) },
    baselineWholeRewrite: { medianMs: Number(median(baseline).toFixed(1)), bytesWritten: snapshotBytes },
    ratio: Number((median(ours) / median(baseline)).toFixed(4)),
    openToReadMs: Math.round(openMs),
    cores: os.availableParallelism(),
  }) + '\n',
);
