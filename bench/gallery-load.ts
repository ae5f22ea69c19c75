// What a visitor waits for when the gallery's index opens on a phone: every byte the browser loads until the first
// thumbnail is on screen (the page, its style, script, search data, faces, and the thumbnails it fetched by then),
// and the time from navigation to that first thumbnail painted. Three ways: from disk (file://), from a static
// host on this machine, and from that host over a slow phone link (Lighthouse's mobile throttling: 150 ms round
// trip, 1.6 Mbit/s down, 750 kbit/s up), emulated by Chromium itself (CDP Network.emulateNetworkConditions).
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';

export interface IndexLoad {
  /** bytes the browser received before the first thumbnail was painted (over HTTP: as sent; from disk: file sizes) */
  bytes: number;
  requests: number;
  firstThumbnailMs: number;
  /** everything the opening loads without a scroll (the thumbnails a browser fetches ahead included), once the network is idle */
  settledBytes: number;
  settledRequests: number;
}

const SLOW_PHONE = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.woff2': 'font/woff2',
  '.jpg': 'image/jpeg',
};

/** A plain static host for the gallery folder, as any web server would serve it (no compression). */
export async function staticHost(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(dir, rel);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile() || path.relative(dir, file).startsWith('..')) return void res.writeHead(404).end();
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': stat.size,
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Resolves in the page once its first thumbnail is decoded and two frames later (on screen), with performance.now(). */
const FIRST_THUMBNAIL_PAINTED = `new Promise((resolve) => {
  const img = document.querySelector('.tile img');
  const painted = () => img.decode().catch(() => undefined).then(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))));
  if (img.complete && img.naturalWidth) painted();
  else img.addEventListener('load', painted, { once: true });
})`;

/** One fresh load of `url` on a phone-sized page (no cache); `slow` throttles the link. */
export async function loadIndex(
  browser: Browser,
  url: string,
  opts: { slow?: boolean; diskDir?: string } = {},
): Promise<IndexLoad> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (opts.slow) await cdp.send('Network.emulateNetworkConditions', SLOW_PHONE);
  const urls = new Map<string, string>();
  const received = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) =>
    urls.set(e.requestId, e.request.url),
  );
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) =>
    received.set(e.requestId, e.encodedDataLength),
  );
  await page.goto(url, { waitUntil: 'commit' });
  const firstThumbnailMs = (await page.evaluate(FIRST_THUMBNAIL_PAINTED)) as number;
  const sum = async (ids: string[]) => {
    let n = 0;
    // file:// reports no transfer sizes: the files' own sizes are what was read.
    for (const id of ids)
      n += opts.diskDir ? (await fs.stat(new URL(urls.get(id)!)).catch(() => ({ size: 0 }))).size : received.get(id)!;
    return n;
  };
  const atPaint = [...received.keys()];
  await page.waitForLoadState('networkidle');
  const settled = [...received.keys()];
  const result = {
    bytes: await sum(atPaint),
    requests: atPaint.length,
    firstThumbnailMs: Math.round(firstThumbnailMs),
    settledBytes: await sum(settled),
    settledRequests: settled.length,
  };
  await context.close();
  return result;
}

/** The best of `runs` loads each way (the machine is shared: the fastest load is the page's own cost). */
export async function measureIndex(
  browser: Browser,
  outDir: string,
  runs = 3,
): Promise<{ disk: IndexLoad; local: IndexLoad; slowPhone: IndexLoad }> {
  const host = await staticHost(outDir);
  const best = async (load: () => Promise<IndexLoad>) => {
    const all: IndexLoad[] = [];
    for (let k = 0; k < runs; k++) all.push(await load());
    return all.sort((a, b) => a.firstThumbnailMs - b.firstThumbnailMs)[0]!;
  };
  try {
    return {
      disk: await best(() =>
        loadIndex(browser, pathToFileURL(path.join(outDir, 'index.html')).href, { diskDir: outDir }),
      ),
      local: await best(() => loadIndex(browser, `${host.origin}/index.html`)),
      slowPhone: await best(() => loadIndex(browser, `${host.origin}/index.html`, { slow: true })),
    };
  } finally {
    await host.close();
  }
}

// Run directly on any gallery folder: node --import tsx bench/gallery-load.ts <folder>
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node --import tsx bench/gallery-load.ts <gallery folder>\n');
    process.exit(2);
  }
  const { launchChromium } = await import('../tests/helpers/chromium');
  const browser = await launchChromium();
  try {
    process.stdout.write(JSON.stringify(await measureIndex(browser, path.resolve(dir))) + '\n');
  } finally {
    await browser.close();
  }
}
