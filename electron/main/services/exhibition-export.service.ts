import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { msg, type Message } from '../../../shared/i18n/messages';
import type {
  Exhibition,
  ExhibitionExportOptions,
  ExhibitionExportResult,
  ExhibitionOutput,
  LabelTemplate,
} from '../../../shared/model/exhibition';
import { BoardsProduct } from './exhibition-export/boards';
import { CatalogueProduct } from './exhibition-export/catalogue';
import { LabelsProduct } from './exhibition-export/labels';
import { NamePosterProduct } from './exhibition-export/name-poster';
import { PrintShop, type PrintShopDeps } from './exhibition-export/print-shop';
import type { ExhibitionProduct } from './exhibition-export/product';
import { SummaryCardProduct } from './exhibition-export/summary-card';
import { DEFAULT_EXHIBITION } from './exhibition.service';
import type { JobControl } from './jobs.service';

/**
 * Print files of an exhibition, one product per module (exhibition-export/*.ts): boards, wall labels, the
 * catalogue, the name list, the summary card. Each export is a job of the one job service; a file is written
 * whole (atomically) or not at all, and what cannot print is named with its reason while the rest goes on.
 */
export class ExhibitionExportService {
  private readonly shop: PrintShop;
  private readonly labels: LabelsProduct;
  private readonly products: Record<ExhibitionOutput, ExhibitionProduct>;

  constructor(private readonly deps: PrintShopDeps) {
    this.shop = new PrintShop(deps);
    this.labels = new LabelsProduct(this.shop);
    this.products = {
      boards: new BoardsProduct(this.shop),
      labels: this.labels,
      catalogue: new CatalogueProduct(this.shop),
      poster: new NamePosterProduct(this.shop),
      summary: new SummaryCardProduct(this.shop),
    };
    // What cannot start (no plan) is refused at once; the rest runs as a job.
    deps.jobs.define<ExhibitionExportOptions, ExhibitionExportResult>('exhibition-export', {
      prepare: (opts) => {
        this.planned(opts);
        return (control) => this.write(opts, control);
      },
      cancelledIn: (r) => r.cancelled,
    });
  }

  /** The export as a job of the one job service, with progress and cancel. */
  start(opts: ExhibitionExportOptions): Promise<{ jobId: string }> {
    return this.deps.jobs.start('exhibition-export', opts);
  }

  /** The export, awaited (the command line's and the tests' way): the same job, waited for. */
  async export(opts: ExhibitionExportOptions): Promise<ExhibitionExportResult> {
    return this.deps.jobs.done(await this.start(opts).then((j) => j.jobId));
  }

  /** One photo's wall label as it will print, for the screen (the exhibition view, the kiosk). */
  labelPreview(
    photoId: string,
    templateOrId?: string | LabelTemplate,
    exhibitionId = DEFAULT_EXHIBITION,
  ): Promise<{ mediaId: string | null; widthPx: number; heightPx: number; problem: Message | null }> {
    return this.labels.preview(this.deps.exhibitions.get(exhibitionId), photoId, templateOrId);
  }

  private planned(opts: ExhibitionExportOptions): Exhibition {
    const exhibition = this.deps.exhibitions.get(opts.exhibitionId ?? DEFAULT_EXHIBITION);
    if (!exhibition.boards.some((b) => b.photos.length)) throw new AppError('VALIDATION', msg('exhibit.notPlanned'));
    return exhibition;
  }

  private async write(opts: ExhibitionExportOptions, control: JobControl): Promise<ExhibitionExportResult> {
    const exhibition = this.planned(opts);
    const product = this.products[opts.what];
    if (!product)
      throw new AppError('VALIDATION', msg('exhibit.badFormat', { what: opts.what, format: opts.format ?? 'pdf' }));
    const outDir = await this.deps.places.prepare(
      opts.outDir?.trim() ||
        path.join(this.shop.catalog.dir, 'exports', `${new Date().toISOString().slice(0, 10)}_展览_${opts.what}`),
    );
    try {
      await this.deps.storage.probeWritable(outDir);
    } catch (err) {
      throw new AppError('IO', msg('export.notWritable', { dir: outDir, detail: (err as Error).message }));
    }
    const result: ExhibitionExportResult = { outDir, files: [], warnings: [], cancelled: false };
    await product.write(exhibition, opts, result, control);
    result.cancelled = control.cancelled;
    return result;
  }
}
