import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImportService } from '../../electron/main/services/import.service';
import { makePhoto, redQuadrant, writePhoto } from '../helpers/factories';
import { PHOTO_FIXTURES, RAW_FIXTURES, SHARED_PHOTOS, hasTeamResources } from '../helpers/fixtures';
import { freshProjects, savedCatalog } from '../helpers/services';
import { hasExiftool, lacks } from '../helpers/tools';

const sha = async (file: string) =>
  createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');
const project = freshProjects();
const setup = (concurrency?: number) => project({ concurrency });

describe(ImportService.name, () => {
  it('shows every EXIF orientation upright, with width and height as displayed', async () => {
    const { services, root } = await setup();
    const card = path.join(root, 'card');
    for (let o = 1; o <= 8; o++)
      await writePhoto(card, `o${o}.jpg`, { width: 640, height: 480, orientation: o, seed: o });
    const summary = await services.importer.run({ paths: [card] });
    expect(summary.failed).toEqual([]);
    expect(summary.imported).toBe(8);
    const photos = services.photos.list();
    for (const p of photos) {
      expect([p.width, p.height], p.originalName).toEqual([640, 480]);
      const thumb = services.photos.mediaFile(p.id, 'thumb')!;
      const preview = services.photos.mediaFile(p.id, 'preview')!;
      expect(await redQuadrant(thumb), `${p.originalName} thumbnail`).toBe('top-left');
      expect(await redQuadrant(preview), `${p.originalName} preview`).toBe('top-left');
      expect(p.orientation ?? 1).toBe(Number(p.originalName[1]));
    }
  });

  it('reads capture time with its offset, camera, exposure and GPS the same in any time zone', async () => {
    const { services, root } = await setup();
    const file = await writePhoto(path.join(root, 'card'), 'IMG_0001.JPG', {
      exif: {
        IFD0: { Make: 'Canon', Model: 'Canon EOS R6', Artist: 'Chen Xiaoming' },
        IFD2: {
          DateTimeOriginal: '2025:05:12 09:30:15',
          OffsetTimeOriginal: '+08:00',
          ExposureTime: '1/250',
          FNumber: '28/10',
          ISOSpeedRatings: '800',
          FocalLength: '50/1',
          LensModel: 'RF50mm F1.8 STM',
        },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '28/1 44/1 2400/100',
          GPSLongitudeRef: 'E',
          GPSLongitude: '118/1 37/1 1200/100',
          GPSAltitudeRef: '0',
          GPSAltitude: '95/1',
        },
      },
    });
    await services.importer.run({ paths: [file] });
    const [p] = services.photos.list();
    expect(p).toMatchObject({
      capturedAt: '2025-05-12T09:30:15+08:00',
      make: 'Canon',
      model: 'Canon EOS R6',
      lens: 'RF50mm F1.8 STM',
      exposureTime: 0.004,
      fNumber: 2.8,
      iso: 800,
      focalLength: 50,
      artist: 'Chen Xiaoming',
      photographer: 'Chen Xiaoming', // no batch photographer given: the EXIF artist is used
      shootDay: '2025-05-12',
    });
    expect(p!.gps!.lat).toBeCloseTo(28.74, 4);
    expect(p!.gps!.lon).toBeCloseTo(118.62, 4);
    expect(p!.gps!.alt).toBe(95);
  });

  it('reports the same bytes under another name as a duplicate and adds nothing', async () => {
    const { services, root } = await setup();
    const a = await writePhoto(path.join(root, 'card'), 'a.jpg', { seed: 1 });
    await services.importer.run({ paths: [a] });
    const renamed = path.join(root, 'other', 'renamed.jpg');
    await fs.mkdir(path.dirname(renamed), { recursive: true });
    await fs.copyFile(a, renamed);
    const again = await services.importer.run({ paths: [renamed, a] });
    expect(again.imported).toBe(0);
    expect(again.duplicates.map((d) => d.path).sort()).toEqual([a, renamed].sort());
    expect(again.duplicates[0]!.photoId).toBe(services.photos.list()[0]!.id);
    expect(services.photos.list()).toHaveLength(1);
  });

  it('names every broken input and carries on with the rest', async () => {
    const { services, root } = await setup();
    const card = path.join(root, 'card');
    await writePhoto(card, 'good.jpg', { seed: 3 });
    const whole = await fs.readFile(await writePhoto(card, 'whole.jpg', { width: 1200, height: 900, seed: 4 }));
    await fs.rm(path.join(card, 'whole.jpg'));
    await fs.writeFile(path.join(card, 'truncated.jpg'), whole.subarray(0, Math.floor(whole.length / 3)));
    await fs.writeFile(path.join(card, 'empty.jpg'), Buffer.alloc(0));
    await fs.writeFile(path.join(card, 'text.jpg'), 'this is a text file with a photo name');
    await fs.writeFile(path.join(card, 'lone.NEF'), Buffer.from('raw'));
    await writePhoto(card, 'IMG_0099', { seed: 99 }); // a JPEG that lost its extension: the bytes say what it is
    const missing = path.join(root, 'no-such-folder');
    const summary = await services.importer.run({ paths: [card, missing] });
    const byName = Object.fromEntries(summary.failed.map((f) => [path.basename(f.path), f]));
    expect(summary.imported).toBe(2);
    expect(byName['IMG_0099']).toBeUndefined();
    // Its header reads, its picture stops a third of the way down: damaged, not unreadable.
    expect(byName['truncated.jpg']).toMatchObject({
      code: 'DAMAGED',
      key: 'import.damaged',
      message: expect.stringMatching(
        /^truncated\.jpg: truncated: the file ends before the picture does \(the file ends at byte \d+, inside the JPEG scan data\)/,
      ),
    });
    expect(byName['empty.jpg']).toMatchObject({ code: 'EMPTY', message: expect.stringContaining('empty') });
    expect(byName['text.jpg']).toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining('text') });
    expect(byName['lone.NEF']).toMatchObject({
      code: 'NO_PREVIEW',
      key: 'import.noPreview',
      message: expect.stringContaining('RAW'),
    });
    expect(byName['no-such-folder']).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('does not exist'),
    });
    expect(
      services.photos
        .list()
        .map((p) => p.originalName)
        .sort(),
    ).toEqual(['IMG_0099', 'good.jpg']);
  });

  it('refuses an image over the pixel limit before decoding it', async () => {
    const { services, root } = await setup();
    const small = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    // Claim 30000×30000 in the frame header: a decompression bomb as far as any decoder can tell.
    const sof = small.indexOf(Buffer.from([0xff, 0xc0]));
    small.writeUInt16BE(30000, sof + 5);
    small.writeUInt16BE(30000, sof + 7);
    const file = path.join(root, 'bomb.jpg');
    await fs.writeFile(file, small);
    const summary = await services.importer.run({ paths: [file] });
    expect(summary.failed).toEqual([
      expect.objectContaining({
        path: file,
        code: 'TOO_LARGE',
        key: 'import.tooLarge',
        message: expect.stringContaining('30000×30000'),
      }),
    ]);
  });

  it('pairs RAW with JPEG and reads a .xmp sidecar', async () => {
    const { services, root } = await setup();
    const card = path.join(root, 'card');
    await writePhoto(card, 'IMG_0007.JPG', { seed: 7 });
    await fs.writeFile(path.join(card, 'IMG_0007.CR3'), Buffer.from('raw bytes'));
    await fs.writeFile(
      path.join(card, 'IMG_0007.xmp'),
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" xmp:Rating="4">
          <dc:title><rdf:Alt><rdf:li xml:lang="x-default">师傅带徒弟</rdf:li></rdf:Alt></dc:title>
          <dc:subject><rdf:Bag><rdf:li>匠心</rdf:li><rdf:li>车间</rdf:li></rdf:Bag></dc:subject>
          <Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>占牡丹</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImage>
        </rdf:Description></rdf:RDF></x:xmpmeta>`,
    );
    const summary = await services.importer.run({ paths: [card] });
    expect(summary).toMatchObject({ imported: 1, failed: [] });
    const [p] = services.photos.list();
    expect(p).toMatchObject({
      rawPath: path.join(card, 'IMG_0007.CR3'),
      title: '师傅带徒弟',
      keywords: ['匠心', '车间'],
      personsShown: ['占牡丹'],
      rating: 4,
    });
  });

  it('reads metadata from PNG and WebP files too', async () => {
    const { services, root } = await setup();
    const exif = { IFD0: { Make: 'FUJIFILM', Model: 'X-T5' }, IFD2: { DateTimeOriginal: '2025:05:14 15:00:00' } };
    const png = await writePhoto(root, 'shot.png', { format: 'png', exif, seed: 11 });
    const webp = await writePhoto(root, 'shot.webp', { format: 'webp', exif, seed: 12 });
    const summary = await services.importer.run({ paths: [png, webp] });
    expect(summary.failed).toEqual([]);
    for (const p of services.photos.list())
      expect(p, p.format).toMatchObject({ make: 'FUJIFILM', model: 'X-T5', capturedAt: '2025-05-14T15:00:00' });
    expect(
      services.photos
        .list()
        .map((p) => p.format)
        .sort(),
    ).toEqual(['png', 'webp']);
  });

  it('copies into the project as {date}_{photographer}_{seq}, leaving the original untouched', async () => {
    const { services, root, project } = await setup();
    const card = path.join(root, 'card');
    const files = [];
    for (let i = 0; i < 3; i++)
      files.push(
        await writePhoto(card, `DSC_000${i}.JPG`, {
          seed: 20 + i,
          exif: { IFD2: { DateTimeOriginal: '2025:05:12 10:00:00' } },
        }),
      );
    const before = await Promise.all(files.map(sha));
    const summary = await services.importer.run({ paths: [card], photographer: '王丽华', copy: true });
    expect(summary.imported).toBe(3);
    const photos = services.photos.list();
    expect(photos.map((p) => path.basename(p.path)).sort()).toEqual([
      '20250512_王丽华_0001.jpg',
      '20250512_王丽华_0002.jpg',
      '20250512_王丽华_0003.jpg',
    ]);
    for (const p of photos) {
      expect(p.path.startsWith(project.dir)).toBe(true);
      expect(files).toContain(p.originalPath);
      expect(p.originalName).toMatch(/^DSC_000\d\.JPG$/);
      expect(await sha(p.path)).toBe(p.sha256);
    }
    expect(await Promise.all(files.map(sha))).toEqual(before);
  });

  it('stops when cancelled, leaves a valid catalog, and a re-run finishes without duplicates', async () => {
    const { services, root, project } = await setup(1);
    const card = path.join(root, 'card');
    for (let i = 0; i < 12; i++)
      await writePhoto(card, `p${String(i).padStart(2, '0')}.jpg`, { width: 1600, height: 1200, seed: 40 + i });
    // The import is cancelled through the one job service, once its progress says two photos are done.
    const cancelled = new Promise<void>((resolve) => {
      const off = services.events.subscribe((name, payload) => {
        const p = payload as { jobId: string; kind: string; done: number };
        if (name === 'job.progress' && p.kind === 'import' && p.done >= 2) {
          services.jobs.cancel(p.jobId);
          off();
          resolve();
        }
      });
    });
    const finished = new Promise<void>((resolve) =>
      services.events.subscribe(
        (name, payload) => name === 'job.finished' && (payload as { kind: string }).kind === 'import' && resolve(),
      ),
    );
    const { jobId } = await services.importer.start({ paths: [card] });
    await cancelled;
    await finished;
    const first = services.importer.status(jobId);
    expect(first.state).toBe('cancelled');
    expect(first.summary!.cancelled).toBe(true);
    expect(first.summary!.imported).toBeLessThan(12);
    // The catalog on disk is whole and holds what was imported so far.
    const onDisk = await savedCatalog(project.dir);
    expect(onDisk.photos.filter((p: { rendered: boolean }) => p.rendered)).toHaveLength(first.summary!.imported);

    const second = await services.importer.run({ paths: [card] });
    expect(second.imported + second.duplicates.length).toBe(12);
    expect(second.imported).toBe(12 - first.summary!.imported);
    expect(services.photos.list()).toHaveLength(12);
  });

  it('imports the real camera files, HEIF included, and fails none of the readable ones', async () => {
    const { services } = await setup();
    const summary = await services.importer.run({ paths: [PHOTO_FIXTURES] });
    // SOURCES.md is not a photo: skipped and counted as such, not a failure.
    expect(summary.failed).toEqual([]);
    expect(summary.notPhotos).toBe(1);
    const byName = Object.fromEntries(services.photos.list().map((p) => [p.originalName, p]));
    expect(byName['mobile_HMD_Nokia_8.3_5G_hdr.heif']).toMatchObject({ format: 'heif', width: 4608, height: 3456 });
    expect(byName['orientation_portrait_6.jpg']).toMatchObject({ orientation: 6 });
    expect(byName['gps_DSCN0012.jpg']!.gps!.lat).toBeCloseTo(43.467157, 5);
    for (const o of [1, 2, 3, 4, 5, 6, 7, 8])
      expect(byName[`orientation_portrait_${o}.jpg`]).toMatchObject({ width: 450, height: 600 });
  });
});

describe('what a card holds besides photos, and files that would hang a reader', () => {
  it('counts notes, camera index files and clutter as "not photos", outside the total; consumes sidecars', async () => {
    const { services, root } = await setup();
    const card = path.join(root, 'card');
    await writePhoto(card, 'IMG_0001.JPG', { seed: 11 });
    await fs.writeFile(path.join(card, 'IMG_0001.xmp'), '<x:xmpmeta xmlns:x="adobe:ns:meta/"/>');
    for (const clutter of [
      'README.md',
      'notes.txt',
      'Thumbs.db',
      '.DS_Store',
      'MVI_0002.THM',
      'CANONMSC.CTG',
      'clip.MOV',
    ])
      await fs.writeFile(path.join(card, clutter), 'x');
    // A camera .THM is a small JPEG: it still is not a photo of the shoot.
    await fs.writeFile(path.join(card, 'MVI_0003.THM'), await makePhoto({ width: 160, height: 120 }));
    const progress: number[] = [];
    const summary = await services.importer.run({ paths: [card] }, (p) => progress.push(p.total));
    expect(summary).toMatchObject({ imported: 1, failed: [], duplicates: [], notPhotos: 8 });
    expect(Math.max(...progress)).toBe(1);
  });

  it('never reads a pipe or a link to a device named like a photo, and names them; a huge sidecar is skipped with a warning', async () => {
    const { services, root } = await setup();
    const card = path.join(root, 'card');
    await writePhoto(card, 'ok.jpg', { seed: 12 });
    execFileSync('mkfifo', [path.join(card, 'fifo.jpg')]);
    await fs.symlink('/dev/zero', path.join(card, 'zero.jpg'));
    const sidecarOwner = await writePhoto(card, 'big.jpg', { seed: 13 });
    // 38 MB of keywords: once took 47 s and 1.3 GB.
    const head =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:subject><rdf:Bag>';
    const fd = await fs.open(path.join(card, 'big.xmp'), 'w');
    await fd.write(head);
    const chunk = '<rdf:li>keyword</rdf:li>'.repeat(40_000);
    for (let i = 0; i < 40; i++) await fd.write(chunk);
    await fd.write('</rdf:Bag></dc:subject></rdf:Description></rdf:RDF></x:xmpmeta>');
    await fd.close();
    const started = Date.now();
    const summary = await services.importer.run({ paths: [card] });
    expect(Date.now() - started).toBeLessThan(20_000);
    const failed = Object.fromEntries(summary.failed.map((f) => [path.basename(f.path), f]));
    expect(failed['fifo.jpg']).toMatchObject({ code: 'UNSUPPORTED', key: 'fs.notRegular' });
    expect(failed['zero.jpg']).toMatchObject({ code: 'UNSUPPORTED', key: 'fs.notRegular' });
    expect(summary.imported).toBe(2);
    const big = services.photos.list().find((p) => p.path === sidecarOwner)!;
    expect(big.keywords).toEqual([]);
    expect(big.warnings).toEqual([expect.objectContaining({ key: 'warning.sidecarTooLarge' })]);
    // A pipe given by itself is refused the same way.
    const alone = await services.importer.run({ paths: [path.join(card, 'fifo.jpg')] });
    expect(alone.failed).toEqual([expect.objectContaining({ code: 'UNSUPPORTED', key: 'fs.notRegular' })]);
  });

  it('imports a file whose name is not valid UTF-8, and prints it', async () => {
    const { services, root } = await setup();
    const card = path.join(root, 'card');
    await fs.mkdir(card, { recursive: true });
    // "照片.jpg" written by a GBK system: bytes that are not UTF-8.
    const name = Buffer.concat([Buffer.from([0xd5, 0xd5, 0xc6, 0xac]), Buffer.from('.jpg')]);
    await fs.writeFile(Buffer.concat([Buffer.from(card + '/'), name]), await makePhoto({ seed: 14 }));
    const summary = await services.importer.run({ paths: [card] });
    expect(summary).toMatchObject({ imported: 1, failed: [] });
    const [photo] = services.photos.list();
    expect(photo!.originalName).toMatch(/\uFFFD.*\.jpg$/);
    expect(photo!.rendered).toBe(true);
    // Copying into the project keeps the bytes readable too.
    const again = await setup();
    const copied = await again.services.importer.run({ paths: [card], copy: true });
    expect(copied).toMatchObject({ imported: 1, failed: [] });
  });
});

describe('RAW files on their own (Photo Mechanic style: the embedded preview)', () => {
  const RAW = RAW_FIXTURES;
  it('imports a RAW with a full-size preview, and names the ones whose preview is missing or far too small', async () => {
    const { services } = await setup();
    const summary = await services.importer.run({ paths: [RAW] });
    expect(summary.notPhotos).toBe(1); // SOURCES.md
    const failed = Object.fromEntries(summary.failed.map((f) => [path.basename(f.path), f]));
    expect(Object.keys(failed).sort()).toEqual([
      'canon_m50_stripped.cr3',
      'nikon_z9_tiny-preview.dng',
      'sony_a7iii_stripped.ARW',
    ]);
    for (const name of ['canon_m50_stripped.cr3', 'nikon_z9_tiny-preview.dng'])
      expect(failed[name]).toMatchObject({ code: 'NO_PREVIEW', key: 'import.noPreview' });
    // The first 8 KB of an ARW: its IFD0 says the preview lies at 135330 and runs 392117 bytes. Cut short, not preview-less.
    expect(failed['sony_a7iii_stripped.ARW']).toMatchObject({
      code: 'DAMAGED',
      key: 'import.damaged',
      message: expect.stringContaining(
        'truncated: the file ends before the picture does (IFD0 JPEG runs to byte 527447; the file ends at byte 8255)',
      ),
    });
    expect(failed['nikon_z9_tiny-preview.dng']!.message).toMatch(/256×171 for a 5392×3592 image/);
    expect(summary.imported).toBe(1);
    const [p] = services.photos.list();
    expect(p).toMatchObject({
      originalName: 'canon_eos_6d.dng',
      format: 'raw',
      make: 'Canon',
      model: 'Canon EOS 6D',
      capturedAt: '2019-06-06T07:29:51+02:00',
      width: 1024,
      height: 683,
      rendered: true,
    });
    expect(p!.warnings).toContainEqual(expect.objectContaining({ key: 'warning.rawPreview' }));
    // The preview is kept in the project: it is what prints.
    const source = path.join(services.session.require().dir, p!.renderSource!);
    expect((await sharp(source).metadata()).width).toBe(1024);
    expect(p!.path).toBe(path.join(RAW, 'canon_eos_6d.dng'));
  });
});

// The team's whole camera set and its reference tool live beside the repository on the team's machines; a clone
// elsewhere has neither, and says so (skipped with the reason). CI installs exiftool: there a missing one fails.
describe.skipIf(!hasTeamResources)(
  `the import command against exiftool, on the team's whole camera set (${hasTeamResources ? SHARED_PHOTOS : '../shared/photos is not beside this clone'})`,
  () => {
    const tool = path.resolve(SHARED_PHOTOS, '../tools/check-import');
    it.skipIf(lacks(hasExiftool)).each(['UTC', 'America/Los_Angeles'])(
      'check-import on the shared camera files agrees with exiftool under TZ=%s',
      async (tz) => {
        const { execFile } = await import('node:child_process');
        const { promisify } = await import('node:util');
        const { stdout } = await promisify(execFile)(tool, [SHARED_PHOTOS], {
          cwd: path.resolve(import.meta.dirname, '../..'),
          env: { ...process.env, TZ: tz },
        });
        expect(stdout).toMatch(/fields (\d+)\/\1 \(100\.0%\), valid files imported (\d+)\/\2/);
      },
    );
  },
);

describe('colour in previews', () => {
  it('keeps a wide-gamut profile and turns CMYK into sRGB', async () => {
    const { services, root } = await setup();
    const { default: sharp } = await import('sharp');
    const p3 = path.join(root, 'p3.jpg');
    await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c04030' } })
      .withIccProfile('p3')
      .jpeg()
      .toFile(p3);
    const cmyk = path.join(root, 'cmyk.jpg');
    await sharp({ create: { width: 300, height: 200, channels: 3, background: '#3060c0' } })
      .toColourspace('cmyk')
      .withIccProfile('cmyk')
      .jpeg()
      .toFile(cmyk);
    const summary = await services.importer.run({ paths: [p3, cmyk] });
    expect(summary.failed).toEqual([]);
    const byName = Object.fromEntries(services.photos.list().map((p) => [p.originalName, p]));
    const p3Preview = await sharp(services.photos.mediaFile(byName['p3.jpg']!.id, 'preview')!).metadata();
    const cmykPreview = await sharp(services.photos.mediaFile(byName['cmyk.jpg']!.id, 'preview')!).metadata();
    expect(p3Preview.icc).toEqual((await sharp(p3).metadata()).icc);
    expect(p3Preview.space).toBe('srgb'); // RGB pixels (sharp names every RGB space "srgb"), described by the P3 profile
    expect(cmykPreview.space).toBe('srgb');
    expect(cmykPreview.channels).toBe(3);
  });
});

describe('more formats and damaged metadata', () => {
  it('imports AVIF and a JPEG whose EXIF block is damaged, keeping what can be read', async () => {
    const { services, root } = await setup();
    const { default: sharp } = await import('sharp');
    const avif = path.join(root, 'shot.avif');
    await sharp({ create: { width: 320, height: 240, channels: 3, background: '#4a6' } })
      .avif()
      .toFile(avif);
    // A JPEG with a good IFD0 and an Exif sub-IFD pointer that leads past the end of the block.
    const good = await writePhoto(root, 'good.jpg', {
      exif: { IFD0: { Make: 'Canon', Model: 'Canon EOS R6' }, IFD2: { DateTimeOriginal: '2025:05:12 10:00:00' } },
    });
    const bytes = await fs.readFile(good);
    const tiff = bytes.indexOf(Buffer.from('Exif\0\0')) + 6;
    const le = bytes.toString('latin1', tiff, tiff + 2) === 'II';
    const u16 = (at: number) => (le ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
    const ifd0 = tiff + (le ? bytes.readUInt32LE(tiff + 4) : bytes.readUInt32BE(tiff + 4));
    for (let i = 0, n = u16(ifd0); i < n; i++) {
      const entry = ifd0 + 2 + i * 12;
      if (u16(entry) !== 0x8769) continue;
      if (le) bytes.writeUInt32LE(0x7ffffff0, entry + 8);
      else bytes.writeUInt32BE(0x7ffffff0, entry + 8);
    }
    const damaged = path.join(root, 'damaged.jpg');
    await fs.writeFile(damaged, bytes);
    const summary = await services.importer.run({ paths: [avif, damaged] });
    expect(summary.failed).toEqual([]);
    const byName = Object.fromEntries(services.photos.list().map((p) => [p.originalName, p]));
    expect(byName['shot.avif']).toMatchObject({ format: 'avif', width: 320, height: 240, rendered: true });
    // The Exif sub-IFD (capture time) is lost; IFD0 (camera) and the picture itself are kept.
    expect(byName['damaged.jpg']).toMatchObject({
      make: 'Canon',
      model: 'Canon EOS R6',
      capturedAt: null,
      rendered: true,
    });
  });
});

describe('a killed import', () => {
  it('leaves a valid catalog, and the next run finishes the job without duplicates', async () => {
    const { spawn, execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const root = await (await import('../helpers/factories')).tempDir();
    const card = path.join(root, 'card');
    const COUNT = 24;
    for (let i = 0; i < COUNT; i++)
      await writePhoto(card, `K${String(i).padStart(2, '0')}.jpg`, { width: 3000, height: 2000, seed: 100 + i });
    const cli = path.resolve(import.meta.dirname, '../../bin/chasing-light.js');
    const project = path.join(root, 'project');
    await promisify(execFile)(process.execPath, [cli, 'new', project]);
    // Kill the importer (SIGKILL: no chance to flush) once the catalog on disk holds a few photos.
    const child = spawn(process.execPath, [cli, 'import', project, card, '--json'], { stdio: 'ignore' });

    for (let tries = 0; tries < 400; tries++) {
      const saved = await savedCatalog(project).catch(() => null);
      if (saved && saved.photos.length >= 3) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const afterKill = await savedCatalog(project);
    expect(afterKill.photos.length).toBeGreaterThan(0);
    expect(afterKill.photos.length).toBeLessThan(COUNT);
    await promisify(execFile)(process.execPath, [cli, 'import', project, card, '--json']);
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'photos', project, '--json'], {
      maxBuffer: 1 << 24,
    });
    const photos = JSON.parse(stdout) as { sha256: string; rendered: boolean; thumbnail: string }[];
    expect(photos).toHaveLength(COUNT);
    expect(new Set(photos.map((p) => p.sha256)).size).toBe(COUNT);
    expect(photos.every((p) => p.rendered)).toBe(true);
    for (const p of photos) await expect(fs.stat(p.thumbnail)).resolves.toBeTruthy();
  });
});

describe('orientation known only from XMP', () => {
  it('shows the photo upright when only tiff:Orientation in XMP says how (exiftool does the same)', async () => {
    const { services, root } = await setup();
    const { makePhoto } = await import('../helpers/factories');
    const { default: sharp } = await import('sharp');
    for (const o of [5, 6, 7, 8]) {
      const stored = await makePhoto({ width: 640, height: 480, orientation: o, seed: 600 + o });
      const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Orientation="${o}"/></rdf:RDF></x:xmpmeta>`;
      // Re-encoded without EXIF: the orientation lives in the XMP packet alone.
      await sharp(stored)
        .withXmp(xmp)
        .jpeg()
        .toFile(path.join(root, `xmp${o}.jpg`));
    }
    await services.importer.run({ paths: [root] });
    for (const p of services.photos.list()) {
      expect([p.width, p.height], p.originalName).toEqual([640, 480]);
      expect(await redQuadrant(services.photos.mediaFile(p.id, 'preview')!), p.originalName).toBe('top-left');
    }
  });
});

describe('truncated and damaged photos (a copy that stopped, a card going bad)', () => {
  /** Every file the project's caches hold, relative to the project. */
  const cached = async (dir: string) =>
    (await fs.readdir(path.join(dir, 'cache'), { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
  const firstHalf = async (from: string, to: string) => {
    const bytes = await fs.readFile(from);
    await fs.writeFile(to, bytes.subarray(0, Math.floor(bytes.length / 2)));
  };
  /** `count` bytes of a fixed pseudo-random run written over the middle of the file: data no encoder wrote. */
  const scramble = (bytes: Buffer, at: number, count: number) => {
    const out = Buffer.from(bytes);
    let x = 12345;
    for (let i = 0; i < count; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      out[at + i] = (x >> 8) & 0xff;
    }
    return out;
  };

  it('names each one DAMAGED with what is wrong, carries on, and leaves nothing of them in the catalog or the cache', async () => {
    const { services, root, project } = await setup();
    const card = path.join(root, 'card');
    await fs.mkdir(card, { recursive: true });
    await writePhoto(card, 'good.jpg', { seed: 5 });
    // HEIF: the decoder would paint the missing half green and say nothing.
    await firstHalf(path.join(PHOTO_FIXTURES, 'samplefilehub.heif'), path.join(card, 'samplefilehub-half.heif'));
    await firstHalf(path.join(PHOTO_FIXTURES, 'mobile_HMD_Nokia_8.3_5G_hdr.heif'), path.join(card, 'nokia-half.heif'));
    // JPEG, PNG, TIFF and WebP made here, then cut in half.
    for (const format of ['jpeg', 'png', 'tiff', 'webp'] as const) {
      const whole = await makePhoto({ width: 1200, height: 900, format, seed: 30 });
      await fs.writeFile(path.join(card, `cut.${format}`), whole.subarray(0, Math.floor(whole.length / 2)));
    }
    // A camera JPEG cut after its EXIF thumbnail: found cut short by its structure, before anything is painted.
    await fs.writeFile(
      path.join(card, 'cut-camera.jpg'),
      (await fs.readFile(path.join(PHOTO_FIXTURES, 'gps_DSCN0012.jpg'))).subarray(0, 100_000),
    );
    // Whole files with a run of foreign bytes in the middle: a camera JPEG (restart markers) and one made here.
    const nikon = await fs.readFile(path.join(PHOTO_FIXTURES, 'exif-org_nikon-e950.jpg'));
    await fs.writeFile(path.join(card, 'middle-camera.jpg'), scramble(nikon, Math.floor(nikon.length / 2), 64));
    const made = await makePhoto({ width: 1200, height: 900, seed: 31 });
    await fs.writeFile(path.join(card, 'middle-made.jpg'), scramble(made, Math.floor(made.length / 2), 4096));

    const painted = new Set<string>();
    services.events.subscribe(
      (name, payload) =>
        name === 'photos.changed' && (payload as { ids: string[] }).ids.forEach((id) => painted.add(id)),
    );
    const summary = await services.importer.run({ paths: [card] });
    const failed = Object.fromEntries(summary.failed.map((f) => [path.basename(f.path), f]));
    const truncated = (name: string, part: string) =>
      expect(failed[name], name).toMatchObject({
        code: 'DAMAGED',
        key: 'import.damaged',
        message: expect.stringMatching(
          new RegExp(
            `^${name.replace('.', '\\.')}: truncated: the file ends before the picture does \\(${part}.*; copy it from the card again$`,
          ),
        ),
      });
    truncated('samplefilehub-half.heif', 'item 1 \\(hvc1\\) runs to byte 29208; the file ends at byte 14604');
    truncated('nokia-half.heif', 'item 1 \\(hvc1\\) runs to byte 865787');
    truncated('cut.jpeg', 'the file ends at byte \\d+, inside the JPEG scan data');
    truncated('cut.png', 'IDAT chunk runs to byte');
    truncated('cut.tiff', 'IFD0 runs to byte');
    truncated('cut.webp', '(VP8 chunk|RIFF) runs to byte');
    truncated('cut-camera.jpg', 'the file ends at byte 100000, inside the JPEG scan data');
    for (const name of ['middle-camera.jpg', 'middle-made.jpg'])
      // libjpeg's own words ("Corrupt JPEG data: …") when sharp passes them on; they can be lost when pictures decode side by side.
      expect(failed[name], name).toMatchObject({
        code: 'DAMAGED',
        key: 'import.damaged',
        message: expect.stringMatching(
          new RegExp(
            `^${name.replace('.', '\\.')}: damaged: the picture data is broken part-way( \\(VipsJpeg: Corrupt JPEG data.*\\))?; copy it from the card again$`,
          ),
        ),
      });
    expect(Object.keys(failed)).toHaveLength(9);
    // The batch went on; nothing of the damaged files stayed, though the whole-looking camera JPEG was painted in
    // the grid (its EXIF thumbnail) until its decode failed.
    expect(summary.imported).toBe(1);
    const [good] = services.photos.list();
    expect(good!.originalName).toBe('good.jpg');
    expect([...painted].filter((id) => id !== good!.id)).toHaveLength(1);
    expect(await cached(project.dir)).toEqual([`cache/previews/${good!.id}.jpg`, `cache/thumbs/${good!.id}.jpg`]);
  });

  it('refuses the 100% view of an original cut short after import, by name, and keeps no render of it', async () => {
    const { services, root, project } = await setup();
    const file = await writePhoto(path.join(root, 'card'), 'later.jpg', { width: 1600, height: 1200, seed: 8 });
    await services.importer.run({ paths: [file] });
    const [photo] = services.photos.list();
    const bytes = await fs.readFile(file);
    await fs.writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(services.photos.full(photo!.id)).rejects.toMatchObject({
      code: 'DAMAGED',
      message: expect.stringMatching(/^later\.jpg: truncated: the file ends before the picture does/),
    });
    expect((await cached(project.dir)).filter((f) => f.startsWith('cache/full'))).toEqual([]);
  });

  it('names a lone RAW cut short, and one whose embedded preview is broken', async () => {
    const { services, root, project } = await setup();
    const card = path.join(root, 'card');
    await fs.mkdir(card, { recursive: true });
    const dng = await fs.readFile(path.join(RAW_FIXTURES, 'canon_eos_6d.dng'));
    // Cut inside the full-size preview (bytes 145584 to 203485): ExifTool would only find the small one.
    await fs.writeFile(path.join(card, 'cut.dng'), dng.subarray(0, 180_000));
    await fs.writeFile(path.join(card, 'preview-broken.dng'), scramble(dng, 165_584, 4096));
    const summary = await services.importer.run({ paths: [card] });
    const failed = Object.fromEntries(summary.failed.map((f) => [path.basename(f.path), f]));
    expect(failed['cut.dng']).toMatchObject({
      code: 'DAMAGED',
      key: 'import.damaged',
      message: expect.stringMatching(
        /^cut\.dng: truncated: the file ends before the picture does \(SubIFD1 tile \d runs to byte 411943; the file ends at byte 180000\)/,
      ),
    });
    expect(failed['preview-broken.dng']).toMatchObject({
      code: 'DAMAGED',
      key: 'import.damagedPreview',
      message: expect.stringMatching(
        /^preview-broken\.dng \(the JPEG preview inside this RAW file\): damaged: the picture data is broken part-way/,
      ),
    });
    expect(summary.imported).toBe(0);
    expect(services.photos.list()).toEqual([]);
    expect(await cached(project.dir)).toEqual([]);
  });
});
