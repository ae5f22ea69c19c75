import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogRepository } from '../../electron/main/repositories/catalog.repository';
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
    expect(() => reader.putPhoto(photoRecord({ id: 'abcdefabcdef0003' }))).toThrow(expect.objectContaining({ code: 'READ_ONLY', key: 'project.readOnly', params: expect.objectContaining({ pid: 4242, app: 'chasing-light serve' }) }));
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

  it('coalesces a burst of edits into few writes, and the last state wins', async () => {
    const dir = await tempDir();
    const repo = await CatalogRepository.create(dir, 'burst', false, await projectLock(dir));
    const before = (await fs.stat(catalogFile(dir))).mtimeMs;
    for (let i = 0; i < 500; i++) repo.putPhoto(photoRecord({ id: `aaaaaaaaaaaa${String(i).padStart(4, '0')}`, rating: i % 6 }));
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
    await expect(CatalogRepository.open(dir, {})).rejects.toMatchObject({ code: 'CORRUPT', message: expect.stringContaining('left untouched') });
    expect(await fs.readFile(catalogFile(dir), 'utf8')).toBe('{"schemaVersion": 1, "project": {');
  });

  it('refuses a project.json from a newer version and leaves it as it was', async () => {
    const dir = await tempDir();
    const text = JSON.stringify({ schemaVersion: CATALOG_SCHEMA_VERSION + 5, project: { id: 'x', name: 'future', createdAt: '' }, photos: [] });
    await fs.writeFile(catalogFile(dir), text);
    await expect(CatalogRepository.open(dir, {})).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining('newer') });
    expect(await fs.readFile(catalogFile(dir), 'utf8')).toBe(text);
  });

  it('migrates an old catalog forward and keeps a backup of the old file', async () => {
    const dir = await tempDir();
    const old = JSON.stringify({ project: { id: 'x', name: 'old', createdAt: '' }, items: [photoRecord({ id: 'abcdefabcdef0002' })] });
    await fs.writeFile(catalogFile(dir), old);
    const repo = await CatalogRepository.open(dir, { lock: await projectLock(dir) });
    expect(repo.photo('abcdefabcdef0002')).toBeDefined();
    await repo.close();
    expect(await fs.readFile(`${catalogFile(dir)}.v0.bak`, 'utf8')).toBe(old);
    expect(JSON.parse(await fs.readFile(catalogFile(dir), 'utf8')).schemaVersion).toBe(CATALOG_SCHEMA_VERSION);
  });

  it('says a plain folder is not a project', async () => {
    const dir = await tempDir();
    await expect(CatalogRepository.open(dir, {})).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('not a Chasing Light project') });
  });
});
