import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogRepository } from '../../electron/main/repositories/catalog.repository';
import { JOURNAL_FILE } from '../../electron/main/repositories/catalog-journal';
import { CATALOG_SCHEMA_VERSION } from '../../shared/model/catalog';
import { photoRecord, tempDir } from '../helpers/factories';
import { projectLock } from '../helpers/services';

const catalogFile = (dir: string) => path.join(dir, 'project.json');

describe(CatalogRepository.name, () => {
  it('creates a versioned project.json and reads it back', async () => {
    const dir = path.join(await tempDir(), '追光项目');
    await fs.mkdir(dir, { recursive: true });
    const repo = await CatalogRepository.create(dir, '追光', false, await projectLock(dir));
    repo.putPhoto(photoRecord({ id: 'abcdefabcdef0001', photographer: '张三' }));
    await repo.close();
    const onDisk = JSON.parse(await fs.readFile(catalogFile(dir), 'utf8'));
    expect(onDisk.schemaVersion).toBe(CATALOG_SCHEMA_VERSION);
    expect(onDisk.project.name).toBe('追光');
    const reopened = await CatalogRepository.open(dir, {});
    expect(reopened.photo('abcdefabcdef0001')?.photographer).toBe('张三');
  });

  it('without the lock is a read-only view: every edit is refused, naming who holds the project', async () => {
    const dir = await tempDir();
    const writer = await CatalogRepository.create(dir, 'w', false, await projectLock(dir));
    const holder = { pid: 4242, host: 'desk', since: '2025-05-12T06:03:00.000Z', app: 'chasing-light serve' };
    const reader = await CatalogRepository.open(dir, { heldBy: holder });
    expect(reader.readOnly).toEqual(holder);
    expect(() => reader.putPhoto(photoRecord({ id: 'abcdefabcdef0003' }))).toThrow(
      expect.objectContaining({
        code: 'READ_ONLY',
        key: 'project.readOnly',
        params: expect.objectContaining({ pid: 4242, app: 'chasing-light serve' }),
      }),
    );
    expect(() => reader.setProject({ name: 'x' })).toThrow(expect.objectContaining({ code: 'READ_ONLY' }));
    expect(() => reader.remove('photos', 'abcdefabcdef0003')).toThrow(expect.objectContaining({ code: 'READ_ONLY' }));
    await reader.close();
    await writer.close();
  });

  it('refuses to create over an existing project', async () => {
    const dir = await tempDir();
    const lock = await projectLock(dir);
    await CatalogRepository.create(dir, 'a', false, lock);
    await expect(CatalogRepository.create(dir, 'b', false, lock)).rejects.toMatchObject({ code: 'CONFLICT' });
    await lock.release();
  });

  it('an edit is on disk once commit() resolves: the next process reads it from the journal, with no rewrite of project.json', async () => {
    const dir = await tempDir();
    const repo = await CatalogRepository.create(dir, 'durable', false, await projectLock(dir));
    for (let i = 0; i < 2000; i++) repo.putPhoto(photoRecord({ id: `bbbbbbbbbbbb${String(i).padStart(4, '0')}` }));
    await repo.flush();
    const snapshot = await fs.stat(catalogFile(dir));
    repo.updatePhotos(['bbbbbbbbbbbb0007'], { rating: 5 });
    await repo.commit();
    // Written in proportion to the change: one line in the journal, project.json as it was.
    const after = await fs.stat(catalogFile(dir));
    expect([after.mtimeMs, after.size]).toEqual([snapshot.mtimeMs, snapshot.size]);
    expect((await fs.stat(path.join(dir, JOURNAL_FILE))).size).toBeLessThan(4096);
    // Another process (no close, no flush here: as if this one were killed now) sees the edit.
    const reader = await CatalogRepository.open(dir, { toRead: true });
    expect(reader.photo('bbbbbbbbbbbb0007')?.rating).toBe(5);
    await repo.close();
  });

  it('a journal line cut short by a kill is dropped; the whole lines before it are kept, and the next writer tidies up', async () => {
    const dir = await tempDir();
    const repo = await CatalogRepository.create(dir, 'torn', false, await projectLock(dir));
    repo.putPhoto(photoRecord({ id: 'cccccccccccc0001', rating: 2 }));
    await repo.commit();
    repo.updatePhotos(['cccccccccccc0001'], { rating: 3 });
    await repo.commit();
    await repo.close();
    // A crash mid-append: half a line after the whole ones (the edit was never answered: its sync had not returned).
    const journal = path.join(dir, JOURNAL_FILE);
    await fs.writeFile(
      journal,
      JSON.stringify({
        s: 99,
        ops: [{ c: 'photos', id: 'cccccccccccc0001', v: photoRecord({ id: 'cccccccccccc0001', rating: 1 }) }],
      }) +
        '\n' +
        '{"s":100,"ops":[{"c":"photos","id":"ccc',
    );
    const reader = await CatalogRepository.open(dir, { toRead: true });
    expect(reader.photo('cccccccccccc0001')?.rating).toBe(1);
    const writer = await CatalogRepository.open(dir, { lock: await projectLock(dir) });
    expect(writer.photo('cccccccccccc0001')?.rating).toBe(1);
    // Taken into the snapshot: the journal starts afresh.
    expect(await fs.readFile(journal, 'utf8')).toBe('');
    expect(JSON.parse(await fs.readFile(catalogFile(dir), 'utf8')).photos[0].rating).toBe(1);
    await writer.close();
  });

  it('a read-only view follows the writer: new journal lines, and the whole catalog after a compaction', async () => {
    const dir = await tempDir();
    const writer = await CatalogRepository.create(dir, 'follow', false, await projectLock(dir));
    writer.putPhoto(photoRecord({ id: 'dddddddddddd0001', rating: 1 }));
    await writer.commit();
    const reader = await CatalogRepository.open(dir, { toRead: true });
    expect(await reader.refresh()).toBeNull();
    writer.updatePhotos(['dddddddddddd0001'], { rating: 4 });
    writer.putPhoto(photoRecord({ id: 'dddddddddddd0002' }));
    await writer.commit();
    expect(await reader.refresh()).toEqual({
      photoIds: expect.arrayContaining(['dddddddddddd0001', 'dddddddddddd0002']),
    });
    expect(reader.photo('dddddddddddd0001')?.rating).toBe(4);
    writer.remove('photos', 'dddddddddddd0002');
    await writer.flush();
    expect(await reader.refresh()).not.toBeNull();
    expect(reader.photos().map((p) => p.id)).toEqual(['dddddddddddd0001']);
    await writer.close();
  });

  it('refuses to write, by name, once another process has taken the project over, and writes nothing of its own', async () => {
    const dir = await tempDir();
    const stalled = await CatalogRepository.create(dir, 'stalled', false, await projectLock(dir));
    stalled.putPhoto(photoRecord({ id: 'eeeeeeeeeeee0001', rating: 1 }));
    await stalled.commit();
    // The lock went stale while this process was stopped: another process took it over and wrote.
    await fs.rm(path.join(dir, 'project.lock'), { recursive: true });
    const taken = await projectLock(dir);
    // Refused as soon as the lock is someone else's, before the new holder has written anything.
    stalled.updatePhotos(['eeeeeeeeeeee0001'], { rating: 2 });
    await expect(stalled.commit()).rejects.toMatchObject({ code: 'READ_ONLY', key: 'project.lockLost' });
    const next = await CatalogRepository.open(dir, { lock: taken });
    next.updatePhotos(['eeeeeeeeeeee0001'], { rating: 5 });
    await next.commit();
    expect(() => stalled.putPhoto(photoRecord({ id: 'eeeeeeeeeeee0002' }))).toThrow(
      expect.objectContaining({ key: 'project.lockLost' }),
    );
    await stalled.close();
    await next.close();
    const reopened = await CatalogRepository.open(dir, { toRead: true });
    expect(reopened.photos().map((p) => [p.id, p.rating])).toEqual([['eeeeeeeeeeee0001', 5]]);
  });

  it('refuses to write when the catalog files were changed under it, even with the lock', async () => {
    const dir = await tempDir();
    const repo = await CatalogRepository.create(dir, 'changed', false, await projectLock(dir));
    repo.putPhoto(photoRecord({ id: 'ffffffffffff0001' }));
    await repo.commit();
    // Someone rewrote project.json (another copy of the app on a share that ignores locks, a sync tool).
    const text = await fs.readFile(catalogFile(dir), 'utf8');
    await fs.writeFile(catalogFile(dir), text.replace('"changed"', '"renamed elsewhere"'));
    repo.updatePhotos(['ffffffffffff0001'], { rating: 3 });
    await expect(repo.commit()).rejects.toMatchObject({ code: 'READ_ONLY', key: 'project.lockLost' });
    expect(JSON.parse(await fs.readFile(catalogFile(dir), 'utf8')).project.name).toBe('renamed elsewhere');
    await repo.close();
  });

  it('coalesces a burst of edits into few writes, and the last state wins', async () => {
    const dir = await tempDir();
    const repo = await CatalogRepository.create(dir, 'burst', false, await projectLock(dir));
    const before = (await fs.stat(catalogFile(dir))).mtimeMs;
    for (let i = 0; i < 500; i++)
      repo.putPhoto(photoRecord({ id: `aaaaaaaaaaaa${String(i).padStart(4, '0')}`, rating: i % 6 }));
    // Nothing is written synchronously per edit…
    expect((await fs.stat(catalogFile(dir))).mtimeMs).toBe(before);
    await repo.flush();
    const onDisk = JSON.parse(await fs.readFile(catalogFile(dir), 'utf8'));
    expect(onDisk.photos).toHaveLength(500);
    expect(onDisk.photos[499].rating).toBe(499 % 6);
    // Its temporary file had this process's own name, and none is left over.
    expect((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await repo.close();
  });

  it('refuses a damaged project.json with a clear message and never overwrites it', async () => {
    const dir = await tempDir();
    await fs.writeFile(catalogFile(dir), '{"schemaVersion": 1, "project": {');
    await expect(CatalogRepository.open(dir, {})).rejects.toMatchObject({
      code: 'CORRUPT',
      message: expect.stringContaining('left untouched'),
    });
    expect(await fs.readFile(catalogFile(dir), 'utf8')).toBe('{"schemaVersion": 1, "project": {');
  });

  it('refuses a project.json from a newer version and leaves it as it was', async () => {
    const dir = await tempDir();
    const text = JSON.stringify({
      schemaVersion: CATALOG_SCHEMA_VERSION + 5,
      project: { id: 'x', name: 'future', createdAt: '' },
      photos: [],
    });
    await fs.writeFile(catalogFile(dir), text);
    await expect(CatalogRepository.open(dir, {})).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      message: expect.stringContaining('newer'),
    });
    expect(await fs.readFile(catalogFile(dir), 'utf8')).toBe(text);
  });

  it('migrates an old catalog forward and keeps a backup of the old file', async () => {
    const dir = await tempDir();
    const old = JSON.stringify({
      project: { id: 'x', name: 'old', createdAt: '' },
      items: [photoRecord({ id: 'abcdefabcdef0002' })],
    });
    await fs.writeFile(catalogFile(dir), old);
    const repo = await CatalogRepository.open(dir, { lock: await projectLock(dir) });
    expect(repo.photo('abcdefabcdef0002')).toBeDefined();
    await repo.close();
    expect(await fs.readFile(`${catalogFile(dir)}.v0.bak`, 'utf8')).toBe(old);
    expect(JSON.parse(await fs.readFile(catalogFile(dir), 'utf8')).schemaVersion).toBe(CATALOG_SCHEMA_VERSION);
  });

  it('says a plain folder is not a project', async () => {
    const dir = await tempDir();
    await expect(CatalogRepository.open(dir, {})).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('not a Chasing Light project'),
    });
  });
});
