import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaceService } from '../../electron/main/services/face.service';
import { SURE_SUGGESTION } from '../../shared/logic/face-match';
import { tempDir } from '../helpers/factories';
import { freshProjects, servicesWithProject } from '../helpers/services';
import {
  madeCases,
  photoIds,
  precisionOf,
  recallOf,
  suggestionQuality,
  teachOnePerPerson,
  truthCases,
  whoIsWhere,
  type FaceCase,
} from '../helpers/face-quality';
import { FACES_FIXTURES } from '../helpers/fixtures';

type Ctx = Awaited<ReturnType<typeof servicesWithProject>>;
const freshProject = freshProjects();

describe(FaceService.name, () => {
  let ctx: Ctx;
  /** the face photos (truth.json) and the two made from them: a close portrait, a group selfie of seven */
  let cases: FaceCase[] = [];
  /** the photo id of each case */
  let ids = new Map<string, string>();
  let workerOf = new Map<string, string>();
  /** the XMP sidecar written for a photo whose face was named */
  let sidecarFile = '';

  beforeAll(async () => {
    ctx = await servicesWithProject();
    const made = path.join(ctx.root, 'made');
    cases = [...(await truthCases(FACES_FIXTURES)), ...(await madeCases(FACES_FIXTURES, made))];
    await ctx.services.importer.run({
      paths: [path.join(FACES_FIXTURES, 'train'), path.join(FACES_FIXTURES, 'test'), made],
    });
    ids = photoIds(ctx.services, cases);
    const { jobId } = await ctx.services.faceJob.start();
    const result = await ctx.services.jobs.done(jobId);
    expect(result).toMatchObject({ photos: cases.length, failed: [], cancelled: false });
  }, 180_000);
  afterAll(() => ctx?.services.close());

  const facesIn = (key: string) => ctx.services.faces.list({ photoId: ids.get(key)! });

  it('finds every face (the unknown girl at the edge, the close portrait’s, the group’s cut off by the frame), stored unassigned with a box inside the photo', () => {
    const { found, missed } = whoIsWhere(ctx.services, cases, ids);
    expect(missed).toEqual([]);
    expect(found.length).toBeGreaterThanOrEqual(cases.flatMap((c) => c.people).length);
    for (const { face: f } of found) {
      expect(f.workerId).toBeNull();
      expect(f.box.x).toBeGreaterThanOrEqual(0);
      expect(f.box.x + f.box.w).toBeLessThanOrEqual(1.000001);
      expect(f.box.y + f.box.h).toBeLessThanOrEqual(1.000001);
      expect(f.hasCrop).toBe(true);
    }
    // What a face looks like never leaves the service.
    expect(JSON.stringify(ctx.services.faces.list())).not.toMatch(/descriptor/);
  });

  it('after one tag per person, suggests the faces in test/ and in the made photos as who they are (recall ≥ 0.95 at precision ≥ 0.98)', () => {
    workerOf = teachOnePerPerson(ctx.services, cases, ids);
    const q = suggestionQuality(ctx.services, cases, ids, workerOf);
    expect(q.expected).toBe(18);
    expect({
      recall: recallOf(q) >= 0.95,
      precision: precisionOf(q) >= 0.98,
      wrong: q.scores.filter((s) => !s.right),
    }).toEqual({ recall: true, precision: true, wrong: [] });
    // A worker's own list holds their test faces, surest first.
    const obama = ctx.services.faces.forWorker(workerOf.get('obama')!);
    expect(obama.confirmed).toHaveLength(1);
    const mine = [...obama.suggestions, ...obama.doubtful];
    expect(mine.length).toBeGreaterThanOrEqual(7);
    expect(mine.map((s) => s.suggestion!.score)).toEqual(
      [...mine.map((s) => s.suggestion!.score)].sort((a, b) => b - a),
    );
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
    sidecarFile = path.join(
      out,
      (await fs.readdir(out)).find((f) => f.endsWith('.xmp'))!,
    );
    const sidecar = await fs.readFile(sidecarFile, 'utf8');
    expect(sidecar).toContain('<rdf:li>obama</rdf:li>');
    expect(sidecar).toMatch(/mwg-rs:Name="?>?obama|<mwg-rs:Name>obama/);
    // Two faces of one photo cannot be the same person.
    const [left, right] = facesIn('test/two_people.jpg');
    expect(() => ctx.services.faces.assign([left!.faceId, right!.faceId], 'biden')).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    ctx.services.history.undo();
    expect(ctx.services.photos.get(face!.photoId).faceRegions).toEqual([]);
    expect(ctx.services.faces.list({ photoId: face!.photoId })[0]!.workerId).toBeNull();
    // "Not them": never suggested again for that face, whoever else is.
    ctx.services.faces.reject([face!.faceId]);
    expect(ctx.services.faces.list({ photoId: face!.photoId })[0]!.suggestion?.workerId).not.toBe(
      workerOf.get('obama'),
    );
    ctx.services.history.undo();
    expect(ctx.services.faces.list({ photoId: face!.photoId })[0]!.suggestion?.workerId).toBe(workerOf.get('obama'));
    // A confirmed face turned down ("not them" in the People view) is unnamed, and the photo untagged.
    ctx.services.faces.assign([face!.faceId], 'obama');
    ctx.services.faces.reject([face!.faceId]);
    expect(ctx.services.faces.list({ photoId: face!.photoId })[0]).toMatchObject({ workerId: null });
    expect(ctx.services.faces.list({ photoId: face!.photoId })[0]!.suggestion?.workerId).not.toBe(
      workerOf.get('obama'),
    );
    expect(ctx.services.photos.get(face!.photoId)).toMatchObject({ workers: [], faceRegions: [] });
    ctx.services.history.undo();
    ctx.services.history.undo();
    expect(ctx.services.faces.list({ photoId: face!.photoId })[0]).toMatchObject({
      workerId: null,
      suggestion: { workerId: workerOf.get('obama') },
    });
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
    await other.services.faceJob.run();
    const [face] = other.services.faces.list({ photoId: tagged.id });
    expect(face).toMatchObject({ workerId: obama.id, suggestion: null });
    const untagged = other.services.photos.list().find((p) => p.originalName === 'obama3.jpg')!;
    expect(other.services.faces.list({ photoId: untagged.id })[0]!.suggestion?.workerId).toBe(obama.id);
    // The gift crop centres on the face the job found, since nobody drew one there.
    const box = other.services.faces.list({ photoId: untagged.id })[0]!.box;
    expect(other.services.sources.focusOf(untagged, null)).toEqual({ x: box.x + box.w / 2, y: box.y + box.h / 2 });
    // A face drawn or confirmed wins over the ones found.
    const region = other.services.photos.get(tagged.id).faceRegions[0]!;
    expect(other.services.sources.focusOf(other.services.photos.get(tagged.id), obama.id)).toEqual({
      x: region.x + region.w / 2,
      y: region.y + region.h / 2,
    });
  }, 60_000);

  it('keeps the less sure suggestions apart from the sure ones "confirm all" takes', async () => {
    const other = await freshProject();
    const card = path.join(other.root, 'card');
    await fs.mkdir(card);
    await fs.copyFile(path.join(FACES_FIXTURES, 'train/obama/obama.jpg'), path.join(card, 'taught.jpg'));
    await fs.copyFile(path.join(FACES_FIXTURES, 'test/obama1.jpg'), path.join(card, 'sharp.jpg'));
    // Out of focus: still like him, but less sure (about 46 % alike to the taught face).
    await sharp(path.join(FACES_FIXTURES, 'train/obama/obama2.jpg'))
      .blur(8)
      .jpeg()
      .toFile(path.join(card, 'blurred.jpg'));
    await other.services.importer.run({ paths: [card] });
    await other.services.faceJob.run();
    const photo = (name: string) => other.services.photos.list().find((p) => p.originalName === name)!.id;
    const obama = other.services.roster.createWorker({ name: 'obama' });
    other.services.faces.assign([other.services.faces.list({ photoId: photo('taught.jpg') })[0]!.faceId], obama.id);
    const { suggestions, doubtful } = other.services.faces.forWorker(obama.id);
    expect(suggestions.map((f) => f.photoId)).toEqual([photo('sharp.jpg')]);
    expect(doubtful.map((f) => f.photoId)).toEqual([photo('blurred.jpg')]);
    expect(suggestions[0]!.suggestion!.score).toBeGreaterThanOrEqual(SURE_SUGGESTION);
    expect(doubtful[0]!.suggestion).toMatchObject({ workerId: obama.id, score: expect.any(Number) });
    expect(doubtful[0]!.suggestion!.score).toBeLessThan(SURE_SUGGESTION);
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
    expect(overview.counts.photos).toBe(cases.length);
    expect(overview.counts.scanned).toBe(cases.length);
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
