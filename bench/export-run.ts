// Child process of bench/export.bench.ts: exports a gift sheet for every worker of a prepared project.
import { createServices } from '../electron/main/container';

const [projectDir, outDir, home] = process.argv.slice(2) as [string, string, string];
const services = createServices({ home });
await services.projects.open(projectDir);
const t0 = performance.now();
const summary = await services.exporter.run({
  templateId: 'simple-white-10',
  dpi: 300,
  format: 'jpeg',
  bleedMm: 3,
  marks: false,
  cmyk: false,
  per: 'worker',
  outDir,
});
const seconds = (performance.now() - t0) / 1000;
await services.close();
process.stdout.write(
  JSON.stringify({
    sheets: summary.files.length,
    skipped: summary.skipped.length,
    seconds,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }) + '\n',
);
