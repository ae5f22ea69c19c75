// The baseline for bench:exhibition: a bare sharp pipeline that writes every photo resized to each size it is
// placed at (on its board, in the catalogue) as a JPEG (quality 90, 4:2:0, as the PDFs embed them), same concurrency.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

sharp.cache(false);
const [targetsFile, outDir] = process.argv.slice(2) as [string, string];
await fs.mkdir(outDir, { recursive: true });
const targets = JSON.parse(await fs.readFile(targetsFile, 'utf8')) as { file: string; w: number; h: number }[];
const t0 = performance.now();
const queue = targets.map((t, i) => ({ ...t, i }));
await Promise.all(
  Array.from({ length: os.availableParallelism() }, async () => {
    for (let t = queue.shift(); t; t = queue.shift())
      await sharp(t.file)
        .autoOrient()
        .resize(t.w, t.h, { fit: 'cover' })
        .jpeg({ quality: 90, chromaSubsampling: '4:2:0' })
        .toFile(path.join(outDir, `${t.i}.jpg`));
  }),
);
process.stdout.write(
  JSON.stringify({
    images: targets.length,
    seconds: (performance.now() - t0) / 1000,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }) + '\n',
);
