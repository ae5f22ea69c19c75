import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { msg, type Message } from '../../../shared/i18n/messages';
import { displayPath } from '../../../shared/logic/file-path';
import {
  checkTemplate,
  daysApart,
  fillNameLine,
  variablesIn,
  type CaptionValues,
} from '../../../shared/logic/caption-template';
import { MIN_TYPE_PT } from '../../../shared/logic/typeset';
import { bestPhotoFor } from '../../../shared/logic/gift-choice';
import { BUILT_IN_TEMPLATES } from '../../../shared/logic/gift-templates';
import { mmToPx, parsePaperSize } from '../../../shared/logic/print-geometry';
import {
  cropFor,
  layoutSheet,
  placedPpi,
  printPpi,
  scaleTemplate,
  templateTrim,
  type SheetLayout,
} from '../../../shared/logic/sheet-layout';
import { PPI_REFUSE, PPI_WARN, resolutionOf } from '../../../shared/logic/export-rules';
import {
  EMPTY_HANDOVER,
  type CropRect,
  type GiftRecord,
  type GiftTemplate,
  type GiftView,
  type HandOver,
  type SheetPreview,
} from '../../../shared/model/gift';
import type { Photo } from '../../../shared/model/photo';
import type { Worker } from '../../../shared/model/roster';
import { composeGiftSheet, GIFT_LOGO, GIFT_PHOTO } from '../../../shared/logic/gift-drawing';
import type { DrawnPage } from '../../../shared/logic/page-drawing';
import type { PageImages, SheetRepository, SheetSpec } from '../repositories/sheet.repository';
import type { StorageRepository } from '../repositories/storage.repository';
import type { CaptionValuesService } from './caption-values.service';
import type { TypesetterRepository } from '../repositories/typesetter';
import type { HistoryService } from './history.service';
import type { PhotoSources } from './photo-source.service';
import type { ProjectSession } from './project-session';

/** Everything needed to render one sheet, and a hash of it: same hash, same file. */
export interface SheetJob {
  spec: SheetSpec;
  layout: SheetLayout;
  /** the sheet as drawn (shared/logic/gift-drawing): the PDF, the JPEG/TIFF and the preview are made from it */
  page: DrawnPage;
  /** the template's logo, flattened onto the mat */
  logo: Buffer | null;
  photo: Photo;
  worker: Worker | null;
  values: CaptionValues;
  ppi: number;
  warnings: Message[];
  inputHash: string;
}

const PREVIEW_LONG_EDGE_PX = 1400;
/** Camera clock and shoot day further apart than this: one of them is wrong, and the user is told. */
const DATE_TOLERANCE_DAYS = 30;

/** Gifts: who gets which photo, how it is cropped, which template it is set in, and where the print is now. */
export class GiftService {
  constructor(
    private readonly deps: {
      session: ProjectSession;
      history: HistoryService;
      sheets: SheetRepository;
      type: TypesetterRepository;
      storage: StorageRepository;
      framesDir: string;
      sources: PhotoSources;
      captions: CaptionValuesService;
    },
  ) {}

  private get catalog() {
    return this.deps.session.require();
  }

  // --- campaign and templates ---------------------------------------------------------------------

  /** Textures a template can tile over its frame (files in assets/frames). */
  async frameTextures(): Promise<string[]> {
    const entries = await this.deps.storage.list(this.deps.framesDir).catch(() => []);
    return entries
      .filter((e) => !e.isDir && /\.(jpe?g|png)$/i.test(e.name))
      .map((e) => e.name)
      .sort();
  }

  templates(): GiftTemplate[] {
    return [...BUILT_IN_TEMPLATES, ...this.catalog.all('templates')];
  }

  template(id: string): GiftTemplate {
    const t = this.templates().find((x) => x.id === id);
    if (!t)
      throw new AppError(
        'NOT_FOUND',
        msg('gift.noTemplate', {
          id,
          known: this.templates()
            .map((x) => x.id)
            .join(', '),
        }),
      );
    return t;
  }

  /** Saves a project template (a built-in is copied under a new id). Unknown caption variables are refused. */
  saveTemplate(input: Omit<GiftTemplate, 'builtIn' | 'id'> & { id?: string }): GiftTemplate {
    const problems = input.captions.flatMap((c, i) => [
      ...checkTemplate(c.text).map((p) => msg('caption.line', { n: i + 1, problem: p.message })),
      // Under 6 pt, Chinese fills in on photo paper: refused here rather than printed illegible.
      ...(c.sizePt < MIN_TYPE_PT
        ? [msg('caption.line', { n: i + 1, problem: msg('caption.tooSmall', { size: c.sizePt, min: MIN_TYPE_PT }) })]
        : []),
    ]);
    if (problems.length)
      throw new AppError('VALIDATION', msg('gift.templateProblems', { problems: problems[0]! }), { problems });
    if (!parsePaperSize(input.size)) throw new AppError('VALIDATION', msg('gift.unknownPaper', { size: input.size }));
    const builtIn = BUILT_IN_TEMPLATES.some((b) => b.id === input.id);
    const template: GiftTemplate = {
      ...input,
      id: !input.id || builtIn ? `tpl_${randomUUID().slice(0, 8)}` : input.id,
      builtIn: false,
    };
    layoutSheet(template, templateTrim(template, true), { bleedMm: 3, marks: false }); // throws when the mat leaves no room
    return this.deps.history.record({ zh: `保存模板 ${template.name}`, en: `Saved template ${template.name}` }, () => {
      this.catalog.put('templates', template);
      return template;
    });
  }

  // --- gifts -------------------------------------------------------------------------------------------

  /**
   * Every worker who is in at least one photo, with the photo their gift uses and where it stands; with a template,
   * also the ppi their photo prints at in it, so that a gift too soft to print is named before any export.
   */
  list(opts: { templateId?: string; size?: string } = {}): GiftView[] {
    const photos = this.catalog.photos();
    const inPhotos = new Set(photos.flatMap((p) => p.workers));
    const template = opts.templateId ? this.template(opts.templateId) : null;
    const sized = template && opts.size ? scaleTemplate(template, opts.size) : template;
    return this.catalog
      .all('workers')
      .filter((w) => inPhotos.has(w.id))
      .map((w) => this.view(w, photos, sized))
      .sort(
        (a, b) =>
          (a.companyName ?? '').localeCompare(b.companyName ?? '', 'zh-CN') ||
          a.workerName.localeCompare(b.workerName, 'zh-CN'),
      );
  }

  private view(w: Worker, photos: Photo[], template: GiftTemplate | null = null): GiftView {
    const record = this.catalog.get('gifts', w.id);
    const candidates = photos.filter((p) => p.workers.includes(w.id) && p.flag !== 'rejected').map((p) => p.id);
    const chosen = record?.photoId && candidates.includes(record.photoId) ? record.photoId : null;
    const photoId = chosen ?? bestPhotoFor(w.id, photos)?.id ?? null;
    const company = w.companyId ? this.catalog.get('companies', w.companyId) : undefined;
    const blocked = w.consent === 'declined' ? msg('gift.declined') : !photoId ? msg('gift.noPhoto') : null;
    const photo = photoId ? photos.find((p) => p.id === photoId) : undefined;
    let ppi: number | null = null;
    try {
      ppi = template && photo && !blocked ? printPpi(template, photo, record?.crop ?? null) : null;
    } catch {
      ppi = null; // a template that does not fit is reported when it is previewed or exported
    }
    const resolution = ppi === null ? null : resolutionOf(ppi);
    const tooSoft =
      resolution === 'refused' ? msg('export.lowResRefused', { name: w.name, ppi: ppi!, min: PPI_REFUSE }) : null;
    return {
      workerId: w.id,
      workerName: w.name,
      companyName: company?.name ?? null,
      consent: w.consent,
      photoId,
      chosen: !!chosen,
      candidates,
      crop: record?.crop ?? null,
      handOver: record?.handOver ?? EMPTY_HANDOVER,
      blocked,
      ppi,
      resolution,
      tooSoft,
    };
  }

  gift(workerId: string): GiftView {
    const w = this.catalog.get('workers', workerId);
    if (!w) throw new AppError('NOT_FOUND', msg('roster.noWorker', { id: workerId }));
    return this.view(w, this.catalog.photos());
  }

  choosePhoto(workerId: string, photoId: string | null): GiftView {
    const current = this.gift(workerId);
    if (photoId && !current.candidates.includes(photoId))
      throw new AppError('VALIDATION', msg('gift.notTaggedOn', { name: current.workerName, id: photoId }));
    return this.update(
      workerId,
      { photoId, crop: null },
      { zh: `为 ${current.workerName} 选择礼物照片`, en: `Chose ${current.workerName}'s gift photo` },
    );
  }

  setCrop(workerId: string, crop: CropRect | null): GiftView {
    const current = this.gift(workerId);
    return this.update(
      workerId,
      { crop },
      { zh: `调整 ${current.workerName} 的裁切`, en: `Adjusted ${current.workerName}'s crop` },
    );
  }

  setHandOver(workerId: string, patch: Partial<HandOver>): GiftView {
    const current = this.gift(workerId);
    const handOver = { ...current.handOver, ...patch };
    return this.update(
      workerId,
      { handOver },
      { zh: `更新 ${current.workerName} 的礼物交接`, en: `Updated ${current.workerName}'s hand-over` },
    );
  }

  /** After an export: the gifts sent to the print shop are 已印制, in one step the user can undo. */
  markPrinted(workerIds: string[]): { marked: number } {
    const now = new Date().toISOString();
    const due = [...new Set(workerIds)].map((id) => this.gift(id)).filter((g) => !g.blocked && !g.handOver.printedAt);
    if (!due.length) return { marked: 0 };
    this.deps.history.record(
      { zh: `标记 ${due.length} 份礼物已印制`, en: `Marked ${due.length} gifts printed` },
      () => {
        for (const g of due) {
          const existing = this.catalog.get('gifts', g.workerId);
          const base = { id: g.workerId, workerId: g.workerId, photoId: null, crop: null, ...existing };
          this.catalog.put('gifts', {
            ...base,
            handOver: { ...(existing?.handOver ?? EMPTY_HANDOVER), printedAt: now },
          });
        }
      },
    );
    return { marked: due.length };
  }

  private update(workerId: string, patch: Partial<GiftRecord>, label: { zh: string; en: string }): GiftView {
    const existing = this.catalog.get('gifts', workerId);
    const record = {
      id: workerId,
      workerId,
      photoId: null,
      crop: null,
      handOver: EMPTY_HANDOVER,
      ...existing,
      ...patch,
    };
    this.deps.history.record(label, () => this.catalog.put('gifts', record));
    return this.gift(workerId);
  }

  // --- sheets --------------------------------------------------------------------------------------

  /** Resolves template, photo, crop and caption for one sheet; throws a named error when something is missing. */
  async sheetJob(opts: {
    template: GiftTemplate;
    photoId: string;
    worker: Worker | null;
    crop: CropRect | null;
    size?: string;
    dpi: number;
    bleedMm: number;
    marks: boolean;
  }): Promise<SheetJob> {
    const catalog = this.catalog;
    const photo = catalog.photo(opts.photoId);
    if (!photo) throw new AppError('NOT_FOUND', msg('photo.notFound', { id: opts.photoId }));
    const source = this.deps.sources.sourceOf(photo);
    if (!(await this.deps.storage.exists(source.file)))
      throw new AppError(
        'NOT_FOUND',
        msg('gift.originalMissing', { name: photo.originalName, path: displayPath(source.file) }),
      );
    let layout: SheetLayout;
    // Another size than the template's: the design scales with the paper.
    const template = opts.size ? scaleTemplate(opts.template, opts.size) : opts.template;
    opts = { ...opts, template };
    try {
      layout = layoutSheet(template, templateTrim(template, photo.width >= photo.height), {
        bleedMm: opts.bleedMm,
        marks: opts.marks,
      });
    } catch (err) {
      throw new AppError(
        'VALIDATION',
        msg('gift.doesNotFit', {
          template: opts.template.name,
          size: opts.size ?? opts.template.size,
          detail: (err as Error).message,
        }),
      );
    }
    const focus = this.deps.sources.focusOf(photo, opts.worker?.id ?? null);
    const crop = cropFor(photo, layout.window.w / layout.window.h, focus, opts.crop);
    const values = this.deps.captions.of(photo, opts.worker);
    let logoFile: string | null = null;
    if (opts.template.logo) {
      logoFile = path.isAbsolute(opts.template.logo.path)
        ? opts.template.logo.path
        : path.join(catalog.dir, opts.template.logo.path);
      if (!(await this.deps.storage.exists(logoFile)))
        throw new AppError('NOT_FOUND', msg('gift.logoMissing', { template: opts.template.name, path: logoFile }));
    }
    const problems = opts.template.captions.flatMap((c) => checkTemplate(c.text));
    if (problems.length)
      throw new AppError('VALIDATION', msg('gift.templateProblems', { problems: problems[0]!.message }), { problems });
    let frameTexture: string | null = null;
    if (opts.template.frame.texture && opts.template.frame.widthMm > 0) {
      frameTexture = path.join(this.deps.framesDir, opts.template.frame.texture);
      if (!(await this.deps.storage.exists(frameTexture)))
        throw new AppError(
          'NOT_FOUND',
          msg('gift.textureMissing', { template: opts.template.name, path: frameTexture }),
        );
    }
    // The crop the sheet uses (null: the renderer cuts the largest of the window's aspect), never the whole width.
    const ppi = placedPpi(photo, layout.window, crop);
    // Soft (150–200) or too soft (below 150, printed only when the user said so): said either way.
    const resolution = resolutionOf(ppi);
    const warnings =
      resolution === 'ok'
        ? []
        : [
            msg('gift.lowPpi', {
              name: photo.originalName,
              ppi,
              min: resolution === 'refused' ? PPI_REFUSE : PPI_WARN,
            }),
          ];
    // A camera clock a month or more away from the shoot day: the gift shows the shoot day, and says so.
    const usesDate = opts.template.captions.some((c) =>
      variablesIn(c.text).some((v) => v === 'photo.date' || v === 'photo.captured'),
    );
    const apart = daysApart(photo.capturedAt, photo.shootDay);
    if (usesDate && apart !== null && apart > DATE_TOLERANCE_DAYS)
      warnings.push(
        msg('gift.dateDisagrees', {
          name: photo.originalName,
          captured: photo.capturedAt!.slice(0, 10),
          day: photo.shootDay!,
          days: apart,
        }),
      );
    const spec: SheetSpec = {
      dpi: opts.dpi,
      layout,
      frameColor: opts.template.frame.widthMm > 0 ? opts.template.frame.color : opts.template.mat.color,
      frameTexture,
      matColor: opts.template.mat.color,
      photo: { file: source.file, crop, width: photo.width, height: photo.height, format: source.format },
      captions: opts.template.captions.map((block) => ({ block, text: fillNameLine(block.text, values) })),
      logoFile,
    };
    const logo = logoFile ? await this.deps.sheets.logo(logoFile, spec.matColor) : null;
    const drawn = composeGiftSheet(
      {
        layout,
        frameColor: spec.frameColor,
        frameTexture,
        matColor: spec.matColor,
        captions: spec.captions,
        logoAspect: logo?.aspect ?? null,
      },
      this.deps.type.pageFaces(),
    );
    if ('overflow' in drawn)
      throw new AppError(
        'VALIDATION',
        msg('sheet.captionTooLong', { text: spec.captions[drawn.overflow]!.text, min: MIN_TYPE_PT }),
      );
    // v2: drawn pages (a PDF's caption is text); files of v1 are made again.
    const inputHash = createHash('sha1')
      .update(JSON.stringify({ v: 2, spec: { ...spec, photo: { sha: photo.sha256, crop } }, template: opts.template }))
      .digest('hex');
    return {
      spec,
      layout,
      page: drawn.page,
      logo: logo?.jpeg ?? null,
      photo,
      worker: opts.worker,
      values,
      ppi,
      warnings,
      inputHash,
    };
  }

  /** What a sheet's page draws, for pixels: the photo decoded at the size it is drawn, the logo, the frame's texture. */
  pixels(job: SheetJob): PageImages {
    return (ref, width, height) =>
      ref === GIFT_PHOTO
        ? this.deps.sheets.photoPixels(job.spec.photo, width, height)
        : ref === GIFT_LOGO
          ? job.logo!
          : this.deps.storage.readFile(ref);
  }

  /** The same as JPEGs for a PDF: the photo at `dpi` over its window (a PDF has no pixels of its own). */
  jpegs(job: SheetJob, dpi: number): (ref: string) => Promise<Buffer> {
    const { window } = job.layout;
    return async (ref) => {
      if (ref === GIFT_PHOTO)
        return this.deps.sheets.photoJpeg(job.spec.photo, mmToPx(window.w, dpi), mmToPx(window.h, dpi), 95);
      if (ref === GIFT_LOGO) return job.logo!;
      return (await this.deps.sheets.flatJpeg(await this.deps.storage.readFile(ref), job.spec.frameColor)).jpeg;
    };
  }

  /** The sheet as it will print: its drawing, drawn as the export draws it and scaled for the screen, cached by its inputs. */
  async preview(workerId: string, templateOrId: string | GiftTemplate, size?: string): Promise<SheetPreview> {
    const gift = this.gift(workerId);
    if (!gift.photoId) throw new AppError('NOT_FOUND', msg('gift.nothingToPrint', { name: gift.workerName }));
    // A template being edited is previewed as it stands, before it is saved.
    const template = typeof templateOrId === 'string' ? this.template(templateOrId) : templateOrId;
    const worker = this.catalog.get('workers', workerId)!;
    // The layout is in mm and does not depend on the resolution: resolve the sheet once, then render it at the
    // dpi that puts its long edge at about 1400 px.
    const job = await this.sheetJob({
      template,
      photoId: gift.photoId,
      worker,
      crop: gift.crop,
      size,
      dpi: 300,
      bleedMm: 0,
      marks: false,
    });
    const longMm = Math.max(job.layout.boxes.trim.widthMm, job.layout.boxes.trim.heightMm);
    const dpi = Math.max(30, Math.round((PREVIEW_LONG_EDGE_PX / longMm) * 25.4));
    const mediaId = createHash('sha1').update(`${job.inputHash}:${dpi}`).digest('hex');
    const file = this.deps.sources.sheetPreviewFile(mediaId);
    if (!(await this.deps.storage.exists(file))) {
      await this.deps.storage.ensureDir(path.dirname(file));
      const sheet = await this.deps.sheets.renderForScreen(job.page, dpi, this.pixels(job));
      await this.deps.storage.writeAtomic(file, sheet);
    }
    const w = Math.round((job.layout.boxes.trim.widthMm / 25.4) * dpi);
    const h = Math.round((job.layout.boxes.trim.heightMm / 25.4) * dpi);
    return { mediaId, widthPx: w, heightPx: h, ppi: job.ppi, warnings: job.warnings };
  }
}
