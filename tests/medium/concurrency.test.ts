import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import sharp from 'sharp';
import { CLI, callHost, exited, mediaStatus, runCli, serveCli } from '../helpers/cli';
import { savedCatalog } from '../helpers/services';
import { tempDir, writePhoto } from '../helpers/factories';

/** Two folders of `n` small photos each (shoot a's as large as asked), and a fresh project. */
async function twoShoots(n: number, a = { width: 400, height: 300 }) {
  const root = await tempDir('cl-conc-');
  for (let i = 0; i < n; i++) {
    await writePhoto(path.join(root, 'a'), `A${String(i).padStart(3, '0')}.jpg`, { ...a, seed: 500 + i });
    await writePhoto(path.join(root, 'b'), `B${String(i).padStart(3, '0')}.jpg`, {
      width: 400,
      height: 300,
      seed: 900 + i,
    });
  }
  const project = path.join(root, 'project');
  expect((await runCli(['new', project])).code).toBe(0);
  return { root, project, env: { ...process.env, CHASING_LIGHT_HOME: path.join(root, 'home') } };
}

const photoCount = async (project: string) => (await savedCatalog(project)).photos.length;

describe('one writer per project', () => {
  it('two imports at once: one imports, the other is refused by name; nothing is lost, and the second runs after', async () => {
    // Camera-sized photos in the first import: it is still running when the second asks.
    const { root, project } = await twoShoots(25, { width: 4000, height: 3000 });
    const first = runCli(['import', project, path.join(root, 'a'), '--json', '--quiet']);
    // The second starts once the first holds the project (its note says so), so the two truly overlap.
    await expect
      .poll(
        () =>
          fs.readFile(path.join(project, 'project.lock.json'), 'utf8').then(
            (t) => JSON.parse(t).app as string,
            () => '',
          ),
        { timeout: 30_000, interval: 20 },
      )
      .toBe('chasing-light import');
    const lost = await runCli(['import', project, path.join(root, 'b'), '--json', '--quiet']);
    const won = await first;
    expect(won.code).toBe(0);
    expect(JSON.parse(won.stdout).imported).toBe(25);
    expect(lost.code).toBe(2);
    expect(lost.stderr).toMatch(
      new RegExp(
        `READ_ONLY.*being edited in another window or process \\(chasing-light import, process \\d+, since \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\)`,
      ),
    );
    expect(await photoCount(project)).toBe(25);
    const again = await runCli(['import', project, path.join(root, 'b'), '--json', '--quiet']);
    expect(again.code).toBe(0);
    expect(await photoCount(project)).toBe(50);
  }, 120_000);

  it('serve and a CLI tag: the CLI is refused while the window has the project, and the window keeps its edits', async () => {
    const { root, project, env } = await twoShoots(2);
    expect((await runCli(['import', project, path.join(root, 'a'), '--quiet'])).code).toBe(0);
    const ids = (JSON.parse((await runCli(['photos', project, '--json'])).stdout) as { id: string }[]).map((p) => p.id);
    const host = await serveCli(project, env);
    try {
      expect(await callHost(host, 'photos.setRating', { ids: [ids[0]], rating: 4 })).toMatchObject({ ok: true });
      // A reader is fine while the window writes…
      const read = await runCli(['photos', project, '--json']);
      expect(read.code).toBe(0);
      expect(JSON.parse(read.stdout)).toHaveLength(2);
      // …a second writer is not.
      const tag = await runCli(['tag', project, ids[1]!, '--worker', '占牡丹']);
      expect(tag.code).toBe(2);
      expect(tag.stderr).toMatch(/READ_ONLY.*chasing-light serve, process \d+/);
    } finally {
      host.child.kill('SIGTERM');
      await exited(host.child);
    }
    const saved = await savedCatalog(project);
    expect(saved.photos.find((p) => p.id === ids[0])!.rating).toBe(4);
    // The window is gone: the CLI may write now.
    const companies = await runCli(['companies', project, '--json']);
    expect(companies.code).toBe(0);
  }, 60_000);

  it('a writer killed with SIGKILL leaves a lock that the next writer takes over within seconds', async () => {
    const { root, project, env } = await twoShoots(1);
    expect((await runCli(['import', project, path.join(root, 'a'), '--quiet'])).code).toBe(0);
    const host = await serveCli(project, env);
    host.child.kill('SIGKILL');
    await exited(host.child);
    const started = Date.now();
    const ids = (JSON.parse((await runCli(['photos', project, '--json'])).stdout) as { id: string }[]).map((p) => p.id);
    const rated = await runCli(['import', project, path.join(root, 'b'), '--json', '--quiet']);
    expect(rated.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await photoCount(project)).toBe(2);
    expect(ids).toHaveLength(1);
    // The lock was released at the end of the run: nothing is left behind.
    expect((await fs.readdir(project)).filter((n) => n.startsWith('project.lock') || n.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('an export killed with SIGKILL leaves no half file under a real name; the next run finishes it', async () => {
    const { root, project } = await twoShoots(0);
    // Twelve workers, each in a photo large enough that a 10寸 sheet takes a moment.
    const card = path.join(root, 'big');
    await fs.mkdir(card);
    for (let i = 0; i < 12; i++)
      await sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 40 + i * 10, g: 90, b: 120 } } })
        .jpeg()
        .toFile(path.join(card, `G${i}.jpg`));
    expect((await runCli(['import', project, card, '--quiet'])).code).toBe(0);
    const ids = (JSON.parse((await runCli(['photos', project, '--json'])).stdout) as { id: string }[]).map((p) => p.id);
    const csv = path.join(root, 'list.csv');
    await fs.writeFile(csv, '姓名,单位\n' + ids.map((_, i) => `职工${i},科润智控`).join('\n') + '\n');
    expect((await runCli(['roster', 'import', project, csv, '--create-companies'])).code).toBe(0);
    for (let i = 0; i < ids.length; i++)
      expect((await runCli(['tag', project, ids[i]!, '--worker', `职工${i}`])).code).toBe(0);
    const out = path.join(project, 'exports', 'gifts');
    const child = spawn(process.execPath, [CLI, 'export', project, '--out', out, '--json', '--quiet'], {
      stdio: 'ignore',
    });
    // Kill it once a few sheets are written, with no chance to tidy up.
    for (let tries = 0; tries < 400; tries++) {
      const done = (await fs.readdir(out).catch(() => [] as string[])).filter((n) => n.endsWith('.jpg')).length;
      if (done >= 3) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGKILL');
    await exited(child);
    // Every file under a final name is a whole JPEG.
    for (const name of (await fs.readdir(out)).filter((n) => n.endsWith('.jpg')))
      await expect(sharp(path.join(out, name)).stats(), name).resolves.toBeTruthy();
    const again = await runCli(['export', project, '--out', out, '--json', '--quiet']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).files).toHaveLength(12);
    expect((await fs.readdir(out)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await photoCount(project)).toBe(12);
  }, 180_000);
});

/** A project with two photos of 占牡丹 (who agreed) on the boards, as a venue has it; `env` keeps the CLI's settings apart. */
async function onTheWall() {
  const { root, project, env } = await twoShoots(2);
  expect((await runCli(['import', project, path.join(root, 'a'), '--quiet'])).code).toBe(0);
  const csv = path.join(root, 'list.csv');
  await fs.writeFile(csv, '姓名,单位,同意展出\n占牡丹,科润智控,同意\n徐建军,科润智控,同意\n');
  expect((await runCli(['roster', 'import', project, csv, '--create-companies'])).code).toBe(0);
  const ids = (JSON.parse((await runCli(['photos', project, '--json'])).stdout) as { id: string }[]).map((p) => p.id);
  for (const id of ids) expect((await runCli(['tag', project, id, '--worker', '占牡丹'])).code).toBe(0);
  expect((await runCli(['exhibition', 'plan', project, '--boards', '1'])).code).toBe(0);
  const workers = JSON.parse((await runCli(['workers', project, '--json'])).stdout) as { id: string; name: string }[];
  return { root, project, env, ids, zmd: workers.find((w) => w.name === '占牡丹')!.id };
}

describe('nothing answered is lost', () => {
  it('an edit answered 200 survives a kill -9 at once (no write delay to lose it in)', async () => {
    const { root, project, env } = await twoShoots(3);
    expect((await runCli(['import', project, path.join(root, 'a'), '--quiet'])).code).toBe(0);
    const ids = (JSON.parse((await runCli(['photos', project, '--json'])).stdout) as { id: string }[]).map((p) => p.id);
    for (const [i, id] of ids.entries()) {
      const host = await serveCli(project, env);
      expect(await callHost(host, 'photos.setRating', { ids: [id], rating: i + 2 })).toMatchObject({ ok: true });
      host.child.kill('SIGKILL');
      await exited(host.child);
      const saved = await savedCatalog(project);
      expect(saved.photos.find((p) => p.id === id)!.rating, `kill ${i + 1}`).toBe(i + 2);
    }
  }, 120_000);

  it("a writer stopped past the lock's staleness (SIGSTOP) is refused by name when it wakes, and the edits of the one that took over stay", async () => {
    const { project, env, ids, zmd } = await onTheWall();
    const stalled = await serveCli(project, env);
    try {
      expect(await callHost(stalled, 'photos.setRating', { ids: [ids[0]], rating: 4 })).toMatchObject({ ok: true });
      // An edit on its way in as the process stops: it is either saved before the stop, or refused after it.
      const inFlight = callHost(stalled, 'photos.setRating', { ids: [ids[1]], rating: 1 });
      stalled.child.kill('SIGSTOP');
      await new Promise((r) => setTimeout(r, 7000));
      // The lock has gone stale: the next writer takes the project over and edits.
      const untag = await runCli(['untag', project, ids[0]!, '--worker', zmd], { env });
      expect(untag.code, untag.stderr).toBe(0);
      stalled.child.kill('SIGCONT');
      const answered = await inFlight;
      // Awake again, it writes nothing more: every edit is refused, saying why.
      const after = await callHost(stalled, 'photos.setRating', { ids: [ids[0]], rating: 2 });
      expect(after).toMatchObject({ ok: false, error: { code: 'READ_ONLY', key: 'project.lockLost' } });
      stalled.child.kill('SIGTERM');
      await exited(stalled.child);
      const saved = await savedCatalog(project);
      expect(saved.photos.find((p) => p.id === ids[0])).toMatchObject({ rating: 4, workers: [] });
      expect(saved.photos.find((p) => p.id === ids[1])!.rating).toBe(answered.ok ? 1 : 0);
    } finally {
      stalled.child.kill('SIGCONT');
      stalled.child.kill('SIGKILL');
    }
  }, 120_000);
});

describe('the kiosk and the exports only read', () => {
  it('the kiosk holds no lock: staff edit meanwhile, and a withdrawal leaves the kiosk within seconds (list, label and images)', async () => {
    const { project, env, ids, zmd } = await onTheWall();
    const kiosk = await serveCli(project, env, ['--kiosk']);
    const app = await serveCli(project, { ...env, CHASING_LIGHT_HOME: path.join(project, '..', 'home2') });
    try {
      // The window is the writer, though the kiosk started first.
      expect(await callHost(app, 'projects.current', {})).toMatchObject({ ok: true, value: { readOnly: null } });
      const found = await callHost(kiosk, 'find.worker', { query: 'zmd' });
      expect(found).toMatchObject({ ok: true, value: [{ name: '占牡丹' }] });
      const label = (await callHost(kiosk, 'find.label', { photoId: ids[0] })) as {
        ok: boolean;
        value: { mediaId: string };
      };
      expect(label.ok).toBe(true);
      expect(await mediaStatus(kiosk, 'sheet', label.value.mediaId)).toBe(200);
      expect(await mediaStatus(kiosk, 'preview', ids[0]!)).toBe(200);
      // Staff record the withdrawal in the window.
      expect(await callHost(app, 'workers.update', { id: zmd, patch: { consent: 'declined' } })).toMatchObject({
        ok: true,
      });
      const started = Date.now();
      await expect
        .poll(async () => (await callHost(kiosk, 'find.worker', { query: 'zmd' })).value, { timeout: 10_000 })
        .toEqual([]);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await callHost(kiosk, 'find.label', { photoId: ids[0] })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', key: 'find.notShown' },
      });
      expect(await callHost(kiosk, 'exhibitions.labelPreview', { photoId: ids[0] })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await mediaStatus(kiosk, 'sheet', label.value.mediaId)).toBe(404);
      expect(await mediaStatus(kiosk, 'preview', ids[0]!)).toBe(404);
    } finally {
      for (const h of [kiosk, app]) h.child.kill('SIGTERM');
      await Promise.all([exited(kiosk.child), exited(app.child)]);
    }
  }, 120_000);

  it('exports and listings work while a window has the project open', async () => {
    const { root, project, env } = await onTheWall();
    const app = await serveCli(project, env);
    try {
      const boards = await runCli(
        ['exhibition', 'export', project, '--what', 'labels', '--out', path.join(root, 'labels'), '--json'],
        { env },
      );
      expect(boards.code, boards.stderr).toBe(0);
      expect(JSON.parse(boards.stdout).files.length).toBeGreaterThan(0);
      const gallery = await runCli(['gallery', project, '--out', path.join(root, 'web'), '--json'], { env });
      expect(gallery.code, gallery.stderr).toBe(0);
      expect(JSON.parse(gallery.stdout).photos).toBe(2);
      const gifts = await runCli(
        [
          'export',
          project,
          '--template',
          'plain-6',
          '--dpi',
          '100',
          '--allow-low-res',
          '--out',
          path.join(root, 'gifts'),
          '--json',
          '--quiet',
        ],
        { env },
      );
      expect(gifts.code, gifts.stderr).toBe(0);
      expect(JSON.parse(gifts.stdout).files).toHaveLength(1);
      const found = await runCli(['find', project, 'zmd', '--json'], { env });
      expect(JSON.parse(found.stdout)).toMatchObject([{ name: '占牡丹' }]);
      // The window still writes.
      expect(
        await callHost(app, 'photos.setRating', {
          ids: [(JSON.parse(found.stdout) as { photos: { photoId: string }[] }[])[0]!.photos[0]!.photoId],
          rating: 3,
        }),
      ).toMatchObject({ ok: true });
    } finally {
      app.child.kill('SIGTERM');
      await exited(app.child);
    }
  }, 180_000);
});
