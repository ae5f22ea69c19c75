// Child process of bench/import.bench.ts: imports one folder into a fresh project, timing what the user waits for.
import path from 'node:path';
import { createServices } from '../electron/main/container';

const [projectDir, shootDir, home] = process.argv.slice(2) as [string, string, string];
const services = createServices({ home });
await services.projects.create(projectDir, 'bench');
const t0 = performance.now();
let firstPaint: number | null = null;
let firstRendered: number | null = null;
services.events.subscribe((name, payload) => {
  if (name !== 'photos.changed') return;
  const now = (performance.now() - t0) / 1000;
  firstPaint ??= now; // the grid can paint a thumbnail: embedded or rendered
  const ids = (payload as { ids: string[] }).ids;
  if (firstRendered === null && ids.some((id) => services.session.current?.photo(id)?.rendered)) firstRendered = now;
});
const summary = await services.importer.run({ paths: [shootDir] });
const seconds = (performance.now() - t0) / 1000;
await services.close();
process.stdout.write(
  JSON.stringify({
    imported: summary.imported,
    failed: summary.failed.length,
    seconds,
    firstThumbnailSeconds: firstPaint,
    firstRenderedThumbnailSeconds: firstRendered,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    project: path.basename(projectDir),
  }) + '\n',
);
