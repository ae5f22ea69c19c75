import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import { msg } from '../../../../shared/i18n/messages';
import { composeBoard, type BoardCaption } from '../../../../shared/logic/board-drawing';
import { displayPath } from '../../../../shared/logic/file-path';
import type { DrawnPage } from '../../../../shared/logic/page-drawing';
import { placedPpi } from '../../../../shared/logic/sheet-layout';
import type {
  Board,
  Exhibition,
  ExhibitionExportOptions,
  ExhibitionExportResult,
} from '../../../../shared/model/exhibition';
import type { JobControl } from '../jobs.service';
import { ItemRefused, PRINT_PPI_CAP, warn, type OrderLine, type PrintShop } from './print-shop';
import type { ExhibitionProduct } from './product';

/** Boards are seen from a metre or two: soft below 100 ppi, not printed below 50 (unless the user says so). */
export const BOARD_PPI_WARN = 100;
export const BOARD_PPI_REFUSE = 50;
const DEFAULT_MATERIAL = 'KT板';

/**
 * Each board as a PDF at its physical size (or a JPEG/TIFF at a chosen dpi), with the order sheet. A board that
 * cannot print is named with its reason and the others go on.
 */
export class BoardsProduct implements ExhibitionProduct {
  constructor(private readonly shop: PrintShop) {}

  async write(
    exhibition: Exhibition,
    opts: ExhibitionExportOptions,
    result: ExhibitionExportResult,
    control: JobControl,
  ) {
    const { deps } = this.shop;
    const format = opts.format ?? 'pdf';
    const dpi = opts.dpi ?? 150;
    if (format !== 'pdf' && !(dpi >= 30 && dpi <= 300))
      throw new AppError('VALIDATION', msg('exhibit.badDpi', { dpi }));
    const bleedMm = opts.bleedMm ?? 5;
    const marks = opts.marks ?? format === 'pdf';
    const lines: OrderLine[] = [];
    const count = exhibition.boards.length;
    const logos = await this.logos(exhibition, exhibition.boards[0]?.background ?? '#ffffff');
    control.setTotal(exhibition.boards.filter((b) => b.photos.length).length);
    for (const [i, board] of exhibition.boards.entries()) {
      if (!board.photos.length) continue;
      if (control.cancelled) break;
      control.working(board.name);
      const name = `展板${String(i + 1).padStart(2, '0')}_${Math.round(board.widthMm / 10)}x${Math.round(board.heightMm / 10)}cm`;
      const ext = format === 'pdf' ? '.pdf' : format === 'tiff' ? '.tif' : '.jpg';
      try {
        const drawn = composeBoard(
          {
            board,
            position: i + 1,
            count,
            header: { title: exhibition.title, subtitle: exhibition.subtitle, organizers: exhibition.organizers },
            captions: this.captions(board),
            logos: logos.map(({ ref, aspect }) => ({ ref, aspect })),
          },
          this.shop.faces,
          { bleedMm, marks },
        );
        for (const p of drawn.problems)
          result.warnings.push(warn(p.photoId || null, p.photoId ? 'captionTooLong' : 'headerTooLong', p.message));
        const { images, minPpi } = await this.images(
          board,
          format === 'pdf' ? null : dpi,
          !!opts.allowLowRes,
          result,
          control,
        );
        for (const logo of logos) images.set(logo.ref, logo.jpeg);
        const file = path.join(result.outDir, name + ext);
        if (format === 'pdf')
          await deps.storage.writeChunksAtomic(
            file,
            deps.pdf.drawing(
              [drawn.page],
              (ref) => images.get(ref)!,
              { title: `${exhibition.title} · ${board.name}`, subject: exhibition.subtitle },
              await deps.sheets.srgbIcc(),
            ),
          );
        else
          await deps.storage.writeAtomic(
            file,
            await deps.sheets.rasterPage(drawn.page, dpi, (ref) => images.get(ref)!, { format }),
          );
        result.files.push({ path: file, kind: 'board', pages: 1 });
        const thumbnail = await this.thumbnail(drawn.page).catch(() => null);
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
    if (lines.length)
      await this.shop.orderSheet(
        exhibition,
        result,
        lines,
        `${format.toUpperCase()}${format === 'pdf' ? '' : ` · ${dpi} dpi`} · 出血 ${bleedMm} mm`,
      );
  }

  /**
   * The emblems, each read once and flattened onto the board's background (a PNG's transparency would print
   * black in a JPEG); refused by name when one cannot be read.
   */
  private async logos(exhibition: Exhibition, background: string) {
    const { deps, catalog } = this.shop;
    return Promise.all(
      (exhibition.logos ?? []).map(async (file, i) => {
        const full = path.isAbsolute(file) ? file : path.join(catalog.dir, file);
        try {
          const { jpeg, aspect } = await deps.sheets.flatJpeg(
            await deps.storage.readFile(full, { maxBytes: 32 * 1024 ** 2 }),
            background,
          );
          return { ref: `logo:${i}`, jpeg, aspect };
        } catch (err) {
          throw new AppError(
            'NOT_FOUND',
            msg('exhibit.logoUnreadable', { path: full, detail: (err as Error).message }),
          );
        }
      }),
    );
  }

  /** Under each photo: who is in it (with craft and company when one worker), then the credit and the place number. */
  private captions(board: Board): Record<string, BoardCaption> {
    const out: Record<string, BoardCaption> = {};
    for (const placed of board.photos) {
      const photo = this.shop.catalog.photo(placed.photoId);
      if (!photo) continue;
      const people = this.shop.people(photo);
      const v = this.shop.deps.captions.of(photo, people.length === 1 ? people[0]! : null);
      const who = people.length ? people.map((w) => w.name).join('、') : (photo.title ?? '');
      const names = [who, people.length === 1 ? v['worker.craft'] : null, v['company.short']]
        .filter(Boolean)
        .join(' · ');
      out[placed.photoId] = { names, detail: [v['photographer.credit'], placed.number].filter(Boolean).join(' · ') };
    }
    return out;
  }

  /**
   * Each photo of a board as a JPEG at the size it prints: its own pixels up to 300 ppi for a PDF, the raster's
   * dpi otherwise. Missing originals and photos under 50 ppi refuse the board, by name; 50–100 ppi is said.
   */
  private async images(
    board: Board,
    rasterDpi: number | null,
    allowLowRes: boolean,
    result: ExhibitionExportResult,
    control: JobControl,
  ) {
    const { deps, catalog } = this.shop;
    const images = new Map<string, Buffer>();
    let minPpi = Infinity;
    const one = async (placed: Board['photos'][number]) => {
      const photo = catalog.photo(placed.photoId);
      if (!photo)
        throw new ItemRefused(
          warn(
            placed.photoId,
            'photoMissing',
            msg('exhibit.photoMissing', { number: placed.number, path: placed.photoId, board: board.name }),
          ),
        );
      const source = deps.sources.sourceOf(photo);
      if (!(await deps.storage.exists(source.file)))
        throw new ItemRefused(
          warn(
            photo.id,
            'photoMissing',
            msg('exhibit.photoMissing', { number: placed.number, path: displayPath(source.file), board: board.name }),
          ),
        );
      const ppi = placedPpi(photo, { w: placed.wMm, h: placed.hMm }, null);
      minPpi = Math.min(minPpi, ppi);
      if (ppi < BOARD_PPI_REFUSE && !allowLowRes)
        throw new ItemRefused(
          warn(
            photo.id,
            'tooLowPpi',
            msg('exhibit.tooLowPpi', {
              number: placed.number,
              name: photo.originalName,
              ppi,
              min: BOARD_PPI_REFUSE,
              board: board.name,
            }),
          ),
        );
      if (ppi < BOARD_PPI_WARN)
        result.warnings.push(
          warn(
            photo.id,
            'lowPpi',
            msg('exhibit.lowPpi', { number: placed.number, name: photo.originalName, ppi, min: BOARD_PPI_WARN }),
          ),
        );
      const at = rasterDpi ?? Math.min(ppi, PRINT_PPI_CAP);
      const w = Math.max(1, Math.round((placed.wMm / 25.4) * at));
      const h = Math.max(1, Math.round((placed.hMm / 25.4) * at));
      try {
        images.set(
          photo.id,
          await deps.sheets.photoJpeg(
            { file: source.file, crop: null, width: photo.width, height: photo.height, format: source.format },
            w,
            h,
          ),
        );
      } catch (err) {
        throw new ItemRefused(
          warn(
            photo.id,
            'photoUnreadable',
            msg('exhibit.photoUnreadable', { number: placed.number, detail: (err as Error).message, item: board.name }),
          ),
        );
      }
    };
    await control.pool(board.photos, one);
    return { images, minPpi: Number.isFinite(minPpi) ? minPpi : 0 };
  }

  /** A small picture of the whole board for the order sheet, drawn from the photos' thumbnails. */
  private async thumbnail(page: DrawnPage): Promise<Buffer> {
    const { deps, catalog } = this.shop;
    const thumbs = new Map<string, Buffer>();
    for (const op of page.ops) {
      if (op.kind !== 'image' || thumbs.has(op.ref)) continue;
      const photo = catalog.photo(op.ref);
      if (photo?.thumbnail) thumbs.set(op.ref, await deps.storage.readFile(path.join(catalog.dir, photo.thumbnail)));
    }
    const dpi = (160 / Math.max(page.boxes.mediaMm.widthMm, page.boxes.mediaMm.heightMm)) * 25.4;
    return deps.sheets.rasterPage(
      {
        boxes: page.boxes,
        ops: page.ops.filter((op) => op.kind !== 'text' && (op.kind !== 'image' || thumbs.has(op.ref))),
      },
      dpi,
      (ref) => thumbs.get(ref)!,
      { format: 'jpeg', quality: 80 },
    );
  }
}
