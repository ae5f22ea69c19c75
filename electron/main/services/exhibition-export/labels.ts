import { createHash } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import { msg, type Message } from '../../../../shared/i18n/messages';
import { composeLabel, imposeLabels, labelPage, labelSize } from '../../../../shared/logic/label-drawing';
import type { DrawOp } from '../../../../shared/logic/page-drawing';
import { imposition, parsePaperSize } from '../../../../shared/logic/print-geometry';
import type {
  Exhibition,
  ExhibitionExportOptions,
  ExhibitionExportResult,
  LabelTemplate,
} from '../../../../shared/model/exhibition';
import type { JobControl } from '../jobs.service';
import { warn, type PrintShop } from './print-shop';
import type { ExhibitionProduct } from './product';

/** A label's preview is drawn at this resolution for the screen. */
const PREVIEW_DPI = 150;

/**
 * Wall labels (展签): one per placed photo, in board order, laid n-up on A4/A3 with cut marks (or one page per
 * label), as a PDF or as JPEG/TIFF pages. A label whose text cannot fit is named and left out; the others print.
 */
export class LabelsProduct implements ExhibitionProduct {
  constructor(private readonly shop: PrintShop) {}

  async write(
    exhibition: Exhibition,
    opts: ExhibitionExportOptions,
    result: ExhibitionExportResult,
    control: JobControl,
  ) {
    const { deps } = this.shop;
    const format = opts.format ?? 'pdf';
    const template = deps.labels.get(opts.labelTemplateId);
    const size = labelSize(template);
    const sheet = opts.labelSheet ?? 'A4';
    const sheetSize = sheet === 'single' ? null : parsePaperSize(sheet)!;
    if (!size || (sheetSize && imposition(size, 0, sheetSize, undefined, false).slots.length === 0))
      throw new AppError('VALIDATION', msg('exhibit.badLabelSize', { size: template.size, sheet }));
    const dpi = opts.dpi ?? 300;
    if (format !== 'pdf' && !(dpi >= 72 && dpi <= 600))
      throw new AppError('VALIDATION', msg('exhibit.badDpi', { dpi }));
    const baseUrl = this.shop.galleryUrl(exhibition, opts.baseUrl);
    if (template.qr && !baseUrl) result.warnings.push(warn(null, 'noQr', msg('exhibit.noGalleryUrl')));
    const labels: DrawOp[][] = [];
    const contents = this.shop.labelContents(exhibition, baseUrl);
    control.setTotal(contents.length);
    for (const content of contents) {
      const label = composeLabel(content, template, size, this.shop.faces);
      if ('problem' in label) result.warnings.push(warn(content.photoId, 'labelTooLong', label.problem));
      else labels.push(label.ops);
      control.step();
    }
    if (!labels.length || control.cancelled) return;
    const pages = sheetSize
      ? imposeLabels(labels, size, sheet as 'A4' | 'A3')
      : labels.map((l) => labelPage(l, size, opts.marks ?? true));
    const stem = `展签_${Math.round(size.widthMm / 10)}x${Math.round(size.heightMm / 10)}cm_${sheet === 'single' ? '单张' : sheet}`;
    if (format === 'pdf') {
      const file = path.join(result.outDir, `${stem}.pdf`);
      await deps.storage.writeChunksAtomic(
        file,
        deps.pdf.drawing(
          pages,
          () => Buffer.alloc(0),
          { title: `${exhibition.title} · 展签`, subject: exhibition.subtitle },
          await deps.sheets.srgbIcc(),
        ),
      );
      result.files.push({ path: file, kind: 'labels', pages: pages.length });
      return;
    }
    for (const [i, page] of pages.entries()) {
      const file = path.join(
        result.outDir,
        `${stem}_${String(i + 1).padStart(2, '0')}${format === 'tiff' ? '.tif' : '.jpg'}`,
      );
      await deps.storage.writeAtomic(
        file,
        await deps.sheets.rasterPage(page, dpi, () => Buffer.alloc(0), { format, quality: 95 }),
      );
      result.files.push({ path: file, kind: 'labels', pages: 1 });
    }
  }

  /**
   * One photo's wall label as it will print, rendered for the screen into the preview cache; a text that cannot
   * fit is said instead.
   */
  async preview(
    exhibition: Exhibition,
    photoId: string,
    templateOrId?: string | LabelTemplate,
  ): Promise<{ mediaId: string | null; widthPx: number; heightPx: number; problem: Message | null }> {
    const { deps } = this.shop;
    // A preview is asked for at every click: only the one photo's words are gathered.
    const [content] = this.shop.labelContents(exhibition, exhibition.galleryUrl ?? null, photoId);
    if (!content) throw new AppError('NOT_FOUND', msg('exhibit.notOnWall', { id: photoId }));
    const template = typeof templateOrId === 'object' ? templateOrId : deps.labels.get(templateOrId);
    const size = labelSize(template)!;
    const label = composeLabel(content, template, size, this.shop.faces);
    const px = (mm: number) => Math.round((mm / 25.4) * PREVIEW_DPI);
    if ('problem' in label)
      return { mediaId: null, widthPx: px(size.widthMm), heightPx: px(size.heightMm), problem: label.problem };
    const mediaId = createHash('sha1')
      .update(JSON.stringify({ v: 1, label: label.ops, size }))
      .digest('hex');
    const file = deps.sources.sheetPreviewFile(mediaId);
    if (!(await deps.storage.exists(file))) {
      await deps.storage.ensureDir(path.dirname(file));
      await deps.storage.writeAtomic(
        file,
        await deps.sheets.rasterPage(labelPage(label.ops, size, false), PREVIEW_DPI, () => Buffer.alloc(0), {
          format: 'jpeg',
          quality: 90,
        }),
      );
    }
    return { mediaId, widthPx: px(size.widthMm), heightPx: px(size.heightMm), problem: null };
  }
}
