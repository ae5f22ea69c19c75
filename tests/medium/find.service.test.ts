import { describe, expect, it } from 'vitest';
import { FindService } from '../../electron/main/services/find.service';
import { exhibitionWall } from '../helpers/exhibition-wall';

const wall = exhibitionWall();

describe(FindService.name, () => {
  it('finds a worker by initials, pinyin or name with the photos that may be shown and where they hang', async () => {
    const { services, byName } = await wall();
    const hers = ['IMG_0.JPG', 'IMG_1.JPG', 'IMG_3.JPG'].map(byName);
    // Before a plan: her photos, not yet on a wall.
    expect(services.find.find('zmd')).toEqual([
      {
        workerId: expect.any(String),
        name: '占牡丹',
        company: '科润智能控制',
        photos: expect.arrayContaining(hers.map((photoId) => ({ photoId, number: null }))),
      },
    ]);
    const plan = services.exhibitions.plan({ boards: 2 });
    const numbers = new Map(plan.exhibition.boards.flatMap((b) => b.photos.map((p) => [p.photoId, p.number])));
    for (const q of ['zmd', 'zhàn mǔ dān', '占md', '牡丹', '占牡丹']) {
      const [found] = services.find.find(q);
      expect([q, found?.name]).toEqual([q, '占牡丹']);
      expect(found!.photos.map((p) => p.number).sort()).toEqual(hers.map((id) => numbers.get(id)).sort());
    }
  });

  it('never finds a worker who did not agree to be exhibited, and names a query it cannot search', async () => {
    const { services } = await wall();
    expect(services.find.find('zlj')).toEqual([]); // 周丽娟 declined
    expect(services.find.find('xjj')).toEqual([]); // 徐建军: gift only
    expect(services.find.find('ww')).toEqual([]); // 王伟: not asked yet
    expect(() => services.find.find('  ')).toThrow(expect.objectContaining({ key: 'find.empty' }));
    expect(() => services.find.find('！？……')).toThrow(expect.objectContaining({ key: 'find.empty' }));
    expect(() => services.find.find('占'.repeat(10000))).toThrow(expect.objectContaining({ key: 'find.tooLong' }));
  });

  it('agrees with itself at the kiosk: every photo it lists at a place has its label; one withdrawn or off the wall is refused by name', async () => {
    const { services, byName, workers } = await wall();
    // A photo of two who both agreed, and one the union confirmed for a worker not asked yet.
    services.tagging.tag([byName('IMG_6.JPG')], workers.yes.id);
    const both = services.roster.createWorker({ name: '毛小峰', consent: 'exhibit' });
    services.tagging.tag([byName('IMG_6.JPG')], both.id);
    services.exhibitions.confirm([byName('IMG_5.JPG')]);
    services.exhibitions.plan({ boards: 2 });
    const listed = services.find
      .kiosk()
      .companies.flatMap((c) => c.workers.flatMap((w) => w.photos))
      .filter((p) => p.number);
    expect(listed.length).toBeGreaterThanOrEqual(4);
    for (const p of listed)
      await expect(services.find.label(p.photoId), p.photoId).resolves.toMatchObject({ widthPx: expect.any(Number) });
    // Taken off the wall: no label (the list says no place either).
    services.exhibitions.remove(byName('IMG_0.JPG'));
    await expect(services.find.label(byName('IMG_0.JPG'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      key: 'find.notShown',
    });
    // On the wall by the union's word, but 王伟 never said yes: never at the kiosk.
    await expect(services.find.label(byName('IMG_5.JPG'))).rejects.toMatchObject({ key: 'find.notShown' });
    // Withdrawn: her label and her pictures are refused from that moment.
    const label = await services.find.label(byName('IMG_1.JPG'));
    expect(services.find.mayShowMedia('sheet', label.mediaId!)).toBe(true);
    services.roster.updateWorker(workers.yes.id, { consent: 'declined' });
    await expect(services.find.label(byName('IMG_1.JPG'))).rejects.toMatchObject({ key: 'find.notShown' });
    expect(services.find.mayShowMedia('sheet', label.mediaId!)).toBe(false);
    expect(services.find.mayShowMedia('preview', byName('IMG_1.JPG'))).toBe(false);
    expect(services.find.mayShowMedia('face', byName('IMG_1.JPG'))).toBe(false);
  });
});
