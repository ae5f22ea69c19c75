import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/messages';
import { shortCompanyName } from '../../../shared/logic/company-name';
import { exhibitRule } from '../../../shared/logic/photo-usage';
import { nameMatch, normalizeQuery } from '../../../shared/logic/worker-search';
import type { FoundWorker, LabelPreview } from '../../../shared/model/exhibition';
import type { MediaKind } from '../../../shared/model/photo';
import type { Worker } from '../../../shared/model/roster';
import { DEFAULT_EXHIBITION } from './exhibition.service';
import type { ProjectSession } from './project-session';

/** Longer than any name: a query this long is a paste gone wrong, refused rather than searched. */
const MAX_QUERY = 50;

/**
 * Find your photo: a worker by name, pinyin (with or without tones and spaces), initials, or characters and
 * pinyin mixed, with the photos of them that may be shown — every tagged worker agreed to be exhibited — and where
 * each hangs (板3-05) when the exhibition is planned. A worker who did not agree is never found.
 */
export class FindService {
  /** Label previews handed to the kiosk, by media id: each names its photo, so it is served only while that photo may be. */
  private readonly issued = new Map<string, string>();

  constructor(
    private readonly deps: {
      session: ProjectSession;
      labelPreview: (photoId: string, exhibitionId: string) => Promise<LabelPreview>;
    },
  ) {}

  /** May this photo be shown to the public (the kiosk, the gallery): not rejected, and everyone in it agreed? */
  mayShow(photoId: string): boolean {
    const catalog = this.deps.session.current;
    const photo = catalog?.photo(photoId);
    if (!catalog || !photo || photo.flag === 'rejected') return false;
    return (
      exhibitRule(photo.workers.map((id) => catalog.get('workers', id)).filter((w): w is Worker => !!w)).rule === 'yes'
    );
  }

  /**
   * What the kiosk may fetch, decided when it is fetched (consent can be withdrawn at any moment): a photo's
   * images while everyone in it agrees; a label preview while its photo may be shown.
   */
  mayShowMedia(kind: MediaKind, id: string): boolean {
    if (kind === 'face') return false;
    if (kind === 'sheet') {
      const photoId = this.issued.get(id);
      return !!photoId && this.mayShow(photoId);
    }
    return this.mayShow(id);
  }

  /**
   * A photo's wall label for the kiosk: only for a photo the kiosk lists at a place on the boards (everyone in it
   * agreed today), by the same rule as the list, so a tap on a listed photo never ends in an error.
   */
  async label(photoId: string, exhibitionId = DEFAULT_EXHIBITION): Promise<LabelPreview> {
    if (!this.mayShow(photoId) || !this.places(exhibitionId).has(photoId))
      throw new AppError('NOT_FOUND', msg('find.notShown', { id: photoId }));
    const preview = await this.deps.labelPreview(photoId, exhibitionId);
    if (preview.mediaId) this.issued.set(preview.mediaId, photoId);
    return preview;
  }

  /** The kiosk's start screen: the exhibition's title and the companies whose workers can be found. */
  kiosk(exhibitionId = DEFAULT_EXHIBITION): {
    title: string;
    subtitle: string;
    companies: { name: string; workers: FoundWorker[] }[];
  } {
    const catalog = this.deps.session.require();
    const exhibition = catalog.get('exhibitions', exhibitionId);
    const everyone = this.all(exhibitionId);
    const byCompany = new Map<string, FoundWorker[]>();
    for (const w of everyone) byCompany.set(w.company ?? '', [...(byCompany.get(w.company ?? '') ?? []), w]);
    const zh = new Intl.Collator('zh-CN');
    return {
      title: exhibition?.title ?? '',
      subtitle: exhibition?.subtitle ?? '',
      companies: [...byCompany]
        .sort((a, b) => (!a[0] ? 1 : !b[0] ? -1 : zh.compare(a[0], b[0])))
        .map(([name, workers]) => ({ name, workers })),
    };
  }

  /** Every findable worker with their photos (the kiosk's company buttons). */
  private all(exhibitionId: string): FoundWorker[] {
    const catalog = this.deps.session.require();
    return this.withPhotos(
      catalog.all('workers').filter((w) => w.consent === 'exhibit'),
      exhibitionId,
      Infinity,
    );
  }

  find(query: string, exhibitionId = DEFAULT_EXHIBITION, limit = 50): FoundWorker[] {
    const text = query.trim();
    if (text.length > MAX_QUERY) throw new AppError('VALIDATION', msg('find.tooLong', { max: MAX_QUERY }));
    if (!normalizeQuery(text)) throw new AppError('VALIDATION', msg('find.empty'));
    const catalog = this.deps.session.require();
    const ranked = catalog
      .all('workers')
      .filter((w) => w.consent === 'exhibit')
      .map((w) => ({ w, score: score(text, w) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || a.w.pinyin.localeCompare(b.w.pinyin));
    return this.withPhotos(
      ranked.map((x) => x.w),
      exhibitionId,
      limit,
    );
  }

  /** Where each photo on the boards hangs (板3-05): the one rule for the kiosk's list and for its labels. */
  private places(exhibitionId: string): Map<string, string> {
    const catalog = this.deps.session.require();
    return new Map(
      (catalog.get('exhibitions', exhibitionId)?.boards ?? []).flatMap((b) =>
        b.photos.map((p) => [p.photoId, p.number] as const),
      ),
    );
  }

  /** The workers, in the order given, each with the photos of them that may be shown; those with none left out. */
  private withPhotos(list: Worker[], exhibitionId: string, limit: number): FoundWorker[] {
    const catalog = this.deps.session.require();
    if (!list.length) return [];
    const workers = new Map(catalog.all('workers').map((w) => [w.id, w]));
    const companies = new Map(catalog.all('companies').map((c) => [c.id, c]));
    const numbers = this.places(exhibitionId);
    const wanted = new Set(list.map((w) => w.id));
    // One pass over the photos: each shown photo, to each wanted worker in it.
    const photosOf = new Map<string, { photoId: string; number: string | null }[]>();
    for (const photo of catalog.photos()) {
      if (photo.flag === 'rejected' || !photo.workers.some((id) => wanted.has(id))) continue;
      const people = photo.workers.map((id) => workers.get(id)).filter((w): w is Worker => !!w);
      if (exhibitRule(people).rule !== 'yes') continue;
      for (const id of photo.workers)
        if (wanted.has(id))
          photosOf.set(id, [...(photosOf.get(id) ?? []), { photoId: photo.id, number: numbers.get(photo.id) ?? null }]);
    }
    return list
      .filter((w) => photosOf.has(w.id))
      .slice(0, limit)
      .map((w) => {
        const company = w.companyId ? companies.get(w.companyId) : undefined;
        const photos = photosOf
          .get(w.id)!
          .sort((a, b) => (a.number ?? '\uffff').localeCompare(b.number ?? '\uffff', 'zh-CN', { numeric: true }));
        return {
          workerId: w.id,
          name: w.name,
          company: company ? company.shortName || shortCompanyName(company.name, '') || company.name : null,
          photos,
        };
      });
  }
}

/** Names only: the exact name, then names the query begins, then names it spells from a later syllable. */
function score(query: string, w: Worker): number {
  if (w.name === query) return 100;
  if (w.name.startsWith(query)) return 90;
  const spelled = nameMatch(query, w.name, w.pinyin);
  if (spelled === 'start') return 70;
  if (w.name.includes(query)) return 60;
  return spelled === 'inside' ? 55 : 0;
}
