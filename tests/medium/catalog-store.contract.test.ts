// The catalog store contract: the file project's store and the team's PostgreSQL store meet the same expectations,
// so a service cannot tell which it talks to. Real lowdb files in a temp dir; a real PostgreSQL server (tests/helpers/
// postgres.ts), one fresh database per test.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import type { Face } from '../../shared/model/face';
import type { Worker } from '../../shared/model/roster';
import { CatalogRepository } from '../../electron/main/repositories/catalog.repository';
import type { CatalogChange, CatalogStore, Editor } from '../../electron/main/repositories/catalog-store';
import { FileCatalogRepository } from '../../electron/main/repositories/file-catalog.repository';
import { TeamCatalogRepository } from '../../electron/main/repositories/team-catalog/team-catalog.repository';
import { photoRecord, tempDir } from '../helpers/factories';
import { workerRecord } from '../helpers/roster';
import { freshDatabase, lacksPostgres, NO_POSTGRES } from '../helpers/postgres';
import { projectLock } from '../helpers/services';

const ZHOU: Editor = { name: '周丽' };
const LABEL = { zh: '测试修改', en: 'test edit' };

interface Opened {
  store: CatalogStore;
  /** closes the store and opens the same project again (another process, later) */
  reopen: () => Promise<CatalogStore>;
}

const stores: { name: string; skip: string | false; open: () => Promise<Opened> }[] = [
  {
    name: 'file',
    skip: false,
    open: async () => {
      const dir = path.join(await tempDir('cl-store-'), 'project');
      await fs.mkdir(dir);
      const store = new FileCatalogRepository(
        await CatalogRepository.create(dir, '追光', false, await projectLock(dir)),
        ZHOU,
      );
      return {
        store,
        reopen: async () => {
          await store.close();
          return new FileCatalogRepository(await CatalogRepository.open(dir, { lock: await projectLock(dir) }), ZHOU);
        },
      };
    },
  },
  {
    name: 'team (PostgreSQL)',
    skip: lacksPostgres && NO_POSTGRES,
    open: async () => {
      const url = await freshDatabase();
      const dir = await tempDir('cl-team-');
      const store = await TeamCatalogRepository.create(url, dir, '追光', ZHOU);
      return {
        store,
        reopen: async () => {
          await store.close();
          return TeamCatalogRepository.open(url, dir, ZHOU);
        },
      };
    },
  },
];

const worker = (id: string, name: string, companyId: string | null = null) => workerRecord(id, name, { companyId });

for (const kind of stores) {
  describe.skipIf(kind.skip)(`the catalog store contract: ${kind.name}`, () => {
    const open: CatalogStore[] = [];
    const start = async () => {
      const o = await kind.open();
      open.push(o.store);
      return {
        ...o,
        reopen: async () => {
          const s = await o.reopen();
          open.push(s);
          return s;
        },
      };
    };
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close().catch(() => undefined);
    });

    it('creates a project with nothing in it, named as asked', async () => {
      const { store } = await start();
      expect((await store.project()).name).toBe('追光');
      expect(await store.count('photos')).toBe(0);
      expect(await store.list('workers')).toEqual([]);
    });

    it('answers copies with their version, and each committed change moves the version on', async () => {
      const { store } = await start();
      await store.edit(LABEL, (tx) => tx.put('photos', photoRecord({ id: 'p1', rating: 2 })));
      const first = (await store.get('photos', 'p1'))!;
      expect(first.version).toBe(1);
      expect(first.rating).toBe(2);
      first.rating = 5; // a copy: the catalog does not move
      expect((await store.get('photos', 'p1'))!.rating).toBe(2);
      await store.edit(LABEL, async (tx) => {
        const p = (await tx.get('photos', 'p1'))!;
        await tx.put('photos', { ...p, rating: 4 });
      });
      const second = (await store.get('photos', 'p1'))!;
      expect(second.version).toBe(2);
      expect(second.rating).toBe(4);
    });

    it('refuses a put made on a version that moved on, by name, and keeps what is stored', async () => {
      const { store } = await start();
      await store.edit(LABEL, (tx) => tx.put('photos', photoRecord({ id: 'p1' })));
      const seen = (await store.get('photos', 'p1'))!;
      await store.edit(LABEL, (tx) => tx.put('photos', { ...seen, rating: 3 }, { version: seen.version }));
      const stale = store.edit(LABEL, (tx) => tx.put('photos', { ...seen, rating: 1 }, { version: seen.version }));
      await expect(stale).rejects.toMatchObject({ code: 'CONFLICT', key: 'team.changedMeanwhile' });
      expect((await store.get('photos', 'p1'))!.rating).toBe(3);
    });

    it('keeps nothing of an edit that fails part-way', async () => {
      const { store } = await start();
      await store.edit(LABEL, (tx) => tx.put('workers', worker('w1', '张伟')));
      const failed = store.edit(LABEL, async (tx) => {
        await tx.put('workers', worker('w1', '张伟伟'));
        await tx.put('workers', worker('w2', '李娜'));
        throw new AppError('VALIDATION', 'stop here');
      });
      await expect(failed).rejects.toMatchObject({ message: 'stop here' });
      expect((await store.get('workers', 'w1'))!.name).toBe('张伟');
      expect(await store.get('workers', 'w2')).toBeUndefined();
      expect(await store.count('workers')).toBe(1);
    });

    it('records an edit that changed nothing as nothing', async () => {
      const { store } = await start();
      const edited = await store.edit(LABEL, async () => 42);
      expect(edited).toMatchObject({ result: 42, seq: null });
    });

    it('carries the before and after of every record an edit touched (undo puts the before back)', async () => {
      const { store } = await start();
      await store.edit(LABEL, (tx) => tx.put('workers', worker('w1', '张伟')));
      const edited = await store.edit(LABEL, async (tx) => {
        await tx.put('workers', worker('w1', '张卫'));
        await tx.put('workers', worker('w2', '李娜'));
        await tx.remove('photos', 'nothing-here');
      });
      expect(edited.change.before.get('workers:w1')).toMatchObject({ name: '张伟' });
      expect(edited.change.before.get('workers:w2')).toBeUndefined();
      expect(edited.change.after.get('workers:w1')).toMatchObject({ name: '张卫' });
      expect(edited.change.after.get('workers:w2')).toMatchObject({ name: '李娜' });
      await store.edit({ zh: '撤销', en: 'undo' }, async (tx) => {
        for (const [key, state] of edited.change.before) {
          const [c, id] = key.split(':') as ['workers', string];
          if (state === undefined) await tx.remove(c, id);
          else await tx.put(c, state as Worker);
        }
      });
      expect((await store.list('workers')).map((w) => w.name)).toEqual(['张伟']);
    });

    it('removes a record, and a record put whole loses the fields it no longer has', async () => {
      const { store } = await start();
      await store.edit(LABEL, (tx) => tx.put('photos', photoRecord({ id: 'p1', renderSource: 'cache/raw/p1.jpg' })));
      const { renderSource: _gone, ...rest } = (await store.get('photos', 'p1'))!;
      await store.edit(LABEL, (tx) => tx.put('photos', rest));
      expect(await store.get('photos', 'p1')).not.toHaveProperty('renderSource');
      await store.edit(LABEL, (tx) => tx.remove('photos', 'p1'));
      expect(await store.get('photos', 'p1')).toBeUndefined();
    });

    it('keeps a name that looks like SQL as a name', async () => {
      const { store } = await start();
      const name = "'); drop table photos; --";
      await store.edit(LABEL, async (tx) => {
        await tx.put('photos', photoRecord({ id: 'p1', photographer: name }));
        await tx.put('workers', worker("w'1", name));
      });
      expect((await store.get('workers', "w'1"))!.name).toBe(name);
      expect((await store.photoPage({ offset: 0, limit: 10, photographer: name })).total).toBe(1);
    });

    it('keeps what a face looks like exactly', async () => {
      const { store } = await start();
      const bytes = Buffer.from(Float32Array.from({ length: 128 }, (_, i) => Math.sin(i) / 3).buffer);
      const face: Face = {
        id: 'f1',
        photoId: 'p1',
        box: { x: 0.1, y: 0.2, w: 0.3, h: 0.25 },
        score: 0.91,
        descriptor: bytes.toString('base64'),
        workerId: null,
        rejected: ['w9'],
        state: 'face',
        crop: 'cache/faces/f1.jpg',
        source: 'detected',
      };
      await store.edit(LABEL, (tx) => tx.put('faces', face));
      const { version: _v, ...back } = (await store.get('faces', 'f1'))!;
      expect(back).toEqual(face);
      expect(await store.list('faces')).toEqual([face]);
    });

    it('answers the grid in pages of slim rows, filtered by company, worker, rating, flag and photographer', async () => {
      const { store } = await start();
      const photos = Array.from({ length: 30 }, (_, i) =>
        photoRecord({
          id: `p${String(i).padStart(2, '0')}`,
          companyId: i % 3 === 0 ? 'c1' : 'c2',
          workers: i % 2 === 0 ? ['w1', 'w2'] : ['w2'],
          rating: i % 6,
          flag: i % 5 === 0 ? 'picked' : null,
          photographer: i < 10 ? '王强' : '刘洋',
          // every fourth photo has no capture time: those come last
          capturedAt: i % 4 === 3 ? null : `2025-05-${String(12 + (29 - i) / 10).slice(0, 2)}T0${i % 10}:00:00+08:00`,
        }),
      );
      await store.edit(LABEL, async (tx) => {
        for (const p of photos) await tx.put('photos', p);
      });
      const expectedIds = (pred: (p: (typeof photos)[number]) => boolean) =>
        photos
          .filter(pred)
          .sort((a, b) =>
            a.capturedAt === b.capturedAt
              ? a.id.localeCompare(b.id)
              : a.capturedAt === null
                ? 1
                : b.capturedAt === null
                  ? -1
                  : a.capturedAt.localeCompare(b.capturedAt),
          )
          .map((p) => p.id);
      const all = await store.photoPage({ offset: 0, limit: 100 });
      expect(all.total).toBe(30);
      expect(all.rows.map((r) => r.id)).toEqual(expectedIds(() => true));
      expect(Object.keys(all.rows[0]!).sort()).toEqual(
        ['capturedAt', 'flag', 'height', 'id', 'rating', 'thumbnail', 'width', 'workerIds'].sort(),
      );
      const page = await store.photoPage({ offset: 10, limit: 5 });
      expect(page.total).toBe(30);
      expect(page.rows.map((r) => r.id)).toEqual(expectedIds(() => true).slice(10, 15));
      const filtered = await store.photoPage({
        offset: 0,
        limit: 100,
        companyId: 'c1',
        workerIds: ['w1'],
        minRating: 2,
      });
      expect(filtered.rows.map((r) => r.id)).toEqual(
        expectedIds((p) => p.companyId === 'c1' && p.workers.includes('w1') && p.rating >= 2),
      );
      expect(filtered.total).toBe(filtered.rows.length);
      expect((await store.photoPage({ offset: 0, limit: 100, flag: 'picked' })).total).toBe(6);
      expect((await store.photoPage({ offset: 0, limit: 100, flag: 'none' })).total).toBe(24);
      expect((await store.photoPage({ offset: 0, limit: 100, photographer: '王强' })).total).toBe(10);
    });

    it('names who made each edit of a record, in order', async () => {
      const { store } = await start();
      await store.edit({ zh: '导入 1 张照片', en: 'Imported 1 photo' }, (tx) =>
        tx.put('photos', photoRecord({ id: 'p1' })),
      );
      await store.edit({ zh: '设为 3 星', en: 'Rated 3★' }, async (tx) => {
        await tx.put('photos', { ...(await tx.get('photos', 'p1'))!, rating: 3 });
      });
      await store.edit(LABEL, (tx) => tx.put('photos', photoRecord({ id: 'p2' })));
      const lines = await store.history('photos', 'p1');
      expect(lines.map((l) => [l.who, l.what.zh])).toEqual([
        ['周丽', '导入 1 张照片'],
        ['周丽', '设为 3 星'],
      ]);
      expect(lines[0]!.seq).toBeLessThan(lines[1]!.seq);
      expect(Date.parse(lines[1]!.at)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('tells its listeners of each edit as it commits, with the records it touched', async () => {
      const { store } = await start();
      const seen: CatalogChange[] = [];
      const stop = store.onChange((c) => seen.push(c));
      const edited = await store.edit(LABEL, async (tx) => {
        await tx.put('workers', worker('w1', '张伟'));
        await tx.put('photos', photoRecord({ id: 'p1', workers: ['w1'] }));
      });
      await expect.poll(() => seen.length).toBe(1);
      expect(seen[0]).toMatchObject({ seq: edited.seq, who: '周丽', own: true });
      expect(seen[0]!.keys.sort()).toEqual(['photos:p1', 'workers:w1']);
      stop();
      await store.edit(LABEL, (tx) => tx.put('workers', worker('w2', '李娜')));
      await new Promise((r) => setTimeout(r, 200));
      expect(seen).toHaveLength(1);
    });

    it('keeps every record and the project words when opened again', async () => {
      const { store, reopen } = await start();
      await store.edit(LABEL, async (tx) => {
        await tx.put('photos', photoRecord({ id: 'p1', rating: 4, workers: ['w1'] }));
        await tx.put('workers', worker('w1', '张伟', 'c1'));
        await tx.put('companies', {
          id: 'c1',
          name: '城市公交集团',
          shortName: '公交',
          district: null,
          contact: null,
          logo: null,
        });
        await tx.setProject({ campaign: { title: '追光·劳动者' } as never });
      });
      const again = await reopen();
      expect((await again.get('photos', 'p1'))!.rating).toBe(4);
      expect((await again.get('workers', 'w1'))!.companyId).toBe('c1');
      expect(await again.count('companies')).toBe(1);
      expect((await again.project()).campaign).toMatchObject({ title: '追光·劳动者' });
      expect((await again.history('photos', 'p1')).map((l) => l.who)).toEqual(['周丽']);
    });
  });
}
