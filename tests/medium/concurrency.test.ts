import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callHost, exited, runCli, serveCli } from '../helpers/cli';
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
});
