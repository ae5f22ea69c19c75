import path from 'node:path';
import { CARD_DPI, composeSummaryCard } from '../../../../shared/logic/summary-card';
import type { Exhibition, ExhibitionExportOptions, ExhibitionExportResult } from '../../../../shared/model/exhibition';
import type { JobControl } from '../jobs.service';
import { ItemRefused, type PrintShop } from './print-shop';
import type { ExhibitionProduct } from './product';

/** The campaign summary card (活动总结卡), portrait and landscape, its figures counted from the catalog; JPEG or TIFF. */
export class SummaryCardProduct implements ExhibitionProduct {
  constructor(private readonly shop: PrintShop) {}

  async write(
    exhibition: Exhibition,
    opts: ExhibitionExportOptions,
    result: ExhibitionExportResult,
    control: JobControl,
  ) {
    const { deps, catalog } = this.shop;
    // A picture to share, not a document: a PDF asked for (or nothing said) gives a JPEG.
    const format = opts.format === 'tiff' ? 'tiff' : 'jpeg';
    const figures = deps.campaign.figures(exhibition);
    const photoIds = exhibition.boards.flatMap((b) => b.photos.map((p) => p.photoId)).filter((id) => catalog.photo(id));
    // An even spread of the wall, not just its first board.
    const step = Math.max(1, photoIds.length / 16);
    const chosen = Array.from({ length: Math.min(16, photoIds.length) }, (_, i) => photoIds[Math.floor(i * step)]!);
    const facts = {
      title: exhibition.title,
      subtitle: exhibition.subtitle,
      organizers: exhibition.organizers,
      figures,
      photoIds: chosen,
      date: new Date().toISOString().slice(0, 10),
    };
    control.setTotal(2);
    for (const orientation of ['portrait', 'landscape'] as const) {
      if (control.cancelled) break;
      const page = composeSummaryCard(facts, orientation, this.shop.faces);
      const { widthMm: w, heightMm: h } = page.boxes.mediaMm;
      const name = `活动总结卡_${w}x${h}`;
      try {
        await this.shop.assertOriginals([page], name);
        const provide = this.shop.pageImages([page], name, CARD_DPI);
        const images = new Map<string, Buffer>();
        for (const op of page.ops)
          if (op.kind === 'image' && !images.has(op.ref)) images.set(op.ref, await provide(op.ref));
        const file = path.join(result.outDir, `${name}${format === 'tiff' ? '.tif' : '.jpg'}`);
        await deps.storage.writeAtomic(
          file,
          await deps.sheets.rasterPage(page, CARD_DPI, (ref) => images.get(ref)!, { format, quality: 92 }),
        );
        result.files.push({ path: file, kind: 'summary', pages: 1 });
      } catch (err) {
        if (!(err instanceof ItemRefused)) throw err;
        result.warnings.push(err.warning);
      }
      control.step();
    }
  }
}
