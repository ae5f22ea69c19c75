import type { Flag, Photo } from '../model/photo';
import type { Consent, Worker } from '../model/roster';
import { initialsOf } from './worker-search';

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
    const haystack = [
      photo.originalName,
      photo.title,
      photo.caption,
      photo.photographer,
      photo.company,
      ...photo.keywords,
      ...people,
    ]
      .filter(Boolean)
      .join('\n')
      .toLowerCase();
    // Initials as the tag box takes them: `zmd` finds 占牡丹 (two letters or more, from the start of the name).
    const byInitials =
      /^[a-z]{2,}$/.test(text) &&
      photo.workers.some((id) => {
        const w = ctx.workers.get(id);
        return !!w && initialsOf(w.pinyin).startsWith(text);
      });
    if (!haystack.includes(text) && !byInitials) return false;
  }
  return true;
}

/** Library order: capture time (unknown last), then file name, like Lightroom's default sort. */
export function compareForLibrary(a: Photo, b: Photo): number {
  const ta = a.capturedAt ?? '\uffff';
  const tb = b.capturedAt ?? '\uffff';
  if (ta !== tb) return ta < tb ? -1 : 1;
  // Shot in the same second (a burst): the camera's own numbering, compared plainly (fast on 10,000 photos).
  return a.originalName < b.originalName ? -1 : a.originalName > b.originalName ? 1 : 0;
}

export const SORT_KEYS = ['captured', 'name', 'rating', 'imported'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface PhotoSort {
  by: SortKey;
  dir: 'asc' | 'desc';
}

/** IMG_9 before IMG_10, as people read file names. One collator for every comparison: making one per call is slow. */
const nameCollator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const byName = (a: Photo, b: Photo) => nameCollator.compare(a.originalName, b.originalName);

/** The grid's orders, as Lightroom offers them; ties fall back to capture time, then name, so the order is stable. */
export function comparePhotos(sort: PhotoSort = { by: 'captured', dir: 'asc' }): (a: Photo, b: Photo) => number {
  const key: (a: Photo, b: Photo) => number =
    sort.by === 'name'
      ? byName
      : sort.by === 'rating'
        ? (a, b) => a.rating - b.rating
        : sort.by === 'imported'
          ? (a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : 0)
          : () => 0;
  const sign = sort.dir === 'desc' ? -1 : 1;
  return (a, b) =>
    sign * key(a, b) || (sort.by === 'captured' ? sign * compareForLibrary(a, b) : compareForLibrary(a, b));
}

function countBy(photos: Photo[], key: (p: Photo) => string | null): FacetCount[] {
  const counts = new Map<string, number>();
  for (const p of photos) {
    const v = key(p);
    if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => a.value.localeCompare(b.value, 'zh-CN'));
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
