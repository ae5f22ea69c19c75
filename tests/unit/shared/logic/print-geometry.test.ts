import { describe, expect, it } from 'vitest';
import { impose, imposition, MARK_LENGTH_MM, MARK_OFFSET_MM, mmToPx, oriented, PAPER_SIZES, parsePaperSize, sheetBoxes } from '../../../../shared/logic/print-geometry';

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

describe('impose', () => {
  it('puts four small prints on a sheet, centred, with a cutting gap, never overlapping', () => {
    const a4 = { widthMm: 210, heightMm: 297 };
    const slots = impose({ widthMm: 89, heightMm: 127 }, a4, 4, 5);
    expect(slots).toHaveLength(4);
    for (const s of slots) {
      expect(s.x).toBeGreaterThanOrEqual(5);
      expect(s.x + s.w).toBeLessThanOrEqual(205);
    }
    expect(slots[1]!.x - (slots[0]!.x + slots[0]!.w)).toBeCloseTo(4, 9);
    expect(impose({ widthMm: 102, heightMm: 152 }, { widthMm: 297, heightMm: 420 }, 4, 5)).toHaveLength(4);
    expect(impose({ widthMm: 254, heightMm: 305 }, a4, 4, 5)).toEqual([]);
  });
});

describe('imposition', () => {
  it('puts 6寸 prints four-up on A3 with marks only in the gaps and margins', () => {
    const trim = { widthMm: 102, heightMm: 152 };
    const p = imposition(trim, 3, { widthMm: 297, heightMm: 420 });
    expect(p.slots.length).toBeGreaterThanOrEqual(4);
    expect(p.marks).toHaveLength(p.slots.length * 8);
    const inside = (x: number, y: number) => p.slots.some((s) => x > s.x + 1e-9 && x < s.x + s.w - 1e-9 && y > s.y + 1e-9 && y < s.y + s.h - 1e-9);
    for (const m of p.marks) {
      expect(inside(m.x1, m.y1)).toBe(false);
      expect(inside(m.x2, m.y2)).toBe(false);
      expect(m.x1 >= 0 && m.x2 >= 0 && m.x1 <= p.page.widthMm && m.y2 <= p.page.heightMm).toBe(true);
    }
  });
  it('turns the sheet when that fits more', () => {
    const p = imposition({ widthMm: 152, heightMm: 102 }, 3, { widthMm: 210, heightMm: 297 });
    expect(p.slots.length).toBeGreaterThanOrEqual(2);
  });
});
