import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import { formatMessage, msg, type Message } from '../../../../shared/i18n/messages';
import { displayPath } from '../../../../shared/logic/file-path';
import { orderSheetCsv, orderTotals } from '../../../../shared/logic/order-sheet';
import { orderSheetPages, thumbRef, type OrderSheetLine } from '../../../../shared/logic/order-sheet-drawing';
import type { DrawnPage, Faces } from '../../../../shared/logic/page-drawing';
import type { LabelContent } from '../../../../shared/logic/label-drawing';
import { COVER } from '../../../../shared/logic/catalogue-drawing';
import { TILE } from '../../../../shared/logic/summary-card';
import { isWebAddress, photoPageUrl } from '../../../../shared/logic/qr';
import { cropFor, placedPpi } from '../../../../shared/logic/sheet-layout';
import type { Exhibition, ExhibitionExportResult, ExhibitionWarning } from '../../../../shared/model/exhibition';
import type { Photo } from '../../../../shared/model/photo';
import type { Worker } from '../../../../shared/model/roster';
import type { Logger } from '../../logger';
import type { PdfRepository } from '../../repositories/pdf.repository';
import type { SheetRepository } from '../../repositories/sheet.repository';
import type { StorageRepository } from '../../repositories/storage.repository';
import type { TypesetterRepository } from '../../repositories/typesetter';
import type { CampaignService } from '../campaign.service';
import type { CaptionValuesService } from '../caption-values.service';
import type { ExhibitionService } from '../exhibition.service';
import type { JobService } from '../jobs.service';
import type { LabelTemplateService } from '../label-template.service';
import type { OutputPlaces } from '../output-place';
import type { PhotoSources } from '../photo-source.service';
import { prefetcher } from '../prefetch';
import type { ProjectSession } from '../project-session';

/** A line of the order sheet, with the small picture of its board. */
export type OrderLine = OrderSheetLine & { thumbnail: Buffer | null };

/** Photos go into a print at their own resolution up to this (more is bytes the press cannot use). */
export const PRINT_PPI_CAP = 300;

export interface PrintShopDeps {
  session: ProjectSession;
  labels: LabelTemplateService;
  exhibitions: ExhibitionService;
  sources: PhotoSources;
  captions: CaptionValuesService;
  campaign: CampaignService;
  sheets: SheetRepository;
  pdf: PdfRepository;
  type: TypesetterRepository;
  storage: StorageRepository;
  places: OutputPlaces;
  jobs: JobService;
  logger: Logger;
}

/** A photo item that cannot be printed: the file it belongs to is not written, and the reason is said. */
export class ItemRefused extends Error {
  constructor(readonly warning: ExhibitionWarning) {
    super(warning.message);
  }
}

export const warn = (photoId: string | null, code: ExhibitionWarning['code'], m: Message): ExhibitionWarning => ({
  photoId,
  code,
  message: formatMessage(m, 'en'),
  key: m.key,
  ...(m.params ? { params: m.params } : {}),
});

/**
 * What every print product of an exhibition shares: the catalog, the faces the typesetter measures with, who is in
 * a photo, what its label says, the images of drawn pages at the size they print, and the order sheet.
 */
export class PrintShop {
  constructor(readonly deps: PrintShopDeps) {}

  get catalog() {
    return this.deps.session.require();
  }

  /** The faces as the page typesetter needs them. */
  get faces(): Faces {
    return this.deps.type.pageFaces();
  }

  people(photo: Photo): Worker[] {
    return photo.workers.map((id) => this.catalog.get('workers', id)).filter((w): w is Worker => !!w);
  }

  /** The gallery address the codes open: the one given (checked, then kept with the exhibition), else the one kept. */
  galleryUrl(exhibition: Exhibition, given: string | undefined): string | null {
    const url = given?.trim();
    if (!url) return exhibition.galleryUrl ?? null;
    if (!isWebAddress(url))
      throw new AppError('VALIDATION', msg('exhibit.badBaseUrl', { url, schemes: 'http:// https://' }));
    // Kept for next time where the project may be written; an export from a read-only view only uses it.
    if (url !== exhibition.galleryUrl && !this.catalog.readOnly)
      this.deps.exhibitions.update({ galleryUrl: url }, exhibition.id);
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
        const values = { ...this.deps.captions.of(photo, one) };
        values['photo.title'] = photo.title || people.map((w) => w.name).join('、') || null;
        // Titled by the names themselves: the line under it says who they are without repeating them.
        if (!photo.title) values['worker.name'] = null;
        if (!one) {
          const quoted = people.filter((w) => w.quote);
          values['worker.quote'] = quoted.length === 1 ? quoted[0]!.quote : null;
        }
        return [
          { photoId: photo.id, number: placed.number, values, url: baseUrl ? photoPageUrl(baseUrl, photo.id) : null },
        ];
      }),
    );
  }

  /**
   * Refuses `item` (the catalogue, the summary card) by name when an original on its pages is missing: as a board
   * is refused, never printed with a blank where the photo should be.
   */
  async assertOriginals(pages: DrawnPage[], item: string): Promise<void> {
    const refs = new Set(pages.flatMap((p) => p.ops.flatMap((op) => (op.kind === 'image' ? [op.ref] : []))));
    for (const ref of refs) {
      const photo = this.catalog.photo(ref.replace(COVER, '').replace(TILE, ''));
      const file = photo ? this.deps.sources.sourceOf(photo).file : ref;
      if (!photo || !(await this.deps.storage.exists(file)))
        throw new ItemRefused(
          warn(
            photo?.id ?? null,
            'photoMissing',
            msg('exhibit.photoMissing', { number: photo?.originalName ?? ref, path: displayPath(file), board: item }),
          ),
        );
    }
  }

  /**
   * The JPEG for every image on these pages, each at the size it prints (its own pixels up to 300 ppi); a cover
   * cut to its area's aspect. An original that cannot be read refuses `item` by name (nothing half-made is left).
   */
  pageImages(pages: DrawnPage[], item: string, rasterDpi?: number): (ref: string) => Promise<Buffer> {
    const wanted = new Map<string, { wMm: number; hMm: number }>();
    for (const page of pages)
      for (const op of page.ops)
        if (op.kind === 'image' && !wanted.has(op.ref)) wanted.set(op.ref, { wMm: op.w, hMm: op.h });
    const make = async (ref: string) => {
      const size = wanted.get(ref)!;
      const photo = this.catalog.photo(ref.replace(COVER, '').replace(TILE, ''))!;
      const source = this.deps.sources.sourceOf(photo);
      // A cover or a collage tile is cut to its area: around the faces (drawn, or found by the face job).
      const cut = ref.endsWith(COVER) || ref.endsWith(TILE);
      const focus = cut ? this.deps.sources.focusOf(photo, null) : null;
      const crop = focus ? cropFor(photo, size.wMm / size.hMm, focus, null) : null;
      // Its own pixels, as many as the cut leaves (up to 300 ppi): a cover cut from a wide photo has fewer.
      const ppi = rasterDpi ?? Math.min(PRINT_PPI_CAP, placedPpi(photo, { w: size.wMm, h: size.hMm }, crop));
      const w = Math.max(1, Math.round((size.wMm / 25.4) * ppi));
      const h = Math.max(1, Math.round((size.hMm / 25.4) * ppi));
      try {
        return await this.deps.sheets.photoJpeg(
          { file: source.file, crop, width: photo.width, height: photo.height, format: source.format },
          w,
          h,
          90,
        );
      } catch (err) {
        throw new ItemRefused(
          warn(
            photo.id,
            'photoUnreadable',
            msg('exhibit.photoUnreadable', { number: photo.originalName, detail: (err as Error).message, item }),
          ),
        );
      }
    };
    const workers = this.deps.jobs.lanes;
    return prefetcher([...wanted.keys()], make, workers, 2 * workers);
  }

  /** 印制清单 for the print shop: one line per file, with its size, material and lowest resolution; CSV beside it. */
  async orderSheet(exhibition: Exhibition, result: ExhibitionExportResult, lines: OrderLine[], detail: string) {
    const totals = orderTotals(lines);
    const stem = `印制清单_${result.files[0]?.kind === 'board' ? '展板' : '展览'}`;
    const csvFile = path.join(result.outDir, `${stem}.csv`);
    await this.deps.storage.writeAtomic(csvFile, orderSheetCsv(lines, totals, '内容'));
    const pdfFile = path.join(result.outDir, `${stem}.pdf`);
    const title = `${exhibition.title} · 印制清单`;
    const subtitle = `${exhibition.venue ?? ''}${exhibition.venue ? ' · ' : ''}${detail} · sRGB`;
    const pages = orderSheetPages(
      { title, subtitle, date: new Date().toISOString().slice(0, 10), lines, totals, whoLabel: '内容' },
      this.faces,
    );
    const thumbs = new Map(lines.flatMap((l, i) => (l.thumbnail ? [[thumbRef(i), l.thumbnail] as const] : [])));
    await this.deps.storage.writeChunksAtomic(
      pdfFile,
      this.deps.pdf.drawing(pages, (ref) => thumbs.get(ref)!, { title }, await this.deps.sheets.srgbIcc()),
    );
    result.files.push(
      { path: pdfFile, kind: 'order-sheet', pages: 1 },
      { path: csvFile, kind: 'order-sheet', pages: 0 },
    );
  }
}
