import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { FontMetrics } from '../../../../../electron/main/repositories/font-metrics';
import { fontFor } from '../../../../../electron/main/repositories/fonts';

/** The small table reader agrees with a full parser (fontkit) on every number the typesetter uses. */
describe(FontMetrics.name, () => {
  for (const [family, weight] of [
    ['sans', 'normal'],
    ['serif', 'bold'],
  ] as const)
    it(`${family} ${weight}: widths, ink heights, ascent and descent`, () => {
      const { file } = fontFor(family, weight);
      const ours = new FontMetrics(file);
      const full = fontkit.create(fs.readFileSync(file));
      expect(ours.unitsPerEm).toBe(full.unitsPerEm);
      expect(ours.ascent).toBeCloseTo(full.ascent / full.unitsPerEm, 9);
      expect(ours.descent).toBeCloseTo(-full.descent / full.unitsPerEm, 9);
      for (const text of ['占牡丹', '科润智控 · 绕线工', '2025年5月', '“被看见，累也轻了。”', 'ISO 9001', '𠀋']) {
        const glyphs = [...text].map((ch) => full.glyphForCodePoint(ch.codePointAt(0)!));
        const width = glyphs.reduce((w, g) => w + g.advanceWidth, 0) / full.unitsPerEm;
        expect(ours.width(text), text).toBeCloseTo(width, 9);
        const top = Math.max(...glyphs.map((g) => (Number.isFinite(g.bbox.maxY) ? g.bbox.maxY : -Infinity)));
        expect(ours.inkAbove(text), text).toBeCloseTo(top / full.unitsPerEm, 9);
      }
      expect(ours.inkAbove('  ')).toBe(0);
    });
});
