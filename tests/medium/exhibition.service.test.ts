import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExhibitionService } from '../../electron/main/services/exhibition.service';
import { writePhoto } from '../helpers/factories';
import { freshProjects } from '../helpers/services';

const freshProject = freshProjects();

/** Eight photos of four workers with every kind of consent, two of them portrait. */
async function wall() {
  const ctx = await freshProject();
  const { services, root } = ctx;
  for (let i = 0; i < 8; i++) await writePhoto(path.join(root, 'card'), `IMG_${i}.JPG`, { width: i % 4 === 3 ? 800 : 1200, height: i % 4 === 3 ? 1200 : 800, seed: 900 + i });
  await services.importer.run({ paths: [path.join(root, 'card')], photographer: '陈晓明' });
  const a = services.roster.createCompany({ name: '科润智能控制股份有限公司' });
  const b = services.roster.createCompany({ name: '江山华宇机械有限公司' });
  const yes = services.roster.createWorker({ name: '占牡丹', companyId: a.id, consent: 'exhibit' });
  const gift = services.roster.createWorker({ name: '徐建军', companyId: a.id, consent: 'gift-only' });
  const no = services.roster.createWorker({ name: '周丽娟', companyId: b.id, consent: 'declined' });
  const unasked = services.roster.createWorker({ name: '王伟', companyId: b.id, consent: 'unknown' });
  const byName = (n: string) => services.photos.list().find((p) => p.originalName === n)!.id;
  services.tagging.tag([byName('IMG_0.JPG'), byName('IMG_1.JPG'), byName('IMG_3.JPG')], yes.id);
  services.tagging.tag([byName('IMG_2.JPG')], gift.id);
  services.tagging.tag([byName('IMG_4.JPG')], no.id);
  services.tagging.tag([byName('IMG_5.JPG')], unasked.id);
  return { ...ctx, byName };
}

describe(ExhibitionService.name, () => {
  it('hangs only photos everyone in agreed to, says why the others are off the wall, and numbers every place', async () => {
    const { services, byName } = await wall();
    const plan = services.exhibitions.plan({ boards: 2, boardSize: '90x120cm', order: 'company' });
    const placed = plan.exhibition.boards.flatMap((b) => b.photos);
    // 0, 1, 3 (agreed), 6, 7 (no one tagged); not 2 (gift only), 4 (declined), 5 (not asked).
    expect(placed.map((p) => p.photoId).sort()).toEqual(['IMG_0.JPG', 'IMG_1.JPG', 'IMG_3.JPG', 'IMG_6.JPG', 'IMG_7.JPG'].map(byName).sort());
    expect(plan.excluded).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ photoId: byName('IMG_2.JPG'), key: 'exhibit.giftOnly' }),
        expect.objectContaining({ photoId: byName('IMG_4.JPG'), key: 'exhibit.declined' }),
        expect.objectContaining({ photoId: byName('IMG_5.JPG'), key: 'exhibit.unasked' }),
      ]),
    );
    expect(plan.toAsk).toEqual([byName('IMG_5.JPG')]);
    expect(plan.exhibition.boards.map((b) => [b.widthMm, b.heightMm, b.photos.length])).toEqual([[900, 1200, 3], [900, 1200, 2]]);
    expect(plan.exhibition.boards[1]!.photos.map((p) => p.number)).toEqual(['板2-01', '板2-02']);
    // Every photo keeps its aspect on the board.
    for (const p of placed) {
      const photo = services.photos.get(p.photoId);
      expect(p.wMm / p.hMm).toBeCloseTo(photo.width / photo.height, 2);
    }
  });

  it('places a photo whose worker was not asked once the user confirms it, never one someone declined', async () => {
    const { services, byName } = await wall();
    services.exhibitions.plan({ boards: 1 });
    expect(() => services.exhibitions.confirm([byName('IMG_4.JPG')])).toThrow(expect.objectContaining({ key: 'exhibit.declined' }));
    services.exhibitions.confirm([byName('IMG_5.JPG')]);
    const plan = services.exhibitions.plan({});
    expect(plan.exhibition.boards.flatMap((b) => b.photos).map((p) => p.photoId)).toContain(byName('IMG_5.JPG'));
    expect(plan.toAsk).toEqual([]);
    // The plan is kept in the project.
    expect(services.exhibitions.get().boards).toHaveLength(1);
  });

  it('orders by company, by photographer, by day or by worker name, and refuses what it cannot do by name', async () => {
    const { services } = await wall();
    const byCompany = services.exhibitions.plan({ boards: 1, order: 'company' }).exhibition.boards[0]!.photos.map((p) => services.photos.get(p.photoId).company);
    const known = byCompany.filter(Boolean) as string[];
    expect(known).toEqual([...known].sort(new Intl.Collator('zh-CN').compare));
    expect(() => services.exhibitions.plan({ boardSize: 'huge' })).toThrow(expect.objectContaining({ key: 'exhibit.badBoardSize' }));
    expect(() => services.exhibitions.get('nope')).toThrow(expect.objectContaining({ key: 'exhibit.none' }));
  });
});
