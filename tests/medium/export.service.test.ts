import fs from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, type PDFRawStream } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ExportService } from '../../electron/main/services/export.service';
import { mmToPt, mmToPx } from '../../shared/logic/print-geometry';
import { freshProjects } from '../helpers/services';
import { hasExiftool, hasPdffonts, hasPdftotext, lacks, needTool } from '../helpers/tools';
import { iccInfo } from '../../shared/logic/icc';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

const freshProject = freshProjects();

/** A 3:2 photo with a red disc at its centre: a disc printed as an ellipse would be a distorted photo. */
async function discPhoto(file: string, width = 3000, height = 2000) {
  const r = Math.round(height / 6);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#3d5a6c"/><circle cx="${width / 2}" cy="${height / 2}" r="${r}" fill="#ff0000"/></svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 92 }).toFile(file);
}

async function campaign() {
  const ctx = await freshProject();
  const { services, root } = ctx;
  await fs.mkdir(path.join(root, 'card'));
  await discPhoto(path.join(root, 'card', 'A.jpg'));
  await discPhoto(path.join(root, 'card', 'B.jpg'), 900, 600); // too small for 10寸: refused below 150 ppi
  await services.importer.run({ paths: [path.join(root, 'card')], photographer: '陈晓明' });
  const co = services.roster.createCompany({ name: '科润智能控制股份有限公司', shortName: '科润智控' });
  const zhan = services.roster.createWorker({ name: '占牡丹', companyId: co.id, consent: 'exhibit' });
  const wang = services.roster.createWorker({ name: '王伟', companyId: co.id, consent: 'gift-only' });
  const zhou = services.roster.createWorker({ name: '周丽娟', companyId: co.id, consent: 'declined' });
  const [a, b] = services.photos.list();
  services.tagging.tag([a!.id], zhan.id, { x: 0.45, y: 0.4, w: 0.1, h: 0.2 });
  services.tagging.tag([a!.id], zhou.id);
  services.tagging.tag([b!.id], wang.id);
  services.photos.setRating([a!.id], 5);
  return { ...ctx, co, zhan, wang, zhou, a: a!, b: b! };
}

describe(ExportService.name, () => {
  it('writes one JPEG per consenting worker: trim + bleed exactly, the same bleed on every side, 300 dpi, sRGB, 4:4:4, IPTC', async () => {
    const { services, root, zhan, zhou, wang } = await campaign();
    const out = path.join(root, 'out');
    const summary = await services.exporter.run({
      templateId: 'simple-white-10',
      dpi: 300,
      format: 'jpeg',
      bleedMm: 3,
      marks: false,
      cmyk: false,
      per: 'worker',
      outDir: out,
    });
    expect(summary.files.map((f) => f.workerId)).toEqual([zhan.id]);
    // 王伟's photo is 900 px wide: about 120 ppi at 10寸, refused by name; 周丽娟 declined.
    expect(summary.skipped).toEqual(
      expect.arrayContaining([
        { workerId: zhou.id, reason: 'the worker declined', key: 'gift.declined' },
        expect.objectContaining({
          workerId: wang.id,
          key: 'export.lowResRefused',
          params: expect.objectContaining({ name: '王伟', min: 150 }),
        }),
      ]),
    );
    expect(summary).toMatchObject({ written: 1, reused: 0 });

    const file = summary.files[0]!;
    expect(path.basename(file.path)).toMatch(/^科润智控_占牡丹_[0-9a-f]{16}\.jpg$/);
    expect(file.ppi).toBeGreaterThan(300);
    const meta = await sharp(file.path).metadata();
    // 10寸 landscape (the photo is landscape): 254 × 203 mm plus 3 mm of bleed on every side, and nothing more.
    const bleed = mmToPx(3, 300);
    expect([meta.width, meta.height]).toEqual([mmToPx(254, 300) + 2 * bleed, mmToPx(203, 300) + 2 * bleed]);
    expect([file.widthPx, file.heightPx]).toEqual([meta.width, meta.height]);
    expect(meta).toMatchObject({ density: 300, chromaSubsampling: '4:4:4', channels: 3 });
    expect(meta.icc).toBeDefined();
    expect(meta.xmp!.toString('utf8')).toContain('占牡丹');

    // The disc is still round: the photo was not distorted to fit its window.
    const { data, info } = await sharp(file.path).raw().toBuffer({ resolveWithObject: true });
    let minX = Infinity,
      maxX = -1,
      minY = Infinity,
      maxY = -1;
    for (let y = 0; y < info.height; y += 2)
      for (let x = 0; x < info.width; x += 2) {
        const i = (y * info.width + x) * info.channels;
        if (data[i]! > 200 && data[i + 1]! < 60 && data[i + 2]! < 60) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    expect(maxX - minX).toBeGreaterThan(100);
    expect((maxX - minX) / (maxY - minY)).toBeCloseTo(1, 1);
    // The printed frame band starts as far from every edge, to the pixel (the bleed is the same everywhere), and
    // that far is the bleed plus the 5 mm safe area: cutting ±1 mm or a frame's lip does not eat into it.
    const frameEdge = (x: number, y: number, dx: number, dy: number) => {
      let n = 0;
      for (let px = x, py = y; n < 400; px += dx, py += dy, n++) {
        const i = (py * info.width + px) * info.channels;
        if (data[i]! < 245 || data[i + 1]! < 245 || data[i + 2]! < 245) return n;
      }
      return n;
    };
    const cx = Math.round(info.width / 2);
    const cy = Math.round(info.height * 0.3);
    const sides = [
      frameEdge(cx, 0, 0, 1),
      frameEdge(cx, info.height - 1, 0, -1),
      frameEdge(0, cy, 1, 0),
      frameEdge(info.width - 1, cy, -1, 0),
    ];
    expect(Math.max(...sides) - Math.min(...sides)).toBeLessThanOrEqual(1);
    expect(Math.min(...sides)).toBeGreaterThanOrEqual(bleed + mmToPx(5, 300) - 1);

    const csv = await fs.readFile(summary.orderSheet.csv!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toMatch(/^\uFEFF序号,文件名,职工,企业,尺寸,内容,纸张,数量,分辨率\(ppi\)/);
    expect(csv).toMatch(
      /1,科润智控_占牡丹_[0-9a-f]{16}\.jpg,占牡丹,科润智能控制股份有限公司,10寸 203×254mm,,绒面相纸,1,\d+,3,sRGB/,
    );
    expect(csv).toMatch(/合计,,,,10寸 203×254mm,,绒面相纸,1/);
    // The order sheet is small: the Chinese face is a subset of the characters used.
    expect((await fs.stat(summary.orderSheet.pdf!)).size).toBeLessThan(500 * 1024);
  });

  it.skipIf(lacks(hasPdftotext))(
    "puts every name, size, paper, resolution and the bleed digit in the order sheet's text",
    async () => {
      const { services, root } = await campaign();
      const summary = await services.exporter.run({
        templateId: 'simple-white-10',
        dpi: 300,
        format: 'jpeg',
        bleedMm: 3,
        marks: false,
        cmyk: false,
        per: 'worker',
        outDir: path.join(root, 'out'),
        allowLowRes: true,
      });
      const text = (await promisify(execFile)('pdftotext', ['-raw', summary.orderSheet.pdf!, '-'])).stdout;
      for (const word of [
        '占牡丹',
        '王伟',
        '科润智能控制股份有限公司',
        '印制清单',
        '绒面相纸',
        '出血 3 mm',
        '10寸 203×254mm',
        'ppi',
        '按尺寸合计',
      ])
        expect(text, word).toContain(word);
      // File names are printed whole, never cut with "…".
      for (const f of summary.files) expect(text.replace(/\s+/g, '')).toContain(path.basename(f.path));
      expect(text).not.toContain('…');
    },
  );

  it('refuses what it cannot honour by name, and exports a low-resolution gift when told to, with a warning', async () => {
    const { services, root, wang } = await campaign();
    const base = {
      templateId: 'simple-white-10',
      dpi: 300,
      bleedMm: 3,
      per: 'worker' as const,
      outDir: path.join(root, 'x'),
    };
    await expect(services.exporter.run({ ...base, format: 'jpeg', marks: false, cmyk: true })).rejects.toMatchObject({
      code: 'VALIDATION',
      key: 'export.cmykNeedsTiff',
    });
    await expect(services.exporter.run({ ...base, format: 'pdf', marks: false, cmyk: true })).rejects.toMatchObject({
      code: 'VALIDATION',
      key: 'export.cmykNeedsTiff',
    });
    await expect(services.exporter.run({ ...base, format: 'jpeg', marks: true, cmyk: false })).rejects.toMatchObject({
      code: 'VALIDATION',
      key: 'export.marksInPdf',
    });
    const low = await services.exporter.run({
      ...base,
      format: 'jpeg',
      marks: false,
      cmyk: false,
      allowLowRes: true,
      workerIds: [wang.id],
    });
    expect(low.files).toHaveLength(1);
    expect(low.files[0]!.ppi).toBeLessThan(150);
    expect(low.warnings).toContainEqual(expect.objectContaining({ key: 'gift.lowPpi' }));
  });

  it('draws marks into a raster file only when asked explicitly, and says the file is larger than the paper', async () => {
    const { services, root, zhan } = await campaign();
    const summary = await services.exporter.run({
      templateId: 'simple-white-10',
      dpi: 150,
      format: 'jpeg',
      bleedMm: 3,
      marks: true,
      rasterMarks: true,
      cmyk: false,
      per: 'worker',
      workerIds: [zhan.id],
      outDir: path.join(root, 'marks'),
    });
    expect(summary.warnings).toContainEqual(
      expect.objectContaining({ key: 'export.rasterMarksBigger', params: { extra: 14 } }),
    );
    const meta = await sharp(summary.files[0]!.path).metadata();
    const outer = mmToPx(3, 150) + mmToPx(7, 150);
    expect([meta.width, meta.height]).toEqual([mmToPx(254, 150) + 2 * outer, mmToPx(203, 150) + 2 * outer]);
    const { data, info } = await sharp(summary.files[0]!.path).raw().toBuffer({ resolveWithObject: true });
    let dark = 0;
    for (let y = 0; y < mmToPx(7, 150) - 2; y++)
      for (let x = outer - 2; x < outer + 3; x++) if (data[(y * info.width + x) * info.channels]! < 120) dark++;
    expect(dark).toBeGreaterThan(5); // the vertical mark over the left trim line, in the slug
  });

  it('re-runs skip what is already done and current, and redo what changed', async () => {
    const { services, root, zhan } = await campaign();
    const out = path.join(root, 'out');
    const opts = {
      templateId: 'simple-white-10',
      dpi: 150,
      format: 'jpeg' as const,
      bleedMm: 3,
      marks: false,
      cmyk: false,
      per: 'worker' as const,
      outDir: out,
    };
    await services.exporter.run(opts);
    const again = await services.exporter.run(opts);
    expect(again.files.every((f) => f.reused)).toBe(true);
    services.gifts.setCrop(zhan.id, { x: 0.1, y: 0.1, w: 0.5, h: 0.5 });
    const third = await services.exporter.run(opts);
    expect(third.files.find((f) => f.workerId === zhan.id)!.reused).toBe(false);
    expect((await fs.readdir(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes a PDF whose boxes are the exact physical size, with 0.25 pt registration-black marks and an sRGB output intent', async () => {
    const { services, root, zhan } = await campaign();
    const summary = await services.exporter.run({
      templateId: 'simple-white-10',
      dpi: 200,
      format: 'pdf',
      bleedMm: 3,
      marks: true,
      cmyk: false,
      per: 'worker',
      workerIds: [zhan.id],
      outDir: path.join(root, 'pdf'),
    });
    const doc = await PDFDocument.load(await fs.readFile(summary.files[0]!.path));
    const page = doc.getPage(0);
    const near = (a: number, b: number) => Math.abs(a - b) < 0.01;
    const media = page.getMediaBox();
    const trim = page.getTrimBox();
    const bleed = page.getBleedBox();
    expect(near(media.width, mmToPt(274)) && near(media.height, mmToPt(223))).toBe(true);
    expect(near(trim.width, mmToPt(254)) && near(trim.height, mmToPt(203)) && near(trim.x, mmToPt(10))).toBe(true);
    expect(near(bleed.width, mmToPt(260)) && near(bleed.x, mmToPt(7))).toBe(true);
    const { PDFName, decodePDFRawStream } = await import('pdf-lib');
    const intents = doc.catalog.lookup(PDFName.of('OutputIntents'));
    expect(String(intents)).toContain('/GTS_PDFX');
    const contents = page.node.Contents()!;
    const stream = doc.context.lookup(
      ((contents as unknown as { asArray?: () => unknown[] }).asArray?.()[0] as never) ?? contents,
    ) as PDFRawStream;
    const ops = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    expect(ops).toContain('1 1 1 1 K'); // registration black: every ink
    expect(ops).toContain('0.25 w');
  });

  it("sets a gift PDF's caption as text in embedded subset faces: selectable, searchable, sharp at any size", async (ctx) => {
    needTool(ctx, hasPdftotext, 'pdftotext', 'poppler-utils');
    needTool(ctx, hasPdffonts, 'pdffonts', 'poppler-utils');
    const { services, root, zhan } = await campaign();
    const summary = await services.exporter.run({
      templateId: 'walnut-12',
      dpi: 150,
      format: 'pdf',
      bleedMm: 3,
      marks: true,
      cmyk: false,
      per: 'worker',
      workerIds: [zhan.id],
      outDir: path.join(root, 'pdf'),
    });
    const file = summary.files[0]!.path;
    const text = (await promisify(execFile)('pdftotext', ['-raw', file, '-'])).stdout;
    for (const word of ['占牡丹', '科润智控', '工运百年承匠心', '摄影：陈晓明']) expect(text, word).toContain(word);
    // The serif of the name and the sans of the rest, each embedded as a subset (a tag before its name).
    const fonts = (await promisify(execFile)('pdffonts', [file])).stdout;
    const embedded = fonts.split('\n').filter((l) => /^[A-Z]{6}\+Noto(Serif|Sans)SC\S*\s.*\byes\s+yes\s+yes\b/.test(l));
    expect(
      embedded.some((l) => l.includes('NotoSerifSC')) && embedded.some((l) => l.includes('NotoSansSC')),
      fonts,
    ).toBe(true);
    expect(fonts).not.toMatch(/\bno\s+(yes|no)\s+(yes|no)\s+\d+/);
    // The trim is still exact with the textured frame drawn as vectors and tiles.
    const page = (await PDFDocument.load(await fs.readFile(file))).getPage(0);
    expect(page.getTrimBox().width).toBeCloseTo(mmToPt(305), 1);
  });

  it('draws a framed gift PDF as its JPEG is drawn: textured frame on all four sides, photo and captions in place', async (ctx) => {
    needTool(ctx, hasPdftotext, 'pdftoppm', 'poppler-utils');
    const { services, root, zhan } = await campaign();
    const run = (format: 'pdf' | 'jpeg') =>
      services.exporter.run({
        templateId: 'walnut-12',
        size: '5寸',
        dpi: 100,
        format,
        bleedMm: 3,
        marks: false,
        cmyk: false,
        per: 'worker',
        workerIds: [zhan.id],
        outDir: path.join(root, `one-${format}`),
        allowLowRes: true,
      });
    const [pdf, jpeg] = [await run('pdf'), await run('jpeg')];
    const png = path.join(root, 'one-pdf', 'page');
    execFileSync('pdftoppm', ['-r', '100', '-singlefile', '-png', pdf.files[0]!.path, png]);
    // Compared a millimetre a pixel, softened by a millimetre or so (poppler and sharp put an edge a fraction of
    // a pixel apart), row by row and column by column: a frame band missing, or a tile a square out, is a band
    // of rows (or columns) several mm wide where the two differ by the wood's darkness against the mat.
    const { width, height } = (await sharp(jpeg.files[0]!.path).metadata()) as { width: number; height: number };
    const [W, H] = [Math.round((width / 100) * 25.4), Math.round((height / 100) * 25.4)];
    const grey = async (input: string) =>
      (await sharp(input).resize(W, H, { fit: 'fill' }).greyscale().blur(1.5).raw().toBuffer()) as Buffer;
    const [a, b] = await Promise.all([grey(`${png}.png`), grey(jpeg.files[0]!.path)]);
    const apart = (at: (i: number, j: number) => number, n: number, m: number) =>
      Math.max(
        ...Array.from(
          { length: n },
          (_, i) => Array.from({ length: m }, (_, j) => at(i, j)).reduce((s, v) => s + v) / m,
        ),
      );
    const diff = (x: number, y: number) => Math.abs(a[y * W + x]! - b[y * W + x]!);
    expect(
      apart((y, x) => diff(x, y), H, W),
      'worst row',
    ).toBeLessThan(25);
    expect(
      apart((x, y) => diff(x, y), W, H),
      'worst column',
    ).toBeLessThan(25);
  });

  it('writes TIFF (LZW) with 3 samples, and CMYK TIFF with 4 through the named press profile, without alpha', async (ctx) => {
    const { services, root, zhan } = await campaign();
    const rgb = await services.exporter.run({
      templateId: 'plain-6',
      dpi: 150,
      format: 'tiff',
      bleedMm: 2,
      marks: false,
      cmyk: false,
      per: 'worker',
      workerIds: [zhan.id],
      outDir: path.join(root, 't1'),
    });
    const cmyk = await services.exporter.run({
      templateId: 'plain-6',
      dpi: 150,
      format: 'tiff',
      bleedMm: 2,
      marks: false,
      cmyk: true,
      per: 'worker',
      workerIds: [zhan.id],
      outDir: path.join(root, 't2'),
    });
    const m1 = await sharp(rgb.files[0]!.path).metadata();
    const m2 = await sharp(cmyk.files[0]!.path).metadata();
    expect(m1).toMatchObject({ format: 'tiff', space: 'srgb', density: 150, channels: 3, hasAlpha: false });
    expect(m2).toMatchObject({ channels: 4, hasAlpha: false });
    expect(iccInfo(m2.icc!)).toMatchObject({ colourSpace: 'CMYK', description: expect.stringContaining('FOGRA39') });
    expect(cmyk.profile).toMatch(/FOGRA39/);
    // A profile that is not CMYK is refused by name.
    const srgbIcc = path.join(root, 'srgb.icc');
    await fs.writeFile(srgbIcc, m1.icc!);
    await expect(
      services.exporter.run({
        templateId: 'plain-6',
        dpi: 150,
        format: 'tiff',
        bleedMm: 2,
        marks: false,
        cmyk: true,
        icc: srgbIcc,
        per: 'worker',
        outDir: path.join(root, 't3'),
      }),
    ).rejects.toMatchObject({ key: 'export.iccNotCmyk' });
    const { default: exifr } = await import('exifr');
    const tags = await exifr.parse(rgb.files[0]!.path, { tiff: true, translateValues: false, pick: ['Compression'] });
    expect(tags.Compression).toBe(5); // TIFF compression 5 = LZW
    expect(m2).toMatchObject({ format: 'tiff', space: 'cmyk' });
    expect([m1.width, m1.height]).toEqual([
      mmToPx(152, 150) + 2 * mmToPx(2, 150),
      mmToPx(102, 150) + 2 * mmToPx(2, 150),
    ]);
    // What a prepress check reads: samples per pixel, extra samples (alpha), and the profile's name.
    needTool(ctx, hasExiftool, 'exiftool', 'libimage-exiftool-perl');
    const read = async (f: string) =>
      JSON.parse(
        (await promisify(execFile)('exiftool', ['-j', '-SamplesPerPixel', '-ExtraSamples', '-ProfileDescription', f]))
          .stdout,
      )[0];
    expect(await read(rgb.files[0]!.path)).toMatchObject({ SamplesPerPixel: 3 });
    expect(await read(rgb.files[0]!.path)).not.toHaveProperty('ExtraSamples');
    const c = await read(cmyk.files[0]!.path);
    expect(c).toMatchObject({ SamplesPerPixel: 4, ProfileDescription: expect.stringContaining('FOGRA39') });
    expect(c).not.toHaveProperty('ExtraSamples');
  });

  it('names an output folder it cannot write, and a template whose logo is missing', async () => {
    const { services, root } = await campaign();
    const blocker = path.join(root, 'a-file');
    await fs.writeFile(blocker, 'x');
    await expect(
      services.exporter.run({
        templateId: 'simple-white-10',
        dpi: 150,
        format: 'jpeg',
        bleedMm: 3,
        marks: false,
        cmyk: false,
        per: 'worker',
        outDir: path.join(blocker, 'out'),
      }),
    ).rejects.toMatchObject({ code: 'IO', message: expect.stringContaining('not writable') });
    const t = services.gifts.saveTemplate({
      ...services.gifts.template('simple-white-10'),
      id: undefined,
      name: '带标志',
      logo: { path: 'assets/emblem.png', heightMm: 12 },
    });
    const summary = await services.exporter.run({
      templateId: t.id,
      dpi: 150,
      format: 'jpeg',
      bleedMm: 3,
      marks: false,
      cmyk: false,
      per: 'worker',
      outDir: path.join(root, 'logo'),
    });
    expect(summary.files).toEqual([]);
    expect(summary.skipped.map((s) => s.reason).join()).toMatch(/logo that is missing/);
    expect(() =>
      services.gifts.saveTemplate({ ...t, captions: [{ ...t.captions[0]!, text: '{worker.age}' }] }),
    ).toThrow(/unknown variable \{worker.age\}/);
  });
});

describe('n-up imposition', () => {
  it('puts four 5寸 on an A4 page (turned to fit), at the exact page size, with the pages used and the minimum', async () => {
    const { services, root } = await campaign();
    const ids = services.photos.list().map((p) => p.id);
    const photoIds = [...ids, ...ids];
    const summary = await services.exporter.run({
      templateId: 'plain-6',
      size: '5寸',
      dpi: 150,
      format: 'jpeg',
      bleedMm: 2,
      marks: true,
      cmyk: false,
      per: 'photo',
      photoIds,
      outDir: path.join(root, 'nup'),
      impose: 'A4',
      allowLowRes: true,
    });
    const pages = [...new Set(summary.files.map((f) => f.path))];
    expect(pages).toHaveLength(1);
    expect(summary).toMatchObject({ pages: 1, minimumPages: 1 });
    const meta = await sharp(pages[0]!).metadata();
    expect([meta.width, meta.height]).toEqual([mmToPx(210, 150), mmToPx(297, 150)]);
    expect(meta.density).toBe(150);
    expect(await fs.readFile(summary.orderSheet.csv!, 'utf8')).toContain('拼版_A4_01.jpg');
  });

  it('imposes PDF prints as they are drawn: captions stay text in subset faces, and the page is the JPEG page', async (ctx) => {
    needTool(ctx, hasPdftotext, 'pdftotext', 'poppler-utils');
    needTool(ctx, hasPdffonts, 'pdffonts', 'poppler-utils');
    const { services, root, zhan, wang } = await campaign();
    const run = (format: 'pdf' | 'jpeg') =>
      services.exporter.run({
        templateId: 'plain-6',
        size: '5寸',
        dpi: 100,
        format,
        bleedMm: 2,
        marks: true,
        cmyk: false,
        per: 'worker',
        workerIds: [zhan.id, wang.id],
        outDir: path.join(root, `nup-${format}`),
        impose: 'A4',
        allowLowRes: true,
      });
    const pdf = await run('pdf');
    const file = pdf.files[0]!.path;
    expect(file).toMatch(/拼版_A4_01\.pdf$/);
    const page = (await PDFDocument.load(await fs.readFile(file))).getPage(0);
    expect(page.getWidth()).toBeCloseTo(mmToPt(210), 1);
    expect(page.getHeight()).toBeCloseTo(mmToPt(297), 1);
    // Turned a quarter, a spaced-out name comes back a character a line: the words are read without the breaks.
    const text = (await promisify(execFile)('pdftotext', ['-raw', file, '-'])).stdout.replace(/\s+/g, '');
    for (const word of ['占牡丹', '王伟', '科润智控', '摄影：陈晓明']) expect(text, word).toContain(word);
    const fonts = (await promisify(execFile)('pdffonts', [file])).stdout;
    expect(fonts).toMatch(/^[A-Z]{6}\+NotoSerifSC-Bold\s/m);
    expect(fonts).not.toMatch(/\bno\s+(yes|no)\s+(yes|no)\s+\d+/);
    // Drawn by poppler, the PDF page is the JPEG page: each print in its slot, turned the same way, cut the same.
    const jpeg = await run('jpeg');
    execFileSync('pdftoppm', ['-r', '100', '-singlefile', '-png', file, path.join(root, 'nup-pdf', 'page')]);
    const grey = async (input: string) =>
      (await sharp(input).resize(210, 297, { fit: 'fill' }).greyscale().raw().toBuffer()) as Buffer;
    const [a, b] = await Promise.all([grey(path.join(root, 'nup-pdf', 'page.png')), grey(jpeg.files[0]!.path)]);
    const meanDiff = a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;
    expect(meanDiff).toBeLessThan(4);
  });

  it('honours TIFF and CMYK for imposed pages', async () => {
    const { services, root } = await campaign();
    const summary = await services.exporter.run({
      templateId: 'plain-6',
      dpi: 100,
      format: 'tiff',
      bleedMm: 2,
      marks: false,
      cmyk: true,
      per: 'photo',
      photoIds: services.photos.list().map((p) => p.id),
      outDir: path.join(root, 'nup-cmyk'),
      impose: 'A3',
      allowLowRes: true,
    });
    const meta = await sharp(summary.files[0]!.path).metadata();
    expect(summary.files[0]!.path).toMatch(/拼版_A3_01\.tif$/);
    expect(meta).toMatchObject({ format: 'tiff', space: 'cmyk', channels: 4 });
  });
});

describe('HEIF gifts', () => {
  it('prints a photo shot as HEIC/HEIF, which sharp alone cannot decode', async () => {
    const { services, root } = await freshProject();
    const { PHOTO_FIXTURES } = await import('../helpers/fixtures');
    await services.importer.run({ paths: [path.join(PHOTO_FIXTURES, 'samplefilehub.heif')] });
    const w = services.roster.createWorker({ name: '占牡丹' });
    services.tagging.tag([services.photos.list()[0]!.id], w.id);
    const summary = await services.exporter.run({
      templateId: 'plain-6',
      dpi: 150,
      format: 'jpeg',
      bleedMm: 3,
      marks: false,
      cmyk: false,
      per: 'worker',
      outDir: path.join(root, 'heif'),
      allowLowRes: true,
    });
    expect(summary.skipped).toEqual([]);
    expect((await sharp(summary.files[0]!.path).metadata()).width).toBe(mmToPx(152, 150) + 2 * mmToPx(3, 150));
  });
});

describe('an original damaged after import', () => {
  it('skips its gift by name rather than print half the picture, JPEG and HEIF alike', async () => {
    const { services, root, a, zhan } = await campaign();
    const { PHOTO_FIXTURES } = await import('../helpers/fixtures');
    const heif = path.join(root, 'card', 'phone.heif');
    await fs.copyFile(path.join(PHOTO_FIXTURES, 'samplefilehub.heif'), heif);
    await services.importer.run({ paths: [heif] });
    const phone = services.photos.list().find((p) => p.originalName === 'phone.heif')!;
    const xu = services.roster.createWorker({ name: '徐建军' });
    services.tagging.tag([phone.id], xu.id);
    // A sync that stopped, a failing disk: both originals now end half-way.
    for (const file of [a.path, heif]) {
      const bytes = await fs.readFile(file);
      await fs.writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    }
    const summary = await services.exporter.run({
      templateId: 'plain-6',
      dpi: 150,
      format: 'jpeg',
      bleedMm: 3,
      marks: false,
      cmyk: false,
      per: 'worker',
      workerIds: [zhan.id, xu.id],
      outDir: path.join(root, 'out'),
      allowLowRes: true,
    });
    expect(summary.files).toEqual([]);
    const damaged = (file: string, detail: RegExp) =>
      expect.objectContaining({
        key: 'sheet.photoDamaged',
        reason: expect.stringMatching(
          new RegExp(
            `^${file.replace(/[.]/g, '\\.')}: the photo cannot be printed, truncated: the file ends before the picture does \\(${detail.source}`,
          ),
        ),
      });
    expect(summary.skipped).toEqual(
      expect.arrayContaining([
        damaged(a.path, /the file ends at byte \d+, inside the JPEG scan data/),
        damaged(heif, /item 1 \(hvc1\) runs to byte 29208/),
      ]),
    );
  });
});

describe('frame textures', () => {
  it('tiles a texture from assets/frames over the frame band, and names a missing one', async () => {
    const { services, root, zhan } = await campaign();
    const summary = await services.exporter.run({
      templateId: 'walnut-12',
      dpi: 100,
      format: 'jpeg',
      bleedMm: 3,
      marks: false,
      cmyk: false,
      per: 'worker',
      workerIds: [zhan.id],
      outDir: path.join(root, 'wood'),
    });
    const { data, info } = await sharp(summary.files[0]!.path).raw().toBuffer({ resolveWithObject: true });
    // Along the top band (inside the 5 mm safe area, after the 3 mm bleed): brown, and not one flat colour (the grain).
    const samples = Array.from({ length: 40 }, (_, i) => {
      const at = (mmToPx(3 + 5 + 7, 100) * info.width + 150 + i * 7) * info.channels;
      return [data[at]!, data[at + 1]!, data[at + 2]!];
    });
    expect(samples.every(([r, g, b]) => r > g && g > b)).toBe(true);
    expect(new Set(samples.map((s) => s[0])).size).toBeGreaterThan(5);
    const t = services.gifts.saveTemplate({
      ...services.gifts.template('walnut-12'),
      id: undefined,
      name: '缺材质',
      frame: { widthMm: 10, color: '#553311', texture: 'nope.jpg' },
    });
    const missing = await services.exporter.run({
      templateId: t.id,
      dpi: 100,
      format: 'jpeg',
      bleedMm: 3,
      marks: false,
      cmyk: false,
      per: 'worker',
      workerIds: [zhan.id],
      outDir: path.join(root, 'nope'),
    });
    expect(missing.skipped[0]!.reason).toMatch(/frame texture that is missing/);
  });
});
