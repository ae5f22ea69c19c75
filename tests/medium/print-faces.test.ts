import fs from 'node:fs/promises';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { allPrintFaces, printFacesDir } from '../../electron/main/repositories/fonts';

describe('the print faces kept in assets/fonts (all the Chinese a print, a PDF or the gallery is set in)', () => {
  it('are four TrueType faces, each covering a rare surname, each with the OFL it comes under', async () => {
    const faces = allPrintFaces();
    expect(new Set(faces.map((f) => f.file)).size).toBe(4);
    for (const face of faces) {
      const font = fontkit.create(await fs.readFile(face.file));
      // 追光, and surname characters beyond GB2312 (堃, 喆): no tofu on a print.
      for (const ch of '追光堃喆')
        expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!), `${path.basename(face.file)} ${ch}`).toBe(true);
    }
    const licences = (await fs.readdir(printFacesDir())).filter((f) => f.endsWith('.txt'));
    expect(licences.sort()).toEqual(['OFL-NotoSansSC.txt', 'OFL-NotoSerifSC.txt']);
    for (const file of licences)
      expect(await fs.readFile(path.join(printFacesDir(), file), 'utf8')).toContain(
        'SIL OPEN FONT LICENSE Version 1.1',
      );
  });
});
