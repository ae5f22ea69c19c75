import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import sharp from 'sharp';
import { CLI, callHost, exited, runCli, serveCli } from '../helpers/cli';
import { tempDir, writePhoto } from '../helpers/factories';

/** Two folders of `n` small photos each, and a fresh project. */
async function twoShoots(n: number) {
  const root = await tempDir('cl-conc-');
  for (let i = 0; i < n; i++) {
    await writePhoto(path.join(root, 'a'), `A${String(i).padStart(3, '0')}.jpg`, { width: 400, height: 300, seed: 500 + i });
    await writePhoto(path.join(root, 'b'), `B${String(i).padStart(3, '0')}.jpg`, { width: 400, height: 300, seed: 900 + i });
  }
  const project = path.join(root, 'project');
  expect((await runCli(['new', project])).code).toBe(0);
  return { root, project, env: { ...process.env, CHASING_LIGHT_HOME: path.join(root, 'home') } };
}

const photoCount = async (project: string) => JSON.parse(await fs.readFile(path.join(project, 'project.json'), 'utf8')).photos.length as number;

describe('one writer per project', () => {
  it('two imports at once: one imports, the other is refused by name; nothing is lost, and the second runs after', async () => {
    const { root, project } = await twoShoots(25);
    const [a, b] = await Promise.all([runCli(['import', project, path.join(root, 'a'), '--json', '--quiet']), runCli(['import', project, path.join(root, 'b'), '--json', '--quiet'])]);
    if (a.code === 0 && b.code === 0) {
      // The machine ran them one after the other after all: then both must be in the catalog.
      expect(await photoCount(project)).toBe(50);
      return;
    }
    const [won, lost] = a.code === 0 ? [a, b] : [b, a];
    expect(won.code).toBe(0);
    expect(JSON.parse(won.stdout).imported).toBe(25);
    expect(lost.code).toBe(2);
    expect(lost.stderr).toMatch(new RegExp(`READ_ONLY.*being edited in another window or process \\(chasing-light import, process \\d+, since \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\)`));
    expect(await photoCount(project)).toBe(25);
    const again = await runCli(['import', project, path.join(root, a.code === 0 ? 'b' : 'a'), '--json', '--quiet']);
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
    const saved = JSON.parse(await fs.readFile(path.join(project, 'project.json'), 'utf8'));
    expect(saved.photos.find((p: { id: string }) => p.id === ids[0]).rating).toBe(4);
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
    for (let i = 0; i < 12; i++) await sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 40 + i * 10, g: 90, b: 120 } } }).jpeg().toFile(path.join(card, `G${i}.jpg`));
    expect((await runCli(['import', project, card, '--quiet'])).code).toBe(0);
    const ids = (JSON.parse((await runCli(['photos', project, '--json'])).stdout) as { id: string }[]).map((p) => p.id);
    const csv = path.join(root, 'list.csv');
    await fs.writeFile(csv, '姓名,单位\n' + ids.map((_, i) => `职工${i},科润智控`).join('\n') + '\n');
    expect((await runCli(['roster', 'import', project, csv, '--create-companies'])).code).toBe(0);
    for (let i = 0; i < ids.length; i++) expect((await runCli(['tag', project, ids[i]!, '--worker', `职工${i}`])).code).toBe(0);
    const out = path.join(project, 'exports', 'gifts');
    const child = spawn(process.execPath, [CLI, 'export', project, '--out', out, '--json', '--quiet'], { stdio: 'ignore' });
    // Kill it once a few sheets are written, with no chance to tidy up.
    for (let tries = 0; tries < 400; tries++) {
      const done = (await fs.readdir(out).catch(() => [] as string[])).filter((n) => n.endsWith('.jpg')).length;
      if (done >= 3) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGKILL');
    await exited(child);
    // Every file under a final name is a whole JPEG.
    for (const name of (await fs.readdir(out)).filter((n) => n.endsWith('.jpg'))) await expect(sharp(path.join(out, name)).stats(), name).resolves.toBeTruthy();
    const again = await runCli(['export', project, '--out', out, '--json', '--quiet']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).files).toHaveLength(12);
    expect((await fs.readdir(out)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(await fs.readFile(path.join(project, 'project.json'), 'utf8')).photos).toHaveLength(12);
  }, 180_000);
});
