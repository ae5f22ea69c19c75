import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaceService } from '../../electron/main/services/face.service';
import { tempDir } from '../helpers/factories';
import { freshProjects, servicesWithProject } from '../helpers/services';
import { FACES_FIXTURES } from '../helpers/fixtures';

const truth = JSON.parse(await fs.readFile(path.join(FACES_FIXTURES, 'truth.json'), 'utf8')).photos as Record<string, string[]>;

type Ctx = Awaited<ReturnType<typeof servicesWithProject>>;
const freshProject = freshProjects();

describe(FaceService.name, () => {
  let ctx: Ctx;
  /** truth.json's key of each photo id */
  const keyOf = new Map<string, string>();
  const workerOf = new Map<string, string>();
  /** the XMP sidecar written for a photo whose face was named */
  let sidecarFile = '';

  beforeAll(async () => {
    ctx = await servicesWithProject();
    await ctx.services.importer.run({ paths: [path.join(FACES_FIXTURES, 'train'), path.join(FACES_FIXTURES, 'test')] });
    for (const p of ctx.services.photos.list()) keyOf.set(p.id, path.relative(FACES_FIXTURES, p.path).split(path.sep).join('/'));
    const { jobId } = ctx.services.faceJob.start();
    const result = await ctx.services.faceJob.done(jobId);
    expect(result).toMatchObject({ photos: 17, failed: [], cancelled: false });
    for (const person of new Set(Object.values(truth).flat())) if (person !== 'unknown') workerOf.set(person, ctx.services.roster.createWorker({ name: person }).id);
  }, 180_000);
  afterAll(() => ctx?.services.close());

  const facesIn = (key: string) => {
    const id = [...keyOf].find(([, k]) => k === key)![0];
    return ctx.services.faces.list({ photoId: id });
  };

  it('finds the face of every listed person, stored unassigned with a box inside the photo', () => {
    for (const [key, people] of Object.entries(truth)) {
      const faces = facesIn(key);
      expect([key, faces.length >= people.filter((p) => p !== 'unknown').length]).toEqual([key, true]);
      for (const f of faces) {
        expect(f.workerId).toBeNull();
        expect(f.box.x).toBeGreaterThanOrEqual(0);
        expect(f.box.x + f.box.w).toBeLessThanOrEqual(1.000001);
        expect(f.box.y + f.box.h).toBeLessThanOrEqual(1.000001);
        expect(f.hasCrop).toBe(true);
      }
    }
    // What a face looks like never leaves the service.
    expect(JSON.stringify(ctx.services.faces.list())).not.toMatch(/descriptor/);
  });

  it('after one tag per person, suggests every test face as its person first and names nobody wrongly', () => {
    const taught = new Set<string>();
    for (const [key, [person]] of Object.entries(truth)) {
      if (!key.startsWith('train/') || taught.has(person!)) continue;
      const [face] = facesIn(key);
      ctx.services.faces.assign([face!.faceId], workerOf.get(person!)!);
      taught.add(person!);
    }
    let right = 0;
    let wrong = 0;
    let expected = 0;
    for (const [key, people] of Object.entries(truth)) {
      if (!key.startsWith('test/')) continue;
      const suggested = facesIn(key).map((f) => f.suggestion?.workerId).filter(Boolean);
      const named = people.filter((p) => p !== 'unknown').map((p) => workerOf.get(p));
      expected += named.length;
      right += named.filter((w) => suggested.includes(w)).length;
      wrong += suggested.filter((w) => !named.includes(w)).length;
    }
    expect({ right, wrong }).toEqual({ right: expected, wrong: 0 });
    // A worker's own list holds their test faces, surest first.
    const obama = ctx.services.faces.forWorker(workerOf.get('obama')!);
    expect(obama.confirmed).toHaveLength(1);
    expect(obama.suggestions.length).toBeGreaterThanOrEqual(5);
    expect(obama.suggestions.map((s) => s.suggestion!.score)).toEqual([...obama.suggestions.map((s) => s.suggestion!.score)].sort((a, b) => b - a));
  });

  it('confirms a face as the photo’s tag and region (carried by the XMP sidecar), undoably; a rejected suggestion is not offered again', async () => {
    const [face] = facesIn('test/obama1.jpg');
    expect(face!.suggestion?.workerId).toBe(workerOf.get('obama'));
    ctx.services.faces.assign([face!.faceId], 'obama');
    const photo = ctx.services.photos.get(face!.photoId);
    expect(photo.workers).toContain(workerOf.get('obama'));
    expect(photo.faceRegions).toEqual([{ workerId: workerOf.get('obama'), ...face!.box }]);
    const out = await tempDir();
    await ctx.services.xmp.write([photo.id], out);
    sidecarFile = path.join(out, (await fs.readdir(out)).find((f) => f.endsWith('.xmp'))!);
    const sidecar = await fs.readFile(sidecarFile, 'utf8');
    expect(sidecar).toContain('<rdf:li>obama</rdf:li>');
    expect(sidecar).toMatch(/mwg-rs:Name="?>?obama|<mwg-rs:Name>obama/);
    // Two faces of one photo cannot be the same person.
    const [left, right] = facesIn('test/two_people.jpg');
    expect(() => ctx.services.faces.assign([left!.faceId, right!.faceId], 'biden')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    ctx.services.history.undo();
    expect(ctx.services.photos.get(face!.photoId).faceRegions).toEqual([]);
    expect(ctx.services.faces.list({ photoId: face!.photoId })[0]!.workerId).toBeNull();
    // "Not them": never suggested again for that face, whoever else is.
    ctx.services.faces.reject([face!.faceId]);
    expect(ctx.services.faces.list({ photoId: face!.photoId })[0]!.suggestion?.workerId).not.toBe(workerOf.get('obama'));
    ctx.services.history.undo();
    expect(ctx.services.faces.list({ photoId: face!.photoId })[0]!.suggestion?.workerId).toBe(workerOf.get('obama'));
    // A confirmed face turned down ("not them" in the People view) is unnamed, and the photo untagged.
    ctx.services.faces.assign([face!.faceId], 'obama');
    ctx.services.faces.reject([face!.faceId]);
    expect(ctx.services.faces.list({ photoId: face!.photoId })[0]).toMatchObject({ workerId: null });
    expect(ctx.services.faces.list({ photoId: face!.photoId })[0]!.suggestion?.workerId).not.toBe(workerOf.get('obama'));
    expect(ctx.services.photos.get(face!.photoId)).toMatchObject({ workers: [], faceRegions: [] });
    ctx.services.history.undo();
    ctx.services.history.undo();
    expect(ctx.services.faces.list({ photoId: face!.photoId })[0]).toMatchObject({ workerId: null, suggestion: { workerId: workerOf.get('obama') } });
  });

  it('counts a face that came in as a sidecar MWG region as confirmed, and learns from it', async () => {
    const other = await freshProject();
    const card = path.join(other.root, 'card');
    await fs.mkdir(card);
    await fs.copyFile(path.join(FACES_FIXTURES, 'test', 'obama1.jpg'), path.join(card, 'obama1.jpg'));
    await fs.copyFile(sidecarFile, path.join(card, path.basename(sidecarFile)));
    await fs.copyFile(path.join(FACES_FIXTURES, 'test', 'obama3.jpg'), path.join(card, 'obama3.jpg'));
    const obama = other.services.roster.createWorker({ name: 'obama' });
    await other.services.importer.run({ paths: [card] });
    const tagged = other.services.photos.list().find((p) => p.originalName === 'obama1.jpg')!;
    expect(tagged.faceRegions).toHaveLength(1);
    await other.services.faceJob.done(other.services.faceJob.start().jobId);
    const [face] = other.services.faces.list({ photoId: tagged.id });
    expect(face).toMatchObject({ workerId: obama.id, suggestion: null });
    const untagged = other.services.photos.list().find((p) => p.originalName === 'obama3.jpg')!;
    expect(other.services.faces.list({ photoId: untagged.id })[0]!.suggestion?.workerId).toBe(obama.id);
    // The gift crop centres on the face the job found, since nobody drew one there.
    const box = other.services.faces.list({ photoId: untagged.id })[0]!.box;
    expect(other.services.gifts.focusOf(untagged, null)).toEqual({ x: box.x + box.w / 2, y: box.y + box.h / 2 });
    // A face drawn or confirmed wins over the ones found.
    const region = other.services.photos.get(tagged.id).faceRegions[0]!;
    expect(other.services.gifts.focusOf(other.services.photos.get(tagged.id), obama.id)).toEqual({ x: region.x + region.w / 2, y: region.y + region.h / 2 });
  }, 60_000);

  it('leaves out of suggestions a worker who declined (unless switched on), and a worker switched off', () => {
    const biden = workerOf.get('biden')!;
    const [face] = facesIn('test/two_people.jpg').filter((f) => f.suggestion?.workerId === biden);
    expect(face).toBeDefined();
    ctx.services.roster.updateWorker(biden, { consent: 'declined' });
    expect(facesIn('test/two_people.jpg').some((f) => f.suggestion?.workerId === biden)).toBe(false);
    ctx.services.faces.setSuggestions(biden, true);
    expect(facesIn('test/two_people.jpg').some((f) => f.suggestion?.workerId === biden)).toBe(true);
    ctx.services.faces.setSuggestions(biden, false);
    expect(facesIn('test/two_people.jpg').some((f) => f.suggestion?.workerId === biden)).toBe(false);
    ctx.services.faces.setSuggestions(biden, true);
  });

  it('sets aside a false face or a passer-by, and groups the unnamed faces', () => {
    const overview = ctx.services.faces.people();
    expect(overview.counts.photos).toBe(17);
    expect(overview.counts.scanned).toBe(17);
    const before = overview.counts.faces;
    const [someone] = overview.groups.flatMap((g) => g.faces);
    if (someone) {
      ctx.services.faces.setState([someone.faceId], 'ignored');
      expect(ctx.services.faces.people().counts).toMatchObject({ faces: before - 1, ignored: 1 });
      ctx.services.history.undo();
    }
    expect(ctx.services.faces.people().counts.faces).toBe(before);
  });
});
