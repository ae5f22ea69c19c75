import { describe, expect, it } from 'vitest';
import { ExhibitionService } from '../../electron/main/services/exhibition.service';
import { exhibitionWall } from '../helpers/exhibition-wall';

const wall = exhibitionWall();

describe(ExhibitionService.name, () => {
  it('hangs only photos everyone in agreed to, says why the others are off the wall, and numbers every place', async () => {
    const { services, byName } = await wall();
    const plan = services.exhibitions.plan({ boards: 2, boardSize: '90x120cm', order: 'company' });
    const placed = plan.exhibition.boards.flatMap((b) => b.photos);
    // 0, 1, 3 (agreed), 6, 7 (no one tagged); not 2 (gift only), 4 (declined), 5 (not asked).
    expect(placed.map((p) => p.photoId).sort()).toEqual(
      ['IMG_0.JPG', 'IMG_1.JPG', 'IMG_3.JPG', 'IMG_6.JPG', 'IMG_7.JPG'].map(byName).sort(),
    );
    expect(plan.excluded).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ photoId: byName('IMG_2.JPG'), key: 'exhibit.giftOnly' }),
        expect.objectContaining({ photoId: byName('IMG_4.JPG'), key: 'exhibit.declined' }),
        expect.objectContaining({ photoId: byName('IMG_5.JPG'), key: 'exhibit.unasked' }),
      ]),
    );
    expect(plan.toAsk).toEqual([byName('IMG_5.JPG')]);
    expect(plan.exhibition.boards.map((b) => [b.widthMm, b.heightMm, b.photos.length])).toEqual([
      [900, 1200, 3],
      [900, 1200, 2],
    ]);
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
    expect(() => services.exhibitions.confirm([byName('IMG_4.JPG')])).toThrow(
      expect.objectContaining({ key: 'exhibit.declined' }),
    );
    services.exhibitions.confirm([byName('IMG_5.JPG')]);
    const plan = services.exhibitions.plan({});
    expect(plan.exhibition.boards.flatMap((b) => b.photos).map((p) => p.photoId)).toContain(byName('IMG_5.JPG'));
    expect(plan.toAsk).toEqual([]);
    // The plan is kept in the project.
    expect(services.exhibitions.get().boards).toHaveLength(1);
  });

  it('orders by company, by photographer, by day or by worker name, and refuses what it cannot do by name', async () => {
    const { services } = await wall();
    const byCompany = services.exhibitions
      .plan({ boards: 1, order: 'company' })
      .exhibition.boards[0]!.photos.map((p) => services.photos.get(p.photoId).company);
    const known = byCompany.filter(Boolean) as string[];
    expect(known).toEqual([...known].sort(new Intl.Collator('zh-CN').compare));
    expect(() => services.exhibitions.plan({ boardSize: 'huge' })).toThrow(
      expect.objectContaining({ key: 'exhibit.badBoardSize' }),
    );
    expect(() => services.exhibitions.get('nope')).toThrow(expect.objectContaining({ key: 'exhibit.none' }));
  });
});

describe(`${ExhibitionService.name}: by hand`, () => {
  it('moves a photo to another board (both relaid and renumbered), takes one off and puts it back, all undoable', async () => {
    const { services, byName } = await wall();
    const plan = services.exhibitions.plan({ boards: 2 });
    const [one, two] = plan.exhibition.boards;
    const moving = one!.photos[0]!.photoId;
    const moved = services.exhibitions.move(moving, two!.id, two!.photos[0]!.photoId);
    expect(moved.boards[1]!.photos.map((p) => p.photoId)).toEqual([moving, ...two!.photos.map((p) => p.photoId)]);
    expect(moved.boards[1]!.photos.map((p) => p.number)).toEqual(['板2-01', '板2-02', '板2-03']);
    expect(moved.boards[0]!.photos.map((p) => p.number)).toEqual(['板1-01', '板1-02']);
    for (const p of moved.boards[1]!.photos)
      expect(p.wMm / p.hMm).toBeCloseTo(
        services.photos.get(p.photoId).width / services.photos.get(p.photoId).height,
        2,
      );
    services.history.undo();
    expect(services.exhibitions.get().boards[0]!.photos[0]!.photoId).toBe(moving);

    const off = services.exhibitions.remove(moving);
    expect(off.boards.flatMap((b) => b.photos).map((p) => p.photoId)).not.toContain(moving);
    // Auto-fill leaves it off, and says why.
    const again = services.exhibitions.plan({});
    expect(again.excluded).toContainEqual(expect.objectContaining({ photoId: moving, key: 'exhibit.removedByHand' }));
    const back = services.exhibitions.restore(moving);
    expect(back.boards.at(-1)!.photos.at(-1)!.photoId).toBe(moving);
    expect(() => services.exhibitions.move(byName('IMG_4.JPG'), two!.id, null)).toThrow(
      expect.objectContaining({ key: 'exhibit.notOnWall' }),
    );
    const small = services.exhibitions.plan({ boards: 1 }).exhibition.boards[0]!.photos[1]!;
    const large = services.exhibitions
      .setLarge(small.photoId, true)
      .boards[0]!.photos.find((p) => p.photoId === small.photoId)!;
    expect(large.wMm).toBeGreaterThan(small.wMm);
    expect(
      services.exhibitions.plan({}).exhibition.boards[0]!.photos.find((p) => p.photoId === small.photoId)!.wMm,
    ).toBeCloseTo(large.wMm, 2);
    expect(
      services.exhibitions.setLarge(small.photoId, false).boards[0]!.photos.find((p) => p.photoId === small.photoId)!
        .wMm,
    ).toBeCloseTo(small.wMm, 2);
    expect(() => services.exhibitions.update({ galleryUrl: 'not a url' })).toThrow(
      expect.objectContaining({ key: 'exhibit.badBaseUrl' }),
    );
  });
});
