// The baseline for bench:gallery: a bare sharp pipeline writing each photo at 2048 px and at 400 px (JPEG, the
// gallery's qualities, 4:2:0), same files, same concurrency, in its own process.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

sharp.cache(false);
const [listFile, outDir] = process.argv.slice(2) as [string, string];
await fs.mkdir(outDir, { recursive: true });
const files = JSON.parse(await fs.readFile(listFile, 'utf8')) as string[];
const t0 = performance.now();
const queue = files.map((f, i) => ({ f, i }));
await Promise.all(
  Array.from({ length: os.availableParallelism() }, async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      await sharp(t.f)
        .autoOrient()
        .resize(2048, 2048, { fit: 'inside' })
        .jpeg({ quality: 86, chromaSubsampling: '4:2:0' })
        .toFile(path.join(outDir, `${t.i}.jpg`));
      await sharp(t.f)
        .autoOrient()
        .resize(400, 400, { fit: 'inside' })
        .jpeg({ quality: 78, chromaSubsampling: '4:2:0' })
        .toFile(path.join(outDir, `${t.i}_t.jpg`));
    }
  }),
);
process.stdout.write(
  JSON.stringify({
    photos: files.length,
    seconds: (performance.now() - t0) / 1000,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }) + '\n',
);
