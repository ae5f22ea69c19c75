import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GalleryService } from '../../electron/main/services/gallery.service';
import { JobService } from '../../electron/main/services/jobs.service';
import { photoPath } from '../../shared/logic/gallery-pages';
import { photoPageUrl } from '../../shared/logic/qr';
import { writePhoto } from '../helpers/factories';
import { exhibitionWall } from '../helpers/exhibition-wall';
import { hasExiftool, needTool } from '../helpers/tools';

const wall = exhibitionWall();

describe(GalleryService.name, () => {
  it('writes a page and images for every photo that may be shown, none for one a worker declined, JPEGs without GPS', async (ctx) => {
    const { services, root, byName } = await wall();
    // A photo with a position in it, of the worker who agreed.
    await writePhoto(path.join(root, 'gps'), 'GPS.JPG', {
      width: 1200,
      height: 800,
      seed: 77,
      exif: {
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '28/1 44/1 2400/100',
          GPSLongitudeRef: 'E',
          GPSLongitude: '118/1 37/1 1200/100',
        },
      },
    });
    await services.importer.run({ paths: [path.join(root, 'gps')], photographer: '陈晓明' });
    const gps = services.photos.list().find((p) => p.originalName === 'GPS.JPG')!.id;
    services.tagging.tag([gps], services.photos.get(byName('IMG_0.JPG')).workers[0]!);
    services.exhibitions.confirm([byName('IMG_5.JPG')]); // on the wall by the union's word, but 王伟 never said yes
    const plan = services.exhibitions.plan({ boards: 2 });
    const out = path.join(root, 'web');
    const base = 'https://zgh.example.cn/zhuiguang';
    // The privacy check says what would be published before anything is written.
    const check = await services.gallery.check();
    await expect(fs.stat(out)).rejects.toThrow();
    expect(check.workers).toEqual(['占牡丹']);
    expect(check.never).toEqual(expect.arrayContaining(['GPS', 'phone numbers', 'employee numbers']));
    const result = await services.gallery.export({ outDir: out, baseUrl: base });
    const placed = plan.exhibition.boards.flatMap((b) => b.photos.map((p) => p.photoId));
    const shown = placed.filter((id) => id !== byName('IMG_5.JPG'));
    expect(result.photos).toBe(shown.length);
    // Every photo of the project that is not published is named with why: on the wall or not.
    expect(result.excluded).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ photoId: byName('IMG_5.JPG'), key: 'exhibit.unasked' }),
        expect.objectContaining({ photoId: byName('IMG_4.JPG'), key: 'exhibit.declined' }),
        expect.objectContaining({ photoId: byName('IMG_2.JPG'), key: 'exhibit.giftOnly' }),
      ]),
    );
    expect(result.excluded).toHaveLength(services.photos.list().length - shown.length);
    // …and every worker whose name is not published.
    expect(check.withheld.map((w) => [w.name, w.key]).sort()).toEqual(
      [
        ['周丽娟', 'gallery.worker.declined'],
        ['徐建军', 'gallery.worker.giftOnly'],
        ['王伟', 'gallery.worker.unasked'],
      ].sort(),
    );
    expect(check.photos.map((p) => p.photoId).sort()).toEqual(shown.sort());
    expect(check.excluded).toEqual(result.excluded);
    const pages = await fs.readdir(path.join(out, 'photos'));
    expect(pages.sort()).toEqual(shown.map((id) => `${id}.html`).sort());
    for (const declined of ['IMG_4.JPG', 'IMG_2.JPG', 'IMG_5.JPG'])
      expect(pages).not.toContain(`${byName(declined)}.html`);
    const index = await fs.readFile(result.index, 'utf8');
    expect(index).not.toContain('周丽娟');
    expect(index).not.toContain('王伟');
    expect(await fs.readFile(path.join(out, photoPath(gps)), 'utf8')).toContain(
      `<meta property="og:image" content="${base}/images/${gps}.jpg">`,
    );
    // The label's code opens exactly this page.
    expect(photoPageUrl(base, gps)).toBe(`${base}/${photoPath(gps)}`);
    expect(result.bytes).toBeGreaterThan(0);
    // The privacy check of the images themselves, read by the reference reader: no GPS, only credit and names.
    needTool(ctx, hasExiftool, 'exiftool', 'libimage-exiftool-perl');
    const original = JSON.parse(
      execFileSync('exiftool', ['-json', '-G', services.photos.get(gps).path], { encoding: 'utf8' }),
    )[0] as Record<string, unknown>;
    expect(Object.keys(original).filter((k) => /GPS/i.test(k)).length).toBeGreaterThan(0);
    const tags = JSON.parse(
      execFileSync('exiftool', ['-json', '-G', path.join(out, 'images', `${gps}.jpg`)], { encoding: 'utf8' }),
    )[0] as Record<string, unknown>;
    expect(Object.keys(tags).filter((k) => /GPS/i.test(k))).toEqual([]);
    expect(tags['XMP:Credit']).toBe('摄影：陈晓明');
    expect(tags['XMP:PersonInImage']).toBe('占牡丹');
  });

  it('leaves out, by name, a photo whose original was cut short after import, rather than publish half of it; the rest is published', async () => {
    const { services, root, byName } = await wall();
    services.exhibitions.plan({ boards: 2 });
    const cut = services.photos.get(byName('IMG_0.JPG'));
    const bytes = await fs.readFile(cut.path);
    await fs.writeFile(cut.path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const out = path.join(root, 'web');
    const result = await services.gallery.export({ outDir: out, baseUrl: 'https://zgh.example.cn/zhuiguang' });
    expect(result.excluded).toContainEqual(
      expect.objectContaining({
        photoId: cut.id,
        key: 'gallery.photoUnreadable',
        reason: expect.stringContaining('truncated: the file ends before the picture does'),
      }),
    );
    const pages = await fs.readdir(path.join(out, 'photos'));
    expect(pages).not.toContain(`${cut.id}.html`);
    expect(pages.length).toBe(result.photos);
    expect(result.photos).toBeGreaterThan(0);
    // Nothing of it in the gallery: no image, no thumbnail, not on the front page.
    for (const dir of ['images', 'thumbs'])
      expect(await fs.readdir(path.join(out, dir)).catch(() => [] as string[])).not.toContain(`${cut.id}.jpg`);
    expect(await fs.readFile(result.index, 'utf8')).not.toContain(cut.id);
  });

  it('rewrites only what changed, removes the pages of photos that left, and refuses a folder inside the originals', async () => {
    const { services, root, byName } = await wall();
    services.exhibitions.plan({ boards: 1 });
    const out = path.join(root, 'web');
    const first = await services.gallery.export({ outDir: out });
    const again = await services.gallery.export({ outDir: out });
    expect(again.written).toBe(0);
    expect(again.reused).toBe(first.written);
    const leaving = byName('IMG_0.JPG');
    services.exhibitions.remove(leaving);
    const third = await services.gallery.export({ outDir: out });
    expect(third.removed).toBeGreaterThanOrEqual(3); // its page, image and thumbnail
    await expect(fs.stat(path.join(out, photoPath(leaving)))).rejects.toThrow();
    expect(third.written).toBeLessThan(first.written / 2);
    await expect(services.gallery.export({ outDir: path.join(root, 'project', 'originals', 'web') })).rejects.toThrow(
      expect.objectContaining({ key: 'export.outInProject' }),
    );
    await expect(services.gallery.export({ outDir: out, baseUrl: 'file:///etc' })).rejects.toThrow(
      expect.objectContaining({ key: 'exhibit.badBaseUrl' }),
    );
  });

  it('is a job: progress per photo, and a cancel makes no pages; the images made so far are reused next time', async () => {
    const { services, root } = await wall();
    const plan = services.exhibitions.plan({ boards: 1 });
    const placed = plan.exhibition.boards.flatMap((b) => b.photos).length;
    const out = path.join(root, 'web');
    const seen: { done: number; total: number }[] = [];
    services.events.subscribe(
      (name, p) =>
        name === 'job.progress' &&
        (p as { kind: string }).kind === 'gallery-export' &&
        seen.push(p as { done: number; total: number }),
    );
    // Cancelled once the first image is made: the rest are not started, no page is written.
    const off = services.events.subscribe((name, p) => {
      const progress = p as { jobId: string; kind: string; done: number };
      if (name === 'job.progress' && progress.kind === 'gallery-export' && progress.done >= 1) {
        services.jobs.cancel(progress.jobId);
        off();
      }
    });
    const { jobId } = await services.gallery.start({ outDir: out });
    const stopped = await services.jobs.done<{ cancelled: boolean; written: number }>(jobId);
    expect(services.jobs.status(jobId).state).toBe('cancelled');
    expect(stopped.cancelled).toBe(true);
    await expect(fs.stat(path.join(out, 'index.html'))).rejects.toThrow();
    await expect(fs.stat(path.join(out, 'photos'))).rejects.toThrow();
    const whole = await services.gallery.export({ outDir: out });
    expect(whole.cancelled).toBe(false);
    expect(whole.photos).toBe(placed);
    expect(whole.reused).toBeGreaterThan(0);
    expect(seen.at(-1)).toMatchObject({ done: placed, total: placed });
  });

  it('sweeps what a killed export left in its folder, and never writes a front page before the faces it uses', async () => {
    const { services, root } = await wall();
    services.exhibitions.plan({ boards: 1 });
    const out = path.join(root, 'web');
    await fs.mkdir(path.join(out, 'images'), { recursive: true });
    // A process that has ended: its temporary files are leftovers. A living one may still be writing.
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
    const stale = [
      path.join(out, `index.html.${dead}.0badc0de.tmp`),
      path.join(out, 'images', `x.jpg.${dead}.0badc0de.tmp`),
    ];
    const living = path.join(out, `photos.html.${process.ppid}.0badc0de.tmp`);
    for (const f of [...stale, living]) await fs.writeFile(f, 'half');
    await services.gallery.export({ outDir: out });
    for (const f of stale) await expect(fs.stat(f), f).rejects.toThrow();
    await expect(fs.stat(living)).resolves.toBeTruthy();
    // The Chinese faces cannot be made (the subsetter fails): the export stops before its front page.
    // Its own job service: each kind of job is defined once per service.
    const jobs = new JobService({ events: services.events, logger: services.logger });
    const failing = new GalleryService({
      ...(services.gallery as unknown as { deps: ConstructorParameters<typeof GalleryService>[0] }).deps,
      jobs,
      fonts: async () => Promise.reject(new Error('subset failed')),
    });
    const fresh = path.join(root, 'web2');
    await expect(failing.export({ outDir: fresh })).rejects.toThrow('subset failed');
    await expect(fs.stat(path.join(fresh, 'index.html'))).rejects.toThrow();
    await expect(fs.stat(path.join(fresh, 'photos'))).resolves.toBeTruthy();
  });
});
