import { describe, expect, it } from 'vitest';
import {
  breakLines,
  breakUnits,
  MIN_TYPE_PT,
  PT_TO_MM,
  setCaption,
  setText,
  type Measure,
} from '../../../../shared/logic/typeset';

/** A face where a Chinese character is 1 em wide and anything else half an em: widths are easy to reason about. */
const em: Measure = (text, sizePt) =>
  [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.5), 0) * sizePt * PT_TO_MM;
const mm = (chars: number, sizePt: number) => chars * sizePt * PT_TO_MM;

describe('breakUnits', () => {
  it('breaks between Chinese characters, keeps Latin words and numbers whole, holds punctuation to its neighbour', () => {
    expect(breakUnits('被看见，累也轻了')).toEqual(['被', '看', '见，', '累', '也', '轻', '了']);
    expect(breakUnits('摄影：陈晓明 2025年')).toEqual(['摄', '影：', '陈', '晓', '明 ', '2025', '年']);
    expect(breakUnits('“被看见”')).toEqual(['“被', '看', '见”']);
    expect(breakUnits('ISO 9001 认证')).toEqual(['ISO ', '9001 ', '认', '证']);
  });
});

describe('breakLines', () => {
  it('never starts a line with closing punctuation nor ends one with an opening mark', () => {
    const lines = breakLines('一二三四，五六七八“九十”', mm(4.2, 10), 10, em);
    for (const l of lines) {
      expect('，。”').not.toContain(l[0]);
      expect('“').not.toContain(l.at(-1));
    }
    expect(lines.join('')).toBe('一二三四，五六七八“九十”');
  });
  it('keeps forced line breaks and cuts a unit wider than the line by character', () => {
    expect(breakLines('甲\n乙', 100, 10, em)).toEqual(['甲', '乙']);
    expect(breakLines('1234567890', mm(2.1, 10), 10, em)).toEqual(['1234', '5678', '90']);
  });
});

describe('setText', () => {
  it('wraps, then shrinks to fit its room, never under 6 pt, and says when it cannot', () => {
    const style = { sizePt: 12, leading: 1.5 };
    const one = setText('一二三', style, mm(10, 12), 100, em)!;
    expect(one).toMatchObject({ lines: ['一二三'], sizePt: 12, shrunk: false });
    const tight = setText('一二三四五六七八九十', style, mm(5, 12), 12 * 1.5 * PT_TO_MM * 1.5, em)!;
    expect(tight.shrunk).toBe(true);
    expect(tight.sizePt).toBeLessThan(12);
    expect(tight.sizePt).toBeGreaterThanOrEqual(MIN_TYPE_PT);
    expect(setText('一二三四五六七八九十'.repeat(10), style, mm(5, 12), 5, em)).toBeNull();
    // Asked below the floor: set at the floor.
    expect(setText('一', { sizePt: 4, leading: 1.5 }, 100, 100, em)!.sizePt).toBe(MIN_TYPE_PT);
  });
  it('holds a quote to two lines by shrinking it', () => {
    const quote = setText(
      '一二三四五六七八九十一二三四五六七八九十',
      { sizePt: 12, leading: 1.5, maxLines: 2 },
      mm(8, 12),
      100,
      em,
    )!;
    expect(quote.lines.length).toBeLessThanOrEqual(2);
    expect(quote.shrunk).toBe(true);
  });
});

describe('setCaption', () => {
  const block = (text: string, sizePt: number, align: 'left' | 'center' | 'right' = 'center') => ({
    text,
    style: { sizePt, leading: 1.5 },
    align,
    measure: em,
  });
  it('stacks blocks, centres the stack in the area, aligns each line, skips empty blocks', () => {
    const area = { w: 100, h: 60 };
    const set = setCaption(
      [block('王　伟', 24), block('', 12), block('科润智控 · 绕线工', 12), block('左', 8, 'left')],
      area,
    );
    if ('overflow' in set) throw new Error('should fit');
    expect(set.lines.map((l) => l.block)).toEqual([0, 2, 3]);
    const top = set.lines[0]!.yMm;
    const bottom = area.h - (set.lines.at(-1)!.yMm + 8 * 1.5 * PT_TO_MM);
    expect(top).toBeCloseTo(bottom, 6); // equal space above and below
    expect(set.lines[0]!.xMm).toBeCloseTo((100 - set.lines[0]!.widthMm) / 2, 9);
    expect(set.lines[2]!.xMm).toBe(0);
    // The same caption in a twice-as-large area, scaled: the same lines (physical units, no resolution in sight).
    const again = setCaption([block('王　伟', 24), block('科润智控 · 绕线工', 12)], area);
    expect('lines' in again && again.lines.map((l) => l.text)).toEqual(['王　伟', '科润智控 · 绕线工']);
  });
  it('names the first block that cannot fit', () => {
    expect(setCaption([block('一', 12), block('二'.repeat(500), 12)], { w: 30, h: 12 })).toEqual({ overflow: 1 });
  });
});
