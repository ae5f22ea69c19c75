import { createHash } from 'node:crypto';
import path from 'node:path';
import { AppError, isAppError } from '../../../shared/errors';
import { formatMessage, msg, type Message } from '../../../shared/i18n/messages';
import { composeBoard, type BoardCaption } from '../../../shared/logic/board-drawing';
import { displayPath } from '../../../shared/logic/file-path';
import { orderSheetCsv, orderTotals } from '../../../shared/logic/order-sheet';
import { orderSheetPages, thumbRef, type OrderSheetLine } from '../../../shared/logic/order-sheet-drawing';
import type { DrawnPage, DrawOp, Faces } from '../../../shared/logic/page-drawing';
import { composeLabel, imposeLabels, labelPage, labelSize, type LabelContent } from '../../../shared/logic/label-drawing';
import { composeCatalogue, COVER, type CatalogueEntry } from '../../../shared/logic/catalogue-drawing';
import { composeNamePoster, type PosterSize } from '../../../shared/logic/name-poster';
import { CARD_DPI, composeSummaryCard, TILE, type CampaignFigures } from '../../../shared/logic/summary-card';
import { fillTemplate } from '../../../shared/logic/caption-template';
import { imposition, parsePaperSize } from '../../../shared/logic/print-geometry';
import { isWebAddress, photoPageUrl } from '../../../shared/logic/qr';
import type { Board, Exhibition, ExhibitionExportOptions, ExhibitionExportResult, ExhibitionWarning, LabelTemplate } from '../../../shared/model/exhibition';
import type { Photo } from '../../../shared/model/photo';
import { cropFor, placedPpi } from '../../../shared/logic/sheet-layout';
import type { Worker } from '../../../shared/model/roster';
import type { Logger } from '../logger';
import type { PdfRepository } from '../repositories/pdf.repository';
import type { SheetRepository } from '../repositories/sheet.repository';
import type { StorageRepository } from '../repositories/storage.repository';
import type { TypesetterRepository } from '../repositories/typesetter';
import { DEFAULT_EXHIBITION, type ExhibitionService } from './exhibition.service';
import type { GiftService } from './gift.service';
import type { LabelTemplateService } from './label-template.service';
import { prefetcher } from './prefetch';
import type { JobControl, JobService } from './jobs.service';

/** The control of an export nobody watches (the command line awaits it): never cancelled, progress unheard. */
import type { OutputPlaces } from './output-place';
import type { ProjectSession } from './project-session';

/** Boards are seen from a metre or two: soft below 100 ppi, not printed below 50 (unless the user says so). */
export const BOARD_PPI_WARN = 100;
export const BOARD_PPI_REFUSE = 50;
/** Photos go into a board PDF at their own resolution up to this (more is bytes the press cannot use). */
const BOARD_PPI_CAP = 300;
/** A line of the order sheet, with the small picture of its board. */
type OrderLine = OrderSheetLine & { thumbnail: Buffer | null };
const DEFAULT_MATERIAL = 'KT板';

interface Deps {
  session: ProjectSession;
  labels: LabelTemplateService;
  exhibitions: ExhibitionService;
  gifts: GiftService;
  sheets: SheetRepository;
  pdf: PdfRepository;
  type: TypesetterRepository;
  storage: StorageRepository;
  places: OutputPlaces;
  jobs: JobService;
  logger: Logger;
}

/** A photo item that cannot be printed: the file it belongs to is not written, and the reason is said. */
class ItemRefused extends Error {
  constructor(readonly warning: ExhibitionWarning) {
    super(warning.message);
  }
}

const warn = (photoId: string | null, code: ExhibitionWarning['code'], m: Message): ExhibitionWarning => ({ photoId, code, message: formatMessage(m, 'en'), key: m.key, ...(m.params ? { params: m.params } : {}) });

/**
 * Print files of an exhibition: each board as a PDF at its physical size (or a JPEG/TIFF at a chosen dpi), with
 * the order sheet. A file is written whole (atomically) or not at all; a board that cannot print is named with
 * its reason and the others go on.
 */
export class ExhibitionExportService {
  constructor(private readonly deps: Deps) {
    // What cannot start (no plan) is refused at once; the rest runs as a job.
    deps.jobs.define<ExhibitionExportOptions, ExhibitionExportResult>('exhibition-export', {
      prepare: (opts) => {
        this.planned(opts);
        return (control) => this.write(opts, control);
      },
      cancelledIn: (r) => r.cancelled,
    });
  }

  private get catalog() {
    return this.deps.session.require();
  }

  /** The faces as the page typesetter needs them. */
  private get faces(): Faces {
    return this.deps.type.pageFaces();
  }

  /** The export as a job of the one job service, with progress and cancel. */
  start(opts: ExhibitionExportOptions): Promise<{ jobId: string }> {
    return this.deps.jobs.start('exhibition-export', opts);
  }

  /** The export, awaited (the command line's and the tests' way): the same job, waited for. */
  async export(opts: ExhibitionExportOptions): Promise<ExhibitionExportResult> {
    return this.deps.jobs.done(await this.start(opts).then((j) => j.jobId));
  }

  private planned(opts: ExhibitionExportOptions): Exhibition {
    const exhibition = this.deps.exhibitions.get(opts.exhibitionId ?? DEFAULT_EXHIBITION);
    if (!exhibition.boards.some((b) => b.photos.length)) throw new AppError('VALIDATION', msg('exhibit.notPlanned'));
    return exhibition;
  }

  /** The export, awaited (the command line's way); `control` reports progress and says when the user cancelled. */
  private async write(opts: ExhibitionExportOptions, control: JobControl): Promise<ExhibitionExportResult> {
    const exhibition = this.planned(opts);
    const format = opts.format ?? 'pdf';
    const outDir = await this.deps.places.prepare(opts.outDir?.trim() || path.join(this.catalog.dir, 'exports', `${new Date().toISOString().slice(0, 10)}_展览_${opts.what}`));
    try {
      await this.deps.storage.probeWritable(outDir);
    } catch (err) {
      throw new AppError('IO', msg('export.notWritable', { dir: outDir, detail: (err as Error).message }));
    }
    const result: ExhibitionExportResult = { outDir, files: [], warnings: [], cancelled: false };
    switch (opts.what) {
      case 'boards':
        await this.boards(exhibition, { ...opts, format }, result, control);
        break;
      case 'labels':
        await this.labels(exhibition, { ...opts, format }, result, control);
        break;
      case 'summary':
        await this.summary(exhibition, opts.format === 'pdf' || !opts.format ? 'jpeg' : opts.format, result, control);
        break;
      case 'poster':
        if (format !== 'pdf') throw new AppError('VALIDATION', msg('exhibit.badFormat', { what: 'poster', format }));
        await this.poster(exhibition, opts.posterSize ?? 'A2', result, control);
        break;
      case 'catalogue':
        if (format !== 'pdf') throw new AppError('VALIDATION', msg('exhibit.badFormat', { what: 'catalogue', format }));
        await this.catalogue(exhibition, opts, result, control);
        break;
      default:
        throw new AppError('VALIDATION', msg('exhibit.badFormat', { what: opts.what, format }));
    }
    result.cancelled = control.cancelled;
    return result;
  }

  // --- boards ----------------------------------------------------------------------------------------

  private async boards(exhibition: Exhibition, opts: ExhibitionExportOptions & { format: 'pdf' | 'jpeg' | 'tiff' }, result: ExhibitionExportResult, control: JobControl) {
    const dpi = opts.dpi ?? 150;
    if (opts.format !== 'pdf' && !(dpi >= 30 && dpi <= 300)) throw new AppError('VALIDATION', msg('exhibit.badDpi', { dpi }));
    const bleedMm = opts.bleedMm ?? 5;
    const marks = opts.marks ?? opts.format === 'pdf';
    const lines: OrderLine[] = [];
    const count = exhibition.boards.length;
    const logos = await this.logos(exhibition, exhibition.boards[0]?.background ?? '#ffffff');
    control.setTotal(exhibition.boards.filter((b) => b.photos.length).length);
    for (const [i, board] of exhibition.boards.entries()) {
      if (!board.photos.length) continue;
      if (control.cancelled) break;
      control.working(board.name);
      const name = `展板${String(i + 1).padStart(2, '0')}_${Math.round(board.widthMm / 10)}x${Math.round(board.heightMm / 10)}cm`;
      const ext = opts.format === 'pdf' ? '.pdf' : opts.format === 'tiff' ? '.tif' : '.jpg';
      try {
        const drawn = composeBoard({ board, position: i + 1, count, header: { title: exhibition.title, subtitle: exhibition.subtitle, organizers: exhibition.organizers }, captions: this.boardCaptions(board), logos: logos.map(({ ref, aspect }) => ({ ref, aspect })) }, this.faces, { bleedMm, marks });
        for (const p of drawn.problems) result.warnings.push(warn(p.photoId || null, p.photoId ? 'captionTooLong' : 'headerTooLong', p.message));
        const { images, minPpi } = await this.boardImages(board, opts.format === 'pdf' ? null : dpi, !!opts.allowLowRes, result, control);
        for (const logo of logos) images.set(logo.ref, logo.jpeg);
        const file = path.join(result.outDir, name + ext);
        if (opts.format === 'pdf') await this.deps.storage.writeChunksAtomic(file, this.deps.pdf.drawing([drawn.page], (ref) => images.get(ref)!, { title: `${exhibition.title} · ${board.name}`, subject: exhibition.subtitle }, await this.deps.sheets.srgbIcc()));
        else await this.deps.storage.writeAtomic(file, await this.deps.sheets.rasterPage(drawn.page, dpi, (ref) => images.get(ref)!, { format: opts.format }));
        result.files.push({ path: file, kind: 'board', pages: 1 });
        const thumbnail = await this.boardThumbnail(drawn.page).catch(() => null);
        lines.push({
          file: path.basename(file),
          worker: `${board.photos[0]!.number}–${board.photos.at(-1)!.number}，${board.photos.length} 张`,
          company: exhibition.title,
          size: `${board.widthMm / 10}×${board.heightMm / 10}cm`,
          paper: opts.material?.trim() || DEFAULT_MATERIAL,
          quantity: 1,
          bleedMm,
          colour: 'sRGB',
          ppi: minPpi,
          thumbAspect: thumbnail ? drawn.page.boxes.mediaMm.widthMm / drawn.page.boxes.mediaMm.heightMm : null,
          thumbnail,
        });
      } catch (err) {
        if (!(err instanceof ItemRefused)) throw err;
        result.warnings.push(err.warning);
      }
      control.step();
    }
    if (lines.length) await this.orderSheet(exhibition, result, lines, `${opts.format.toUpperCase()}${opts.format === 'pdf' ? '' : ` · ${dpi} dpi`} · 出血 ${bleedMm} mm`);
  }

  // --- summary card ----------------------------------------------------------------------------------

  /** The campaign summary card, portrait and landscape, its figures counted from the catalog. */
  private async summary(exhibition: Exhibition, format: 'jpeg' | 'tiff', result: ExhibitionExportResult, control: JobControl) {
    const figures = this.figures(exhibition);
    const photoIds = exhibition.boards.flatMap((b) => b.photos.map((p) => p.photoId)).filter((id) => this.catalog.photo(id));
    // An even spread of the wall, not just its first board.
    const step = Math.max(1, photoIds.length / 16);
    const chosen = Array.from({ length: Math.min(16, photoIds.length) }, (_, i) => photoIds[Math.floor(i * step)]!);
    const facts = { title: exhibition.title, subtitle: exhibition.subtitle, organizers: exhibition.organizers, figures, photoIds: chosen, date: new Date().toISOString().slice(0, 10) };
    control.setTotal(2);
    for (const orientation of ['portrait', 'landscape'] as const) {
      if (control.cancelled) break;
      const page = composeSummaryCard(facts, orientation, this.faces);
      const { widthMm: w, heightMm: h } = page.boxes.mediaMm;
      const name = `活动总结卡_${w}x${h}`;
      try {
        await this.assertOriginals([page], name);
        const provide = this.pageImages([page], name, CARD_DPI);
        const images = new Map<string, Buffer>();
        for (const op of page.ops) if (op.kind === 'image' && !images.has(op.ref)) images.set(op.ref, await provide(op.ref));
        const file = path.join(result.outDir, `${name}${format === 'tiff' ? '.tif' : '.jpg'}`);
        await this.deps.storage.writeAtomic(file, await this.deps.sheets.rasterPage(page, CARD_DPI, (ref) => images.get(ref)!, { format, quality: 92 }));
        result.files.push({ path: file, kind: 'summary', pages: 1 });
      } catch (err) {
        if (!(err instanceof ItemRefused)) throw err;
        result.warnings.push(err.warning);
      }
      control.step();
    }
  }

  /** The campaign's figures for the card: counted, never typed. */
  figures(exhibition: Exhibition): CampaignFigures {
    const facts = this.facts();
    return {
      photographers: facts.photographers.length,
      companies: facts.companies,
      days: facts.days,
      photos: facts.photos,
      exhibited: exhibition.boards.reduce((n, b) => n + b.photos.length, 0),
      gifts: this.catalog.all('gifts').filter((g) => g.handOver?.handedOverAt).length,
    };
  }

  // --- name list (名录) --------------------------------------------------------------------------------

  /** Every worker on the wall who agreed to be exhibited, by company then pinyin, with their places; A2 or A1. */
  private async poster(exhibition: Exhibition, size: PosterSize, result: ExhibitionExportResult, control: JobControl) {
    control.setTotal(1);
    const numbers = new Map<string, string[]>();
    for (const p of exhibition.boards.flatMap((b) => b.photos)) {
      const photo = this.catalog.photo(p.photoId);
      if (!photo) continue;
      for (const w of this.people(photo)) if (w.consent === 'exhibit') numbers.set(w.id, [...(numbers.get(w.id) ?? []), p.number]);
    }
    const entries = [...numbers].map(([id, places]) => {
      const w = this.catalog.get('workers', id)!;
      const company = w.companyId ? this.catalog.get('companies', w.companyId) : undefined;
      return { name: w.name, pinyin: w.pinyin, company: company?.shortName || company?.name || '', numbers: places };
    });
    const pages = composeNamePoster(`${exhibition.title} · 名录`, entries, size, this.faces);
    const file = path.join(result.outDir, `名录_${size}.pdf`);
    await this.deps.storage.writeChunksAtomic(file, this.deps.pdf.drawing(pages, () => Buffer.alloc(0), { title: `${exhibition.title} · 名录` }, await this.deps.sheets.srgbIcc()));
    result.files.push({ path: file, kind: 'poster', pages: pages.length });
    control.step();
  }

  // --- catalogue -------------------------------------------------------------------------------------

  /** The catalogue PDF: cover, preface, a page per photo, the workers' and photographers' index, colophon; ×4 pages. */
  private async catalogue(exhibition: Exhibition, opts: ExhibitionExportOptions, result: ExhibitionExportResult, control: JobControl) {
    const base = opts.catalogueSize === '210x285' ? { widthMm: 210, heightMm: 285 } : { widthMm: 210, heightMm: 297 };
    const page = opts.landscape ? { widthMm: base.heightMm, heightMm: base.widthMm } : base;
    const entries = this.catalogueEntries(exhibition);
    if (!entries.length) throw new AppError('VALIDATION', msg('exhibit.notPlanned'));
    if (opts.coverPhotoId && !entries.some((e) => e.photoId === opts.coverPhotoId)) throw new AppError('VALIDATION', msg('exhibit.coverNotOnWall', { id: opts.coverPhotoId }));
    const facts = this.facts();
    const book = composeCatalogue(
      {
        title: exhibition.title,
        subtitle: exhibition.subtitle,
        organizers: exhibition.organizers,
        venue: exhibition.venue,
        dates: exhibition.dates,
        preface: exhibition.preface?.trim() || defaultPreface(exhibition, facts, entries.length),
        coverPhotoId: opts.coverPhotoId ?? exhibition.coverPhotoId ?? null,
        entries,
        colophon: [exhibition.title, ...[exhibition.organizers && `主办：${exhibition.organizers}`, facts.photographers.length ? `摄影：${facts.photographers.join('、')}` : null, exhibition.venue && `展出：${[exhibition.venue, exhibition.dates].filter(Boolean).join(' · ')}`, `${new Date().getFullYear()} 年 · 追光 Chasing Light 制作`].filter((l): l is string => !!l)],
        page,
        bleedMm: opts.bleedMm ?? 3,
        marks: opts.marks ?? true,
      },
      this.faces,
    );
    const name = `画册_${opts.catalogueSize ?? 'A4'}${opts.landscape ? '_横' : ''}`;
    const file = path.join(result.outDir, `${name}.pdf`);
    // A photo whose original is missing or cannot be read refuses the book by name: no page is printed blank.
    try {
      await this.assertOriginals(book.pages, name);
    } catch (err) {
      if (!(err instanceof ItemRefused)) throw err;
      return void result.warnings.push(err.warning);
    }
    // Photos are resized a few pages ahead of the PDF, which takes them as it draws: never the whole book in memory.
    const made = this.pageImages(book.pages, name);
    const refs = new Set(book.pages.flatMap((p) => p.ops.flatMap((op) => (op.kind === 'image' ? [op.ref] : []))));
    control.setTotal(refs.size);
    // Cancelled mid-book: the half-written file is removed, never left looking finished.
    const images = async (ref: string) => {
      if (control.cancelled) throw new AppError('CANCELLED', msg('exhibit.cancelled'));
      control.working(ref);
      const jpeg = await made(ref);
      control.step();
      return jpeg;
    };
    try {
      await this.deps.storage.writeChunksAtomic(file, this.deps.pdf.drawing(book.pages, images, { title: `${exhibition.title} · 画册`, author: exhibition.organizers ?? '', subject: exhibition.subtitle }, await this.deps.sheets.srgbIcc()));
    } catch (err) {
      // Cancelled, or refused by a photo that cannot be read: the half-written file is gone (written under a temporary name).
      if (isAppError(err) && err.code === 'CANCELLED') return;
      if (err instanceof ItemRefused) return void result.warnings.push(err.warning);
      throw err;
    }
    result.files.push({ path: file, kind: 'catalogue', pages: book.pages.length });
  }

  /** One entry per placed photo whose original is there; a missing one is named and left out. */
  private catalogueEntries(exhibition: Exhibition): CatalogueEntry[] {
    return this.labelContents(exhibition, null).flatMap((c) => {
      const photo = this.catalog.photo(c.photoId)!;
      const people = this.people(photo);
      const v = c.values;
      const companyOf = (w: Worker) => (w.companyId ? this.catalog.get('companies', w.companyId)?.name : null) ?? photo.company ?? '';
      return [
        {
          photoId: photo.id,
          aspect: photo.width / photo.height,
          number: c.number,
          title: v['photo.title'] ?? '',
          who: fillTemplate('{worker.name} · {worker.craft} · {company.short}', v),
          quote: v['worker.quote'] ?? null,
          credit: fillTemplate('{photographer.credit} · {photo.date}', v),
          workers: people.map((w) => ({ name: w.name, pinyin: w.pinyin, company: companyOf(w) })),
          photographer: photo.photographer,
        },
      ];
    });
  }

  /** The campaign's figures, counted from the catalog (never typed by hand). */
  facts() {
    const photos = this.catalog.photos();
    const photographers = [...new Set(photos.map((p) => p.photographer).filter((p): p is string => !!p))].sort(new Intl.Collator('zh-CN').compare);
    const companies = new Set(photos.map((p) => p.companyId ?? p.company).filter(Boolean));
    const days = new Set(photos.map((p) => p.shootDay ?? p.capturedAt?.slice(0, 10)).filter(Boolean));
    return { photographers, companies: companies.size, days: days.size, photos: photos.length };
  }

  /**
   * Refuses `item` (the catalogue, the summary card) by name when an original on its pages is missing: as a board
   * is refused, never printed with a blank where the photo should be.
   */
  private async assertOriginals(pages: DrawnPage[], item: string): Promise<void> {
    const refs = new Set(pages.flatMap((p) => p.ops.flatMap((op) => (op.kind === 'image' ? [op.ref] : []))));
    for (const ref of refs) {
      const photo = this.catalog.photo(ref.replace(COVER, '').replace(TILE, ''));
      const file = photo ? this.deps.gifts.sourceOf(photo).file : ref;
      if (!photo || !(await this.deps.storage.exists(file))) throw new ItemRefused(warn(photo?.id ?? null, 'photoMissing', msg('exhibit.photoMissing', { number: photo?.originalName ?? ref, path: displayPath(file), board: item })));
    }
  }

  /**
   * The JPEG for every image on these pages, each at the size it prints (its own pixels up to 300 ppi); a cover
   * cut to its area's aspect. An original that cannot be read refuses `item` by name (nothing half-made is left).
   */
  private pageImages(pages: DrawnPage[], item: string, rasterDpi?: number): (ref: string) => Promise<Buffer> {
    const wanted = new Map<string, { wMm: number; hMm: number }>();
    for (const page of pages) for (const op of page.ops) if (op.kind === 'image' && !wanted.has(op.ref)) wanted.set(op.ref, { wMm: op.w, hMm: op.h });
    const make = async (ref: string) => {
      const size = wanted.get(ref)!;
      const photo = this.catalog.photo(ref.replace(COVER, '').replace(TILE, ''))!;
      const source = this.deps.gifts.sourceOf(photo);
      // A cover or a collage tile is cut to its area: around the faces (drawn, or found by the face job).
      const cut = ref.endsWith(COVER) || ref.endsWith(TILE);
      const focus = cut ? this.deps.gifts.focusOf(photo, null) : null;
      const crop = focus ? cropFor(photo, size.wMm / size.hMm, focus, null) : null;
      // Its own pixels, as many as the cut leaves (up to 300 ppi): a cover cut from a wide photo has fewer.
      const ppi = rasterDpi ?? Math.min(BOARD_PPI_CAP, placedPpi(photo, { w: size.wMm, h: size.hMm }, crop));
      const w = Math.max(1, Math.round((size.wMm / 25.4) * ppi));
      const h = Math.max(1, Math.round((size.hMm / 25.4) * ppi));
      try {
        return await this.deps.sheets.photoJpeg({ file: source.file, crop, width: photo.width, height: photo.height, format: source.format }, w, h, 90);
      } catch (err) {
        throw new ItemRefused(warn(photo.id, 'photoUnreadable', msg('exhibit.photoUnreadable', { number: photo.originalName, detail: (err as Error).message, item })));
      }
    };
    const workers = this.deps.jobs.lanes;
    return prefetcher([...wanted.keys()], make, workers, 2 * workers);
  }

  // --- wall labels -----------------------------------------------------------------------------------

  /**
   * One label per placed photo, in board order: laid n-up on A4/A3 with cut marks (or one page per label), as a
   * PDF or as JPEG/TIFF pages. A label whose text cannot fit is named and left out; the others print.
   */
  private async labels(exhibition: Exhibition, opts: ExhibitionExportOptions & { format: 'pdf' | 'jpeg' | 'tiff' }, result: ExhibitionExportResult, control: JobControl) {
    const template = this.deps.labels.get(opts.labelTemplateId);
    const size = labelSize(template);
    const sheet = opts.labelSheet ?? 'A4';
    const sheetSize = sheet === 'single' ? null : parsePaperSize(sheet)!;
    if (!size || (sheetSize && imposition(size, 0, sheetSize, undefined, false).slots.length === 0)) throw new AppError('VALIDATION', msg('exhibit.badLabelSize', { size: template.size, sheet }));
    const dpi = opts.dpi ?? 300;
    if (opts.format !== 'pdf' && !(dpi >= 72 && dpi <= 600)) throw new AppError('VALIDATION', msg('exhibit.badDpi', { dpi }));
    const baseUrl = this.galleryUrl(exhibition, opts.baseUrl);
    if (template.qr && !baseUrl) result.warnings.push(warn(null, 'noQr', msg('exhibit.noGalleryUrl')));
    const labels: DrawOp[][] = [];
    const contents = this.labelContents(exhibition, baseUrl);
    control.setTotal(contents.length);
    for (const content of contents) {
      const label = composeLabel(content, template, size, this.faces);
      if ('problem' in label) result.warnings.push(warn(content.photoId, 'labelTooLong', label.problem));
      else labels.push(label.ops);
      control.step();
    }
    if (!labels.length || control.cancelled) return;
    const pages = sheetSize ? imposeLabels(labels, size, sheet as 'A4' | 'A3') : labels.map((l) => labelPage(l, size, opts.marks ?? true));
    const stem = `展签_${Math.round(size.widthMm / 10)}x${Math.round(size.heightMm / 10)}cm_${sheet === 'single' ? '单张' : sheet}`;
    if (opts.format === 'pdf') {
      const file = path.join(result.outDir, `${stem}.pdf`);
      await this.deps.storage.writeChunksAtomic(file, this.deps.pdf.drawing(pages, () => Buffer.alloc(0), { title: `${exhibition.title} · 展签`, subject: exhibition.subtitle }, await this.deps.sheets.srgbIcc()));
      result.files.push({ path: file, kind: 'labels', pages: pages.length });
      return;
    }
    for (const [i, page] of pages.entries()) {
      const file = path.join(result.outDir, `${stem}_${String(i + 1).padStart(2, '0')}${opts.format === 'tiff' ? '.tif' : '.jpg'}`);
      await this.deps.storage.writeAtomic(file, await this.deps.sheets.rasterPage(page, dpi, () => Buffer.alloc(0), { format: opts.format, quality: 95 }));
      result.files.push({ path: file, kind: 'labels', pages: 1 });
    }
  }

  /**
   * One photo's wall label as it will print, rendered for the screen (150 dpi) into the preview cache; a text that
   * cannot fit is said instead.
   */
  async labelPreview(photoId: string, templateOrId?: string | LabelTemplate, exhibitionId = DEFAULT_EXHIBITION): Promise<{ mediaId: string | null; widthPx: number; heightPx: number; problem: Message | null }> {
    const exhibition = this.deps.exhibitions.get(exhibitionId);
    // A preview is asked for at every click: only the one photo's words are gathered.
    const [content] = this.labelContents(exhibition, exhibition.galleryUrl ?? null, photoId);
    if (!content) throw new AppError('NOT_FOUND', msg('exhibit.notOnWall', { id: photoId }));
    const template = typeof templateOrId === 'object' ? templateOrId : this.deps.labels.get(templateOrId);
    const size = labelSize(template)!;
    const label = composeLabel(content, template, size, this.faces);
    const dpi = 150;
    const px = (mm: number) => Math.round((mm / 25.4) * dpi);
    if ('problem' in label) return { mediaId: null, widthPx: px(size.widthMm), heightPx: px(size.heightMm), problem: label.problem };
    const mediaId = createHash('sha1').update(JSON.stringify({ v: 1, label: label.ops, size })).digest('hex');
    const file = this.deps.gifts.previewFile(mediaId);
    if (!(await this.deps.storage.exists(file))) {
      await this.deps.storage.ensureDir(path.dirname(file));
      await this.deps.storage.writeAtomic(file, await this.deps.sheets.rasterPage(labelPage(label.ops, size, false), dpi, () => Buffer.alloc(0), { format: 'jpeg', quality: 90 }));
    }
    return { mediaId, widthPx: px(size.widthMm), heightPx: px(size.heightMm), problem: null };
  }

  /** The gallery address the codes open: the one given (checked, then kept with the exhibition), else the one kept. */
  private galleryUrl(exhibition: Exhibition, given: string | undefined): string | null {
    const url = given?.trim();
    if (!url) return exhibition.galleryUrl ?? null;
    if (!isWebAddress(url)) throw new AppError('VALIDATION', msg('exhibit.badBaseUrl', { url, schemes: 'http:// https://' }));
    // Kept for next time where the project may be written; an export from a read-only view only uses it.
    if (url !== exhibition.galleryUrl && !this.catalog.readOnly) this.deps.exhibitions.update({ galleryUrl: url }, exhibition.id);
    return url;
  }

  /** What each label says: the photo's title (else the people in it), who they are, their words, credit, date, number. */
  labelContents(exhibition: Exhibition, baseUrl: string | null, only?: string): LabelContent[] {
    return exhibition.boards.flatMap((board) =>
      board.photos.flatMap((placed) => {
        if (only && placed.photoId !== only) return [];
        const photo = this.catalog.photo(placed.photoId);
        if (!photo) return [];
        const people = this.people(photo);
        const one = people.length === 1 ? people[0]! : null;
        const values = { ...this.deps.gifts.captionValues(photo, one) };
        values['photo.title'] = photo.title || people.map((w) => w.name).join('、') || null;
        // Titled by the names themselves: the line under it says who they are without repeating them.
        if (!photo.title) values['worker.name'] = null;
        if (!one) {
          const quoted = people.filter((w) => w.quote);
          values['worker.quote'] = quoted.length === 1 ? quoted[0]!.quote : null;
        }
        return [{ photoId: photo.id, number: placed.number, values, url: baseUrl ? photoPageUrl(baseUrl, photo.id) : null }];
      }),
    );
  }

  /**
   * The emblems, each read once and flattened onto the board's background (a PNG's transparency would print
   * black in a JPEG); refused by name when one cannot be read.
   */
  private async logos(exhibition: Exhibition, background: string) {
    return Promise.all(
      (exhibition.logos ?? []).map(async (file, i) => {
        const full = path.isAbsolute(file) ? file : path.join(this.catalog.dir, file);
        try {
          const { jpeg, aspect } = await this.deps.sheets.flatJpeg(await this.deps.storage.readFile(full, { maxBytes: 32 * 1024 ** 2 }), background);
          return { ref: `logo:${i}`, jpeg, aspect };
        } catch (err) {
          throw new AppError('NOT_FOUND', msg('exhibit.logoUnreadable', { path: full, detail: (err as Error).message }));
        }
      }),
    );
  }

  /** Under each photo: who is in it (with craft and company when one worker), then the credit and the place number. */
  private boardCaptions(board: Board): Record<string, BoardCaption> {
    const out: Record<string, BoardCaption> = {};
    for (const placed of board.photos) {
      const photo = this.catalog.photo(placed.photoId);
      if (!photo) continue;
      const people = this.people(photo);
      const v = this.deps.gifts.captionValues(photo, people.length === 1 ? people[0]! : null);
      const who = people.length ? people.map((w) => w.name).join('、') : (photo.title ?? '');
      const names = [who, people.length === 1 ? v['worker.craft'] : null, v['company.short']].filter(Boolean).join(' · ');
      out[placed.photoId] = { names, detail: [v['photographer.credit'], placed.number].filter(Boolean).join(' · ') };
    }
    return out;
  }

  private people(photo: Photo): Worker[] {
    return photo.workers.map((id) => this.catalog.get('workers', id)).filter((w): w is Worker => !!w);
  }

  /**
   * Each photo of a board as a JPEG at the size it prints: its own pixels up to 300 ppi for a PDF, the raster's
   * dpi otherwise. Missing originals and photos under 50 ppi refuse the board, by name; 50–100 ppi is said.
   */
  private async boardImages(board: Board, rasterDpi: number | null, allowLowRes: boolean, result: ExhibitionExportResult, control: JobControl) {
    const images = new Map<string, Buffer>();
    let minPpi = Infinity;
    const one = async (placed: Board['photos'][number]) => {
      const photo = this.catalog.photo(placed.photoId);
      if (!photo) throw new ItemRefused(warn(placed.photoId, 'photoMissing', msg('exhibit.photoMissing', { number: placed.number, path: placed.photoId, board: board.name })));
      const source = this.deps.gifts.sourceOf(photo);
      if (!(await this.deps.storage.exists(source.file))) throw new ItemRefused(warn(photo.id, 'photoMissing', msg('exhibit.photoMissing', { number: placed.number, path: displayPath(source.file), board: board.name })));
      const ppi = placedPpi(photo, { w: placed.wMm, h: placed.hMm }, null);
      minPpi = Math.min(minPpi, ppi);
      if (ppi < BOARD_PPI_REFUSE && !allowLowRes) throw new ItemRefused(warn(photo.id, 'tooLowPpi', msg('exhibit.tooLowPpi', { number: placed.number, name: photo.originalName, ppi, min: BOARD_PPI_REFUSE, board: board.name })));
      if (ppi < BOARD_PPI_WARN) result.warnings.push(warn(photo.id, 'lowPpi', msg('exhibit.lowPpi', { number: placed.number, name: photo.originalName, ppi, min: BOARD_PPI_WARN })));
      const at = rasterDpi ?? Math.min(ppi, BOARD_PPI_CAP);
      const w = Math.max(1, Math.round((placed.wMm / 25.4) * at));
      const h = Math.max(1, Math.round((placed.hMm / 25.4) * at));
      try {
        images.set(photo.id, await this.deps.sheets.photoJpeg({ file: source.file, crop: null, width: photo.width, height: photo.height, format: source.format }, w, h));
      } catch (err) {
        throw new ItemRefused(warn(photo.id, 'photoUnreadable', msg('exhibit.photoUnreadable', { number: placed.number, detail: (err as Error).message, item: board.name })));
      }
    };
    await control.pool(board.photos, one);
    return { images, minPpi: Number.isFinite(minPpi) ? minPpi : 0 };
  }

  /** A small picture of the whole board for the order sheet, drawn from the photos' thumbnails. */
  private async boardThumbnail(page: DrawnPage): Promise<Buffer> {
    const thumbs = new Map<string, Buffer>();
    for (const op of page.ops) {
      if (op.kind !== 'image' || thumbs.has(op.ref)) continue;
      const photo = this.catalog.photo(op.ref);
      if (photo?.thumbnail) thumbs.set(op.ref, await this.deps.storage.readFile(path.join(this.catalog.dir, photo.thumbnail)));
    }
    const dpi = (160 / Math.max(page.boxes.mediaMm.widthMm, page.boxes.mediaMm.heightMm)) * 25.4;
    return this.deps.sheets.rasterPage({ boxes: page.boxes, ops: page.ops.filter((op) => op.kind !== 'text' && (op.kind !== 'image' || thumbs.has(op.ref))) }, dpi, (ref) => thumbs.get(ref)!, { format: 'jpeg', quality: 80 });
  }

  /** 印制清单 for the print shop: one line per file, with its size, material and lowest resolution; CSV beside it. */
  private async orderSheet(exhibition: Exhibition, result: ExhibitionExportResult, lines: OrderLine[], detail: string) {
    const totals = orderTotals(lines);
    const stem = `印制清单_${result.files[0]?.kind === 'board' ? '展板' : '展览'}`;
    const csvFile = path.join(result.outDir, `${stem}.csv`);
    await this.deps.storage.writeAtomic(csvFile, orderSheetCsv(lines, totals, '内容'));
    const pdfFile = path.join(result.outDir, `${stem}.pdf`);
    const title = `${exhibition.title} · 印制清单`;
    const subtitle = `${exhibition.venue ?? ''}${exhibition.venue ? ' · ' : ''}${detail} · sRGB`;
    const pages = orderSheetPages({ title, subtitle, date: new Date().toISOString().slice(0, 10), lines, totals, whoLabel: '内容' }, this.faces);
    const thumbs = new Map(lines.flatMap((l, i) => (l.thumbnail ? [[thumbRef(i), l.thumbnail] as const] : [])));
    await this.deps.storage.writeChunksAtomic(pdfFile, this.deps.pdf.drawing(pages, (ref) => thumbs.get(ref)!, { title }, await this.deps.sheets.srgbIcc()));
    result.files.push({ path: pdfFile, kind: 'order-sheet', pages: 1 }, { path: csvFile, kind: 'order-sheet', pages: 0 });
  }
}

/** A preface made from the campaign's own figures, for the union to edit: who went where, and what came of it. */
function defaultPreface(exhibition: Exhibition, facts: { photographers: string[]; companies: number; days: number; photos: number }, shown: number): string {
  const who = exhibition.organizers ?? '工会';
  return [
    `${facts.days} 天里，${who}组织 ${facts.photographers.length} 名摄影师走进 ${facts.companies} 家企业，把镜头对准车间、工地和柜台里的普通劳动者，拍下 ${facts.photos} 张照片。`,
    `这本画册收录其中 ${shown} 张，也是展墙上的全部作品。照片里的每一位职工，都已收到装裱好的自己的照片。`,
    `愿每一位劳动者都被看见。`,
  ].join('\n');
}
