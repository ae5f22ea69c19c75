import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES } from '../../../../shared/logic/gift-templates';
import { cropFor, layoutSheet, placedPpi, scaleTemplate, templateTrim } from '../../../../shared/logic/sheet-layout';

const t = BUILT_IN_TEMPLATES[0]!;

describe('layoutSheet', () => {
  it('puts the window inside the mat, at the template aspect, turned with the sheet', () => {
    for (const landscape of [true, false]) {
      const trim = templateTrim(t, landscape);
      const l = layoutSheet(t, trim, { bleedMm: 3, marks: false });
      const aspect = l.window.w / l.window.h;
      expect(aspect).toBeCloseTo(landscape ? 1.5 : 1 / 1.5, 5);
      expect(l.window.x).toBeGreaterThanOrEqual(l.matRect.x);
      expect(l.window.x + l.window.w).toBeLessThanOrEqual(l.matRect.x + l.matRect.w + 1e-9);
      expect(l.captionArea.y).toBeGreaterThan(l.window.y + l.window.h);
      expect(l.captionArea.y + l.captionArea.h).toBeLessThanOrEqual(l.matRect.y + l.matRect.h);
      expect(l.captionArea.h).toBeGreaterThan(10);
    }
  });
  it('refuses a mat that leaves no room for the photo', () => {
    expect(() =>
      layoutSheet({ ...t, mat: { ...t.mat, topMm: 200, bottomMm: 200 } }, templateTrim(t, false), {
        bleedMm: 3,
        marks: false,
      }),
    ).toThrow(/no room/);
  });
});

describe('cropFor', () => {
  const photo = { width: 6000, height: 4000 };
  it('fills a window of another aspect without distortion, centred on the face', () => {
    const c = cropFor(photo, 2 / 3, { x: 0.6, y: 0.3 }, null)!;
    expect((c.w * photo.width) / (c.h * photo.height)).toBeCloseTo(2 / 3, 5);
    expect(c.h).toBe(1);
    expect(c.x + c.w / 2).toBeCloseTo(0.6, 5);
  });
  it('keeps the crop inside the photo near an edge', () => {
    const c = cropFor(photo, 2 / 3, { x: 0.99, y: 0.5 }, null)!;
    expect(c.x + c.w).toBeCloseTo(1, 6);
  });
  it('honours the user crop but corrects its aspect and bounds', () => {
    const c = cropFor(photo, 1.5, null, { x: 0.5, y: 0.5, w: 0.5, h: 0.2 })!;
    expect((c.w * photo.width) / (c.h * photo.height)).toBeCloseTo(1.5, 5);
    expect(c.x + c.w).toBeLessThanOrEqual(1);
    expect(c.y + c.h).toBeLessThanOrEqual(1);
  });
  it('leaves it to the renderer when there is no face and no user crop', () => {
    expect(cropFor(photo, 1.5, null, null)).toBeNull();
  });
  it('computes the resolution a photo prints at from the part of it printed', () => {
    // The whole photo, at its own aspect: 1200 px over 10 inches.
    expect(placedPpi({ width: 1200, height: 800 }, { w: 254, h: 254 / 1.5 }, null)).toBe(120);
    // Half its width chosen by hand.
    expect(placedPpi({ width: 6000, height: 4000 }, { w: 254, h: 254 / 0.75 }, { x: 0, y: 0, w: 0.5, h: 1 })).toBe(300);
    // No crop given, a wide photo in a square window: the window's aspect is cut from the middle, not the whole width.
    expect(placedPpi({ width: 1600, height: 900 }, { w: 200, h: 200 }, null)).toBe(Math.round(900 / (200 / 25.4)));
    // The lower of the two directions counts.
    expect(placedPpi({ width: 1000, height: 1000 }, { w: 100, h: 100 }, { x: 0, y: 0, w: 1, h: 0.5 })).toBe(127);
  });
});

describe('scaleTemplate', () => {
  it('keeps the design proportional at another size, so it still fits', () => {
    const small = scaleTemplate(t, '6寸');
    expect(small.size).toBe('6寸');
    expect(small.mat.bottomMm).toBeLessThan(t.mat.bottomMm);
    expect(small.captions[0]!.sizePt).toBeLessThan(t.captions[0]!.sizePt);
    const l = layoutSheet(small, templateTrim(small, true), { bleedMm: 3, marks: false });
    expect(l.captionArea.h).toBeGreaterThan(5);
    expect(scaleTemplate(t, '10寸')).toEqual({ ...t, size: '10寸' });
  });
  it('never scales type under 6 pt (Chinese fills in on photo paper)', () => {
    const tiny = scaleTemplate(t, '5寸'); // 0.44 of 10寸: the 7.5 pt credit would be 3.3 pt
    for (const c of tiny.captions) expect(c.sizePt).toBeGreaterThanOrEqual(6);
    expect(Math.min(...tiny.captions.map((c) => c.sizePt))).toBe(6);
  });
});
