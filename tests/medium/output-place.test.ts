import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputPlaces } from '../../electron/main/services/output-place';
import { writePhoto } from '../helpers/factories';
import { freshProjects } from '../helpers/services';

const freshProject = freshProjects();

/** A project with one photo imported where it lies (a camera folder) and one copied into originals/. */
async function twoImports() {
  const ctx = await freshProject();
  const card = path.join(ctx.root, 'card', 'DCIM', '100CANON');
  await writePhoto(card, 'IMG_0001.JPG', { seed: 1 });
  await writePhoto(path.join(ctx.root, 'card2'), 'IMG_0002.JPG', { seed: 2 });
  await ctx.services.importer.run({ paths: [card] });
  await ctx.services.importer.run({ paths: [path.join(ctx.root, 'card2')], copy: true });
  return { ...ctx, card, dir: ctx.project.dir };
}

describe(OutputPlaces.name, () => {
  it('refuses every export into a camera folder, a folder holding one, the project outside exports/, or a link to any of them', async () => {
    const { services, root, card, dir } = await twoImports();
    await fs.symlink(path.join(dir, 'originals'), path.join(root, 'link-to-originals'));
    const refused: [string, string][] = [
      [card, 'export.outAmongOriginals'],
      [path.join(root, 'card'), 'export.outAmongOriginals'],
      [path.join(card, 'web'), 'export.outAmongOriginals'],
      [path.join(dir, 'cache'), 'export.outInProject'],
      [dir, 'export.outInProject'],
      [path.join(root, 'link-to-originals', 'web'), 'export.outInProject'],
    ];
    for (const [out, key] of refused) {
      await expect(services.gallery.export({ outDir: out }), out).rejects.toMatchObject({ code: 'VALIDATION', key });
      await expect(
        services.exporter.run({
          templateId: 'plain-6',
          dpi: 100,
          format: 'jpeg',
          bleedMm: 0,
          marks: false,
          cmyk: false,
          per: 'photo',
          outDir: out,
          allowLowRes: true,
        }),
        out,
      ).rejects.toMatchObject({ key });
    }
    // Nothing was written into the camera folder or the cache.
    expect((await fs.readdir(card)).sort()).toEqual(['IMG_0001.JPG']);
    expect(await fs.readdir(path.join(dir, 'cache'))).not.toContain('index.html');
    // The project's exports folder and a folder of the user's own are fine.
    await expect(services.gallery.export({ outDir: path.join(dir, 'exports', 'web') })).resolves.toMatchObject({
      photos: 2,
    });
    await expect(services.gallery.export({ outDir: path.join(root, 'web') })).resolves.toMatchObject({ photos: 2 });
  });

  it('lets XMP sidecars sit beside the photos (their place), never in the project outside exports/', async () => {
    const { services, card, dir } = await twoImports();
    const first = services.photos.list().find((p) => p.originalName === 'IMG_0001.JPG')!;
    expect((await services.xmp.write([first.id], card)).written).toEqual([path.join(card, 'IMG_0001.xmp')]);
    await expect(services.xmp.write([first.id], path.join(dir, 'cache'))).rejects.toMatchObject({
      key: 'export.outInProject',
    });
  });
});
