// The team catalog on a real PostgreSQL server: several writers at once, and every way a server can be wrong named
// before anything is written. The contract both stores keep is in catalog-store.contract.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import type { Photo } from '../../shared/model/photo';
import type { CatalogChange } from '../../electron/main/repositories/catalog-store';
import { TeamCatalogRepository } from '../../electron/main/repositories/team-catalog/team-catalog.repository';
import { TEAM_SCHEMA_VERSION } from '../../electron/main/repositories/team-catalog/team-schema';
import { photoRecord, tempDir } from '../helpers/factories';
import { adminUrl, freshDatabase, lacksPostgres, NO_POSTGRES, sql } from '../helpers/postgres';

const LABEL = { zh: '标记职工', en: 'Tagged a worker' };

describe.skipIf(lacksPostgres && NO_POSTGRES)('the team catalog on PostgreSQL', () => {
  const open: TeamCatalogRepository[] = [];
  const keep = <T extends TeamCatalogRepository>(s: T) => (open.push(s), s);
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close().catch(() => undefined);
  });

  async function twoWriters() {
    const url = await freshDatabase();
    const dir = await tempDir('cl-team-');
    const zhou = keep(await TeamCatalogRepository.create(url, dir, '追光', { name: '周丽' }));
    const wang = keep(await TeamCatalogRepository.open(url, dir, { name: '王强' }));
    return { url, dir, zhou, wang };
  }

  it('migrates an empty database to this version, and opens it again without migrating twice', async () => {
    const { url } = await twoWriters();
    const versions = await sql(url, 'select version from chasing_light_schema order by version');
    expect(versions.rows.map((r) => r.version)).toEqual(Array.from({ length: TEAM_SCHEMA_VERSION() }, (_, i) => i + 1));
  });

  it("shows one writer's edit to the other within a second, named as the other's", async () => {
    const { zhou, wang } = await twoWriters();
    const seen: CatalogChange[] = [];
    wang.onChange((c) => seen.push(c));
    const t0 = Date.now();
    const edited = await zhou.edit(LABEL, (tx) => tx.put('photos', photoRecord({ id: 'p1', rating: 3 })));
    await expect.poll(() => seen.find((c) => c.seq === edited.seq), { timeout: 1_000, interval: 10 }).toBeTruthy();
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(seen.find((c) => c.seq === edited.seq)).toMatchObject({ who: '周丽', own: false, keys: ['photos:p1'] });
    expect((await wang.get('photos', 'p1'))!.rating).toBe(3);
  });

  it('loses no tag when two writers tag the same photos at once: each edit is redone on the fresh row', async () => {
    const { zhou, wang } = await twoWriters();
    const ids = Array.from({ length: 40 }, (_, i) => `p${i}`);
    await zhou.edit(LABEL, async (tx) => {
      for (const id of ids) await tx.put('photos', photoRecord({ id }));
    });
    const tag = (store: TeamCatalogRepository, workerId: string) =>
      Promise.all(
        ids.map((id) =>
          store.edit(LABEL, async (tx) => {
            const p = (await tx.get('photos', id))!;
            await tx.put('photos', { ...p, workers: [...p.workers, workerId] });
          }),
        ),
      );
    await Promise.all([tag(zhou, 'w-zhou'), tag(wang, 'w-wang')]);
    const photos = await zhou.list('photos');
    expect(photos.map((p: Photo) => [...p.workers].sort())).toEqual(ids.map(() => ['w-wang', 'w-zhou']));
    expect((await zhou.get('photos', 'p0'))!.version).toBe(3);
  });

  it('refuses an edit made on what another writer has since changed, naming who changed it', async () => {
    const { zhou, wang } = await twoWriters();
    await zhou.edit(LABEL, (tx) => tx.put('photos', photoRecord({ id: 'p1' })));
    const seenByWang = (await wang.get('photos', 'p1'))!;
    await zhou.edit(LABEL, (tx) => tx.put('photos', { ...seenByWang, rating: 5 }, { version: seenByWang.version }));
    const late = wang.edit(LABEL, (tx) =>
      tx.put('photos', { ...seenByWang, rating: 1 }, { version: seenByWang.version }),
    );
    await expect(late).rejects.toMatchObject({
      code: 'CONFLICT',
      key: 'team.changedMeanwhile',
      params: { who: '周丽' },
    });
    expect((await wang.get('photos', 'p1'))!.rating).toBe(5);
    expect((await wang.history('photos', 'p1')).map((l) => l.who)).toEqual(['周丽', '周丽']);
  });

  describe('a server or database that is not right is named, and nothing is written', () => {
    const dir = '/nonexistent-project-folder';
    const editor = { name: '周丽' };

    it('an address that is not a PostgreSQL one', async () => {
      for (const url of ['mysql://u@h/db', 'not a url', 'postgres://host-without-db'])
        await expect(TeamCatalogRepository.open(url, dir, editor)).rejects.toMatchObject({
          code: 'VALIDATION',
          key: 'team.badUrl',
        });
    });

    it('a wrong password, without saying the password', async () => {
      const url = new URL(await freshDatabase());
      url.password = 'not-the-password';
      const err = await TeamCatalogRepository.open(url.toString(), dir, editor).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'FORBIDDEN', key: 'team.authFailed' });
      expect(JSON.stringify(err)).not.toContain('not-the-password');
    });

    it('a server that is down', async () => {
      const url = new URL(adminUrl!);
      url.port = '1'; // nothing listens there
      await expect(TeamCatalogRepository.open(url.toString(), dir, editor)).rejects.toMatchObject({
        code: 'IO',
        key: 'team.unreachable',
      });
    });

    it('a database that does not exist', async () => {
      const url = new URL(adminUrl!);
      url.pathname = '/cl_no_such_database';
      await expect(TeamCatalogRepository.open(url.toString(), dir, editor)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        key: 'team.noDatabase',
      });
    });

    it("another program's database, left as it was", async () => {
      const url = await freshDatabase();
      await sql(url, 'create table invoices (id serial primary key, total numeric)');
      await expect(TeamCatalogRepository.create(url, dir, '追光', editor)).rejects.toMatchObject({
        code: 'CONFLICT',
        key: 'team.foreignDatabase',
        params: { tables: 'invoices' },
      });
      const tables = await sql(url, `select table_name from information_schema.tables where table_schema = 'public'`);
      expect(tables.rows.map((r) => r.table_name)).toEqual(['invoices']);
    });

    it('a catalog a newer version has moved on, left as it was', async () => {
      const { url } = await twoWriters();
      const next = TEAM_SCHEMA_VERSION() + 1;
      await sql(url, 'insert into chasing_light_schema (version) values ($1)', [next]);
      await expect(TeamCatalogRepository.open(url, dir, editor)).rejects.toMatchObject({
        code: 'UNSUPPORTED',
        key: 'team.tooNew',
        params: { version: next, max: TEAM_SCHEMA_VERSION() },
      });
    });

    it('a database with a catalog but no project, and a second project in one database', async () => {
      const url = await freshDatabase();
      await expect(TeamCatalogRepository.open(url, dir, editor)).rejects.toMatchObject({ key: 'team.noProject' });
      keep(await TeamCatalogRepository.create(url, dir, '追光', editor));
      await expect(TeamCatalogRepository.create(url, dir, '另一个', editor)).rejects.toMatchObject({
        code: 'CONFLICT',
        key: 'team.projectExists',
        params: { name: '追光' },
      });
    });
  });
});
