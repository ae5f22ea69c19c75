import { describe, expect, it } from 'vitest';
import { composeBoard } from '../../../../shared/logic/board-drawing';
import type { Faces, TextOp } from '../../../../shared/logic/page-drawing';
import { PT_TO_MM } from '../../../../shared/logic/typeset';
import type { Board } from '../../../../shared/model/exhibition';

/** A face where every character is one em wide: enough to check where text goes, not how it looks. */
const faces: Faces = () => ({
  measure: (text, sizePt) => [...text].length * sizePt * PT_TO_MM,
  ascent: 0.88,
  descent: 0.12,
});
const board: Board = {
  id: 'board-1',
  name: '展板 1',
  widthMm: 600,
  heightMm: 900,
  background: '#f5f1ea',
  marginMm: 30,
  gutterMm: 10,
  headerMm: 100,
  captionMm: 16,
  photos: [
    { photoId: 'a', number: '板1-01', xMm: 30, yMm: 200, wMm: 300, hMm: 200 },
    { photoId: 'b', number: '板1-02', xMm: 340, yMm: 200, wMm: 40, hMm: 60 },
  ],
};
const art = {
  board,
  position: 1,
  count: 3,
  header: { title: '追光', subtitle: '追光', organizers: '江山市总工会' },
  captions: {
    a: { names: '占牡丹 · 绕线工 · 科润智控', detail: '摄影：陈晓明 · 板1-01' },
    b: { names: '一个很长很长很长很长很长很长很长很长的名字', detail: '摄影：陈晓明 · 板1-02' },
  },
};

describe('composeBoard', () => {
  const { page, problems } = composeBoard(art, faces, { bleedMm: 5, marks: true });
  const texts = page.ops.filter((op): op is TextOp => op.kind === 'text');
  const trim = page.boxes.trimRect;

  it('fills the bleed with the background, places every photo on the trim, and draws eight crop marks', () => {
    expect(page.ops[0]).toEqual(
      expect.objectContaining({ kind: 'rect', x: page.boxes.bleedRect.x, w: 610, fill: '#f5f1ea' }),
    );
    const images = page.ops.filter((op) => op.kind === 'image');
    expect(images).toEqual([
      expect.objectContaining({ ref: 'a', x: trim.x + 30, y: trim.y + 200, w: 300 }),
      expect.objectContaining({ ref: 'b', x: trim.x + 340 }),
    ]);
    expect(page.ops.filter((op) => op.kind === 'line')).toHaveLength(8);
  });

  it('sets the header once (a subtitle equal to the title is not repeated) and each caption under its photo, inside it', () => {
    expect(texts.filter((t) => t.text === '追光')).toHaveLength(1);
    expect(texts.some((t) => t.text.includes('（1/3）'))).toBe(true);
    const name = texts.find((t) => t.text.startsWith('占牡丹'))!;
    expect(name.baseline).toBeGreaterThan(trim.y + 400);
    expect(name.baseline).toBeLessThan(trim.y + 400 + 16);
    expect(name.x + faces('sans', 'bold').measure(name.text, name.sizePt)).toBeLessThanOrEqual(trim.x + 330 + 1e-6);
  });

  it('keeps only the number under a photo too narrow for its caption, and says so', () => {
    expect(problems).toEqual([
      expect.objectContaining({ photoId: 'b', message: expect.objectContaining({ key: 'exhibit.captionTooLong' }) }),
    ]);
    expect(texts.some((t) => t.text === '板1-02')).toBe(true);
  });
});
