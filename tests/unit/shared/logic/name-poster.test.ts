import { describe, expect, it } from 'vitest';
import { listPages } from '../../../../shared/logic/list-drawing';
import { composeNamePoster, posterLines } from '../../../../shared/logic/name-poster';
import type { Faces, TextOp } from '../../../../shared/logic/page-drawing';
import { PT_TO_MM } from '../../../../shared/logic/typeset';

const faces: Faces = () => ({
  measure: (text, sizePt) => [...text].length * sizePt * PT_TO_MM,
  ascent: 0.88,
  descent: 0.12,
});

describe('the printed name list', () => {
  it('groups by company in Chinese collation (no company last), names by pinyin, each with its places', () => {
    const lines = posterLines([
      { name: '占牡丹', pinyin: 'zhan mu dan', company: '科润智控', numbers: ['板2-03', '板2-04'] },
      { name: '王伟', pinyin: 'wang wei', company: '科润智控', numbers: ['板1-02'] },
      { name: '安娜', pinyin: 'an na', company: '', numbers: ['板3-01'] },
      { name: '周强', pinyin: 'zhou qiang', company: '华宇机械', numbers: ['板1-05'] },
    ]);
    expect(lines.map((l) => (l.bold ? `[${l.text}]` : `${l.text} ${l.right}`))).toEqual([
      '[华宇机械]',
      '周强 板1-05',
      '[科润智控]',
      '王伟 板1-02',
      '占牡丹 板2-03、板2-04',
      '[其他]',
      '安娜 板3-01',
    ]);
  });

  it('never leaves a company heading at the foot of a column, and runs over as many A2 pages as it takes', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({
      name: `职工${i}`,
      pinyin: `zhi gong ${String(i).padStart(3, '0')}`,
      company: `企业${i % 12}`,
      numbers: [`板1-${i}`],
    }));
    const pages = composeNamePoster('追光 · 名录', many, 'A2', faces);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p.boxes.trim).toEqual({ widthMm: 420, heightMm: 594 });
    const lines = [
      { text: 'a', bold: false },
      { text: 'b', bold: false },
      { text: 'H', bold: true },
      { text: 'c', bold: false },
    ];
    const [page] = listPages(
      't',
      lines,
      { widthMm: 100, heightMm: 10 + 10 * PT_TO_MM * 1.8 + 3 * 10 * 1.7 * PT_TO_MM + 0.5 },
      { columns: 2, sizePt: 10, titlePt: 10, margins: { top: 5, side: 5, bottom: 5 }, gapMm: 5, folio: null },
      faces,
    );
    const texts = page!.filter((op): op is TextOp => op.kind === 'text');
    const heading = texts.find((t) => t.text === 'H')!;
    const c = texts.find((t) => t.text === 'c')!;
    // 3 lines per column: the heading would be third; it starts the second column with its name under it.
    expect(heading.x).toBe(c.x);
    expect(heading.x).toBeGreaterThan(texts.find((t) => t.text === 'a')!.x);
  });
});
