// Child process of bench/gallery.bench.ts: writes the web gallery of a planned project, then again after one
// photo's title changed (the incremental re-export), and says how large the index is before thumbnails load.
import fs from 'node:fs/promises';
import path from 'node:path';
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
// What a phone loads before any thumbnail: the page, its style, script, search data and the faces.
const initial = ['index.html', 'assets/gallery.css', 'assets/gallery.js', 'data/search.js', 'assets/sans.woff2', 'assets/sans-bold.woff2', 'assets/serif-bold.woff2'];
let initialBytes = 0;
for (const f of initial) initialBytes += (await fs.stat(path.join(outDir, f))).size;
process.stdout.write(JSON.stringify({ photos: first.photos, workers: first.workers, bytes: first.bytes, seconds, peakRssMB, reexport: { seconds: reSeconds, written: again.written, reused: again.reused }, initialBytes }) + '\n');
