import type { Flag, Photo } from '../model/photo';
import type { Consent, Worker } from '../model/roster';

/** The library's filter bar, as data. Every field narrows; an empty filter shows all. */
export interface PhotoFilter {
  photographer?: string | null;
  company?: string | null;
  shootDay?: string | null;
  /** at least this many stars */
  minRating?: number;
  flag?: 'picked' | 'rejected' | 'unflagged' | null;
  text?: string;
  workerId?: string | null;
  /** photos showing at least one worker with this consent */
  consent?: Consent | null;
  /** no worker tagged yet */
  untagged?: boolean;
  /** tagged, but a tagged worker has no face region */
  missingRegion?: boolean;
}

/** Lookups a filter needs beyond the photo itself. */
export interface FilterContext {
  workers: Map<string, Worker>;
}

const NO_CONTEXT: FilterContext = { workers: new Map() };

export interface FacetCount {
  value: string;
  count: number;
}

export interface PhotoFacets {
  photographers: FacetCount[];
  companies: FacetCount[];
  shootDays: FacetCount[];
  /** value = worker id */
  workers: FacetCount[];
  untagged: number;
  missingRegion: number;
  total: number;
}

const flagMatches = (want: PhotoFilter['flag'], flag: Flag): boolean =>
  !want || (want === 'unflagged' ? flag === null : flag === want);

export function missesRegion(photo: Photo): boolean {
  return photo.workers.some((w) => !photo.faceRegions.some((r) => r.workerId === w));
}

export function matchesFilter(photo: Photo, filter: PhotoFilter, ctx: FilterContext = NO_CONTEXT): boolean {
  if (filter.photographer && photo.photographer !== filter.photographer) return false;
  if (filter.company && photo.company !== filter.company) return false;
  if (filter.shootDay && photo.shootDay !== filter.shootDay) return false;
  if (filter.minRating && photo.rating < filter.minRating) return false;
  if (!flagMatches(filter.flag, photo.flag)) return false;
  if (filter.workerId && !photo.workers.includes(filter.workerId)) return false;
  if (filter.untagged && photo.workers.length > 0) return false;
  if (filter.missingRegion && !missesRegion(photo)) return false;
  if (filter.consent && !photo.workers.some((id) => ctx.workers.get(id)?.consent === filter.consent)) return false;
  const text = filter.text?.trim().toLowerCase();
  if (text) {
    const people = photo.workers.flatMap((id) => {
      const w = ctx.workers.get(id);
      return w ? [w.name, w.pinyin, w.pinyin.replace(/\s+/g, '')] : [];
    });
    const haystack = [photo.originalName, photo.title, photo.caption, photo.photographer, photo.company, ...photo.keywords, ...people]
      .filter(Boolean)
      .join('\n')
      .toLowerCase();
    if (!haystack.includes(text)) return false;
  }
  return true;
}

/** Library order: capture time (unknown last), then file name, like Lightroom's default sort. */
export function compareForLibrary(a: Photo, b: Photo): number {
  const ta = a.capturedAt ?? '\uffff';
  const tb = b.capturedAt ?? '\uffff';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.originalName.localeCompare(b.originalName);
}

function countBy(photos: Photo[], key: (p: Photo) => string | null): FacetCount[] {
  const counts = new Map<string, number>();
  for (const p of photos) {
    const v = key(p);
    if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => a.value.localeCompare(b.value, 'zh-CN'));
}

export function facetsOf(photos: Photo[]): PhotoFacets {
  const workers = new Map<string, number>();
  let untagged = 0;
  let missingRegion = 0;
  for (const p of photos) {
    if (p.workers.length === 0) untagged++;
    else if (missesRegion(p)) missingRegion++;
    for (const w of p.workers) workers.set(w, (workers.get(w) ?? 0) + 1);
  }
  return {
    photographers: countBy(photos, (p) => p.photographer),
    companies: countBy(photos, (p) => p.company),
    shootDays: countBy(photos, (p) => p.shootDay),
    workers: [...workers].map(([value, count]) => ({ value, count })),
    untagged,
    missingRegion,
    total: photos.length,
  };
}
