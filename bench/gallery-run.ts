// Child process of bench/gallery.bench.ts: writes the web gallery of a planned project, then again after one
// photo's title changed (the incremental re-export).
import { createServices } from '../electron/main/container';

const [projectDir, outDir, home] = process.argv.slice(2) as [string, string, string];
const services = createServices({ home });
await services.projects.open(projectDir);
const t0 = performance.now();
const first = await services.gallery.export({ outDir, baseUrl: 'https://zgh.example.cn/zhuiguang' });
const seconds = (performance.now() - t0) / 1000;
const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
const one = services.photos.list()[0]!;
services.tagging.update([one.id], { title: '焊花里的青春' });
const t1 = performance.now();
const again = await services.gallery.export({ outDir, baseUrl: 'https://zgh.example.cn/zhuiguang' });
const reSeconds = (performance.now() - t1) / 1000;
await services.close();
process.stdout.write(
  JSON.stringify({
    photos: first.photos,
    workers: first.workers,
    bytes: first.bytes,
    seconds,
    peakRssMB,
    reexport: { seconds: reSeconds, written: again.written, reused: again.reused },
  }) + '\n',
);
