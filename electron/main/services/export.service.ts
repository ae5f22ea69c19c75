import path from 'node:path';
import { AppError, isAppError } from '../../../shared/errors';
import { fillTemplate } from '../../../shared/logic/caption-template';
import { safeFileNamePart } from '../../../shared/logic/copy-name';
import {
  MARK_LENGTH_MM,
  MARK_OFFSET_MM,
  imposition,
  minimumPages,
  oriented,
  parsePaperSize,
  sheetBoxes,
  type SizeMm,
} from '../../../shared/logic/print-geometry';
import { PPI_REFUSE, refusedOptions, resolutionOf } from '../../../shared/logic/export-rules';
import { iccInfo } from '../../../shared/logic/icc';
import { orderSheetCsv, orderTotals } from '../../../shared/logic/order-sheet';
import { orderSheetPages, thumbRef, type OrderSheetLine } from '../../../shared/logic/order-sheet-drawing';
import { buildXmpSidecar } from '../../../shared/logic/xmp-write';
import type { ExportedFile, ExportOptions, ExportSummary, GiftTemplate } from '../../../shared/model/gift';
import type { Company, Worker } from '../../../shared/model/roster';
import type { Logger } from '../logger';
import type { PdfRepository } from '../repositories/pdf.repository';
import type { SheetRepository } from '../repositories/sheet.repository';
import type { StorageRepository } from '../repositories/storage.repository';
import type { TypesetterRepository } from '../repositories/typesetter';
import type { GiftService, SheetJob } from './gift.service';
import type { JobBody, JobControl, JobService } from './jobs.service';
import type { OutputPlaces } from './output-place';
import type { ProjectSession } from './project-session';
import { msg, reasonOf } from '../../../shared/i18n/messages';

interface ExportDeps {
  session: ProjectSession;
  /** the shipped press profile (FOGRA39), used for CMYK when the user gives none */
  defaultCmykProfile: string;
  gifts: GiftService;
  sheets: SheetRepository;
  pdf: PdfRepository;
  type: TypesetterRepository;
  storage: StorageRepository;
  places: OutputPlaces;
  jobs: JobService;
  logger: Logger;
}

interface Item {
  workerId: string | null;
  photoId: string;
  crop: import('../../../shared/model/gift').CropRect | null;
}

interface Imposable {
  item: Item;
  job: SheetJob;
  /** the finished print (trim + bleed): a JPEG, or a PDF when the pages are PDFs */
  print: Buffer;
}

const MANIFEST = '.chasing-light-export.json';
const DEFAULT_PAPER = '光面相纸';

/** A line of the order sheet, with the cached thumbnail its picture is made from. */
type OrderLine = OrderSheetLine & { thumbFile: string | null };

/** The CMYK profile an export converts with: its file, and its name for the order sheet. */
interface Profile {
  file: string;
  name: string;
}
export const DEFAULT_NAME_PATTERN = '{company.short}_{worker.name}_{photo.id}';

/** Writes print-ready files and the order sheet, as a job with progress and cancel; never a half file. */
const ORDER_SHEET = '印制清单';
const IMPOSED = '拼版';

export class ExportService {
  constructor(private readonly deps: ExportDeps) {
    deps.jobs.define<ExportOptions, ExportSummary>('export', {
      prepare: (opts) => this.prepare(opts),
      cancelledIn: (summary) => summary.cancelled,
    });
  }

  /** Checks the request (what it asks must be honoured, or it is refused by name) and answers the job's body. */
  private async prepare(opts: ExportOptions): Promise<JobBody<ExportSummary>> {
    this.deps.session.require();
    const template = this.deps.gifts.template(opts.templateId);
    if (opts.size && !parsePaperSize(opts.size))
      throw new AppError('VALIDATION', msg('export.unknownSize', { size: opts.size }));
    const refused = refusedOptions(opts);
    if (refused) throw new AppError('VALIDATION', refused);
    const profile = opts.cmyk ? await this.profile(opts.icc) : null;
    return (control) => this.execute(control, opts, template, profile);
  }

  /** Starts the export as a job of the one job service. */
  start(opts: ExportOptions): Promise<{ jobId: string }> {
    return this.deps.jobs.start('export', opts);
  }

  /** Runs an export to the end (the tests and the awaited API call wait for it). */
  async run(opts: ExportOptions): Promise<ExportSummary> {
    const { jobId } = await this.start(opts);
    return this.deps.jobs.done(jobId);
  }

  /** The press profile: the user's .icc (it must be CMYK), or the shipped FOGRA39. */
  private async profile(file?: string): Promise<Profile> {
    const path_ = file ?? this.deps.defaultCmykProfile;
    const info = iccInfo(await this.deps.storage.readFile(path_, { maxBytes: 32 * 1024 ** 2 }));
    if (!info) throw new AppError('VALIDATION', msg('export.iccUnreadable', { path: path_ }));
    if (info.colourSpace !== 'CMYK')
      throw new AppError('VALIDATION', msg('export.iccNotCmyk', { path: path_, space: info.colourSpace }));
    return { file: path_, name: info.description ?? path.basename(path_) };
  }

  /** The job as `export.status` said it before `jobs.status` (kept for one version): its result named `summary`. */
  status(jobId: string) {
    const { result, ...view } = this.deps.jobs.status<ExportSummary>(jobId);
    return { ...view, summary: result };
  }

  cancel(jobId: string) {
    this.deps.jobs.cancel(jobId);
    return this.status(jobId);
  }

  private items(opts: ExportOptions, summary: ExportSummary): Item[] {
    const catalog = this.deps.session.require();
    if (opts.per === 'photo') {
      // No selection: the picked photos; none picked: every photo that is not rejected.
      const picked = catalog.photos().filter((p) => p.flag === 'picked');
      const ids = opts.photoIds?.length
        ? opts.photoIds
        : (picked.length ? picked : catalog.photos().filter((p) => p.flag !== 'rejected')).map((p) => p.id);
      return ids.flatMap((id) => {
        if (catalog.photo(id)) return [{ workerId: null, photoId: id, crop: null }];
        summary.skipped.push({ workerId: null, photoId: id, ...reasonOf(msg('export.skip.noPhoto', { id })) });
        return [];
      });
    }
    const gifts = this.deps.gifts.list().filter((g) => !opts.workerIds?.length || opts.workerIds.includes(g.workerId));
    for (const id of opts.workerIds ?? [])
      if (!gifts.some((g) => g.workerId === id))
        summary.skipped.push({
          workerId: id,
          ...reasonOf(
            catalog.get('workers', id) ? msg('export.skip.notInPhotos') : msg('export.skip.noWorker', { id }),
          ),
        });
    return gifts.flatMap((g) => {
      if (g.blocked || !g.photoId) {
        summary.skipped.push({ workerId: g.workerId, ...reasonOf(g.blocked ?? msg('gift.noPhoto')) });
        return [];
      }
      return [{ workerId: g.workerId, photoId: g.photoId, crop: g.crop }];
    });
  }

  private async execute(
    control: JobControl,
    opts: ExportOptions,
    template: GiftTemplate,
    profile: Profile | null,
  ): Promise<ExportSummary> {
    const catalog = this.deps.session.require();
    const summary: ExportSummary = {
      files: [],
      orderSheet: { pdf: null, csv: null },
      skipped: [],
      warnings: [],
      cancelled: false,
      written: 0,
      reused: 0,
      pages: 0,
      minimumPages: 0,
      profile: profile?.name ?? null,
    };
    const outDir = await this.deps.places.prepare(
      opts.outDir?.trim() ||
        path.join(
          catalog.dir,
          'exports',
          `${new Date().toISOString().slice(0, 10)}_${safeFileNamePart(template.name)}`,
        ),
    );
    await this.checkWritable(outDir);
    const manifest = await this.readManifest(outDir);
    const items = this.items(opts, summary);
    control.setTotal(items.length);
    const usedNames = new Set<string>();
    const orderLines: OrderLine[] = [];
    const forPages: Imposable[] = [];
    await control.pool(items, async (item) => {
      control.working(item.workerId ? (catalog.get('workers', item.workerId)?.name ?? item.workerId) : item.photoId);
      try {
        if (opts.impose) forPages.push(await this.renderForPage(item, opts, template, summary));
        else {
          const file = await this.exportOne(item, opts, template, outDir, manifest, usedNames, summary, profile);
          summary.files.push(file.exported);
          if (file.exported.reused) summary.reused++;
          else summary.written++;
          orderLines.push(file.order);
        }
      } catch (err) {
        const e = isAppError(err) ? err : new AppError('INTERNAL', (err as Error).message);
        if (!isAppError(err)) this.deps.logger.error('export item failed', err);
        summary.skipped.push({
          workerId: item.workerId,
          photoId: item.photoId,
          reason: e.message,
          key: e.key,
          params: e.params,
        });
      }
      control.step();
    });
    summary.cancelled = control.cancelled;
    if (opts.rasterMarks && opts.marks && opts.format !== 'pdf' && !opts.impose && summary.files.length)
      summary.warnings.push(msg('export.rasterMarksBigger', { extra: 2 * (MARK_OFFSET_MM + MARK_LENGTH_MM) }));
    if (opts.impose && !control.cancelled) {
      // In the order asked for, not the order the lanes finished in: an export made again lays out the same pages.
      const rank = new Map(items.map((item, i) => [item, i]));
      forPages.sort((a, b) => rank.get(a.item)! - rank.get(b.item)!);
      orderLines.push(...(await this.writePages(forPages, opts, opts.impose, outDir, summary, profile, template)));
    }
    await this.writeManifest(outDir, manifest);
    if (!control.cancelled && summary.files.length)
      await this.writeOrderSheet(outDir, catalog.project.name, template, opts, orderLines, summary);
    return summary;
  }

  /** A sheet's job, refused by name below 150 ppi unless the user said to go ahead. */
  private async job(
    item: Item,
    opts: ExportOptions,
    template: GiftTemplate,
    summary: ExportSummary,
    marks: boolean,
  ): Promise<SheetJob> {
    const catalog = this.deps.session.require();
    const w = item.workerId ? (catalog.get('workers', item.workerId) ?? null) : null;
    const job = await this.deps.gifts.sheetJob({
      template,
      photoId: item.photoId,
      worker: w,
      crop: item.crop,
      size: opts.size,
      dpi: opts.dpi,
      bleedMm: opts.bleedMm,
      marks,
    });
    if (resolutionOf(job.ppi) === 'refused' && !opts.allowLowRes)
      throw new AppError(
        'VALIDATION',
        msg('export.lowResRefused', { name: w?.name ?? job.photo.originalName, ppi: job.ppi, min: PPI_REFUSE }),
        { ppi: job.ppi },
      );
    summary.warnings.push(...job.warnings);
    return job;
  }

  private async exportOne(
    item: Item,
    opts: ExportOptions,
    template: GiftTemplate,
    outDir: string,
    manifest: Record<string, string>,
    usedNames: Set<string>,
    summary: ExportSummary,
    profile: Profile | null,
  ) {
    const catalog = this.deps.session.require();
    // Marks: vectors in a PDF; drawn into a JPEG/TIFF only when asked for explicitly (the file is then larger).
    const rasterMarks = opts.format !== 'pdf' && !!opts.rasterMarks;
    const job = await this.job(item, opts, template, summary, opts.marks && (opts.format === 'pdf' || rasterMarks));
    const ext = opts.format === 'jpeg' ? '.jpg' : opts.format === 'tiff' ? '.tif' : '.pdf';
    const base = this.fileName(opts.namePattern ?? DEFAULT_NAME_PATTERN, job);
    let name = base;
    for (let n = 2; usedNames.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    usedNames.add(name.toLowerCase());
    const file = path.join(outDir, name + ext);
    const hash = `${job.inputHash}:${opts.format}:${profile?.file ?? 'srgb'}`;
    const boxes = job.layout.boxes;
    // A PDF's pixels are its photo's over the bleed box; a raster file's, the whole page.
    const pixels = this.deps.sheets.pagePixels(
      opts.format === 'pdf' ? sheetBoxes(boxes.trim, boxes.bleedMm, false) : boxes,
      opts.dpi,
    );
    const size = { w: pixels.width, h: pixels.height };
    let reused = false;
    if (manifest[name + ext] === hash && (await this.deps.storage.exists(file))) reused = true;
    else {
      // One drawing either way: in a PDF its captions are text in subset faces; in a JPEG/TIFF, pixels.
      if (opts.format === 'pdf') {
        await this.deps.storage.writeChunksAtomic(
          file,
          this.deps.pdf.drawing(
            [job.page],
            this.deps.gifts.jpegs(job, opts.dpi),
            this.pdfMeta(name, job),
            await this.deps.sheets.srgbIcc(),
          ),
        );
      } else {
        const output = { format: opts.format, quality: 95, cmykProfile: profile?.file, xmp: this.xmpFor(job) };
        await this.deps.storage.writeAtomic(
          file,
          await this.deps.sheets.rasterPage(job.page, opts.dpi, this.deps.gifts.pixels(job), output),
        );
      }
      manifest[name + ext] = hash;
    }
    return {
      exported: {
        path: file,
        workerId: item.workerId,
        photoId: item.photoId,
        widthPx: size.w,
        heightPx: size.h,
        reused,
        ppi: job.ppi,
      } satisfies ExportedFile,
      order: {
        file: name + ext,
        worker: job.values['worker.name'] ?? '',
        company: job.values['company.name'] ?? '',
        size: sizeLabel(opts.size ?? template.size, boxes.trim),
        paper: template.paper ?? DEFAULT_PAPER,
        quantity: 1,
        bleedMm: opts.bleedMm,
        colour: profile ? 'CMYK' : 'sRGB',
        ppi: job.ppi,
        thumbAspect: null,
        thumbFile: job.photo.thumbnail ? path.join(catalog.dir, job.photo.thumbnail) : null,
      } satisfies OrderLine,
    };
  }

  /** One finished print (trim + bleed, no marks) kept in memory until its page is composed. */
  private async renderForPage(
    item: Item,
    opts: ExportOptions,
    template: GiftTemplate,
    summary: ExportSummary,
  ): Promise<Imposable> {
    const job = await this.job(item, opts, template, summary, false);
    // Kept until its page is made: a high-quality JPEG (a raw copy of every print would not fit in memory), or
    // for PDF pages the print's own PDF, so its caption stays text and its photo is not encoded twice.
    const print =
      opts.format === 'pdf'
        ? await this.deps.pdf.drawingBytes(
            [job.page],
            this.deps.gifts.jpegs(job, opts.dpi),
            this.pdfMeta(job.values['worker.name'] || job.photo.originalName, job),
            await this.deps.sheets.srgbIcc(),
          )
        : await this.deps.sheets.rasterPage(job.page, opts.dpi, this.deps.gifts.pixels(job), {
            format: 'jpeg',
            quality: 95,
          });
    return { item, job, print };
  }

  /** What a PDF says of itself: its title, the photographer, the campaign's theme. */
  private pdfMeta(title: string, job: SheetJob) {
    return { title, author: job.photo.photographer ?? '', subject: `${job.values['campaign.theme'] ?? ''}` };
  }

  /**
   * n-up pages: prints of one size together, edge to edge (shared cuts), turned where that fits more, as many
   * per A4/A3 page as fit, marks in the margins; in the format asked for (JPEG, TIFF — CMYK too — or PDF).
   */
  private async writePages(
    prints: Imposable[],
    opts: ExportOptions,
    sheetName: 'A4' | 'A3',
    outDir: string,
    summary: ExportSummary,
    profile: Profile | null,
    template: GiftTemplate,
  ) {
    const catalog = this.deps.session.require();
    const lines: OrderLine[] = [];
    const bySize = new Map<string, Imposable[]>();
    for (const p of prints) {
      const t = p.job.layout.boxes.trim;
      const key = `${Math.min(t.widthMm, t.heightMm)}x${Math.max(t.widthMm, t.heightMm)}`;
      bySize.set(key, [...(bySize.get(key) ?? []), p]);
    }
    const sheet = parsePaperSize(sheetName)!;
    let n = 0;
    for (const [key, group] of bySize) {
      // Portrait and landscape prints of one size share a page: a landscape one is turned to the portrait trim.
      const trim = oriented(group[0]!.job.layout.boxes.trim, 'portrait');
      const plan = imposition(trim, opts.bleedMm, sheet);
      if (!plan.slots.length) {
        for (const p of group)
          summary.skipped.push({
            workerId: p.item.workerId,
            photoId: p.item.photoId,
            ...reasonOf(msg('export.skip.doesNotFit', { size: key, sheet: sheetName })),
          });
        continue;
      }
      summary.minimumPages += minimumPages(group.length, trim, sheet);
      for (let start = 0; start < group.length; start += plan.slots.length) {
        const onPage = group.slice(start, start + plan.slots.length);
        const slots = plan.slots.slice(0, onPage.length);
        const marks = plan.marks;
        const ext = opts.format === 'pdf' ? '.pdf' : opts.format === 'tiff' ? '.tif' : '.jpg';
        const output =
          opts.format === 'tiff'
            ? { format: 'tiff' as const, cmykProfile: profile?.file }
            : { format: 'jpeg' as const, quality: 95 };
        const placements = onPage.map((p, i) => {
          const landscape = p.job.layout.boxes.trim.widthMm > p.job.layout.boxes.trim.heightMm;
          // The slot's own orientation decides the turn; a landscape print in a portrait slot turns a quarter.
          return {
            data: p.print,
            rect: slots[i]!.rect,
            bleed: slots[i]!.bleed,
            turn: slots[i]!.rotated !== landscape,
            bleedMm: opts.bleedMm,
          };
        });
        n++;
        const name = `拼版_${sheetName}_${String(n).padStart(2, '0')}`;
        const file = path.join(outDir, name + ext);
        const bytes =
          opts.format === 'pdf'
            ? Buffer.from(
                await this.deps.pdf.imposed(plan.page, placements, marks, name, await this.deps.sheets.srgbIcc()),
              )
            : await this.deps.sheets.composePage(plan.page, opts.dpi, placements, marks, output);
        await this.deps.storage.writeAtomic(file, bytes);
        summary.pages++;
        summary.written++;
        const px = (mm: number) => Math.round((mm / 25.4) * opts.dpi);
        for (const p of onPage)
          summary.files.push({
            path: file,
            workerId: p.item.workerId,
            photoId: p.item.photoId,
            widthPx: px(plan.page.widthMm),
            heightPx: px(plan.page.heightMm),
            reused: false,
            ppi: p.job.ppi,
          });
        lines.push({
          file: path.basename(file),
          worker: onPage.map((p) => p.job.values['worker.name'] ?? '').join('、'),
          company: [...new Set(onPage.map((p) => p.job.values['company.name'] ?? ''))].join('、'),
          size: sheetName,
          detail: `${onPage.length} × ${sizeLabel(opts.size ?? template.size, trim)}`,
          paper: template.paper ?? DEFAULT_PAPER,
          quantity: 1,
          bleedMm: opts.bleedMm,
          colour: profile && opts.format === 'tiff' ? 'CMYK' : 'sRGB',
          ppi: Math.min(...onPage.map((p) => p.job.ppi)),
          thumbAspect: null,
          thumbFile: onPage[0]!.job.photo.thumbnail ? path.join(catalog.dir, onPage[0]!.job.photo.thumbnail) : null,
        });
      }
    }
    return lines;
  }

  private fileName(pattern: string, job: SheetJob): string {
    const filled = fillTemplate(pattern.replace(/\{photo\.id\}/g, job.photo.id), job.values);
    return safeFileNamePart(filled, job.photo.id);
  }

  /** IPTC in the print file itself: who is in it, the company, the photographer, the caption. */
  private xmpFor(job: SheetJob): string {
    const catalog = this.deps.session.require();
    const people = job.worker
      ? [job.worker]
      : job.photo.workers.map((id) => catalog.get('workers', id)).filter((w): w is Worker => !!w);
    const companies = [...new Set(people.map((w) => w.companyId).filter(Boolean))]
      .map((id) => catalog.get('companies', id!))
      .filter((c): c is Company => !!c);
    const caption = job.spec.captions
      .map((c) => c.text)
      .filter(Boolean)
      .join(' / ');
    return buildXmpSidecar({ ...job.photo, faceRegions: [], caption }, people, companies);
  }

  private async checkWritable(dir: string) {
    try {
      await this.deps.storage.probeWritable(dir);
    } catch (err) {
      throw new AppError('IO', msg('export.notWritable', { dir, detail: (err as Error).message }));
    }
  }

  private async readManifest(dir: string): Promise<Record<string, string>> {
    try {
      return JSON.parse((await this.deps.storage.readFile(path.join(dir, MANIFEST))).toString('utf8'));
    } catch {
      return {};
    }
  }

  private async writeManifest(dir: string, manifest: Record<string, string>) {
    await this.deps.storage.writeAtomic(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 1));
  }

  /**
   * 印制清单: CSV (UTF-8 with BOM, so Excel opens the Chinese; Chinese headers) and PDF, grouped by company,
   * totals per size. Named for the template and format, so a PDF export beside a JPEG one keeps both sheets.
   */
  private async writeOrderSheet(
    dir: string,
    project: string,
    template: GiftTemplate,
    opts: ExportOptions,
    lines: OrderLine[],
    summary: ExportSummary,
  ) {
    const sorted = [...lines].sort(
      (a, b) => a.company.localeCompare(b.company, 'zh-CN') || a.worker.localeCompare(b.worker, 'zh-CN'),
    );
    const totals = orderTotals(sorted);
    const csv = orderSheetCsv(sorted, totals);
    // One order sheet per template, n-up sheet and format: a PDF export beside a JPEG one keeps both sheets.
    const stem = [
      ORDER_SHEET,
      safeFileNamePart(template.name, 'template'),
      opts.impose ? `${IMPOSED}${opts.impose}` : null,
      opts.format.toUpperCase(),
    ]
      .filter(Boolean)
      .join('_');
    const csvFile = path.join(dir, `${stem}.csv`);
    await this.deps.storage.writeAtomic(csvFile, csv);
    const thumbs = new Map<string, Buffer>();
    for (const [i, l] of sorted.entries()) {
      const thumb = l.thumbFile ? await this.deps.sheets.thumbnail(l.thumbFile).catch(() => null) : null;
      if (thumb) thumbs.set(thumbRef(i), thumb.jpeg);
      l.thumbAspect = thumb?.aspect ?? null;
    }
    const pdfFile = path.join(dir, `${stem}.pdf`);
    const colour = summary.profile ? `CMYK（${summary.profile}）` : 'sRGB';
    const subtitle = `${template.name} · ${opts.format.toUpperCase()} · ${opts.dpi} dpi · 出血 ${opts.bleedMm} mm · ${colour}`;
    const title = `${project} · 印制清单`;
    const pages = orderSheetPages(
      { title, subtitle, date: new Date().toISOString().slice(0, 10), lines: sorted, totals, whoLabel: '职工' },
      this.deps.type.pageFaces(),
    );
    await this.deps.storage.writeChunksAtomic(
      pdfFile,
      this.deps.pdf.drawing(pages, (ref) => thumbs.get(ref)!, { title }, await this.deps.sheets.srgbIcc()),
    );
    summary.orderSheet = { pdf: pdfFile, csv: csvFile };
  }
}

/** "10寸 203×254mm": one size, whichever way round it prints (totals per size, not per orientation). */
export function sizeLabel(name: string, trim: SizeMm): string {
  const a = Math.min(trim.widthMm, trim.heightMm);
  const b = Math.max(trim.widthMm, trim.heightMm);
  return /^\d/.test(name) && /x|×/i.test(name) ? `${a}×${b}mm` : `${name} ${a}×${b}mm`;
}
