// npm run bench:gallery — the web gallery of 236 photos of 24 MP against a bare sharp pipeline writing the same
// 2048 px and 400 px JPEGs (same run); a re-export with one photo changed; the index painting its first
// thumbnails in Chromium from disk; `find` over 10,000 photos and 3,000 workers in-process, against a plain
// substring scan of the names (same run).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../electron/main/container';
import { CatalogRepository } from '../electron/main/repositories/catalog.repository';
import { pinyinOf } from '../shared/logic/pinyin';
import { launchChromium } from '../tests/helpers/chromium';
import { projectLock } from '../tests/helpers/services';
import { ensureShoot } from './shoot';
import { measureIndex } from './gallery-load';
import { medianMs, runScript, type Timed } from './measure';
import { workerRecord } from '../tests/helpers/roster';

const COUNT = 236;
const shoot = await ensureShoot(COUNT);
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'cl-bench-gallery-'));
const project = path.join(work, 'project');
const home = path.join(work, 'home');
{
  const services = createServices({ home });
  await services.projects.create(project, 'bench');
  await services.importer.run({ paths: [shoot], photographer: '陈晓明' });
  const companies = Array.from({ length: 12 }, (_, i) =>
    services.roster.createCompany({ name: `江山第${i + 1}机械有限公司`, shortName: `第${i + 1}机械` }),
  );
  const surnames = ['占', '王', '张', '李', '周', '陈', '徐', '吴', '郑', '毛'];
  services.photos.list().forEach((p, i) => {
    const w = services.roster.createWorker({
      name: `${surnames[i % 10]}${['牡丹', '建国', '丽娟', '小峰'][i % 4]}${i}`,
      companyId: companies[i % 12]!.id,
      consent: 'exhibit',
      craft: '焊工',
      quote: '被看见，累也轻了',
    });
    services.tagging.tag([p.id], w.id);
  });
  services.exhibitions.plan({ boards: 8, boardSize: '90x120cm' });
  await services.close();
}
const files = (await fs.readdir(shoot)).filter((f) => f.endsWith('.JPG')).map((f) => path.join(shoot, f));
await fs.writeFile(path.join(work, 'files.json'), JSON.stringify(files));

const baseline = runScript<Timed>('gallery-baseline.ts', path.join(work, 'files.json'), path.join(work, 'baseline'));
const out = path.join(work, 'web');
const ours = runScript<
  Timed & {
    photos: number;
    workers: number;
    bytes: number;
    reexport: { seconds: number; written: number; reused: number };
  }
>('gallery-run.ts', project, out, home);

// The index as a visitor gets it, in Chromium on a phone-sized page: bytes until the first thumbnail is on screen
// and the time to it, from disk, from a static host here and over a slow phone link (bench/gallery-load.ts).
const browser = await launchChromium();
const load = await measureIndex(browser, out);
await browser.close();

// find at 10,000 photos and 3,000 workers, in-process.
const big = path.join(work, 'big');
{
  const services = createServices({ home });
  await services.projects.create(big, 'find');
  await services.close();
  const catalog = await CatalogRepository.open(big, { lock: await projectLock(big) });
  const given = ['牡丹', '建国', '丽娟', '小峰', '明', '敏', '强', '芳', '军', '伟', '秀英', '志强'];
  const surnames = ['占', '王', '张', '李', '周', '陈', '徐', '吴', '郑', '毛', '欧阳', '诸葛'];
  for (let i = 0; i < 3000; i++) {
    const name = `${surnames[i % 12]}${given[Math.floor(i / 12) % 12]}${i >= 144 ? String.fromCharCode(0x4e00 + (i % 500)) : ''}`;
    catalog.put(
      'workers',
      workerRecord(`wk_${i}`, name, { pinyin: pinyinOf(name), consent: i % 9 === 0 ? 'declined' : 'exhibit' }),
    );
  }
  const seed = JSON.parse(await fs.readFile(path.join(project, 'project.json'), 'utf8')).photos[0];
  for (let i = 0; i < 10000; i++)
    catalog.putPhoto({
      ...seed,
      id: `p${i}`,
      sha256: String(i).padEnd(64, '0'),
      workers: [`wk_${i % 3000}`, `wk_${(i * 7) % 3000}`].filter((v, j, a) => a.indexOf(v) === j),
      faceRegions: [],
    });
  await catalog.close();
}
const find = createServices({ home });
await find.projects.open(big);
const queries = ['zmd', 'zhang', '占牡丹', '欧阳md', 'li jian guo', 'w'];
const timed = (f: () => unknown) => medianMs(f, 7);
const findMs = Math.max(...queries.map((q) => timed(() => find.find.find(q))));
const workers = find.roster.workers();
const scanMs = Math.max(
  ...queries.map((q) => timed(() => workers.filter((w) => w.name.includes(q) || w.pinyin.includes(q)))),
);
await find.close();
await fs.rm(work, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({
    gallery: {
      photos: ours.photos,
      workers: ours.workers,
      seconds: Number(ours.seconds.toFixed(2)),
      peakRssMB: ours.peakRssMB,
      bytes: ours.bytes,
    },
    baseline: {
      tool: 'sharp: each photo at 2048 px and 400 px, JPEG',
      seconds: Number(baseline.seconds.toFixed(2)),
      peakRssMB: baseline.peakRssMB,
    },
    ratio: Number((ours.seconds / baseline.seconds).toFixed(3)),
    reexportOneChanged: {
      seconds: Number(ours.reexport.seconds.toFixed(2)),
      written: ours.reexport.written,
      reused: ours.reexport.reused,
    },
    index: Object.fromEntries(
      Object.entries(load).map(([way, l]) => [
        way,
        {
          firstThumbnailPaintedMs: l.firstThumbnailMs,
          kbUntilFirstThumbnail: Math.round(l.bytes / 1024),
          requests: l.requests,
          kbOnOpening: Math.round(l.settledBytes / 1024),
          requestsOnOpening: l.settledRequests,
        },
      ]),
    ),
    find: {
      photos: 10000,
      workers: 3000,
      worstMedianMs: Number(findMs.toFixed(2)),
      baselineSubstringScanMs: Number(scanMs.toFixed(2)),
    },
    cores: os.availableParallelism(),
  }) + '\n',
);
