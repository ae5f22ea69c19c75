import { describe, expect, it } from 'vitest';
import { planImport, type FoundFile } from '../../../../shared/logic/import-plan';

const f = (dir: string, name: string, isFile = true): FoundFile => ({ dir, name, path: `${dir}/${name}`, isFile });

describe('planImport', () => {
  it('makes a RAW+JPEG pair one photo, the JPEG, keeping the RAW on record', () => {
    const plan = planImport([f('/card', 'IMG_0001.CR3'), f('/card', 'IMG_0001.JPG'), f('/card', 'IMG_0002.JPG')]);
    expect(plan.candidates).toEqual([
      { path: '/card/IMG_0001.JPG', rawPath: '/card/IMG_0001.CR3', sidecarPath: null },
      { path: '/card/IMG_0002.JPG', rawPath: null, sidecarPath: null },
    ]);
    expect(plan.failures).toEqual([]);
  });
  it('imports a lone RAW from its preview, and counts what is not a photo as skipped, not failed', () => {
    const plan = planImport([
      f('/card', 'DSC_0009.NEF'),
      f('/card', 'notes.txt'),
      f('/card', '.DS_Store'),
      f('/card', 'Thumbs.db'),
      f('/card', 'MVI_1.THM'),
      f('/card', 'INDEX.CTG'),
      f('/card', 'README.md'),
      f('/card', '._IMG_1.JPG'),
    ]);
    expect(plan.candidates).toEqual([
      { path: '/card/DSC_0009.NEF', rawPath: '/card/DSC_0009.NEF', sidecarPath: null, fromRaw: true },
    ]);
    expect(plan.failures).toEqual([]);
    expect(plan.notPhotos.sort()).toEqual(
      [
        '/card/.DS_Store',
        '/card/INDEX.CTG',
        '/card/MVI_1.THM',
        '/card/README.md',
        '/card/Thumbs.db',
        '/card/._IMG_1.JPG',
        '/card/notes.txt',
      ].sort(),
    );
  });
  it('pairs only within one folder', () => {
    const plan = planImport([f('/card/a', 'IMG_1.NEF'), f('/card/b', 'IMG_1.JPG')]);
    expect(plan.candidates.map((c) => [c.path, c.rawPath])).toEqual([
      ['/card/a/IMG_1.NEF', '/card/a/IMG_1.NEF'],
      ['/card/b/IMG_1.JPG', null],
    ]);
  });
  it('attaches sidecars named either way, the exact one first, and does not list them', () => {
    const plan = planImport([
      f('/c', 'A.JPG'),
      f('/c', 'A.xmp'),
      f('/c', 'B.jpg'),
      f('/c', 'B.jpg.xmp'),
      f('/c', 'B.xmp'),
      f('/c', 'lonely.xmp'),
    ]);
    expect(plan.candidates.map((c) => c.sidecarPath)).toEqual(['/c/A.xmp', '/c/B.jpg.xmp']);
    expect(plan.notPhotos).toEqual([]);
    expect(plan.failures).toEqual([]);
  });
  it('names a pipe or device that looks like a photo as a failure, and leaves files without an extension to their bytes', () => {
    const plan = planImport([
      f('/c', 'fifo.jpg', false),
      f('/c', 'zero.NEF', false),
      f('/c', 'socket', false),
      f('/c', 'IMG_0001'),
    ]);
    expect(plan.failures).toEqual([
      { path: '/c/fifo.jpg', reason: 'not-regular' },
      { path: '/c/zero.NEF', reason: 'not-regular' },
    ]);
    expect(plan.unnamed).toEqual(['/c/IMG_0001']);
    expect(plan.candidates).toEqual([]);
  });
});
