import { describe, expect, it } from 'vitest';
import { orderSheetPages, thumbRef, type OrderSheetLine } from '../../../../shared/logic/order-sheet-drawing';
import { orderTotals } from '../../../../shared/logic/order-sheet';
import type { Faces, ImageOp, TextOp } from '../../../../shared/logic/page-drawing';
import { PT_TO_MM } from '../../../../shared/logic/typeset';

/** A face where a Chinese character is one em wide and a Latin one half: enough to check where text goes. */
const faces: Faces = () => ({
  measure: (text, sizePt) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) < 128 ? 0.5 : 1), 0) * sizePt * PT_TO_MM,
  ascent: 0.88,
  descent: 0.12,
});

const line = (i: number, company: string, file = `科润智控_职工${i}_0123456789abcdef.jpg`): OrderSheetLine => ({
  file,
  worker: `职工${i}`,
  company,
  size: '10寸 203×254mm',
  paper: '绒面相纸',
  quantity: 1,
  ppi: 312,
  bleedMm: 3,
  colour: 'sRGB',
  thumbAspect: i % 2 ? 1.5 : null,
});

const texts = (ops: { kind: string }[]) => ops.filter((op): op is TextOp => op.kind === 'text');

describe('orderSheetPages', () => {
  it('titles the sheet, heads each company, and prints every cell of every line', () => {
    const lines = [line(1, '科润智能控制股份有限公司'), line(2, '江山电力')];
    const pages = orderSheetPages(
      {
        title: '追光 · 印制清单',
        subtitle: '简约白框 10寸 · JPEG',
        date: '2026-12-05',
        lines,
        totals: orderTotals(lines),
        whoLabel: '职工',
      },
      faces,
    );
    expect(pages).toHaveLength(1);
    expect(pages[0]!.boxes.trim).toEqual({ widthMm: 210, heightMm: 297 });
    const words = texts(pages[0]!.ops).map((t) => t.text);
    for (const w of [
      '追光 · 印制清单',
      '简约白框 10寸 · JPEG',
      '共 2 个文件 · 生成于 2026-12-05',
      '江山电力 · 1 件',
      '科润智能控制股份有限公司 · 1 件',
      '序号',
      '文件名',
      '职工',
      '职工1',
      '312 ppi',
      '按尺寸合计',
      '10寸 203×254mm · 绒面相纸：2 张',
    ])
      expect(words, w).toContain(w);
    // Companies in Chinese order: 江山 before 科润; the thumbnail only where there is one.
    expect(words.indexOf('江山电力 · 1 件')).toBeLessThan(words.indexOf('科润智能控制股份有限公司 · 1 件'));
    expect(pages[0]!.ops.filter((op): op is ImageOp => op.kind === 'image').map((op) => op.ref)).toEqual([thumbRef(0)]);
  });

  it('wraps a long file name within its column, whole, and never cuts it', () => {
    const long = `${'很长的企业名称'.repeat(4)}_王伟_0123456789abcdef.jpg`;
    const pages = orderSheetPages(
      { title: 't', subtitle: '', date: '2026-12-05', lines: [line(1, 'A', long)], totals: [], whoLabel: '职工' },
      faces,
    );
    const fileHeader = texts(pages[0]!.ops).find((t) => t.text === '文件名')!;
    const whoHeader = texts(pages[0]!.ops).find((t) => t.text === '职工')!;
    const parts = texts(pages[0]!.ops).filter((t) => t.x === fileHeader.x && t.baseline > fileHeader.baseline);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((t) => t.text).join('')).toBe(long);
    for (const t of parts) expect(t.x + faces('sans', 'normal').measure(t.text, t.sizePt)).toBeLessThan(whoHeader.x);
  });

  it('goes on to further pages, each with the column heads, and keeps every line', () => {
    const lines = Array.from({ length: 60 }, (_, i) => line(i + 1, '科润智控'));
    const pages = orderSheetPages(
      { title: 't', subtitle: '', date: '2026-12-05', lines, totals: orderTotals(lines), whoLabel: '内容' },
      faces,
    );
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages.slice(0, -1)) expect(texts(page.ops).some((t) => t.text === '内容')).toBe(true);
    const all = pages.flatMap((p) => texts(p.ops).map((t) => t.text));
    for (let i = 1; i <= 60; i++) expect(all).toContain(`职工${i}`);
    for (const page of pages) for (const t of texts(page.ops)) expect(t.baseline).toBeLessThan(297 - 12 + 1e-6);
  });
});
