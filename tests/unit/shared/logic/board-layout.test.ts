import { describe, expect, it } from 'vitest';
import {
  contentArea,
  layoutBoard,
  parseBoardSize,
  placeNumber,
  shareAcrossBoards,
  type BoardBox,
} from '../../../../shared/logic/board-layout';

const board: BoardBox = { widthMm: 900, heightMm: 1200, marginMm: 40, gutterMm: 12, headerMm: 120 };
const overlap = (a: { xMm: number; yMm: number; wMm: number; hMm: number }, b: typeof a) =>
  Math.min(a.xMm + a.wMm, b.xMm + b.wMm) - Math.max(a.xMm, b.xMm) > 1e-6 &&
  Math.min(a.yMm + a.hMm, b.yMm + b.hMm) - Math.max(a.yMm, b.yMm) > 1e-6;

describe('layoutBoard', () => {
  const aspects = [1.5, 1.5, 0.667, 1.5, 1.333, 0.75, 1.5, 1.5, 1, 1.5, 0.667, 1.5];
  const layout = layoutBoard(aspects, board)!;

  it('places every photo at its own aspect, inside the margins and below the header, without overlaps', () => {
    expect(layout.placed).toHaveLength(aspects.length);
    const area = contentArea(board);
    for (const p of layout.placed) {
      expect(p.wMm / p.hMm).toBeCloseTo(aspects[p.index]!, 6);
      expect(p.xMm).toBeGreaterThanOrEqual(area.x - 1e-6);
      expect(p.yMm).toBeGreaterThanOrEqual(area.y - 1e-6);
      expect(p.xMm + p.wMm).toBeLessThanOrEqual(area.x + area.w + 1e-6);
      expect(p.yMm + p.hMm).toBeLessThanOrEqual(area.y + area.h + 1e-6);
      for (const q of layout.placed) if (q !== p) expect(overlap(p, q)).toBe(false);
    }
  });

  it('keeps the order (left to right, top to bottom) and equal gutters within a row', () => {
    expect(layout.placed.map((p) => p.index)).toEqual(aspects.map((_, i) => i));
    const rows = new Map<number, typeof layout.placed>();
    for (const p of layout.placed)
      rows.set(Math.round(p.yMm * 1000), [...(rows.get(Math.round(p.yMm * 1000)) ?? []), p]);
    for (const row of rows.values())
      for (let i = 1; i < row.length; i++)
        expect(row[i]!.xMm - (row[i - 1]!.xMm + row[i - 1]!.wMm)).toBeCloseTo(board.gutterMm, 6);
    expect(rows.size).toBeGreaterThan(1);
  });

  it('fills the board well, and says when not even one photo fits', () => {
    expect(layout.fill).toBeGreaterThan(0.6);
    expect(layoutBoard([1.5], { ...board, widthMm: 60 })).toBeNull();
    expect(layoutBoard([], board)).toEqual({ placed: [], fill: 0 });
  });
});

describe('layoutBoard with room for captions', () => {
  const aspects = [1.5, 0.667, 1.5, 1.333, 0.75, 1.5, 1.5, 1];
  const withCaptions = { ...board, captionMm: 18 };
  const layout = layoutBoard(aspects, withCaptions)!;

  it('leaves the caption room under every row, inside the content area', () => {
    const area = contentArea(withCaptions);
    const tops = layout.placed
      .map((p) => p.yMm)
      .filter((y, i, all) => all.findIndex((o) => Math.abs(o - y) < 1e-6) === i)
      .sort((a, b) => a - b);
    expect(tops.length).toBeGreaterThan(1);
    for (let i = 1; i < tops.length; i++) {
      const above = layout.placed.find((p) => Math.abs(p.yMm - tops[i - 1]!) < 1e-6)!;
      expect(tops[i]! - (above.yMm + above.hMm)).toBeCloseTo(withCaptions.gutterMm + 18, 6);
    }
    for (const p of layout.placed) expect(p.yMm + p.hMm + 18).toBeLessThanOrEqual(area.y + area.h + 1e-6);
    for (const p of layout.placed) expect(p.wMm / p.hMm).toBeCloseTo(aspects[p.index]!, 6);
  });
});

describe('layoutBoard with a photo made large', () => {
  it('gives it a row of its own, larger than it was, the others still in order around it', () => {
    const aspects = [1.5, 1.5, 1.5, 1.5, 1.5, 1.5];
    const before = layoutBoard(aspects, board)!.placed.find((p) => p.index === 2)!;
    const layout = layoutBoard(aspects, board, new Set([2]))!;
    const big = layout.placed.find((p) => p.index === 2)!;
    expect(layout.placed.filter((p) => Math.abs(p.yMm - big.yMm) < 1e-6)).toEqual([big]);
    expect(big.wMm).toBeGreaterThan(before.wMm);
    expect(layout.placed.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('boards', () => {
  it('shares photos across boards as evenly as possible, in order', () => {
    expect(shareAcrossBoards(236, 8)).toEqual([30, 30, 30, 30, 29, 29, 29, 29]);
    expect(shareAcrossBoards(3, 5)).toEqual([1, 1, 1, 0, 0]);
  });
  it('numbers places as the labels say them', () => {
    expect(placeNumber(3, 5)).toBe('板3-05');
    expect(placeNumber(12, 30)).toBe('板12-30');
  });
});

describe('parseBoardSize', () => {
  it('reads mm and cm, and refuses what is not a board', () => {
    expect(parseBoardSize('900x1200mm')).toEqual({ widthMm: 900, heightMm: 1200 });
    expect(parseBoardSize('90×120 cm')).toEqual({ widthMm: 900, heightMm: 1200 });
    expect(parseBoardSize('120x240cm')).toEqual({ widthMm: 1200, heightMm: 2400 });
    expect(parseBoardSize('10x10mm')).toBeNull();
    expect(parseBoardSize('big')).toBeNull();
  });
});
