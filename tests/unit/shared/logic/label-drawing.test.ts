import { describe, expect, it } from 'vitest';
import { composeLabel, imposeLabels, labelSize } from '../../../../shared/logic/label-drawing';
import { BUILT_IN_LABELS } from '../../../../shared/logic/label-templates';
import type { DrawOp, Faces, TextOp } from '../../../../shared/logic/page-drawing';
import { isWebAddress, photoPageUrl, qrMatrix, qrRuns } from '../../../../shared/logic/qr';
import { PT_TO_MM } from '../../../../shared/logic/typeset';

const faces: Faces = () => ({
  measure: (text, sizePt) => [...text].length * sizePt * PT_TO_MM,
  ascent: 0.88,
  descent: 0.12,
});
const template = BUILT_IN_LABELS[0]!;
const size = labelSize(template)!;
const content = {
  photoId: 'p1',
  number: '板3-05',
  url: 'https://zg.example.cn/photos/p1.html',
  values: {
    'photo.title': '占牡丹',
    'worker.craft': '绕线工',
    'company.short': '科润智控',
    'worker.quote': '被看见，累也轻了',
    'photographer.credit': '摄影：陈晓明',
    'photo.date': '2025-05-12',
  },
};

describe('composeLabel', () => {
  const label = composeLabel(content, template, size, faces);
  if (!('ops' in label)) throw new Error('the label should fit');
  const texts = label.ops.filter((op): op is TextOp => op.kind === 'text');
  const qr = label.ops.filter((op) => op.kind === 'qr');

  it('sets the words in the text column, left of the code, and the credit at the bottom', () => {
    expect(size).toEqual({ widthMm: 150, heightMm: 100 });
    expect(texts.map((t) => t.text)).toEqual(
      expect.arrayContaining([
        '占牡丹',
        '绕线工 · 科润智控',
        '“被看见，累也轻了”',
        '摄影：陈晓明 · 2025年5月',
        '板3-05',
      ]),
    );
    const codeLeft = Math.min(...qr.map((r) => (r.kind === 'qr' ? r.x : 0)));
    for (const t of texts.filter((t) => t.text !== '板3-05'))
      expect(t.x + faces(t.font, t.weight).measure(t.text, t.sizePt)).toBeLessThan(codeLeft);
    const credit = texts.find((t) => t.text.startsWith('摄影'))!;
    expect(credit.baseline).toBeGreaterThan(
      Math.max(...texts.filter((t) => t !== credit && t.text !== '板3-05').map((t) => t.baseline)),
    );
    expect(credit.baseline).toBeLessThanOrEqual(size.heightMm);
  });

  it('draws a code only when there is an address, and refuses words that cannot fit by name', () => {
    expect(qr).toEqual([expect.objectContaining({ kind: 'qr', text: content.url })]);
    const bare = composeLabel({ ...content, url: null }, template, size, faces);
    expect('ops' in bare && bare.ops.some((op) => op.kind === 'qr')).toBe(false);
    const long = composeLabel(
      { ...content, values: { ...content.values, 'worker.quote': '字'.repeat(2000) } },
      template,
      size,
      faces,
    );
    expect(long).toEqual({
      problem: expect.objectContaining({
        key: 'exhibit.labelTooLong',
        params: expect.objectContaining({ number: '板3-05' }),
      }),
    });
  });
});

describe('built-in label templates', () => {
  it('never ask for type under the 6 pt floor, at any of their sizes', () => {
    for (const t of BUILT_IN_LABELS) for (const b of t.blocks) expect(b.sizePt).toBeGreaterThanOrEqual(6);
  });
});

describe('imposeLabels', () => {
  const small = labelSize(BUILT_IN_LABELS[1]!)!;
  const one: DrawOp[] = [{ kind: 'rect', x: 0, y: 0, w: small.widthMm, h: small.heightMm, fill: '#ffffff' }];

  it('lays 10×7 cm labels eight to an A4 sheet, upright, edge to edge, marks only for the labels printed', () => {
    const pages = imposeLabels(
      Array.from({ length: 11 }, () => one),
      small,
      'A4',
    );
    expect(pages).toHaveLength(2);
    const rects = pages[0]!.ops.filter((op) => op.kind === 'rect');
    expect(rects).toHaveLength(8);
    for (const r of rects) expect(r.kind === 'rect' && [r.w, r.h]).toEqual([100, 70]);
    const marks = (p: (typeof pages)[number]) => p.ops.filter((op) => op.kind === 'line').length;
    expect(marks(pages[1]!)).toBeLessThan(marks(pages[0]!));
  });
});

describe('QR addresses', () => {
  it('makes the photo page address under the base, and accepts only http(s) addresses with a host', () => {
    expect(photoPageUrl('https://a.cn/g/', 'x 1')).toBe('https://a.cn/g/photos/x%201.html');
    expect(isWebAddress('https://a.cn/g')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'ftp://a.cn', 'a.cn/g', 'https://', 'http://a .cn'])
      expect(isWebAddress(bad)).toBe(false);
    expect(qrMatrix('https://a.cn/g/photos/1.html').length).toBeGreaterThanOrEqual(21);
    // Runs cover exactly the dark modules, inside the quiet zone.
    const { modules, runs } = qrRuns('https://a.cn/g/photos/1.html');
    const dark = qrMatrix('https://a.cn/g/photos/1.html').flat().filter(Boolean).length;
    expect(runs.reduce((n, [, , len]) => n + len, 0)).toBe(dark);
    for (const [c, r, len] of runs) expect(c >= 4 && r >= 4 && c + len <= modules - 4 && r < modules - 4).toBe(true);
  });
});
