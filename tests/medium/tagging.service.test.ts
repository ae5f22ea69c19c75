import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TaggingService } from '../../electron/main/services/tagging.service';
import { writePhoto } from '../helpers/factories';
import { freshProjects, servicesWithProject } from '../helpers/services';
import { hasExiftool, lacks } from '../helpers/tools';

const freshProject = freshProjects();

/** A project with three imported photos, two companies and three workers. */
async function campaign() {
  const ctx = await freshProject();
  const { services, root } = ctx;
  for (let i = 0; i < 3; i++)
    await writePhoto(path.join(root, 'card'), `IMG_000${i}.JPG`, {
      width: 900,
      height: 600,
      orientation: i === 2 ? 6 : 1,
      seed: 200 + i,
    });
  await services.importer.run({ paths: [path.join(root, 'card')], photographer: '陈晓明' });
  const keRun = services.roster.createCompany({ name: '科润智能控制股份有限公司', shortName: '科润智控' });
  const huaYu = services.roster.createCompany({ name: '江山华宇机械有限公司' });
  const zhan = services.roster.createWorker({
    name: '占牡丹',
    companyId: keRun.id,
    consent: 'exhibit',
    quote: '被看见，累也轻了',
  });
  const wang = services.roster.createWorker({ name: '王伟', companyId: keRun.id, consent: 'gift-only' });
  const zhou = services.roster.createWorker({ name: '周建国', companyId: huaYu.id, consent: 'declined' });
  const photos = services.photos.list();
  return { ...ctx, keRun, huaYu, zhan, wang, zhou, photos };
}

describe(TaggingService.name, () => {
  it('tags by name, the company follows the worker, and filters find tagged and untagged photos', async () => {
    const { services, photos, zhan, keRun } = await campaign();
    services.tagging.tag([photos[0]!.id], '占牡丹', { x: 0.4, y: 0.2, w: 0.2, h: 0.3 });
    const p = services.photos.get(photos[0]!.id);
    expect(p).toMatchObject({
      workers: [zhan.id],
      companyId: keRun.id,
      company: keRun.name,
      faceRegions: [{ workerId: zhan.id, x: 0.4, y: 0.2, w: 0.2, h: 0.3 }],
    });
    expect(services.photos.list({ untagged: true })).toHaveLength(2);
    expect(services.photos.list({ workerId: zhan.id }).map((x) => x.id)).toEqual([photos[0]!.id]);
    expect(services.photos.list({ text: 'zmd' })).toHaveLength(1); // initials, as the tag box takes them
    expect(services.photos.list({ text: 'zm' })).toHaveLength(1);
    expect(services.photos.list({ text: 'md' })).toHaveLength(0); // initials from the start of the name only
    expect(services.photos.list({ text: 'zhan' })).toHaveLength(1);
    expect(services.photos.facets()).toMatchObject({
      untagged: 2,
      missingRegion: 0,
      workers: [{ value: zhan.id, count: 1 }],
    });
  });

  it('asks before tagging a worker of another company onto a photo that has a company, then keeps or changes it', async () => {
    const { services, photos, zhou, keRun, huaYu } = await campaign();
    const [a, b] = photos.map((p) => p.id) as [string, string];
    services.tagging.update([a, b], { companyId: keRun.id });
    expect(() => services.tagging.tag([a], zhou.id)).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        key: 'tag.companyConflict',
        params: expect.objectContaining({ current: keRun.name, next: huaYu.name }),
      }),
    );
    expect(services.photos.get(a).workers).toEqual([]); // nothing changed before the answer
    services.tagging.tag([a], zhou.id, null, 'keep');
    expect(services.photos.get(a)).toMatchObject({ workers: [zhou.id], companyId: keRun.id });
    services.tagging.tag([b], zhou.id, null, 'worker');
    expect(services.photos.get(b)).toMatchObject({ workers: [zhou.id], companyId: huaYu.id, company: huaYu.name });
  });

  it('batch-sets a company on a selection in one undoable step, and undo/redo restore it exactly', async () => {
    const { services, photos, huaYu } = await campaign();
    const ids = photos.map((p) => p.id);
    services.tagging.update(ids, { companyId: huaYu.id, shootDay: '2025-05-13' });
    expect(services.photos.list({ company: huaYu.name })).toHaveLength(3);
    const state = services.history.state();
    expect(state.entries.at(-1)!.label.zh).toBe(`为 3 张照片设置企业（${huaYu.name}）、拍摄日（2025-05-13）`);
    services.history.undo();
    expect(services.photos.list({ company: huaYu.name })).toHaveLength(0);
    expect(services.photos.get(ids[0]!).shootDay).not.toBe('2025-05-13');
    services.history.redo();
    expect(services.photos.list({ company: huaYu.name })).toHaveLength(3);
  });

  it('says who stands in the way of exhibiting or gifting a photo', async () => {
    const { services, photos, zhan, wang, zhou } = await campaign();
    const [a, b, c] = photos.map((p) => p.id) as [string, string, string];
    services.tagging.tag([a], zhan.id);
    services.tagging.tag([b], wang.id);
    services.tagging.tag([c], zhou.id);
    expect(services.tagging.usage(a)).toMatchObject({ mayExhibit: true, mayGift: true });
    expect(services.tagging.usage(b)).toMatchObject({
      mayExhibit: false,
      mayGift: true,
      blockers: [{ name: '王伟', consent: 'gift-only' }],
    });
    expect(services.tagging.usage(c)).toMatchObject({ mayExhibit: false, mayGift: false });
    expect(services.photos.list({ consent: 'declined' }).map((p) => p.id)).toEqual([c]);
  });

  it('refuses bad regions and unknown ids with a clear error', async () => {
    const { services, photos, zhan } = await campaign();
    expect(() => services.tagging.tag([photos[0]!.id], zhan.id, { x: 0.9, y: 0.1, w: 0.3, h: 0.2 })).toThrow(
      /inside 0..1/,
    );
    expect(() => services.tagging.tag(['0123456789abcdef'], zhan.id)).toThrow(/No such photo/);
    expect(() => services.tagging.setRegion(photos[1]!.id, zhan.id, { x: 0.1, y: 0.1, w: 0.1, h: 0.1 })).toThrow(
      /not tagged/,
    );
    expect(() => services.tagging.tag([photos[0]!.id], 'nobody')).toThrow(/No worker called nobody/);
  });

  /** Three photos tagged (one stored sideways), their sidecars written to `out`. */
  async function taggedSidecars() {
    const ctx = await campaign();
    const { services, photos, zhan, wang, root } = ctx;
    const [a, , c] = photos.map((p) => p.id) as [string, string, string];
    services.tagging.tag([a], zhan.id, { x: 0.25, y: 0.1, w: 0.2, h: 0.3 });
    services.tagging.tag([a], wang.id);
    services.tagging.tag([c], zhan.id, { x: 0.1, y: 0.2, w: 0.3, h: 0.4 }); // stored sideways (orientation 6)
    services.tagging.update([a], { title: '师傅带徒弟', caption: '占牡丹在调试设备' });
    const out = path.join(root, 'sidecars');
    const { written } = await services.xmp.write(undefined, out);
    expect(written).toHaveLength(3);
    return { ...ctx, a, out };
  }

  // CI installs exiftool; without it this is reported as skipped.
  it.skipIf(lacks(hasExiftool))('writes XMP sidecars that exiftool reads back', async () => {
    const { keRun, out } = await taggedSidecars();
    const { stdout } = await promisify(execFile)('exiftool', [
      '-json',
      '-struct',
      '-n',
      path.join(out, 'IMG_0000.xmp'),
      path.join(out, 'IMG_0002.xmp'),
    ]);
    const [first, sideways] = JSON.parse(stdout);
    expect(first).toMatchObject({
      PersonInImage: ['占牡丹', '王伟'],
      OrganisationInImageName: [keRun.name],
      Creator: ['陈晓明'],
      Title: '师傅带徒弟',
      Description: '占牡丹在调试设备',
      Rating: 0,
    });
    expect(first.RegionInfo.RegionList).toEqual([
      { Name: '占牡丹', Type: 'Face', Area: { X: 0.35, Y: 0.25, W: 0.2, H: 0.3, Unit: 'normalized' } },
    ]);
    expect(first.RegionInfo.AppliedToDimensions).toMatchObject({ W: 900, H: 600, Unit: 'pixel' });
    // Orientation 6: the region is given in the stored (sideways) pixels, as MWG asks.
    expect(sideways.RegionInfo.AppliedToDimensions).toMatchObject({ W: 600, H: 900 });
    expect(sideways.RegionInfo.RegionList[0].Area).toMatchObject({ X: 0.4, Y: 0.75, W: 0.4, H: 0.3 });
  });

  it('writes XMP sidecars that our import turns back into the same tags and face boxes', async () => {
    const { services, keRun, a, out } = await taggedSidecars();
    // Our own import reads them back: a copy of the photo beside its sidecar, into a fresh project with the same roster.
    const photoA = services.photos.get(a);
    await fs.copyFile(photoA.path, path.join(out, 'IMG_0000.JPG'));
    const again = await servicesWithProject();
    const stopAgain = () => again.services.close();
    try {
      const co = again.services.roster.createCompany({ name: keRun.name });
      const z = again.services.roster.createWorker({ name: '占牡丹', companyId: co.id });
      const w = again.services.roster.createWorker({ name: '王伟', companyId: co.id });
      await again.services.importer.run({ paths: [path.join(out, 'IMG_0000.JPG')] });
      const [p] = again.services.photos.list();
      expect(p).toMatchObject({
        workers: [z.id, w.id],
        companyId: co.id,
        title: '师傅带徒弟',
        caption: '占牡丹在调试设备',
        personsShown: ['占牡丹', '王伟'],
      });
      // The face box comes back too, where it was drawn.
      expect(p!.faceRegions).toEqual([{ workerId: z.id, x: 0.25, y: 0.1, w: 0.2, h: 0.3 }]);
    } finally {
      await stopAgain();
    }
  });
});
