import { describe, expect, it } from 'vitest';
import {
  ownSideBleed,
  placedArea,
  imposition,
  minimumPages,
  MARK_LENGTH_MM,
  MARK_OFFSET_MM,
  mmToPx,
  oriented,
  PAPER_SIZES,
  parsePaperSize,
  sheetBoxes,
} from '../../../../shared/logic/print-geometry';

describe('paper sizes', () => {
  it.each(Object.entries(PAPER_SIZES))('%s in both orientations at 300 dpi', (name, size) => {
    const p = oriented(parsePaperSize(name)!, 'portrait');
    const l = oriented(size, 'landscape');
    expect(p.widthMm).toBeLessThan(p.heightMm);
    expect(l.widthMm).toBeGreaterThan(l.heightMm);
    expect(mmToPx(p.widthMm, 300)).toBe(Math.round((size.widthMm / 25.4) * 300));
  });
  it('knows the sizes print shops quote', () => {
    expect(parsePaperSize('10寸')).toEqual({ widthMm: 203, heightMm: 254 });
    expect(parsePaperSize('6寸')).toEqual({ widthMm: 102, heightMm: 152 });
    expect(parsePaperSize('a4')).toEqual({ widthMm: 210, heightMm: 297 });
    expect(parsePaperSize('200x300mm')).toEqual({ widthMm: 200, heightMm: 300 });
    expect(parsePaperSize('200×300')).toEqual({ widthMm: 200, heightMm: 300 });
    expect(parsePaperSize('huge')).toBeNull();
    expect(parsePaperSize('5x5')).toBeNull();
  });
  it('converts 10寸 at 300 dpi to the pixel size a print shop expects', () => {
    expect([mmToPx(203, 300), mmToPx(254, 300)]).toEqual([2398, 3000]);
  });
});

describe('sheetBoxes', () => {
  it('without marks: the output is trim plus bleed on every side', () => {
    const b = sheetBoxes({ widthMm: 203, heightMm: 254 }, 3, false);
    expect(b.mediaMm).toEqual({ widthMm: 209, heightMm: 260 });
    expect(b.trimRect).toEqual({ x: 3, y: 3, w: 203, h: 254 });
    expect(b.marks).toEqual([]);
  });
  it('with marks: eight marks on the trim lines, all outside the bleed', () => {
    const b = sheetBoxes({ widthMm: 102, heightMm: 152 }, 3, true);
    expect(b.marks).toHaveLength(8);
    expect(b.slugMm).toBe(MARK_OFFSET_MM + MARK_LENGTH_MM);
    const bleed = b.bleedRect;
    for (const m of b.marks) {
      const inBleedX = (x: number) => x > bleed.x && x < bleed.x + bleed.w;
      const inBleedY = (y: number) => y > bleed.y && y < bleed.y + bleed.h;
      // never both coordinates inside the bleed box: no mark touches the print
      expect(inBleedX(m.x1) && inBleedY(m.y1)).toBe(false);
      expect(inBleedX(m.x2) && inBleedY(m.y2)).toBe(false);
      // each mark continues a trim line
      const onTrimX = [b.trimRect.x, b.trimRect.x + b.trimRect.w].includes(m.x1) && m.x1 === m.x2;
      const onTrimY = [b.trimRect.y, b.trimRect.y + b.trimRect.h].includes(m.y1) && m.y1 === m.y2;
      expect(onTrimX || onTrimY).toBe(true);
      // and stays on the media
      for (const v of [m.x1, m.x2]) expect(v >= 0 && v <= b.mediaMm.widthMm).toBe(true);
      for (const v of [m.y1, m.y2]) expect(v >= 0 && v <= b.mediaMm.heightMm).toBe(true);
    }
  });
});

const overlaps = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
  Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 1e-6 &&
  Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 1e-6;

describe('imposition', () => {
  const a4 = { widthMm: 210, heightMm: 297 };
  const a3 = { widthMm: 297, heightMm: 420 };

  it('lays four 5寸 on A4 edge to edge: one shared cut between neighbours, bleed only on the outside', () => {
    const p = imposition({ widthMm: 89, heightMm: 127 }, 2, a4);
    expect(p.slots).toHaveLength(4);
    const [a, b, c] = p.slots.map((s) => s.rect);
    expect(b!.x).toBeCloseTo(a!.x + a!.w, 9); // no gap: one cut serves both prints
    expect(c!.y).toBeCloseTo(a!.y + a!.h, 9);
    expect(p.slots[0]!.bleed).toEqual({ top: 2, left: 2, right: 0, bottom: 0 });
    expect(p.slots[3]!.bleed).toEqual({ top: 0, left: 0, right: 2, bottom: 2 });
    for (const s of p.slots) {
      // The bleed stays inside the 5 mm margin.
      expect(s.rect.x - s.bleed.left).toBeGreaterThanOrEqual(5 - 1e-9);
      expect(s.rect.y + s.rect.h + s.bleed.bottom).toBeLessThanOrEqual(297 - 5 + 1e-9);
      for (const o of p.slots) if (o !== s) expect(overlaps(s.rect, o.rect)).toBe(false);
    }
  });

  it('fills the leftover strip with turned prints when that fits more (5 × 6寸 on A3, not 4)', () => {
    const p = imposition({ widthMm: 102, heightMm: 152 }, 3, a3);
    expect(p.slots).toHaveLength(5);
    expect(p.slots.some((s) => s.rotated)).toBe(true);
    expect(p.slots.some((s) => !s.rotated)).toBe(true);
    for (const s of p.slots) for (const o of p.slots) if (o !== s) expect(overlaps(s.rect, o.rect)).toBe(false);
  });

  it('puts marks on every cut line, in the margin, never on a print or its bleed', () => {
    const p = imposition({ widthMm: 102, heightMm: 152 }, 3, a3);
    expect(p.marks.length).toBeGreaterThan(0);
    const grown = p.slots.map(({ rect: r, bleed: b }) => ({
      x: r.x - b.left,
      y: r.y - b.top,
      w: r.w + b.left + b.right,
      h: r.h + b.top + b.bottom,
    }));
    for (const m of p.marks) {
      const box = {
        x: Math.min(m.x1, m.x2),
        y: Math.min(m.y1, m.y2),
        w: Math.abs(m.x2 - m.x1) || 1e-3,
        h: Math.abs(m.y2 - m.y1) || 1e-3,
      };
      for (const g of grown) expect(overlaps(box, g)).toBe(false);
      expect(Math.min(m.x1, m.x2)).toBeGreaterThanOrEqual(0);
      expect(Math.max(m.y1, m.y2)).toBeLessThanOrEqual(420);
    }
    // Every vertical cut line of the block has a mark.
    const cutsX = new Set(p.slots.flatMap((s) => [s.rect.x, s.rect.x + s.rect.w].map((x) => x.toFixed(3))));
    const markedX = new Set(p.marks.filter((m) => m.x1 === m.x2).map((m) => m.x1.toFixed(3)));
    for (const x of cutsX) expect(markedX.has(x), `cut at x=${x}`).toBe(true);
  });

  it('returns no slots when a print is larger than the page, and counts the fewest pages possible', () => {
    expect(imposition({ widthMm: 254, heightMm: 305 }, 3, a4).slots).toEqual([]);
    expect(minimumPages(9, { widthMm: 89, heightMm: 127 }, a4)).toBe(2);
    expect(minimumPages(0, { widthMm: 89, heightMm: 127 }, a4)).toBe(0);
  });
});

describe('a print placed on an imposed page', () => {
  const shown = { top: 3, right: 0, bottom: 1, left: 2 };

  it('shows on its own sides the bleed its slot shows, as it lies', () => {
    expect(ownSideBleed(shown, false)).toEqual(shown);
    expect(placedArea({ rect: { x: 10, y: 20, w: 100, h: 150 }, bleed: shown })).toEqual({
      x: 8,
      y: 17,
      w: 102,
      h: 154,
    });
  });

  it('turned a quarter clockwise, shows at its left what the slot shows at the top, and so round', () => {
    expect(ownSideBleed(shown, true)).toEqual({ left: 3, top: 0, right: 1, bottom: 2 });
  });
});
