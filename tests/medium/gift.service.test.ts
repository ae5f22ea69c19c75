import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GiftService } from '../../electron/main/services/gift.service';
import { writePhoto } from '../helpers/factories';
import { freshProjects } from '../helpers/services';

const freshProject = freshProjects();

async function twoWorkers() {
  const ctx = await freshProject();
  const { services, root } = ctx;
  await writePhoto(path.join(root, 'card'), 'big.jpg', { width: 3000, height: 2000, seed: 1 });
  await writePhoto(path.join(root, 'card'), 'small.jpg', { width: 900, height: 600, seed: 2 });
  await services.importer.run({ paths: [path.join(root, 'card')] });
  const byName = (n: string) => services.photos.list().find((p) => p.originalName === n)!.id;
  const zhan = services.roster.createWorker({ name: '占牡丹' });
  const wang = services.roster.createWorker({ name: '王伟' });
  services.tagging.tag([byName('big.jpg')], zhan.id);
  services.tagging.tag([byName('small.jpg')], wang.id);
  return { ...ctx, zhan, wang };
}

describe(GiftService.name, () => {
  it('names, before any export, the gift too soft to print in the chosen template', async () => {
    const { services, zhan, wang } = await twoWorkers();
    const gift = (id: string, opts = {}) => services.gifts.list(opts).find((g) => g.workerId === id)!;
    expect(gift(wang.id)).toMatchObject({ ppi: null, tooSoft: null }); // no template asked: nothing claimed
    const soft = gift(wang.id, { templateId: 'simple-white-10' });
    expect(soft.resolution).toBe('refused');
    expect(soft.ppi).toBeLessThan(150);
    expect(soft.tooSoft).toMatchObject({ key: 'export.lowResRefused', params: { name: '王伟', min: 150 } });
    expect(gift(zhan.id, { templateId: 'simple-white-10' })).toMatchObject({ resolution: 'ok', tooSoft: null });
    // The same photo at 6寸 is fine: the list follows the size asked for.
    expect(gift(wang.id, { templateId: 'simple-white-10', size: '5寸' }).resolution).not.toBe('refused');
    expect(() => services.gifts.list({ templateId: 'nope' })).toThrow(/nope/);
    // A design asking for type under 6 pt is refused by name at save.
    const base = services.gifts.template('plain-6');
    expect(() =>
      services.gifts.saveTemplate({ ...base, id: undefined, captions: [{ ...base.captions[0]!, sizePt: 5 }] }),
    ).toThrow(expect.objectContaining({ key: 'gift.templateProblems' }));
  });

  it('measures a photo cut to fill its window by what is printed of it: one figure in the gift list, the preview and the export', async () => {
    const { services, root } = await freshProject();
    // 16:9 into a square window: only the middle 56 % of its width is printed.
    await writePhoto(path.join(root, 'card'), 'wide.jpg', { width: 1600, height: 900, seed: 3 });
    await services.importer.run({ paths: [path.join(root, 'card')] });
    const w = services.roster.createWorker({ name: '占牡丹' });
    services.tagging.tag([services.photos.list()[0]!.id], w.id);
    const square = services.gifts.saveTemplate({
      ...services.gifts.template('red-mat-a4'),
      id: undefined,
      name: '方窗',
      photoAspect: 1,
    });
    const listed = services.gifts.list({ templateId: square.id, size: 'A3' }).find((g) => g.workerId === w.id)!;
    const preview = await services.gifts.preview(w.id, square.id, 'A3');
    expect(preview.ppi).toBe(listed.ppi);
    // Its whole width would pass (over 150 ppi); the part printed does not.
    expect(listed.ppi).toBeLessThan(150);
    expect(listed.resolution).toBe('refused');
    const exported = await services.exporter.run({
      templateId: square.id,
      size: 'A3',
      dpi: 150,
      format: 'jpeg',
      bleedMm: 0,
      marks: false,
      cmyk: false,
      per: 'worker',
      outDir: path.join(root, 'out'),
    });
    expect(exported.files).toEqual([]);
    expect(exported.skipped).toEqual([
      expect.objectContaining({
        workerId: w.id,
        key: 'export.lowResRefused',
        params: expect.objectContaining({ ppi: listed.ppi }),
      }),
    ]);
  });

  it('marks exported gifts printed in one step that undo takes back, leaving earlier dates alone', async () => {
    const { services, zhan, wang } = await twoWorkers();
    services.gifts.setHandOver(zhan.id, { printedAt: '2025-05-01' });
    expect(services.gifts.markPrinted([zhan.id, wang.id, wang.id])).toEqual({ marked: 1 });
    expect(services.gifts.gift(zhan.id).handOver.printedAt).toBe('2025-05-01');
    expect(services.gifts.gift(wang.id).handOver.printedAt).not.toBeNull();
    services.history.undo();
    expect(services.gifts.gift(wang.id).handOver.printedAt).toBeNull();
    expect(services.gifts.markPrinted([zhan.id])).toEqual({ marked: 0 });
  });

  it('dates the gift by the shoot day, not a wrong camera clock, and says when they disagree', async () => {
    const { services, root } = await freshProject();
    await writePhoto(path.join(root, 'card'), 'old-clock.jpg', {
      width: 3000,
      height: 2000,
      exif: { IFD2: { DateTimeOriginal: '2014:09:03 10:00:00' } },
    });
    await services.importer.run({ paths: [path.join(root, 'card')], shootDay: '2025-05-12' });
    const photo = services.photos.list()[0]!;
    const co = services.roster.createCompany({ name: '江山华宇机械有限公司' });
    const w = services.roster.createWorker({ name: '王伟', companyId: co.id });
    services.tagging.tag([photo.id], w.id);
    const values = services.captions.of(services.photos.get(photo.id), services.roster.worker(w.id));
    expect(values).toMatchObject({
      'photo.date': '2025-05-12',
      'photo.captured': expect.stringMatching(/^2014-09-03/),
      'company.short': '华宇机械',
    });
    const preview = await services.gifts.preview(w.id, 'simple-white-10');
    expect(preview.warnings).toContainEqual({
      key: 'gift.dateDisagrees',
      params: expect.objectContaining({ captured: '2014-09-03', day: '2025-05-12' }),
    });
    // A short name from the roster wins over the derived one.
    services.roster.updateCompany(co.id, { shortName: '华宇' });
    expect(services.captions.of(services.photos.get(photo.id), services.roster.worker(w.id))['company.short']).toBe(
      '华宇',
    );
  });
});
