import { describe, expect, it } from 'vitest';
import { planImport, type FoundFile } from '../../../../shared/logic/import-plan';

const f = (dir: string, name: string): FoundFile => ({ dir, name, path: `${dir}/${name}` });

describe('planImport', () => {
  it('makes a RAW+JPEG pair one photo, the JPEG, keeping the RAW on record', () => {
    const plan = planImport([f('/card', 'IMG_0001.CR3'), f('/card', 'IMG_0001.JPG'), f('/card', 'IMG_0002.JPG')]);
    expect(plan.candidates).toEqual([
      { path: '/card/IMG_0001.JPG', rawPath: '/card/IMG_0001.CR3', sidecarPath: null },
      { path: '/card/IMG_0002.JPG', rawPath: null, sidecarPath: null },
    ]);
    expect(plan.failures).toEqual([]);
  });
  it('reports a lone RAW and anything that is not a photo', () => {
    const plan = planImport([f('/card', 'DSC_0009.NEF'), f('/card', 'notes.txt'), f('/card', '.DS_Store')]);
    expect(plan.candidates).toEqual([]);
    expect(plan.failures).toEqual([
      { path: '/card/notes.txt', reason: 'not-a-photo' },
      { path: '/card/DSC_0009.NEF', reason: 'lone-raw' },
    ]);
  });
  it('pairs only within one folder', () => {
    const plan = planImport([f('/card/a', 'IMG_1.NEF'), f('/card/b', 'IMG_1.JPG')]);
    expect(plan.candidates[0]!.rawPath).toBeNull();
    expect(plan.failures).toEqual([{ path: '/card/a/IMG_1.NEF', reason: 'lone-raw' }]);
  });
  it('attaches sidecars named either way, the exact one first', () => {
    const plan = planImport([f('/c', 'A.JPG'), f('/c', 'A.xmp'), f('/c', 'B.jpg'), f('/c', 'B.jpg.xmp'), f('/c', 'B.xmp')]);
    expect(plan.candidates.map((c) => c.sidecarPath)).toEqual(['/c/A.xmp', '/c/B.jpg.xmp']);
  });
});
