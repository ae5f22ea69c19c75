// Child process of bench/exhibition.bench.ts: exports the boards, the wall labels and the catalogue of a planned
// project, timing each, and measures the catalogue PDF against the bytes of the images embedded in it.
import fs from 'node:fs/promises';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { createServices } from '../electron/main/container';

const [projectDir, outDir, home] = process.argv.slice(2) as [string, string, string];
const services = createServices({ home });
await services.projects.open(projectDir);
const parts: Record<string, number> = {};
/** The process's peak RSS after each part, in MB: which part sets the peak. */
const peaks: Record<string, number> = { opened: Math.round(process.resourceUsage().maxRSS / 1024) };
let files = 0;
let warnings = 0;
let cataloguePath = '';
const t0 = performance.now();
for (const what of ['boards', 'labels', 'catalogue'] as const) {
  const t = performance.now();
  const r = await services.exhibitionExport.export({
    what,
    outDir: `${outDir}/${what}`,
    baseUrl: 'https://zgh.example.cn/zhuiguang',
  });
  parts[what] = Number(((performance.now() - t) / 1000).toFixed(2));
  peaks[what] = Math.round(process.resourceUsage().maxRSS / 1024);
  files += r.files.length;
  warnings += r.warnings.length;
  if (what === 'catalogue') cataloguePath = r.files[0]!.path;
}
const seconds = (performance.now() - t0) / 1000;
const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
await services.close();
const bytes = (await fs.stat(cataloguePath)).size;
const doc = await PDFDocument.load(await fs.readFile(cataloguePath));
let images = 0;
for (const [, obj] of doc.context.enumerateIndirectObjects())
  if (obj instanceof PDFRawStream && obj.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'))
    images += obj.contents.length;
process.stdout.write(
  JSON.stringify({
    seconds,
    parts,
    peaks,
    files,
    warnings,
    peakRssMB,
    catalogue: { pages: doc.getPageCount(), bytes, imageBytes: images, ratio: Number((bytes / images).toFixed(3)) },
  }) + '\n',
);
