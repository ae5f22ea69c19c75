import { describe, expect, it } from 'vitest';
import {
  composeCatalogue,
  paddingFor,
  workerIndex,
  type CatalogueEntry,
} from '../../../../shared/logic/catalogue-drawing';
import type { Faces } from '../../../../shared/logic/page-drawing';
import { PT_TO_MM } from '../../../../shared/logic/typeset';

const faces: Faces = () => ({
  measure: (text, sizePt) => [...text].length * sizePt * PT_TO_MM,
  ascent: 0.88,
  descent: 0.12,
});
const entry = (id: string, aspect: number, workers: CatalogueEntry['workers']): CatalogueEntry => ({
  photoId: id,
  aspect,
  number: `板1-0${id}`,
  title: id,
  who: '',
  quote: null,
  credit: '摄影：陈晓明',
  workers,
  photographer: '陈晓明',
});
const zhan = { name: '占牡丹', pinyin: 'zhan mu dan', company: '科润智控' };
const wang = { name: '王伟', pinyin: 'wang wei', company: '科润智控' };
const an = { name: '安娜', pinyin: 'an na', company: '华宇机械' };

describe('catalogue', () => {
  it('pads to a multiple of four pages', () => {
    expect([0, 1, 2, 3, 4, 5, 8, 9].map((n) => paddingFor(n))).toEqual([0, 3, 2, 1, 0, 3, 0, 3]);
  });

  it('indexes workers by company (Chinese collation), then by pinyin, with every page they are on', () => {
    const index = workerIndex(
      [entry('1', 1.5, [zhan, wang]), entry('2', 1.5, [an]), entry('3', 0.67, [zhan])],
      (i) => 3 + i,
    );
    expect(index).toEqual([
      { company: '华宇机械', workers: [{ name: '安娜', company: '华宇机械', pages: [4] }] },
      {
        company: '科润智控',
        workers: [
          { name: '王伟', company: '科润智控', pages: [3] },
          { name: '占牡丹', company: '科润智控', pages: [3, 5] },
        ],
      },
    ]);
  });

  it('gives every photo its own page at its own aspect, inside the trim, and ends on a multiple of four', () => {
    const entries = [entry('1', 1.5, [zhan]), entry('2', 0.67, [wang]), entry('3', 1, [an])];
    const book = composeCatalogue(
      {
        title: '追光',
        subtitle: '一张照片敬劳动',
        organizers: '江山市总工会',
        venue: null,
        dates: null,
        preface: '前言',
        coverPhotoId: null,
        entries,
        colophon: ['追光'],
        page: { widthMm: 210, heightMm: 297 },
        bleedMm: 3,
        marks: true,
      },
      faces,
    );
    expect(book.pages.length % 4).toBe(0);
    const trim = book.pages[0]!.boxes.trimRect;
    entries.forEach((e, i) => {
      const img = book.pages[2 + i]!.ops.find((op) => op.kind === 'image')!;
      if (img.kind !== 'image') throw new Error('no image');
      expect(img.ref).toBe(e.photoId);
      expect(img.w / img.h).toBeCloseTo(e.aspect, 6);
      expect(img.x).toBeGreaterThanOrEqual(trim.x);
      expect(img.x + img.w).toBeLessThanOrEqual(trim.x + trim.w + 1e-9);
    });
    // The cover is cut to its area (the caller crops the photo to that aspect), so it is never stretched either.
    expect(book.pages[0]!.ops.some((op) => op.kind === 'image' && op.ref === '1#cover')).toBe(true);
  });
});
