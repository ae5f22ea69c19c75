import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FaceDetectorRepository, faceDetectorScript } from '../../../../../electron/main/repositories/face-detector';
import { REPO_ROOT } from '../../../../helpers/browser-host';
import { tempDir } from '../../../../helpers/factories';
import { FACES_FIXTURES } from '../../../../helpers/fixtures';

describe('the face helper', () => {
  it('runs from beside its repository in a checkout, and from out/ in a packaged app without the sources', async () => {
    expect(faceDetectorScript(REPO_ROOT)).toBe(path.join(REPO_ROOT, 'electron/main/repositories/face-detector/worker.cjs'));
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
      expect(await detector.detect(text, null)).toMatchObject({ ok: false, code: 'DECODE', reason: expect.any(String) });
      const face = path.join(FACES_FIXTURES, 'test/obama1.jpg');
      expect(await detector.detect(face, null)).toMatchObject({ ok: true, faces: [{ descriptor: expect.any(String), crop: null }] });
      expect(detector.model).toMatch(/face-api .*tiny_face_detector/);
    } finally {
      await detector.close();
    }
  }, 60_000);
});
