import path from 'node:path';
import { AppError, isAppError } from '../../../../shared/errors';
import { msg } from '../../../../shared/i18n/messages';
import { composeCatalogue, type CatalogueEntry } from '../../../../shared/logic/catalogue-drawing';
import { fillTemplate } from '../../../../shared/logic/caption-template';
import type { Exhibition, ExhibitionExportOptions, ExhibitionExportResult } from '../../../../shared/model/exhibition';
import type { Worker } from '../../../../shared/model/roster';
import type { JobControl } from '../jobs.service';
import { ItemRefused, type PrintShop } from './print-shop';
import type { ExhibitionProduct } from './product';

/** The catalogue PDF (画册): cover, preface, a page per photo, the workers' and photographers' index, colophon; ×4 pages. */
export class CatalogueProduct implements ExhibitionProduct {
  constructor(private readonly shop: PrintShop) {}

  async write(
    exhibition: Exhibition,
    opts: ExhibitionExportOptions,
    result: ExhibitionExportResult,
    control: JobControl,
  ) {
    const { deps } = this.shop;
    const format = opts.format ?? 'pdf';
    if (format !== 'pdf') throw new AppError('VALIDATION', msg('exhibit.badFormat', { what: 'catalogue', format }));
    const base = opts.catalogueSize === '210x285' ? { widthMm: 210, heightMm: 285 } : { widthMm: 210, heightMm: 297 };
    const page = opts.landscape ? { widthMm: base.heightMm, heightMm: base.widthMm } : base;
    const entries = this.entries(exhibition);
    if (!entries.length) throw new AppError('VALIDATION', msg('exhibit.notPlanned'));
    if (opts.coverPhotoId && !entries.some((e) => e.photoId === opts.coverPhotoId))
      throw new AppError('VALIDATION', msg('exhibit.coverNotOnWall', { id: opts.coverPhotoId }));
    const facts = deps.campaign.facts();
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
        colophon: [
          exhibition.title,
          ...[
            exhibition.organizers && `主办：${exhibition.organizers}`,
            facts.photographers.length ? `摄影：${facts.photographers.join('、')}` : null,
            exhibition.venue && `展出：${[exhibition.venue, exhibition.dates].filter(Boolean).join(' · ')}`,
            `${new Date().getFullYear()} 年 · 追光 Chasing Light 制作`,
          ].filter((l): l is string => !!l),
        ],
        page,
        bleedMm: opts.bleedMm ?? 3,
        marks: opts.marks ?? true,
      },
      this.shop.faces,
    );
    const name = `画册_${opts.catalogueSize ?? 'A4'}${opts.landscape ? '_横' : ''}`;
    const file = path.join(result.outDir, `${name}.pdf`);
    // A photo whose original is missing or cannot be read refuses the book by name: no page is printed blank.
    try {
      await this.shop.assertOriginals(book.pages, name);
    } catch (err) {
      if (!(err instanceof ItemRefused)) throw err;
      return void result.warnings.push(err.warning);
    }
    // Photos are resized a few pages ahead of the PDF, which takes them as it draws: never the whole book in memory.
    const made = this.shop.pageImages(book.pages, name);
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
      await deps.storage.writeChunksAtomic(
        file,
        deps.pdf.drawing(
          book.pages,
          images,
          { title: `${exhibition.title} · 画册`, author: exhibition.organizers ?? '', subject: exhibition.subtitle },
          await deps.sheets.srgbIcc(),
        ),
      );
    } catch (err) {
      // Cancelled, or refused by a photo that cannot be read: the half-written file is gone (written under a temporary name).
      if (isAppError(err) && err.code === 'CANCELLED') return;
      if (err instanceof ItemRefused) return void result.warnings.push(err.warning);
      throw err;
    }
    result.files.push({ path: file, kind: 'catalogue', pages: book.pages.length });
  }

  /** One entry per placed photo whose original is there; a missing one is named and left out. */
  private entries(exhibition: Exhibition): CatalogueEntry[] {
    const { catalog } = this.shop;
    return this.shop.labelContents(exhibition, null).flatMap((c) => {
      const photo = catalog.photo(c.photoId)!;
      const people = this.shop.people(photo);
      const v = c.values;
      const companyOf = (w: Worker) =>
        (w.companyId ? catalog.get('companies', w.companyId)?.name : null) ?? photo.company ?? '';
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
}

/** A preface made from the campaign's own figures, for the union to edit: who went where, and what came of it. */
function defaultPreface(
  exhibition: Exhibition,
  facts: { photographers: string[]; companies: number; days: number; photos: number },
  shown: number,
): string {
  const who = exhibition.organizers ?? '工会';
  return [
    `${facts.days} 天里，${who}组织 ${facts.photographers.length} 名摄影师走进 ${facts.companies} 家企业，把镜头对准车间、工地和柜台里的普通劳动者，拍下 ${facts.photos} 张照片。`,
    `这本画册收录其中 ${shown} 张，也是展墙上的全部作品。照片里的每一位职工，都已收到装裱好的自己的照片。`,
    `愿每一位劳动者都被看见。`,
  ].join('\n');
}
