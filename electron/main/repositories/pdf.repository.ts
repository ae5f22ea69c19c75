import fs from 'node:fs/promises';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { mmToPt, type SheetBoxes } from '../../../shared/logic/print-geometry';
import { fontFor } from './fonts';

export interface OrderLine {
  file: string;
  worker: string;
  company: string;
  size: string;
  paper: string;
  quantity: number;
  bleedMm: number;
  colour: string;
  /** a small JPEG */
  thumbnail: Buffer | null;
}

const A4 = { w: mmToPt(210), h: mmToPt(297) };

/** pdf-lib is loaded on the first export, not at start-up. */
const pdfLib = () => import('pdf-lib');

/** Wraps pdf-lib: print-ready sheet PDFs with their boxes and vector marks, and the order sheet. */
export class PdfRepository {
  /**
   * One sheet: MediaBox = trim + bleed + slug, BleedBox = trim + bleed, TrimBox = the finished size, all exact;
   * the picture covers the bleed box; crop marks are vector lines in the slug.
   */
  async sheet(jpegOfBleedArea: Buffer, boxes: SheetBoxes, meta: { title: string; author: string; subject: string }): Promise<Uint8Array> {
    const { PDFDocument, rgb } = await pdfLib();
    const doc = await PDFDocument.create();
    doc.setTitle(meta.title);
    doc.setAuthor(meta.author);
    doc.setSubject(meta.subject);
    doc.setCreator('Chasing Light 追光');
    const W = mmToPt(boxes.mediaMm.widthMm);
    const H = mmToPt(boxes.mediaMm.heightMm);
    const page = doc.addPage([W, H]);
    // PDF's origin is bottom-left; our boxes are measured from the top-left.
    const box = (r: { x: number; y: number; w: number; h: number }) => [mmToPt(r.x), H - mmToPt(r.y + r.h), mmToPt(r.w), mmToPt(r.h)] as const;
    const image = await doc.embedJpg(jpegOfBleedArea);
    const [bx, by, bw, bh] = box(boxes.bleedRect);
    page.drawImage(image, { x: bx, y: by, width: bw, height: bh });
    page.setBleedBox(bx, by, bw, bh);
    page.setTrimBox(...box(boxes.trimRect));
    for (const m of boxes.marks)
      page.drawLine({ start: { x: mmToPt(m.x1), y: H - mmToPt(m.y1) }, end: { x: mmToPt(m.x2), y: H - mmToPt(m.y2) }, thickness: 0.25, color: rgb(0, 0, 0) });
    return doc.save();
  }

  /** An imposed page as a PDF of exactly its paper size (marks are in the picture, drawn at the cut lines). */
  async page(jpeg: Buffer, pageMm: { widthMm: number; heightMm: number }, title: string): Promise<Uint8Array> {
    const { PDFDocument } = await pdfLib();
    const doc = await PDFDocument.create();
    doc.setTitle(title);
    doc.setCreator('Chasing Light 追光');
    const W = mmToPt(pageMm.widthMm);
    const H = mmToPt(pageMm.heightMm);
    const page = doc.addPage([W, H]);
    page.drawImage(await doc.embedJpg(jpeg), { x: 0, y: 0, width: W, height: H });
    page.setTrimBox(0, 0, W, H);
    return doc.save();
  }

  /** The print shop's order sheet: A4, Chinese, grouped by company, a thumbnail per file, totals per size. */
  async orderSheet(title: string, lines: OrderLine[], totals: { size: string; paper: string; quantity: number }[]): Promise<Uint8Array> {
    const { PDFDocument, rgb } = await pdfLib();
    const { default: fontkit } = await import('@pdf-lib/fontkit');
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    doc.setTitle(title);
    doc.setCreator('Chasing Light 追光');
    // Embedded whole: pdf-lib's subsetting drops CJK glyphs (characters silently vanish from the page), and a
    // print shop must be able to read every name. One face keeps the file at a few MB; headings are set larger.
    const regular = await doc.embedFont(await fs.readFile(fontFor('sans', 'normal').file), { subset: false });
    const margin = mmToPt(12);
    const rowH = mmToPt(14);
    const cols = [
      { key: 'thumb', label: '', w: 42 },
      { key: 'worker', label: '职工', w: 62 },
      { key: 'size', label: '尺寸', w: 92 },
      { key: 'paper', label: '纸张', w: 56 },
      { key: 'quantity', label: '数量', w: 26 },
      { key: 'bleed', label: '出血', w: 32 },
      { key: 'colour', label: '色彩', w: 32 },
      { key: 'file', label: '文件', w: 0 },
    ];
    const fileW = A4.w - 2 * margin - cols.reduce((a, c) => a + c.w, 0);
    let page: PDFPage = doc.addPage([A4.w, A4.h]);
    let y = A4.h - margin;
    const text = (p: PDFPage, s: string, x: number, yy: number, size: number, font: PDFFont = regular, maxW = 1e9) => {
      let t = s;
      while (t.length > 1 && font.widthOfTextAtSize(t, size) > maxW) t = t.slice(0, -2) + '…';
      p.drawText(t, { x, y: yy, size, font, color: rgb(0.15, 0.13, 0.12) });
    };
    const newPage = () => {
      page = doc.addPage([A4.w, A4.h]);
      y = A4.h - margin;
    };
    text(page, title, margin, y - 16, 16);
    text(page, `共 ${lines.length} 个文件 · 生成于 ${new Date().toISOString().slice(0, 10)}`, margin, y - 34, 9);
    y -= 52;
    const byCompany = new Map<string, OrderLine[]>();
    for (const l of lines) byCompany.set(l.company, [...(byCompany.get(l.company) ?? []), l]);
    for (const [company, group] of [...byCompany].sort((a, b) => a[0].localeCompare(b[0], 'zh-CN'))) {
      if (y < margin + rowH * 3) newPage();
      text(page, `${company || '（未填企业）'} · ${group.length} 件`, margin, y - 12, 11);
      y -= 20;
      let x = margin;
      for (const c of cols) {
        text(page, c.label, x, y - 9, 8);
        x += c.w || fileW;
      }
      y -= 14;
      for (const l of group) {
        if (y < margin + rowH) newPage();
        x = margin;
        for (const c of cols) {
          const w = c.w || fileW;
          if (c.key === 'thumb' && l.thumbnail) {
            const img = await doc.embedJpg(l.thumbnail);
            const s = Math.min((w - 4) / img.width, (rowH - 4) / img.height);
            page.drawImage(img, { x, y: y - rowH + 2, width: img.width * s, height: img.height * s });
          } else if (c.key !== 'thumb') {
            const v = { worker: l.worker, size: l.size, paper: l.paper, quantity: String(l.quantity), bleed: `${l.bleedMm} mm`, colour: l.colour, file: l.file }[c.key]!;
            text(page, v, x, y - rowH / 2 - 3, 8, regular, w - 4);
          }
          x += w;
        }
        page.drawLine({ start: { x: margin, y: y - rowH }, end: { x: A4.w - margin, y: y - rowH }, thickness: 0.3, color: rgb(0.85, 0.83, 0.8) });
        y -= rowH;
      }
      y -= 10;
    }
    if (y < margin + 20 * (totals.length + 2)) newPage();
    text(page, '按尺寸合计', margin, y - 12, 11);
    y -= 24;
    for (const t of totals) {
      text(page, `${t.size} · ${t.paper}：${t.quantity} 张`, margin, y - 10, 10);
      y -= 16;
    }
    return doc.save();
  }
}
