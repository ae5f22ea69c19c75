import { describe, expect, it } from 'vitest';
import { composeGiftSheet, GIFT_LOGO, GIFT_PHOTO, type GiftArtwork } from '../../../../shared/logic/gift-drawing';
import { BUILT_IN_TEMPLATES } from '../../../../shared/logic/gift-templates';
import type { BandOp, Faces, ImageOp, RectOp, TextOp } from '../../../../shared/logic/page-drawing';
import { layoutSheet, templateTrim } from '../../../../shared/logic/sheet-layout';
import { PT_TO_MM } from '../../../../shared/logic/typeset';

/** A face where every character is one em wide: enough to check where text goes, not how it looks. */
const faces: Faces = () => ({
  measure: (text, sizePt) => [...text].length * sizePt * PT_TO_MM,
  ascent: 0.88,
  descent: 0.12,
});
const template = (id: string) => BUILT_IN_TEMPLATES.find((t) => t.id === id)!;

function artwork(
  id: string,
  opts: { bleedMm: number; marks: boolean; texture?: string | null; logoAspect?: number | null } = {
    bleedMm: 3,
    marks: false,
  },
): GiftArtwork {
  const t = template(id);
  const layout = layoutSheet(
    { ...t, logo: opts.logoAspect ? { path: 'logo.png', heightMm: 10 } : null },
    templateTrim(t, true),
    opts,
  );
  return {
    layout,
    frameColor: t.frame.color,
    frameTexture: opts.texture ?? null,
    matColor: t.mat.color,
    captions: [
      { block: t.captions[0]!, text: '占牡丹' },
      { block: t.captions[1]!, text: '科润智控 · 绕线工' },
    ],
    logoAspect: opts.logoAspect ?? null,
  };
}

describe('composeGiftSheet', () => {
  it('lays the mat out into the bleed, the photo in its window and the caption as text inside the caption area', () => {
    const art = artwork('simple-white-10');
    const drawn = composeGiftSheet(art, faces);
    if (!('page' in drawn)) throw new Error('did not fit');
    const { boxes } = drawn.page;
    const [mat] = drawn.page.ops as RectOp[];
    expect(mat).toEqual(
      expect.objectContaining({
        kind: 'rect',
        x: boxes.bleedRect.x,
        y: boxes.bleedRect.y,
        w: boxes.bleedRect.w,
        h: boxes.bleedRect.h,
        fill: art.matColor,
      }),
    );
    const photo = drawn.page.ops.find((op): op is ImageOp => op.kind === 'image' && op.ref === GIFT_PHOTO)!;
    expect(photo).toEqual(
      expect.objectContaining({
        x: boxes.trimRect.x + art.layout.window.x,
        y: boxes.trimRect.y + art.layout.window.y,
        w: art.layout.window.w,
      }),
    );
    const texts = drawn.page.ops.filter((op): op is TextOp => op.kind === 'text');
    expect(texts.map((t) => t.text)).toEqual(['占牡丹', '科润智控 · 绕线工']);
    const area = art.layout.captionArea;
    for (const t of texts) {
      expect(t.baseline).toBeGreaterThan(boxes.trimRect.y + area.y);
      expect(t.baseline).toBeLessThan(boxes.trimRect.y + area.y + area.h);
      // Centred: as much room on the left as on the right.
      const w = faces(t.font, t.weight).measure(t.text, t.sizePt);
      expect(t.x - (boxes.trimRect.x + area.x)).toBeCloseTo(boxes.trimRect.x + area.x + area.w - (t.x + w), 6);
    }
    expect(texts[0]).toEqual(expect.objectContaining({ font: 'serif', weight: 'bold' }));
    expect(drawn.page.ops.some((op) => op.kind === 'line')).toBe(false);
  });

  it('draws a coloured frame band as four bands around the mat, a textured one as one mitred band, and eight marks when asked', () => {
    const coloured = composeGiftSheet(artwork('simple-white-10', { bleedMm: 3, marks: true }), faces);
    if (!('page' in coloured)) throw new Error('did not fit');
    const art = artwork('simple-white-10');
    expect(
      coloured.page.ops.filter((op) => op.kind === 'rect' && op.fill === art.frameColor && op !== coloured.page.ops[0]),
    ).toHaveLength(4);
    expect(coloured.page.ops.filter((op) => op.kind === 'line')).toHaveLength(8);

    const wood = artwork('walnut-12', { bleedMm: 3, marks: false, texture: '/frames/walnut.jpg' });
    const textured = composeGiftSheet(wood, faces);
    if (!('page' in textured)) throw new Error('did not fit');
    const bands = textured.page.ops.filter((op): op is BandOp => op.kind === 'band');
    expect(bands).toEqual([
      expect.objectContaining({
        ref: '/frames/walnut.jpg',
        widthMm: 14,
        x: 3 + wood.layout.frameRect!.x,
        w: wood.layout.frameRect!.w,
      }),
    ]);
  });

  it('fits the logo inside its box at its own aspect, centred', () => {
    const art = artwork('simple-white-10', { bleedMm: 0, marks: false, logoAspect: 4 });
    const drawn = composeGiftSheet(art, faces);
    if (!('page' in drawn)) throw new Error('did not fit');
    const logo = drawn.page.ops.find((op): op is ImageOp => op.kind === 'image' && op.ref === GIFT_LOGO)!;
    const box = art.layout.logo!;
    expect(logo.w / logo.h).toBeCloseTo(4, 6);
    expect(logo.w).toBeLessThanOrEqual(box.w + 1e-9);
    expect(logo.x + logo.w / 2).toBeCloseTo(box.x + box.w / 2, 6);
  });

  it('names the caption that cannot fit at 6 pt instead of drawing it', () => {
    const art = artwork('plain-6');
    art.captions[1] = { block: art.captions[1]!.block, text: '很长'.repeat(400) };
    expect(composeGiftSheet(art, faces)).toEqual({ overflow: 1 });
  });
});
