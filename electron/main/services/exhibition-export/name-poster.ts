import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import { msg } from '../../../../shared/i18n/messages';
import { composeNamePoster } from '../../../../shared/logic/name-poster';
import type { Exhibition, ExhibitionExportOptions, ExhibitionExportResult } from '../../../../shared/model/exhibition';
import type { JobControl } from '../jobs.service';
import type { PrintShop } from './print-shop';
import type { ExhibitionProduct } from './product';

/** The name list (名录): every worker on the wall who agreed to be exhibited, by company then pinyin, with their places; A2 or A1. */
export class NamePosterProduct implements ExhibitionProduct {
  constructor(private readonly shop: PrintShop) {}

  async write(
    exhibition: Exhibition,
    opts: ExhibitionExportOptions,
    result: ExhibitionExportResult,
    control: JobControl,
  ) {
    const { deps, catalog } = this.shop;
    const format = opts.format ?? 'pdf';
    if (format !== 'pdf') throw new AppError('VALIDATION', msg('exhibit.badFormat', { what: 'poster', format }));
    const size = opts.posterSize ?? 'A2';
    control.setTotal(1);
    const numbers = new Map<string, string[]>();
    for (const p of exhibition.boards.flatMap((b) => b.photos)) {
      const photo = catalog.photo(p.photoId);
      if (!photo) continue;
      for (const w of this.shop.people(photo))
        if (w.consent === 'exhibit') numbers.set(w.id, [...(numbers.get(w.id) ?? []), p.number]);
    }
    const entries = [...numbers].map(([id, places]) => {
      const w = catalog.get('workers', id)!;
      const company = w.companyId ? catalog.get('companies', w.companyId) : undefined;
      return { name: w.name, pinyin: w.pinyin, company: company?.shortName || company?.name || '', numbers: places };
    });
    const pages = composeNamePoster(`${exhibition.title} · 名录`, entries, size, this.shop.faces);
    const file = path.join(result.outDir, `名录_${size}.pdf`);
    await deps.storage.writeChunksAtomic(
      file,
      deps.pdf.drawing(
        pages,
        () => Buffer.alloc(0),
        { title: `${exhibition.title} · 名录` },
        await deps.sheets.srgbIcc(),
      ),
    );
    result.files.push({ path: file, kind: 'poster', pages: pages.length });
    control.step();
  }
}
