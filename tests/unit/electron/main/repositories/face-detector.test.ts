import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FaceDetectorRepository, faceDetectorScript } from '../../../../../electron/main/repositories/face-detector';
import { REPO_ROOT } from '../../../../helpers/browser-host';
import { tempDir } from '../../../../helpers/factories';
import { closePortrait } from '../../../../helpers/face-scenes';
import { FACES_FIXTURES } from '../../../../helpers/fixtures';
import { overlap } from '../../../../../shared/logic/face-match';

describe('the face helper', () => {
  it('runs from beside its repository in a checkout, and from out/ in a packaged app without the sources', async () => {
    expect(faceDetectorScript(REPO_ROOT)).toBe(
      path.join(REPO_ROOT, 'electron/main/repositories/face-detector/worker.cjs'),
    );
    const packaged = await tempDir();
    await fs.mkdir(path.join(packaged, 'out', 'face-helper'), { recursive: true });
    expect(faceDetectorScript(packaged)).toBe(path.join(packaged, 'out/face-helper/worker.cjs'));
  });

  it('names a photo it cannot read and a file that is gone, and goes on with the next', async () => {
    const detector = new FaceDetectorRepository({ script: faceDetectorScript(REPO_ROOT), processes: 1 });
    try {
      const dir = await tempDir();
      const text = path.join(dir, 'not-an-image.jpg');
      await fs.writeFile(text, 'hello');
      expect(await detector.detect(path.join(dir, 'gone.jpg'), null)).toMatchObject({ ok: false, code: 'MISSING' });
      expect(await detector.detect(text, null)).toMatchObject({
        ok: false,
        code: 'DECODE',
        reason: expect.any(String),
      });
      const face = path.join(FACES_FIXTURES, 'test/obama1.jpg');
      expect(await detector.detect(face, null)).toMatchObject({
        ok: true,
        faces: [{ descriptor: expect.any(String), crop: null }],
      });
      expect(detector.model).toMatch(/face-api .*tiny_face_detector/);
    } finally {
      await detector.close();
    }
  }, 60_000);

  it('looks again with the SSD only where the tiny detector is in doubt: a face filling the frame, not an ordinary portrait', async () => {
    const detector = new FaceDetectorRepository({ script: faceDetectorScript(REPO_ROOT), processes: 1 });
    try {
      const ordinary = await detector.detect(path.join(FACES_FIXTURES, 'test/obama1.jpg'), null);
      expect(ordinary).toMatchObject({ ok: true, faces: [expect.anything()] });
      expect(detector.passes()).toEqual({ photos: 1, ssd: 0, tiles: 0 });
      const close = await closePortrait(FACES_FIXTURES, path.join(await tempDir(), 'close.jpg'));
      const found = await detector.detect(close.file, null);
      expect(found).toMatchObject({ ok: true, faces: [expect.anything()] });
      expect(overlap(found.ok ? found.faces[0]!.box : { x: 0, y: 0, w: 0, h: 0 }, close.faces[0]!.box)).toBeGreaterThan(
        0.5,
      );
      expect(detector.passes()).toEqual({ photos: 2, ssd: 1, tiles: 0 });
    } finally {
      await detector.close();
    }
  }, 60_000);
});
