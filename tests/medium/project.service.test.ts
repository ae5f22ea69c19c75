import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/api-dispatch';
import { createHandlers } from '../../electron/main/api-handlers';
import { createServices } from '../../electron/main/container';
import { ProjectService } from '../../electron/main/services/project.service';
import { tempDir, writePhoto } from '../helpers/factories';
import { freshProjects } from '../helpers/services';

const freshProject = freshProjects();

describe(ProjectService.name, () => {
  it('gives a second window (another container, as another process would be) a read-only view that names the writer', async () => {
    const { services, project, root } = await freshProject();
    await writePhoto(path.join(root, 'card'), 'a.jpg');
    await services.importer.run({ paths: [path.join(root, 'card')] });
    const other = createServices({ home: await tempDir(), holder: 'second window' });
    try {
      const info = await other.projects.open(project.dir);
      expect(info.readOnly).toMatchObject({
        pid: process.pid,
        app: expect.any(String),
        since: expect.stringMatching(/^\d{4}-/),
      });
      expect(other.photos.list()).toHaveLength(1);
      // Every edit is refused before it touches a record, and says who is writing.
      const handlers = createHandlers(other, 'cli');
      const id = other.photos.list()[0]!.id;
      const refused = await dispatch(handlers, 'photos.setRating', { ids: [id], rating: 5 }, other.logger);
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'READ_ONLY', key: 'project.readOnly', params: { pid: process.pid } },
      });
      expect(other.photos.get(id).rating).toBe(0);
      // Reads still work.
      expect(await dispatch(handlers, 'photos.list', {}, other.logger)).toMatchObject({ ok: true });
      // Once the writer lets go, opening again makes this one the writer.
      await services.projects.close();
      const again = await other.projects.open(project.dir);
      expect(again.readOnly).toBeNull();
      expect(await dispatch(handlers, 'photos.setRating', { ids: [id], rating: 5 }, other.logger)).toMatchObject({
        ok: true,
      });
    } finally {
      await other.close();
    }
  });

  it('a reader (opened to read, as the CLI lists) takes no lock: a window opening meanwhile still writes', async () => {
    const { services, project } = await freshProject();
    await services.projects.close();
    const reader = createServices({ home: await tempDir() });
    const writer = createServices({ home: await tempDir() });
    try {
      await reader.projects.open(project.dir, { toRead: true });
      expect((await writer.projects.open(project.dir)).readOnly).toBeNull();
      expect(() => reader.roster.createCompany({ name: 'x' })).toThrow(
        expect.objectContaining({ code: 'READ_ONLY', key: 'project.openedToRead' }),
      );
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it('opens a project on a folder it cannot write (a read-only share) to view, saying why edits are refused', async (ctx) => {
    const { services, project } = await freshProject();
    await services.projects.close();
    // Root writes through permissions; the immutable flag stops even root, where the file system has it.
    const root = process.getuid?.() === 0;
    const lock = (on: boolean) =>
      root ? execFileSync('chattr', [on ? '+i' : '-i', project.dir]) : fs.chmod(project.dir, on ? 0o555 : 0o755);
    try {
      await lock(true);
    } catch {
      return ctx.skip('this file system cannot make a folder unwritable for root (no chattr +i)');
    }
    const viewer = createServices({ home: await tempDir() });
    try {
      const info = await viewer.projects.open(project.dir);
      expect(info.readOnly).not.toBeNull();
      expect(() => viewer.roster.createCompany({ name: 'x' })).toThrow(
        expect.objectContaining({ code: 'READ_ONLY', key: 'project.folderReadOnly' }),
      );
    } finally {
      await viewer.close();
      await lock(false);
    }
  });

  it('opening the project it already writes keeps it writable', async () => {
    const { services, project } = await freshProject();
    expect((await services.projects.open(project.dir)).readOnly).toBeNull();
  });

  it('sweeps what a killed run left: temporary files and cached images of photos the catalog never got', async () => {
    const { services, project, root } = await freshProject();
    await writePhoto(path.join(root, 'card'), 'a.jpg');
    await services.importer.run({ paths: [path.join(root, 'card')] });
    const [photo] = services.photos.list();
    await services.projects.close();
    const dir = project.dir;
    const leftovers = [
      path.join(dir, 'project.json.4242.0badc0de.tmp'),
      path.join(dir, '.project.json.tmp'),
      path.join(dir, 'cache', 'thumbs', 'ffffffffffffffff.jpg'),
      path.join(dir, 'cache', 'previews', 'ffffffffffffffff.jpg'),
      path.join(dir, 'cache', 'previews', 'ffffffffffffffff.jpg.4242.0badc0de.tmp'),
      path.join(dir, 'exports', 'gifts', '科润_占牡丹.jpg.4242.0badc0de.tmp'),
    ];
    for (const f of leftovers) {
      await fs.mkdir(path.dirname(f), { recursive: true });
      await fs.writeFile(f, 'x');
    }
    const mine = path.join(dir, 'exports', 'my notes.tmp'); // not ours: a name we never write
    await fs.writeFile(mine, 'keep');
    await services.projects.open(dir);
    for (const f of leftovers) await expect(fs.stat(f), f).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(fs.stat(mine)).resolves.toBeTruthy();
    await expect(fs.stat(path.join(dir, photo!.thumbnail!))).resolves.toBeTruthy();
    await expect(fs.stat(path.join(dir, photo!.preview!))).resolves.toBeTruthy();
  });

  it('refuses to create a project where another process is creating or writing one', async () => {
    const { project } = await freshProject();
    const other = createServices({ home: await tempDir() });
    await expect(other.projects.create(project.dir, 'x')).rejects.toMatchObject({
      code: 'CONFLICT',
      key: 'project.busyCreating',
    });
  });
});
