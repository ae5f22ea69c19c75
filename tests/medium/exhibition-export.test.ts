import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ExhibitionExportService } from '../../electron/main/services/exhibition-export.service';
import { mmToPt } from '../../shared/logic/print-geometry';
import type { ExhibitionExportResult } from '../../shared/model/exhibition';
import { exhibitionWall } from '../helpers/exhibition-wall';
import { hasPdftotext, needTool } from '../helpers/tools';

const wall = exhibitionWall();
const pdftotext = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

describe(`${ExhibitionExportService.name}: boards`, () => {
  it('writes each board as a PDF at its physical size, bleed and trim declared, photos and captions on it, and an order sheet', async (ctx) => {
    const { services, root } = await wall(3000);
    services.exhibitions.plan({ boards: 2, boardSize: '60x90cm' });
    const out = path.join(root, 'boards');
    const result = await services.exhibitionExport.export({ what: 'boards', outDir: out });
    const boards = result.files.filter((f) => f.kind === 'board');
    expect(boards.map((f) => path.basename(f.path))).toEqual(['展板01_60x90cm.pdf', '展板02_60x90cm.pdf']);
    expect(result.files.some((f) => f.path.endsWith('印制清单_展板.pdf'))).toBe(true);
    expect(result.warnings).toEqual([]);

    const doc = await PDFDocument.load(await fs.readFile(boards[0]!.path));
    const page = doc.getPage(0);
    const trim = page.getTrimBox();
    const bleed = page.getBleedBox();
    expect(trim.width).toBeCloseTo(mmToPt(600), 1);
    expect(trim.height).toBeCloseTo(mmToPt(900), 1);
    expect(bleed.width).toBeCloseTo(mmToPt(610), 1);
    expect(bleed.x).toBeCloseTo(trim.x - mmToPt(5), 1);
    // Marks by default: the page is larger than the bleed by the slug that holds them.
    expect(page.getMediaBox().width).toBeGreaterThan(bleed.width + mmToPt(10));

    needTool(ctx, hasPdftotext, 'pdftotext', 'poppler-utils');
    const text = pdftotext(boards[0]!.path) + pdftotext(boards[1]!.path);
    for (const s of ['占牡丹', '绕线工', '摄影：陈晓明', '板1-01', '板2-01']) expect(text).toContain(s);
    expect(pdftotext(path.join(out, '印制清单_展板.pdf'))).toContain('60×90cm');
  });

  it('puts the emblems in the header band, flattened on the board (no black where a PNG is transparent); names one it cannot read', async () => {
    const { services, root } = await wall(3000);
    services.exhibitions.plan({ boards: 1, boardSize: '60x90cm' });
    const logo = path.join(root, 'emblem.png');
    await sharp({ create: { width: 200, height: 100, channels: 4, background: { r: 179, g: 38, b: 30, alpha: 0 } } })
      .composite([
        { input: { create: { width: 100, height: 100, channels: 4, background: '#b3261e' } }, left: 50, top: 0 },
      ])
      .png()
      .toFile(logo);
    services.exhibitions.update({ logos: [logo] });
    const result = await services.exhibitionExport.export({
      what: 'boards',
      format: 'jpeg',
      dpi: 60,
      bleedMm: 0,
      outDir: path.join(root, 'with-logo'),
    });
    const board = result.files.find((f) => f.kind === 'board')!;
    // The emblem's transparent left quarter shows the board's white; its middle is red. At 60 dpi: 1 mm ≈ 2.36 px.
    const header = services.exhibitions.get().boards[0]!;
    const px = (mm: number) => Math.round((mm / 25.4) * 60);
    const logoH = (header.headerMm - header.gutterMm) * 0.5;
    const right = header.widthMm - header.marginMm;
    const y = px(header.marginMm + (header.headerMm - header.gutterMm) / 2);
    const at = async (xMm: number) =>
      Array.from(
        (
          await sharp(board.path)
            .extract({ left: px(xMm), top: y, width: 1, height: 1 })
            .raw()
            .toBuffer()
        ).subarray(0, 3),
      );
    const [r0, g0] = await at(right - logoH * 2 + logoH * 0.1);
    expect(r0! > 230 && g0! > 230).toBe(true);
    const [r1, g1] = await at(right - logoH);
    expect(r1! > 140 && g1! < 90).toBe(true);
    services.exhibitions.update({ logos: [path.join(root, 'missing.png')] });
    await expect(services.exhibitionExport.export({ what: 'boards', outDir: path.join(root, 'x') })).rejects.toThrow(
      expect.objectContaining({ key: 'exhibit.logoUnreadable' }),
    );
  });

  it('refuses a board with a photo under 50 ppi by name and writes the others; with leave, prints it and warns', async () => {
    const { services, root, byName } = await wall(400);
    services.exhibitions.plan({ boards: 1, boardSize: '90x120cm' });
    const out = path.join(root, 'soft');
    const refused = await services.exhibitionExport.export({ what: 'boards', outDir: out });
    expect(refused.files.filter((f) => f.kind === 'board')).toEqual([]);
    expect(refused.warnings[0]).toEqual(expect.objectContaining({ code: 'tooLowPpi', key: 'exhibit.tooLowPpi' }));
    expect(refused.warnings[0]!.message).toMatch(/板1-0\d .* ppi .*展板 1 was not exported/);
    await expect(fs.readdir(out)).resolves.not.toContain('展板01_90x120cm.pdf');

    const allowed = await services.exhibitionExport.export({ what: 'boards', outDir: out, allowLowRes: true });
    expect(allowed.files.filter((f) => f.kind === 'board')).toHaveLength(1);
    expect(allowed.warnings.every((w) => w.code === 'lowPpi')).toBe(true);
    expect(allowed.warnings.map((w) => w.photoId)).toContain(byName('IMG_0.JPG'));
  });

  it('names a board whose original is missing and still writes the rest; a raster board has its size at the dpi asked', async () => {
    const { services, root } = await wall(3000);
    const plan = services.exhibitions.plan({ boards: 2, boardSize: '60x90cm' });
    const gone = services.photos.get(plan.exhibition.boards[0]!.photos[0]!.photoId);
    await fs.rm(gone.path);
    const result = await services.exhibitionExport.export({
      what: 'boards',
      format: 'jpeg',
      dpi: 40,
      outDir: path.join(root, 'raster'),
    });
    expect(result.warnings).toEqual([expect.objectContaining({ photoId: gone.id, code: 'photoMissing' })]);
    const boards = result.files.filter((f) => f.kind === 'board');
    expect(boards.map((f) => path.basename(f.path))).toEqual(['展板02_60x90cm.jpg']);
    const meta = await sharp(boards[0]!.path).metadata();
    // Trim + 5 mm bleed on each side, no marks in a raster unless asked.
    expect([meta.width, meta.height]).toEqual([Math.round((610 / 25.4) * 40), Math.round((910 / 25.4) * 40)]);
    expect(meta.density).toBe(40);
  });

  it('names a board whose original was cut short after import, rather than print it half grey', async () => {
    const { services, root } = await wall(3000);
    const plan = services.exhibitions.plan({ boards: 2, boardSize: '60x90cm' });
    const cut = services.photos.get(plan.exhibition.boards[0]!.photos[0]!.photoId);
    const bytes = await fs.readFile(cut.path);
    await fs.writeFile(cut.path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const result = await services.exhibitionExport.export({
      what: 'boards',
      format: 'jpeg',
      dpi: 40,
      outDir: path.join(root, 'raster'),
    });
    expect(result.warnings).toEqual([
      expect.objectContaining({
        photoId: cut.id,
        code: 'photoUnreadable',
        message: expect.stringContaining(
          `${cut.path}: the photo cannot be printed, truncated: the file ends before the picture does`,
        ),
      }),
    ]);
    expect(result.files.filter((f) => f.kind === 'board').map((f) => path.basename(f.path))).toEqual([
      '展板02_60x90cm.jpg',
    ]);
  });

  it('refuses an export before a plan, a dpi out of range and a folder that cannot be written, by name', async () => {
    const { services, root } = await wall();
    await expect(services.exhibitionExport.export({ what: 'boards' })).rejects.toThrow(
      expect.objectContaining({ key: 'exhibit.none' }),
    );
    services.exhibitions.plan({ boards: 1 });
    await expect(
      services.exhibitionExport.export({ what: 'boards', format: 'jpeg', dpi: 1000, outDir: path.join(root, 'x') }),
    ).rejects.toThrow(expect.objectContaining({ key: 'exhibit.badDpi' }));
    const file = path.join(root, 'a-file');
    await fs.writeFile(file, 'x');
    await expect(services.exhibitionExport.export({ what: 'boards', outDir: path.join(file, 'sub') })).rejects.toThrow(
      expect.objectContaining({ key: 'export.notWritable' }),
    );
  });
});

describe(`${ExhibitionExportService.name}: wall labels`, () => {
  const base = 'https://zg.example.cn/zhuiguang/';

  it('prints one label per placed photo, n-up on A4, with the words a visitor reads and a QR code that opens its page', async (ctx) => {
    const { services, root } = await wall();
    const plan = services.exhibitions.plan({ boards: 1 });
    const placed = plan.exhibition.boards[0]!.photos;
    const result = await services.exhibitionExport.export({
      what: 'labels',
      baseUrl: base,
      outDir: path.join(root, 'labels'),
    });
    expect(result.warnings).toEqual([]);
    const [file] = result.files;
    expect(path.basename(file!.path)).toBe('展签_15x10cm_A4.pdf');
    // 15×10 cm labels stand upright two to an A4 sheet: five labels, three sheets.
    expect(file!.pages).toBe(Math.ceil(placed.length / 2));
    expect((await PDFDocument.load(await fs.readFile(file!.path))).getPageCount()).toBe(file!.pages);
    // The address is kept for the next export.
    expect(services.exhibitions.get().galleryUrl).toBe(base);

    const single = await services.exhibitionExport.export({
      what: 'labels',
      labelSheet: 'single',
      format: 'jpeg',
      dpi: 200,
      outDir: path.join(root, 'one-by-one'),
    });
    expect(single.files).toHaveLength(placed.length);
    const { data, info } = await sharp(single.files[0]!.path).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height);
    expect(code?.data).toBe(`https://zg.example.cn/zhuiguang/photos/${placed[0]!.photoId}.html`);

    needTool(ctx, hasPdftotext, 'pdftotext', 'poppler-utils');
    // In the PDF the code is vector: rendered by poppler, it reads as well as the raster one.
    const png = path.join(root, 'sheet1');
    execFileSync('pdftoppm', ['-r', '200', '-f', '1', '-l', '1', '-png', '-singlefile', file!.path, png]);
    const sheet = await sharp(`${png}.png`)
      .extract({ left: 0, top: 0, width: 1654, height: 1169 })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const fromPdf = jsQR(
      new Uint8ClampedArray(sheet.data.buffer, sheet.data.byteOffset, sheet.data.byteLength),
      sheet.info.width,
      sheet.info.height,
    );
    expect(fromPdf?.data).toBe(`https://zg.example.cn/zhuiguang/photos/${placed[0]!.photoId}.html`);
    const text = pdftotext(file!.path);
    for (const s of [
      '占牡丹',
      '绕线工 · 科润智能控制',
      '“被看见，累也轻了”',
      '摄影：陈晓明',
      ...placed.map((p) => p.number),
    ])
      expect(text).toContain(s);
  });

  it('names a label whose words cannot fit and prints the others; refuses an address that is not a web address', async () => {
    const { services, root, workers } = await wall();
    services.roster.updateWorker(workers.yes.id, { quote: '我们'.repeat(400) });
    services.exhibitions.plan({ boards: 1 });
    const result = await services.exhibitionExport.export({ what: 'labels', outDir: path.join(root, 'labels') });
    const tooLong = result.warnings.filter((w) => w.code === 'labelTooLong');
    expect(tooLong.length).toBe(3);
    expect(tooLong[0]!.message).toMatch(/^the label of 板1-0\d cannot hold/);
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'noQr' }));
    expect(result.files[0]!.pages).toBe(1);
    await expect(
      services.exhibitionExport.export({
        what: 'labels',
        baseUrl: 'javascript:alert(1)',
        outDir: path.join(root, 'x'),
      }),
    ).rejects.toThrow(expect.objectContaining({ key: 'exhibit.badBaseUrl' }));
  });
});

describe(`${ExhibitionExportService.name}: catalogue`, () => {
  it('makes a book of a multiple of 4 pages: a page per photo, an index whose page numbers are right, fonts as subsets', async (ctx) => {
    const { services, root } = await wall(2400);
    const plan = services.exhibitions.plan({ boards: 2 });
    const placed = plan.exhibition.boards.flatMap((b) => b.photos);
    const result = await services.exhibitionExport.export({ what: 'catalogue', outDir: path.join(root, 'book') });
    const [book] = result.files;
    expect(book!.kind).toBe('catalogue');
    expect(book!.pages % 4).toBe(0);
    const doc = await PDFDocument.load(await fs.readFile(book!.path));
    expect(doc.getPageCount()).toBe(book!.pages);
    expect(doc.getPage(0).getTrimBox().width).toBeCloseTo(mmToPt(210), 1);

    // Every image embedded once at the size it prints; the rest of the file (fonts, text) is small beside them.
    const bytes = (await fs.stat(book!.path)).size;
    let images = 0;
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      const dict = (obj as { dict?: { get(n: unknown): unknown } }).dict;
      const subtype = dict?.get(doc.context.obj('Subtype'));
      if (subtype && String(subtype) === '/Image')
        images += (obj as unknown as { contents: Uint8Array }).contents.length;
    }
    expect(images).toBeGreaterThan(0);
    // Four faces embedded whole would be over 25 MB; as subsets of the characters used, tens of kilobytes.
    expect(bytes - images).toBeLessThan(200_000);

    needTool(ctx, hasPdftotext, 'pdftotext', 'poppler-utils');
    const pageText = (n: number) =>
      execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', book!.path, '-'], { encoding: 'utf8' });
    // Photos begin on page 3 (after the cover and the preface), in wall order.
    placed.forEach((p, i) => expect(pageText(3 + i)).toContain(p.number));
    const all = pdftotext(book!.path);
    for (const s of ['占牡丹', '“被看见，累也轻了”', '职工索引', '摄影师', '陈晓明']) expect(all).toContain(s);
    // The index names the pages 占牡丹 is on.
    await expect(
      services.exhibitionExport.export({ what: 'catalogue', coverPhotoId: 'nope', outDir: path.join(root, 'book2') }),
    ).rejects.toThrow(expect.objectContaining({ key: 'exhibit.coverNotOnWall' }));
    const hers = placed
      .map((p, i) => ({ p, page: 3 + i }))
      .filter(({ p }) => services.photos.get(p.photoId).workers.length)
      .map(({ page }) => page);
    const indexPage = 3 + placed.length;
    expect(pageText(indexPage)).toMatch(new RegExp(`占牡丹\\s+${hers.join('、')}`));
  });
});

describe(`${ExhibitionExportService.name}: a photo that cannot be printed`, () => {
  it('refuses the catalogue and the summary card by name when an original is missing or damaged: no page printed blank, nothing half-written left', async () => {
    const { services, root } = await wall(1200);
    const plan = services.exhibitions.plan({ boards: 1 });
    const placed = plan.exhibition.boards[0]!.photos;
    const gone = services.photos.get(placed[1]!.photoId);
    await fs.rm(gone.path);
    const out = path.join(root, 'book');
    const book = await services.exhibitionExport.export({ what: 'catalogue', outDir: out });
    expect(book.files).toEqual([]);
    expect(book.warnings).toEqual([
      expect.objectContaining({
        photoId: gone.id,
        code: 'photoMissing',
        key: 'exhibit.photoMissing',
        message: expect.stringContaining('画册_A4'),
      }),
    ]);
    const card = await services.exhibitionExport.export({ what: 'summary', outDir: path.join(root, 'summary') });
    expect(card.files).toEqual([]);
    expect(card.warnings.map((w) => [w.photoId, w.code])).toEqual([
      [gone.id, 'photoMissing'],
      [gone.id, 'photoMissing'],
    ]);
    // Damaged rather than missing: the decode fails while the book is being written; the book is refused, its temporary file removed.
    await fs.writeFile(gone.path, (await fs.readFile(services.photos.get(placed[0]!.photoId).path)).subarray(0, 2000));
    const again = await services.exhibitionExport.export({ what: 'catalogue', outDir: out });
    expect(again.files).toEqual([]);
    expect(again.warnings).toEqual([expect.objectContaining({ photoId: gone.id, code: 'photoUnreadable' })]);
    expect(await fs.readdir(out)).toEqual([]);
  });
});

describe(`${ExhibitionExportService.name}: summary card`, () => {
  it('writes the card upright and across, its figures counted from the catalog', async () => {
    const { services, root, workers } = await wall();
    services.exhibitions.plan({ boards: 1 });
    services.gifts.setHandOver(workers.yes.id, { handedOverAt: '2025-05-20' });
    const exhibition = services.exhibitions.get();
    expect(services.campaign.figures(exhibition)).toEqual({
      photographers: 1,
      companies: 2,
      days: 0,
      photos: 8,
      exhibited: 5,
      gifts: 1,
    });
    const result = await services.exhibitionExport.export({ what: 'summary', outDir: path.join(root, 'summary') });
    const sizes = await Promise.all(
      result.files.map(async (f) =>
        sharp(f.path)
          .metadata()
          .then((m) => [m.width, m.height]),
      ),
    );
    expect(sizes).toEqual([
      [1080, 1920],
      [1920, 1080],
    ]);
  });
});

describe(`${ExhibitionExportService.name}: as a job`, () => {
  it('reports progress, and a cancelled catalogue leaves no file behind, half-written or finished', async () => {
    const { services, root } = await wall(2400);
    services.exhibitions.plan({ boards: 1 });
    const seen: number[] = [];
    const off = services.events.subscribe(
      (name, p) =>
        name === 'job.progress' &&
        (p as { kind: string }).kind === 'exhibition-export' &&
        seen.push((p as { done: number }).done),
    );
    const out = path.join(root, 'book');
    const { jobId } = await services.exhibitionExport.start({ what: 'catalogue', outDir: out });
    services.jobs.cancel(jobId);
    const result = await services.jobs.done<ExhibitionExportResult>(jobId);
    expect(result.cancelled).toBe(true);
    expect(services.jobs.status(jobId).state).toBe('cancelled');
    expect(await fs.readdir(out)).toEqual([]);

    const boards = await services.exhibitionExport.start({ what: 'boards', outDir: path.join(root, 'boards') });
    await services.jobs.done(boards.jobId);
    off();
    expect(services.jobs.status(boards.jobId)).toMatchObject({
      kind: 'exhibition-export',
      state: 'finished',
      progress: { done: 1, total: 1 },
    });
    expect(seen).toContain(1);
    await expect(services.exhibitionExport.start({ what: 'boards', exhibitionId: 'elsewhere' })).rejects.toMatchObject({
      key: 'exhibit.none',
    });
  });
});

describe(`${ExhibitionExportService.name}: label templates`, () => {
  it('saves a project label template (checked like gift templates) and prints labels with it', async (ctx) => {
    const { services, root } = await wall();
    services.exhibitions.plan({ boards: 1 });
    const base = services.labels.get('label-10x7');
    expect(() =>
      services.labels.save({
        ...base,
        id: undefined,
        name: '坏的',
        blocks: [{ ...base.blocks[0]!, text: '{worker.nickname}' }],
      }),
    ).toThrow(expect.objectContaining({ key: 'gift.templateProblems' }));
    expect(() =>
      services.labels.save({ ...base, id: undefined, name: '太小', blocks: [{ ...base.blocks[0]!, sizePt: 4 }] }),
    ).toThrow(expect.objectContaining({ key: 'gift.templateProblems' }));
    expect(() => services.labels.save({ ...base, id: undefined, name: '太大', size: '400x300' })).toThrow(
      expect.objectContaining({ key: 'exhibit.badLabelSize' }),
    );
    const mine = services.labels.save({
      ...base,
      id: base.id,
      name: '只印名字',
      qr: false,
      blocks: [{ ...base.blocks[0]!, text: '{photo.title}（{company.short}）' }],
    });
    // Saving a built-in makes a copy: the built-in stays as it was.
    expect(mine.id).not.toBe('label-10x7');
    expect(services.labels.list().map((t) => t.id)).toEqual(expect.arrayContaining(['label-10x7', mine.id]));
    const result = await services.exhibitionExport.export({
      what: 'labels',
      labelTemplateId: mine.id,
      outDir: path.join(root, 'mine'),
    });
    expect(path.basename(result.files[0]!.path)).toBe('展签_10x7cm_A4.pdf');
    needTool(ctx, hasPdftotext, 'pdftotext', 'poppler-utils');
    const text = pdftotext(result.files[0]!.path);
    expect(text).toContain('占牡丹（科润智能控制）');
    expect(text).not.toContain('摄影');
  });
});

describe(`${ExhibitionExportService.name}: the printed name list`, () => {
  it('lists every worker on the wall who agreed, with their places, on A2 (A1 on request)', async (ctx) => {
    const { services, root, byName } = await wall();
    services.exhibitions.confirm([byName('IMG_5.JPG')]); // 王伟 on the wall by the union's word, but he never said yes
    const plan = services.exhibitions.plan({ boards: 2 });
    const result = await services.exhibitionExport.export({ what: 'poster', outDir: path.join(root, 'poster') });
    expect(result.files).toEqual([{ path: path.join(root, 'poster', '名录_A2.pdf'), kind: 'poster', pages: 1 }]);
    const doc = await PDFDocument.load(await fs.readFile(result.files[0]!.path));
    expect(doc.getPage(0).getTrimBox().width).toBeCloseTo(mmToPt(420), 1);
    const a1 = await services.exhibitionExport.export({
      what: 'poster',
      posterSize: 'A1',
      outDir: path.join(root, 'poster'),
    });
    expect(path.basename(a1.files[0]!.path)).toBe('名录_A1.pdf');
    needTool(ctx, hasPdftotext, 'pdftotext', 'poppler-utils');
    const text = pdftotext(result.files[0]!.path);
    const hers = plan.exhibition.boards
      .flatMap((b) => b.photos)
      .filter((p) => services.photos.get(p.photoId).workers.some((w) => services.roster.worker(w).name === '占牡丹'));
    expect(text).toContain('占牡丹');
    for (const p of hers) expect(text).toContain(p.number);
    expect(text).not.toContain('王伟');
    expect(text).not.toContain('周丽娟');
  });
});
