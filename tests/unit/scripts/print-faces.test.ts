import fs from 'node:fs/promises';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { copyPrintFaces } from '../../../scripts/print-faces.js';
import { tempDir } from '../../helpers/factories';

describe('the print faces a build puts in out/fonts (all a packaged app carries of the font packages)', () => {
  it('are the four Chinese faces, each with the OFL it comes under', async () => {
    const dir = await tempDir();
    const written = copyPrintFaces(dir);
    expect((await fs.readdir(dir)).sort()).toEqual(
      [
        'NotoSansSC_400Regular.ttf',
        'NotoSansSC_700Bold.ttf',
        'NotoSerifSC_400Regular.ttf',
        'NotoSerifSC_700Bold.ttf',
        'OFL-NotoSansSC.txt',
        'OFL-NotoSerifSC.txt',
      ].sort(),
    );
    for (const file of written.filter((f) => f.endsWith('.ttf'))) {
      const font = fontkit.create(await fs.readFile(file));
      // 追光, and a rare surname character beyond GB2312 (堃): no tofu on a print.
      for (const ch of '追光堃')
        expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!), `${path.basename(file)} ${ch}`).toBe(true);
    }
    for (const file of written.filter((f) => f.endsWith('.txt')))
      expect(await fs.readFile(file, 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1');
  });
});
