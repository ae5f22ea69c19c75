import type { PDFDocument, PDFFont, PDFImage, PDFObject, PDFPage, PDFRef } from 'pdf-lib';
import { mmToPt, type SheetBoxes } from '../../../shared/logic/print-geometry';
import { subsetFace } from './fonts';
import { charactersByFace, type DrawnPage } from '../../../shared/logic/page-drawing';
import { qrRuns } from '../../../shared/logic/qr';
import type { OrderCsvLine, OrderCsvTotal } from '../../../shared/logic/order-sheet';
import type { FontFamily } from '../../../shared/model/gift';

/** One file on the order sheet: the CSV's line, with a small JPEG of it for the PDF. */
export interface OrderLine extends OrderCsvLine {
  thumbnail: Buffer | null;
}
export type OrderTotal = OrderCsvTotal;

const A4 = { w: mmToPt(210), h: mmToPt(297) };
/** Crop marks as print shops draw them: hairline-thin (0.25 pt) in registration black (every ink at 100 %). */
const MARK_STROKE_PT = 0.25;

/** pdf-lib is loaded on the first export, not at start-up. */
const pdfLib = () => import('pdf-lib');

/** The sRGB output intent: says what colour space the pictures are in, as prepress checks expect. */
async function addSrgbIntent(doc: PDFDocument, icc: Buffer) {
  const { PDFName, PDFString } = await pdfLib();
  const profile = doc.context.register(doc.context.flateStream(icc, { N: 3 }));
  const intent = doc.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: profile,
  });
  doc.catalog.set(PDFName.of('OutputIntents'), doc.context.obj([intent]));
}

/**
 * A face embedded as the subset of the characters a document uses (HarfBuzz), so a page is kilobytes, not the
 * 6.5 MB of a whole CJK face.
 */
async function embedSubset(doc: PDFDocument, family: FontFamily, weight: 'normal' | 'bold', chars: Iterable<string>): Promise<PDFFont> {
  const bytes = await subsetFace(family, weight, chars, 'truetype');
  // fontkit applies the font's 'locl' lookups with no language set, and Noto SC's default-language
  // lookup swaps ASCII digits for alternates that drop out of the text layer ("300 dpi" read as " dpi").
  // The subset is already Simplified Chinese, so the plain glyphs are the right ones. Ligatures go too:
  // "ff" in a file name's hash must be read and searched as two letters, not one "ﬀ" glyph.
  return doc.embedFont(bytes, { subset: false, features: { locl: false, liga: false, clig: false, dlig: false } });
}

/**
 * The bytes in an ArrayBuffer of their own: pdf-lib reads a JPEG through a DataView of the whole underlying
 * buffer, and a small Node Buffer is a slice of a shared pool ("SOI not found" for a valid JPEG).
 */
const ownBytes = (b: Buffer) => (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b));

/**
 * Writes a document object by object as it is made, for a file written as it goes: pdf-lib's own save builds
 * the whole file in one buffer beside every image it holds — three times the memory of a 180 MB catalogue. Photos
 * are written (and let go) as soon as their page is drawn; everything else at the end. Same layout as pdf-lib's
 * plain writer: header, objects, cross-reference table, trailer.
 */
class StreamingWriter {
  private offset = 0;
  private readonly entries: [PDFRef, number][] = [];
  private readonly encoder = new TextEncoder();

  private bytes(o: { sizeInBytes(): number; copyBytesInto(b: Uint8Array, at: number): number }, tail = '') {
    const t = this.encoder.encode(tail);
    const b = new Uint8Array(o.sizeInBytes() + t.length);
    o.copyBytesInto(b, 0);
    b.set(t, b.length - t.length);
    this.offset += b.length;
    return b;
  }

  async *header() {
    const { PDFHeader } = await pdfLib();
    yield this.bytes(PDFHeader.forVersion(1, 7), '\n\n');
  }

  /** One object, out of the document: it is written now and dropped from memory. */
  *release(doc: PDFDocument, ref: PDFRef) {
    const object = doc.context.lookup(ref);
    if (!object) return;
    yield* this.object(ref, object);
    doc.context.delete(ref);
  }

  private *object(ref: PDFRef, object: PDFObject) {
    this.entries.push([ref, this.offset]);
    const head = this.encoder.encode(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    this.offset += head.length;
    yield head;
    yield this.bytes(object, '\nendobj\n\n');
  }

  /** The objects still in the document, then the cross-reference table (in object order) and the trailer. */
  async *finish(doc: PDFDocument) {
    const { PDFCrossRefSection, PDFTrailer, PDFTrailerDict } = await pdfLib();
    await doc.flush();
    const ctx = doc.context;
    for (const [ref, object] of ctx.enumerateIndirectObjects()) yield* this.object(ref, object);
    const xref = PDFCrossRefSection.create();
    for (const [ref, at] of [...this.entries].sort((a, b) => a[0].objectNumber - b[0].objectNumber)) xref.addEntry(ref, at);
    const xrefOffset = this.offset;
    yield this.bytes(xref, '\n');
    const info = ctx.trailerInfo;
    yield this.bytes(PDFTrailerDict.of(ctx.obj({ Size: ctx.largestObjectNumber + 1, Root: info.Root, Encrypt: info.Encrypt, Info: info.Info, ID: info.ID })), '\n\n');
    yield this.bytes(PDFTrailer.forLastCrossRefSectionOffset(xrefOffset));
  }
}

/** "#b3261e" → pdf-lib's colour; "registration" is every ink at 100 %, for crop marks. */
async function colourOf(value: string) {
  const { rgb, cmyk } = await pdfLib();
  if (value === 'registration') return cmyk(1, 1, 1, 1);
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value.trim());
  if (!m) return rgb(0, 0, 0);
  return rgb(parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255);
}

/** Wraps pdf-lib (and a HarfBuzz subsetter for the Chinese face): print-ready sheet PDFs and the order sheet. */
export class PdfRepository {
  /**
   * One sheet: MediaBox = trim + bleed + slug, BleedBox = trim + bleed, TrimBox = the finished size, all exact;
   * the picture covers the bleed box; crop marks are vector lines in the slug; an sRGB output intent.
   */
  async sheet(jpegOfBleedArea: Buffer, boxes: SheetBoxes, meta: { title: string; author: string; subject: string }, srgbIcc: Buffer): Promise<Uint8Array> {
    const { PDFDocument, cmyk } = await pdfLib();
    const doc = await PDFDocument.create();
    doc.setTitle(meta.title);
    doc.setAuthor(meta.author);
    doc.setSubject(meta.subject);
    doc.setCreator('Chasing Light 追光');
    await addSrgbIntent(doc, srgbIcc);
    const W = mmToPt(boxes.mediaMm.widthMm);
    const H = mmToPt(boxes.mediaMm.heightMm);
    const page = doc.addPage([W, H]);
    // PDF's origin is bottom-left; our boxes are measured from the top-left.
    const box = (r: { x: number; y: number; w: number; h: number }) => [mmToPt(r.x), H - mmToPt(r.y + r.h), mmToPt(r.w), mmToPt(r.h)] as const;
    const image = await doc.embedJpg(ownBytes(jpegOfBleedArea));
    const [bx, by, bw, bh] = box(boxes.bleedRect);
    page.drawImage(image, { x: bx, y: by, width: bw, height: bh });
    page.setBleedBox(bx, by, bw, bh);
    page.setTrimBox(...box(boxes.trimRect));
    for (const m of boxes.marks)
      page.drawLine({ start: { x: mmToPt(m.x1), y: H - mmToPt(m.y1) }, end: { x: mmToPt(m.x2), y: H - mmToPt(m.y2) }, thickness: MARK_STROKE_PT, color: cmyk(1, 1, 1, 1) });
    return doc.save();
  }

  /** An imposed page as a PDF of exactly its paper size (marks are in the picture, in its margins). */
  async page(jpeg: Buffer, pageMm: { widthMm: number; heightMm: number }, title: string, srgbIcc: Buffer): Promise<Uint8Array> {
    const { PDFDocument } = await pdfLib();
    const doc = await PDFDocument.create();
    doc.setTitle(title);
    doc.setCreator('Chasing Light 追光');
    await addSrgbIntent(doc, srgbIcc);
    const W = mmToPt(pageMm.widthMm);
    const H = mmToPt(pageMm.heightMm);
    const page = doc.addPage([W, H]);
    page.drawImage(await doc.embedJpg(ownBytes(jpeg)), { x: 0, y: 0, width: W, height: H });
    page.setTrimBox(0, 0, W, H);
    return doc.save();
  }

  /**
   * Pages composed in mm (boards, labels, catalogue): rectangles and hairlines as vectors, text in subset faces,
   * each photo embedded once however often it is drawn; every page declares its TrimBox and BleedBox.
   * `images` gives the JPEG drawn for each image op's ref.
   */
  async *drawing(pages: DrawnPage[], images: (ref: string) => Buffer | Promise<Buffer>, meta: { title: string; author?: string; subject?: string }, srgbIcc: Buffer): AsyncGenerator<Uint8Array> {
    const { PDFDocument, pushGraphicsState, popGraphicsState, concatTransformationMatrix, drawObject } = await pdfLib();
    const { default: fontkit } = await import('@pdf-lib/fontkit');
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    doc.setTitle(meta.title);
    if (meta.author) doc.setAuthor(meta.author);
    if (meta.subject) doc.setSubject(meta.subject);
    doc.setCreator('Chasing Light 追光');
    await addSrgbIntent(doc, srgbIcc);
    const fonts = new Map<string, PDFFont>();
    for (const [key, chars] of charactersByFace(pages)) {
      const [family, weight] = key.split(':') as [FontFamily, 'normal' | 'bold'];
      fonts.set(key, await embedSubset(doc, family, weight, chars));
    }
    const embedded = new Map<string, Awaited<ReturnType<PDFDocument['embedJpg']>>>();
    const out = new StreamingWriter();
    yield* out.header();
    const colours = new Map<string, Awaited<ReturnType<typeof colourOf>>>();
    const colour = async (c: string) => {
      if (!colours.has(c)) colours.set(c, await colourOf(c));
      return colours.get(c)!;
    };
    for (const drawn of pages) {
      const fresh: PDFImage[] = [];
      const W = mmToPt(drawn.boxes.mediaMm.widthMm);
      const H = mmToPt(drawn.boxes.mediaMm.heightMm);
      const page = doc.addPage([W, H]);
      // PDF's origin is bottom-left; our pages are measured from the top-left.
      const box = (r: { x: number; y: number; w: number; h: number }) => [mmToPt(r.x), H - mmToPt(r.y + r.h), mmToPt(r.w), mmToPt(r.h)] as const;
      for (const op of drawn.ops) {
        if (op.kind === 'rect') {
          const [x, y, width, height] = box(op);
          page.drawRectangle({ x, y, width, height, color: await colour(op.fill), borderWidth: 0 });
        } else if (op.kind === 'image') {
          let image = embedded.get(op.ref);
          if (!image) {
            image = await doc.embedJpg(ownBytes(await images(op.ref)));
            embedded.set(op.ref, image);
            fresh.push(image);
          }
          const [x, y, width, height] = box(op);
          page.drawImage(image, { x, y, width, height });
        } else if (op.kind === 'text') {
          page.drawText(op.text, { x: mmToPt(op.x), y: H - mmToPt(op.baseline), size: op.sizePt, font: fonts.get(`${op.font}:${op.weight}`)!, color: await colour(op.color) });
        } else if (op.kind === 'qr') {
          // One form object per code: its modules as rectangles in module units, placed and scaled by a matrix.
          const { modules, runs } = qrRuns(op.text);
          const content = `0 0 0 rg\n${runs.map(([c, r, n]) => `${c} ${modules - r - 1} ${n} 1 re`).join('\n')}\nf\n`;
          const form = doc.context.register(doc.context.flateStream(content, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, modules, modules] }));
          const name = page.node.newXObject('QR', form);
          const k = mmToPt(op.size) / modules;
          page.pushOperators(pushGraphicsState(), concatTransformationMatrix(k, 0, 0, k, mmToPt(op.x), H - mmToPt(op.y + op.size)), drawObject(name), popGraphicsState());
        } else {
          page.drawLine({ start: { x: mmToPt(op.x1), y: H - mmToPt(op.y1) }, end: { x: mmToPt(op.x2), y: H - mmToPt(op.y2) }, thickness: op.widthPt, color: await colour(op.color) });
        }
      }
      page.setBleedBox(...box(drawn.boxes.bleedRect));
      page.setTrimBox(...box(drawn.boxes.trimRect));
      // The page's new photos go to the file now; the page only refers to them.
      for (const image of fresh) {
        await image.embed();
        yield* out.release(doc, image.ref);
      }
    }
    yield* out.finish(doc);
  }

  /**
   * The print shop's order sheet: A4, Chinese, grouped by company; per file its number, thumbnail, the whole file
   * name (wrapped, never cut), size, paper, quantity, effective resolution and a box to tick; totals per size.
   * The face is embedded as a subset of the characters used (HarfBuzz), so one page is kilobytes, not megabytes.
   */
  async orderSheet(title: string, subtitle: string, lines: OrderLine[], totals: OrderTotal[], whoLabel = '职工'): Promise<Uint8Array> {
    const { PDFDocument, rgb } = await pdfLib();
    const { default: fontkit } = await import('@pdf-lib/fontkit');
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    doc.setTitle(title);
    doc.setCreator('Chasing Light 追光');

    const cols = [
      { key: 'seq', label: '序号', w: 24 },
      { key: 'thumb', label: '', w: 40 },
      { key: 'file', label: '文件名', w: 0 },
      { key: 'worker', label: whoLabel, w: 54 },
      { key: 'size', label: '尺寸', w: 74 },
      { key: 'paper', label: '纸张', w: 48 },
      { key: 'quantity', label: '数量', w: 24 },
      { key: 'ppi', label: '分辨率', w: 40 },
      { key: 'check', label: '核对', w: 24 },
    ] as const;
    const cellOf = (l: OrderLine, key: string, seq: number) =>
      ({ seq: String(seq), file: l.file, worker: l.worker, size: l.detail ? `${l.size}（${l.detail}）` : l.size, paper: l.paper, quantity: String(l.quantity), ppi: `${l.ppi} ppi` })[key] ?? '';
    const companyHead = (company: string, n: number) => `${company || '（未填企业）'} · ${n} 件`;
    const totalLine = (t: OrderTotal) => `${t.size} · ${t.paper}：${t.quantity} 张`;
    const generated = `共 ${lines.length} 个文件 · 生成于 ${new Date().toISOString().slice(0, 10)}`;

    // Every character the page will show, so the subset holds them all (pdftotext finds each name and digit).
    const used = new Set<string>();
    const add = (s: string) => {
      for (const ch of s) used.add(ch);
    };
    [title, subtitle, generated, '按尺寸合计', ...cols.map((c) => c.label), '（未填企业）件 ·：张…'].forEach(add);
    lines.forEach((l, i) => cols.forEach((c) => add(cellOf(l, c.key, i + 1))));
    lines.forEach((l) => add(companyHead(l.company, 0)));
    totals.forEach((t) => add(totalLine(t)));
    add('0123456789');
    const face = (weight: 'normal' | 'bold') => embedSubset(doc, 'sans', weight, used);
    const regular = await face('normal');
    const bold = await face('bold');

    const margin = mmToPt(12);
    const fileW = A4.w - 2 * margin - cols.reduce((a, c) => a + c.w, 0);
    const ink = rgb(0.15, 0.13, 0.12);
    const rule = rgb(0.85, 0.83, 0.8);
    /** Lines of at most `maxW` points: breaks at _ - space or between characters; never drops a character. */
    const wrap = (s: string, size: number, maxW: number, font: PDFFont = regular): string[] => {
      const out: string[] = [];
      let line = '';
      for (const ch of s) {
        if (line && font.widthOfTextAtSize(line + ch, size) > maxW) {
          const cut = Math.max(line.lastIndexOf('_'), line.lastIndexOf('-'), line.lastIndexOf(' '));
          if (cut > 0 && cut < line.length - 1) {
            out.push(line.slice(0, cut + 1));
            line = line.slice(cut + 1);
          } else {
            out.push(line);
            line = '';
          }
        }
        line += ch;
      }
      if (line) out.push(line);
      return out.length ? out : [''];
    };
    let page: PDFPage = doc.addPage([A4.w, A4.h]);
    let y = A4.h - margin;
    const text = (s: string, x: number, yy: number, size: number, font: PDFFont = regular) => page.drawText(s, { x, y: yy, size, font, color: ink });
    const newPage = () => {
      page = doc.addPage([A4.w, A4.h]);
      y = A4.h - margin;
    };
    text(title, margin, y - 16, 15, bold);
    text(subtitle, margin, y - 32, 9);
    text(generated, margin, y - 45, 9);
    y -= 60;
    const header = () => {
      let x = margin;
      for (const c of cols) {
        text(c.label, x, y - 9, 8, bold);
        x += c.w || fileW;
      }
      y -= 14;
    };
    const byCompany = new Map<string, OrderLine[]>();
    for (const l of lines) byCompany.set(l.company, [...(byCompany.get(l.company) ?? []), l]);
    let seq = 0;
    for (const [company, group] of [...byCompany].sort((a, b) => a[0].localeCompare(b[0], 'zh-CN'))) {
      if (y < margin + 80) newPage();
      text(companyHead(company, group.length), margin, y - 12, 11, bold);
      y -= 20;
      header();
      for (const l of group) {
        seq++;
        const cells = cols.map((c) => ({ c, lines: c.key === 'thumb' || c.key === 'check' ? [] : wrap(cellOf(l, c.key, seq), 8, (c.w || fileW) - 4) }));
        const rowH = Math.max(mmToPt(14), 6 + 10 * Math.max(...cells.map((x) => x.lines.length)));
        if (y - rowH < margin) {
          newPage();
          header();
        }
        let x = margin;
        for (const { c, lines: ls } of cells) {
          const w = c.w || fileW;
          if (c.key === 'thumb' && l.thumbnail) {
            const img = await doc.embedJpg(ownBytes(l.thumbnail));
            const s = Math.min((w - 4) / img.width, (mmToPt(14) - 4) / img.height);
            page.drawImage(img, { x, y: y - 2 - img.height * s, width: img.width * s, height: img.height * s });
          } else if (c.key === 'check') {
            page.drawRectangle({ x: x + 6, y: y - 16, width: 10, height: 10, borderColor: ink, borderWidth: 0.6 });
          } else ls.forEach((t, i) => text(t, x, y - 11 - i * 10, 8));
          x += w;
        }
        page.drawLine({ start: { x: margin, y: y - rowH }, end: { x: A4.w - margin, y: y - rowH }, thickness: 0.3, color: rule });
        y -= rowH;
      }
      y -= 10;
    }
    if (y < margin + 20 * (totals.length + 2)) newPage();
    text('按尺寸合计', margin, y - 12, 11, bold);
    y -= 24;
    for (const t of totals) {
      text(totalLine(t), margin, y - 10, 10);
      y -= 16;
    }
    return doc.save();
  }
}
