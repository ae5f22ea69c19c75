import { describe, expect, it } from 'vitest';
import { FindService } from '../../electron/main/services/find.service';
import { exhibitionWall } from '../helpers/exhibition-wall';

const wall = exhibitionWall();

describe(FindService.name, () => {
  it('finds a worker by initials, pinyin or name with the photos that may be shown and where they hang', async () => {
    const { services, byName } = await wall();
    const hers = ['IMG_0.JPG', 'IMG_1.JPG', 'IMG_3.JPG'].map(byName);
    // Before a plan: her photos, not yet on a wall.
    expect(services.find.find('zmd')).toEqual([{ workerId: expect.any(String), name: '占牡丹', company: '科润智能控制', photos: expect.arrayContaining(hers.map((photoId) => ({ photoId, number: null }))) }]);
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
});
