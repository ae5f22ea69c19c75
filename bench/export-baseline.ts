// The baseline for bench:export: a bare sharp pipeline that only resizes each photo into a same-size white canvas
// (10寸 at 300 dpi, 3 mm bleed, the photo at the template window's size) and writes the JPEG a lab gets (quality 95,
// no chroma subsampling, as the export writes it) — same files, same concurrency, in its own process.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { BUILT_IN_TEMPLATES } from '../shared/logic/gift-templates';
import { layoutSheet, templateTrim } from '../shared/logic/sheet-layout';

sharp.cache(false);
const [shootDir, outDir] = process.argv.slice(2) as [string, string];
await fs.mkdir(outDir, { recursive: true });
const files = (await fs.readdir(shootDir)).filter((f) => f.endsWith('.JPG'));
const px = (mm: number) => Math.round((mm / 25.4) * 300);
const template = BUILT_IN_TEMPLATES.find((t) => t.id === 'simple-white-10')!;
const layout = layoutSheet(template, templateTrim(template, true), { bleedMm: 3, marks: false });
const W = px(layout.boxes.bleedRect.w);
const H = px(layout.boxes.bleedRect.h);
const win = {
  w: px(layout.window.w),
  h: px(layout.window.h),
  left: px(3 + layout.window.x),
  top: px(3 + layout.window.y),
};
const t0 = performance.now();
const queue = [...files];
await Promise.all(
  Array.from({ length: os.availableParallelism() }, async () => {
    for (let f = queue.shift(); f; f = queue.shift()) {
      const photo = await sharp(path.join(shootDir, f)).autoOrient().resize(win.w, win.h, { fit: 'cover' }).toBuffer();
      await sharp({ create: { width: W, height: H, channels: 3, background: '#ffffff' } })
        .composite([{ input: photo, left: win.left, top: win.top }])
        .jpeg({ quality: 95, chromaSubsampling: '4:4:4' })
        .toFile(path.join(outDir, f));
    }
  }),
);
process.stdout.write(
  JSON.stringify({
    sheets: files.length,
    seconds: (performance.now() - t0) / 1000,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }) + '\n',
);
