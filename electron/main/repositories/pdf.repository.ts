import { createHash } from 'node:crypto';
import type { PDFDocument, PDFFont, PDFImage, PDFObject, PDFPage, PDFRef } from 'pdf-lib';
import {
  mmToPt,
  ownSideBleed,
  placedArea,
  type CropMark,
  type PagePlacement,
} from '../../../shared/logic/print-geometry';
import { subsetFace } from './fonts';
import { TEXTURE_TILE_MM, charactersByFace, type BandOp, type DrawnPage } from '../../../shared/logic/page-drawing';
import { qrRuns } from '../../../shared/logic/qr';
import type { FontFamily } from '../../../shared/model/gift';

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
async function embedSubset(
  doc: PDFDocument,
  family: FontFamily,
  weight: 'normal' | 'bold',
  chars: Iterable<string>,
): Promise<PDFFont> {
  const list = [...chars].sort().join('');
  const bytes = await subsetFace(family, weight, list, 'truetype');
  // fontkit applies the font's 'locl' lookups with no language set, and Noto SC's default-language
  // lookup swaps ASCII digits for alternates that drop out of the text layer ("300 dpi" read as " dpi").
  // The subset is already Simplified Chinese, so the plain glyphs are the right ones. Ligatures go too:
  // "ff" in a file name's hash must be read and searched as two letters, not one "ﬀ" glyph.
  // A subset is named with a tag of six capitals before its PostScript name (PDF 9.6.4), so a prepress check or
  // pdffonts knows it holds only the characters used; the tag comes from those characters, so a file made again
  // is the same file.
  const digest = createHash('sha256').update(`${family}:${weight}:${list}`).digest();
  const tag = Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
  const name = `${tag}+Noto${family === 'serif' ? 'Serif' : 'Sans'}SC-${weight === 'bold' ? 'Bold' : 'Regular'}`;
  return doc.embedFont(bytes, {
    subset: false,
    customName: name,
    features: { locl: false, liga: false, clig: false, dlig: false },
  });
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
    for (const [ref, at] of [...this.entries].sort((a, b) => a[0].objectNumber - b[0].objectNumber))
      xref.addEntry(ref, at);
    const xrefOffset = this.offset;
    yield this.bytes(xref, '\n');
    const info = ctx.trailerInfo;
    yield this.bytes(
      PDFTrailerDict.of(
        ctx.obj({
          Size: ctx.largestObjectNumber + 1,
          Root: info.Root,
          Encrypt: info.Encrypt,
          Info: info.Info,
          ID: info.ID,
        }),
      ),
      '\n\n',
    );
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

/**
 * A textured frame band: four pieces mitred at 45° (each clipped to its trapezoid), the texture tiled at its
 * physical size, turned a quarter across the top and bottom so the grain runs along every side.
 */
async function drawBand(page: PDFPage, op: BandOp, texture: PDFImage, H: number) {
  const { pushGraphicsState, popGraphicsState, moveTo, lineTo, closePath, clip, endPath, degrees } = await pdfLib();
  const f = op.widthMm;
  const o = { l: op.x, t: op.y, r: op.x + op.w, b: op.y + op.h };
  const i = { l: o.l + f, t: o.t + f, r: o.r - f, b: o.b - f };
  const pieces = [
    {
      corners: [
        [o.l, o.t],
        [o.r, o.t],
        [i.r, i.t],
        [i.l, i.t],
      ],
      across: true,
    },
    {
      corners: [
        [o.l, o.b],
        [o.r, o.b],
        [i.r, i.b],
        [i.l, i.b],
      ],
      across: true,
    },
    {
      corners: [
        [o.l, o.t],
        [i.l, i.t],
        [i.l, i.b],
        [o.l, o.b],
      ],
      across: false,
    },
    {
      corners: [
        [o.r, o.t],
        [i.r, i.t],
        [i.r, i.b],
        [o.r, o.b],
      ],
      across: false,
    },
  ];
  const tile = TEXTURE_TILE_MM;
  const side = mmToPt(tile);
  for (const { corners, across } of pieces) {
    const xs = corners.map((c) => c[0]!);
    const ys = corners.map((c) => c[1]!);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const path = corners.map(([x, y], k) => (k ? lineTo : moveTo)(mmToPt(x!), H - mmToPt(y!)));
    page.pushOperators(pushGraphicsState(), ...path, closePath(), clip(), endPath());
    for (let ty = y0; ty < y1; ty += tile)
      for (let tx = x0; tx < x1; tx += tile) {
        // A tile across is turned a quarter clockwise (as the raster ring turns it) about its top-left corner, so it
        // hangs from there into its own square; an upright one stands on its bottom-left corner.
        const at = { x: mmToPt(tx), y: H - mmToPt(across ? ty : ty + tile) };
        page.drawImage(texture, { ...at, width: side, height: side, ...(across ? { rotate: degrees(-90) } : {}) });
      }
    page.pushOperators(popGraphicsState());
  }
}

/** Wraps pdf-lib (and a HarfBuzz subsetter for the Chinese faces): drawn pages as print-ready PDFs, and imposed pages. */
export class PdfRepository {
  /**
   * An imposed page of prints that are PDFs (each a drawing, trim + bleed): each placed whole as a form on its
   * slot, cut to its trim and the bleed its slot shows, turned a quarter clockwise where its slot lies the other
   * way; crop marks as registration hairlines in the margins. Nothing is drawn again: a caption stays text in its
   * subset faces and a photo keeps its pixels.
   */
  async imposed(
    pageMm: { widthMm: number; heightMm: number },
    placements: PagePlacement<Uint8Array>[],
    marks: CropMark[],
    title: string,
    srgbIcc: Buffer,
  ): Promise<Uint8Array> {
    const { PDFDocument, degrees } = await pdfLib();
    const doc = await PDFDocument.create();
    doc.setTitle(title);
    doc.setCreator('Chasing Light 追光');
    await addSrgbIntent(doc, srgbIcc);
    const W = mmToPt(pageMm.widthMm);
    const H = mmToPt(pageMm.heightMm);
    const page = doc.addPage([W, H]);
    for (const p of placements) {
      const print = (await PDFDocument.load(p.data)).getPage(0);
      const trim = print.getTrimBox();
      const shown = ownSideBleed(p.bleed, p.turn);
      const form = await doc.embedPage(print, {
        left: trim.x - mmToPt(shown.left),
        bottom: trim.y - mmToPt(shown.bottom),
        right: trim.x + trim.width + mmToPt(shown.right),
        top: trim.y + trim.height + mmToPt(shown.top),
      });
      const area = placedArea(p);
      // Turned clockwise about the slot's top-left corner, the print's bottom-left lands there (PDF's y is up).
      page.drawPage(
        form,
        p.turn
          ? { x: mmToPt(area.x), y: H - mmToPt(area.y), rotate: degrees(-90) }
          : { x: mmToPt(area.x), y: H - mmToPt(area.y + area.h) },
      );
    }
    const registration = await colourOf('registration');
    for (const m of marks)
      page.drawLine({
        start: { x: mmToPt(m.x1), y: H - mmToPt(m.y1) },
        end: { x: mmToPt(m.x2), y: H - mmToPt(m.y2) },
        thickness: 0.25,
        color: registration,
      });
    page.setTrimBox(0, 0, W, H);
    return doc.save();
  }

  /** A drawing's PDF whole, in memory: a print kept until the imposed page it goes on is made. */
  async drawingBytes(...args: Parameters<PdfRepository['drawing']>): Promise<Buffer> {
    const chunks: Uint8Array[] = [];
    for await (const chunk of this.drawing(...args)) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  /**
   * Pages composed in mm (gift sheets, order sheets, boards, labels, catalogue): rectangles and hairlines as
   * vectors, text in subset faces (selectable, searchable), each photo or texture embedded once however often it is
   * drawn; every page declares its TrimBox and BleedBox. `images` gives the JPEG drawn for each image or band ref.
   */
  async *drawing(
    pages: DrawnPage[],
    images: (ref: string) => Buffer | Promise<Buffer>,
    meta: { title: string; author?: string; subject?: string },
    srgbIcc: Buffer,
  ): AsyncGenerator<Uint8Array> {
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
      const box = (r: { x: number; y: number; w: number; h: number }) =>
        [mmToPt(r.x), H - mmToPt(r.y + r.h), mmToPt(r.w), mmToPt(r.h)] as const;
      const embed = async (ref: string) => {
        let image = embedded.get(ref);
        if (!image) {
          image = await doc.embedJpg(ownBytes(await images(ref)));
          embedded.set(ref, image);
          fresh.push(image);
        }
        return image;
      };
      for (const op of drawn.ops) {
        if (op.kind === 'band') {
          await drawBand(page, op, await embed(op.ref), H);
        } else if (op.kind === 'rect') {
          const [x, y, width, height] = box(op);
          page.drawRectangle({ x, y, width, height, color: await colour(op.fill), borderWidth: 0 });
        } else if (op.kind === 'image') {
          const [x, y, width, height] = box(op);
          page.drawImage(await embed(op.ref), { x, y, width, height });
        } else if (op.kind === 'text') {
          page.drawText(op.text, {
            x: mmToPt(op.x),
            y: H - mmToPt(op.baseline),
            size: op.sizePt,
            font: fonts.get(`${op.font}:${op.weight}`)!,
            color: await colour(op.color),
          });
        } else if (op.kind === 'qr') {
          // One form object per code: its modules as rectangles in module units, placed and scaled by a matrix.
          const { modules, runs } = qrRuns(op.text);
          const content = `0 0 0 rg\n${runs.map(([c, r, n]) => `${c} ${modules - r - 1} ${n} 1 re`).join('\n')}\nf\n`;
          const form = doc.context.register(
            doc.context.flateStream(content, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, modules, modules] }),
          );
          const name = page.node.newXObject('QR', form);
          const k = mmToPt(op.size) / modules;
          page.pushOperators(
            pushGraphicsState(),
            concatTransformationMatrix(k, 0, 0, k, mmToPt(op.x), H - mmToPt(op.y + op.size)),
            drawObject(name),
            popGraphicsState(),
          );
        } else {
          page.drawLine({
            start: { x: mmToPt(op.x1), y: H - mmToPt(op.y1) },
            end: { x: mmToPt(op.x2), y: H - mmToPt(op.y2) },
            thickness: op.widthPt,
            color: await colour(op.color),
          });
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
}
