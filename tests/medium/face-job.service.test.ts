import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { FaceJobService } from '../../electron/main/services/face-job.service';
import { formatMessage } from '../../shared/i18n/messages';
import { tempDir } from '../helpers/factories';
import { closePortrait, groupSelfie } from '../helpers/face-scenes';
import { FACES_FIXTURES } from '../helpers/fixtures';
import { freshProjects } from '../helpers/services';
import { overlap } from '../../shared/logic/face-match';

const freshProject = freshProjects();

/** An empty memory card folder beside the project. */
async function cardIn(root: string): Promise<string> {
  const card = path.join(root, 'card');
  await fs.mkdir(card);
  return card;
}

describe(`${FaceJobService.name} after an import`, () => {
  it('runs in the background once an import ends, when the window asks for it', async () => {
    const ctx = await freshProject();
    ctx.services.faceJob.afterImport = true;
    const finished = new Promise<{ result: { photos: number; faces: number } }>((resolve) =>
      ctx.services.events.subscribe(
        (name, payload) =>
          name === 'job.finished' && (payload as { kind: string }).kind === 'faces' && resolve(payload as never),
      ),
    );
    const card = await cardIn(ctx.root);
    await fs.copyFile(path.join(FACES_FIXTURES, 'test', 'two_people.jpg'), path.join(card, 'two.jpg'));
    await ctx.services.importer.run({ paths: [card] });
    expect((await finished).result).toMatchObject({ photos: 1, faces: 2 });
    // An import started while faces are being found has the cores to itself; its photos join the job after.
    await fs.copyFile(path.join(FACES_FIXTURES, 'test', 'obama1.jpg'), path.join(card, 'one.jpg'));
    await fs.copyFile(path.join(FACES_FIXTURES, 'test', 'obama3.jpg'), path.join(card, 'three.jpg'));
    ctx.services.faceJob.afterImport = false;
    const again = await ctx.services.faceJob.start({ again: true });
    const imported = ctx.services.importer.run({ paths: [card] });
    const during = await ctx.services.jobs.done(again.jobId);
    expect((await imported).imported).toBe(2);
    expect(during).toMatchObject({ photos: 3, faces: 4 });
    // A photo removed takes its faces with it.
    for (const photo of ctx.services.photos.list()) ctx.services.session.require().removePhoto(photo.id);
    expect(ctx.services.session.require().all('faces')).toEqual([]);
  }, 60_000);
});

describe(`${FaceJobService.name} and the project`, () => {
  it('stops quietly when the project is closed under it, and the next open goes on where it stopped', async () => {
    const ctx = await freshProject();
    const card = await cardIn(ctx.root);
    for (const f of ['obama1.jpg', 'obama3.jpg', 'two_people.jpg'])
      await fs.copyFile(path.join(FACES_FIXTURES, 'test', f), path.join(card, f));
    await ctx.services.importer.run({ paths: [card] });
    const { jobId } = await ctx.services.faceJob.start();
    await ctx.services.projects.close();
    expect(await ctx.services.jobs.done(jobId)).toMatchObject({ cancelled: true });
    await ctx.services.projects.open(ctx.project.dir);
    const rest = await ctx.services.faceJob.run();
    expect(rest).toMatchObject({ cancelled: false, photos: 3 });
    expect(ctx.services.photos.list().every((p) => p.faceScan && !p.faceScan.error)).toBe(true);
  }, 60_000);
});

describe(`${FaceJobService.name} and drawn regions`, () => {
  it('measures a region drawn where the detector saw no face, so it teaches like any confirmed face', async () => {
    const ctx = await freshProject();
    const card = await cardIn(ctx.root);
    // Upside down without an orientation tag: neither detector sees a face standing on its head (the SSD does see
    // one lying on its side).
    await sharp(path.join(FACES_FIXTURES, 'test', 'obama1.jpg'))
      .rotate(180)
      .jpeg()
      .toFile(path.join(card, 'upside-down.jpg'));
    await ctx.services.importer.run({ paths: [card] });
    const [photo] = ctx.services.photos.list();
    const worker = ctx.services.roster.createWorker({ name: '奥巴马' });
    ctx.services.tagging.tag([photo!.id], worker.id, { x: 0.35, y: 0.25, w: 0.3, h: 0.5 });
    await ctx.services.faceJob.run();
    const faces = ctx.services.faces.list({ photoId: photo!.id });
    const region = faces.find((f) => f.source === 'region');
    expect(region).toMatchObject({ workerId: worker.id, hasCrop: true });
    expect(ctx.services.session.require().get('faces', region!.faceId)!.descriptor).toEqual(expect.any(String));
  }, 60_000);
});

describe(`${FaceJobService.name} and a file's own MWG regions`, () => {
  it('keeps a face where the file names someone not in the roster, even where the detector sees none', async () => {
    const ctx = await freshProject();
    const card = await cardIn(ctx.root);
    await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#8aa' } })
      .jpeg()
      .toFile(path.join(card, 'wall.jpg'));
    // Another tool's sidecar: one face region (MWG, centre-based) named 陌生人, who is in no roster.
    await fs.writeFile(
      path.join(card, 'wall.xmp'),
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/" xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#" xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#">
 <mwg-rs:Regions rdf:parseType="Resource">
  <mwg-rs:AppliedToDimensions stDim:w="1200" stDim:h="800" stDim:unit="pixel"/>
  <mwg-rs:RegionList><rdf:Bag>
   <rdf:li rdf:parseType="Resource"><mwg-rs:Name>陌生人</mwg-rs:Name><mwg-rs:Type>Face</mwg-rs:Type><mwg-rs:Area stArea:x="0.5" stArea:y="0.4" stArea:w="0.2" stArea:h="0.3" stArea:unit="normalized"/></rdf:li>
  </rdf:Bag></mwg-rs:RegionList>
 </mwg-rs:Regions>
</rdf:Description></rdf:RDF></x:xmpmeta>`,
    );
    await ctx.services.importer.run({ paths: [card] });
    const [photo] = ctx.services.photos.list();
    expect(photo!.namedRegions).toEqual([
      {
        name: '陌生人',
        x: expect.closeTo(0.4, 3),
        y: expect.closeTo(0.25, 3),
        w: expect.closeTo(0.2, 3),
        h: expect.closeTo(0.3, 3),
      },
    ]);
    await ctx.services.faceJob.run();
    expect(ctx.services.faces.list({ photoId: photo!.id })).toEqual([
      expect.objectContaining({
        workerId: null,
        source: 'region',
        box: {
          x: expect.closeTo(0.4, 3),
          y: expect.closeTo(0.25, 3),
          w: expect.closeTo(0.2, 3),
          h: expect.closeTo(0.3, 3),
        },
      }),
    ]);
  }, 60_000);
});

describe(`${FaceJobService.name} on large faces`, () => {
  it('finds the face filling a close portrait, and all seven of a group selfie whose front faces the frame cuts off', async () => {
    const ctx = await freshProject();
    const card = await cardIn(ctx.root);
    // The tiny detector alone finds neither the portrait's face nor the three cut off in front (README, "Faces").
    const portrait = await closePortrait(FACES_FIXTURES, path.join(card, 'portrait.jpg'), { fill: 0.7 });
    const group = await groupSelfie(FACES_FIXTURES, path.join(card, 'group.jpg'));
    await ctx.services.importer.run({ paths: [card] });
    const result = await ctx.services.faceJob.run();
    expect(result).toMatchObject({ photos: 2, faces: 8, failed: [] });
    for (const scene of [portrait, group]) {
      const photo = ctx.services.photos.list().find((p) => p.path === scene.file)!;
      const found = ctx.services.faces.list({ photoId: photo.id });
      // Each face there is covered by exactly one found face.
      const covering = scene.faces.map((f) => found.filter((x) => overlap(x.box, f.box) >= 0.3).length);
      expect([path.basename(scene.file), covering]).toEqual([path.basename(scene.file), scene.faces.map(() => 1)]);
    }
  }, 120_000);
});

describe(`${FaceJobService.name} on small faces`, () => {
  it('looks closer, in tiles, when the whole photo shows no face: two people far off in a wide shot', async () => {
    const ctx = await freshProject();
    const card = await cardIn(ctx.root);
    // Their faces ~100 px wide on the 2048 px preview: too small for the whole view at the detector's 608 px.
    const far = await sharp(path.join(FACES_FIXTURES, 'test', 'two_people.jpg'))
      .resize(700)
      .toBuffer();
    await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#777' } })
      .composite([{ input: far, left: 200, top: 300 }])
      .jpeg()
      .toFile(path.join(card, 'wide.jpg'));
    await ctx.services.importer.run({ paths: [card] });
    const result = await ctx.services.faceJob.run();
    expect(result).toMatchObject({ photos: 1, faces: 2 });
    for (const f of ctx.services.faces.list()) expect(f.box.x).toBeLessThan(0.35);
  }, 60_000);
});

describe(`${FaceJobService.name} with bad input`, () => {
  it('names what it cannot scan and goes on: no face, 16-bit PNG, greyscale and CMYK JPEGs, an image gone from disk', async () => {
    const ctx = await freshProject();
    const card = await cardIn(ctx.root);
    const face = path.join(FACES_FIXTURES, 'test', 'obama1.jpg');
    await sharp({ create: { width: 800, height: 600, channels: 3, background: '#8aa' } })
      .jpeg()
      .toFile(path.join(card, 'wall.jpg'));
    await sharp(face).toColourspace('rgb16').png().toFile(path.join(card, 'sixteen.png'));
    await sharp(face).greyscale().jpeg().toFile(path.join(card, 'grey.jpg'));
    await sharp(face).toColourspace('cmyk').jpeg().toFile(path.join(card, 'cmyk.jpg'));
    await fs.copyFile(path.join(FACES_FIXTURES, 'test', 'obama3.jpg'), path.join(card, 'gone.jpg'));
    await ctx.services.importer.run({ paths: [card] });
    const photos = ctx.services.photos.list();
    expect(photos).toHaveLength(5);
    // Gone: the original and the previews made from it.
    const gone = photos.find((p) => p.originalName === 'gone.jpg')!;
    await fs.rm(gone.path);
    for (const rel of [gone.preview, gone.thumbnail])
      if (rel) await fs.rm(path.join(ctx.project.dir, rel), { force: true });
    const result = await ctx.services.faceJob.run();
    expect(result.photos).toBe(4);
    expect(result.failed).toEqual([
      expect.objectContaining({
        photoId: gone.id,
        name: 'gone.jpg',
        message: expect.objectContaining({ key: 'faces.photoMissing' }),
      }),
    ]);
    const count = (name: string) =>
      ctx.services.faces.list({ photoId: photos.find((p) => p.originalName === name)!.id }).length;
    expect(count('wall.jpg')).toBe(0);
    for (const name of ['sixteen.png', 'grey.jpg', 'cmyk.jpg']) expect([name, count(name)]).toEqual([name, 1]);
    expect(ctx.services.photos.get(gone.id).faceScan?.error?.key).toBe('faces.photoMissing');
  }, 120_000);

  it('names a photo whose preview was cut short and does not search what is left of it; the others are scanned', async () => {
    const ctx = await freshProject();
    const card = await cardIn(ctx.root);
    await fs.copyFile(path.join(FACES_FIXTURES, 'test', 'obama1.jpg'), path.join(card, 'cut.jpg'));
    await fs.copyFile(path.join(FACES_FIXTURES, 'test', 'obama3.jpg'), path.join(card, 'whole.jpg'));
    await ctx.services.importer.run({ paths: [card] });
    const cut = ctx.services.photos.list().find((p) => p.originalName === 'cut.jpg')!;
    // A disk that filled, a sync that stopped: the preview keeps its top 70%, the face included.
    const preview = path.join(ctx.project.dir, cut.preview!);
    const bytes = await fs.readFile(preview);
    await fs.writeFile(preview, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const result = await ctx.services.faceJob.run();
    expect(result).toMatchObject({ photos: 1, faces: 1 });
    expect(result.failed).toEqual([
      expect.objectContaining({
        photoId: cut.id,
        name: 'cut.jpg',
        message: expect.objectContaining({ key: 'faces.damaged' }),
      }),
    ]);
    expect(formatMessage(result.failed[0]!.message, 'en')).toBe(
      `cut.jpg: the image at ${preview} was not searched for faces, truncated: the file ends before the picture does (VipsJpeg: premature end of JPEG image)`,
    );
    expect(ctx.services.faces.list({ photoId: cut.id })).toEqual([]);
    expect(ctx.services.photos.get(cut.id).faceScan?.error?.key).toBe('faces.damaged');
  }, 120_000);

  it('says which model file is missing, and the job fails whole', async () => {
    const models = await tempDir();
    const root = await tempDir();
    const { createServices } = await import('../../electron/main/container');
    const services = createServices({ home: path.join(root, 'home'), faceModels: models, faceProcesses: 1 });
    try {
      await services.projects.create(path.join(root, 'project'), '人脸');
      const card = await cardIn(root);
      await fs.copyFile(path.join(FACES_FIXTURES, 'test', 'obama1.jpg'), path.join(card, 'a.jpg'));
      await services.importer.run({ paths: [card] });
      const { jobId } = await services.faceJob.start();
      await expect(services.jobs.done(jobId)).rejects.toMatchObject({
        key: 'faces.modelBroken',
        params: { file: path.join(models, 'tiny_face_detector_model-weights_manifest.json') },
      });
      expect(services.jobs.status(jobId).state).toBe('failed');
    } finally {
      await services.close();
    }
  }, 60_000);
});
