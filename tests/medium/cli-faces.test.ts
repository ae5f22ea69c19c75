import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/factories';
import { FACES_FIXTURES } from '../helpers/fixtures';

const run = (...args: string[]) => runCli(args);
const json = <T>(r: { stdout: string }) => JSON.parse(r.stdout) as T;

interface Listed {
  faceId: string;
  photoId: string;
  box: { x: number; y: number; w: number; h: number };
  workerId: string | null;
  suggestion: { workerId: string; score: number } | null;
}

describe('the faces command', () => {
  it('detects, lists, assigns and rejects with the JSON the checks read', async () => {
    const root = await tempDir('cl-faces-');
    const project = path.join(root, 'project');
    const card = path.join(root, 'card');
    await fs.mkdir(card);
    for (const f of ['train/obama/obama.jpg', 'test/obama1.jpg', 'test/two_people.jpg'])
      await fs.copyFile(path.join(FACES_FIXTURES, f), path.join(card, path.basename(f)));
    expect((await run('new', project)).code).toBe(0);
    expect((await run('import', project, card, '--json')).code).toBe(0);
    const detected = await run('faces', 'detect', project, '--json');
    expect(detected.code).toBe(0);
    expect(json(detected)).toMatchObject({ photos: 3, faces: 4, seconds: expect.any(Number) });
    // A second run has nothing left to do.
    expect(json(await run('faces', 'detect', project, '--json'))).toMatchObject({ photos: 0, faces: 0 });
    const photos = json<{ id: string; originalName: string }[]>(await run('photos', project, '--json'));
    const idOf = (name: string) => photos.find((p) => p.originalName === name)!.id;
    const faces = json<Listed[]>(await run('faces', project, '--json'));
    expect(faces).toHaveLength(4);
    for (const f of faces)
      expect(Object.keys(f).sort()).toEqual(['box', 'faceId', 'photoId', 'suggestion', 'workerId']);
    const taught = faces.find((f) => f.photoId === idOf('obama.jpg'))!;
    const roster = path.join(root, 'roster.csv');
    await fs.writeFile(roster, '姓名,企业\n奥巴马,白宫\n');
    expect((await run('roster', 'import', project, roster, '--create-companies')).code).toBe(0);
    const assigned = await run('faces', 'assign', project, taught.faceId, '--worker', '奥巴马', '--json');
    expect(assigned.code).toBe(0);
    const workerId = json<Listed>(assigned).workerId;
    expect(workerId).toEqual(expect.any(String));
    const after = json<Listed[]>(await run('faces', project, '--json'));
    const suggested = after
      .filter((f) => f.suggestion?.workerId === workerId)
      .map((f) => f.photoId)
      .sort();
    expect(suggested).toEqual([idOf('obama1.jpg'), idOf('two_people.jpg')].sort());
    const one = after.find((f) => f.photoId === idOf('obama1.jpg'))!;
    expect((await run('faces', 'reject', project, one.faceId)).code).toBe(0);
    expect(
      json<Listed[]>(await run('faces', project, '--json')).find((f) => f.faceId === one.faceId)!.suggestion,
    ).toBeNull();
    // The photo is tagged, its region written.
    const tagged = json<{ id: string; workers: string[]; faceRegions: unknown[] }[]>(
      await run('photos', project, '--json'),
    ).find((p) => p.id === idOf('obama.jpg'))!;
    expect(tagged.workers).toEqual([workerId]);
    // Bad usage and unknown faces are named.
    expect((await run('faces', 'assign', project, taught.faceId)).code).toBe(2);
    const unknown = await run('faces', 'assign', project, '0123456789abcdef', '--worker', '奥巴马');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/0123456789abcdef/);
  }, 120_000);
});
