import type { Flag, Photo } from '../model/photo';

/** The library's filter bar, as data. Every field narrows; an empty filter shows all. */
export interface PhotoFilter {
  photographer?: string | null;
  company?: string | null;
  shootDay?: string | null;
  /** at least this many stars */
  minRating?: number;
  flag?: 'picked' | 'rejected' | 'unflagged' | null;
  text?: string;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface PhotoFacets {
  photographers: FacetCount[];
  companies: FacetCount[];
  shootDays: FacetCount[];
  total: number;
}

const flagMatches = (want: PhotoFilter['flag'], flag: Flag): boolean =>
  !want || (want === 'unflagged' ? flag === null : flag === want);

export function matchesFilter(photo: Photo, filter: PhotoFilter): boolean {
  if (filter.photographer && photo.photographer !== filter.photographer) return false;
  if (filter.company && photo.company !== filter.company) return false;
  if (filter.shootDay && photo.shootDay !== filter.shootDay) return false;
  if (filter.minRating && photo.rating < filter.minRating) return false;
  if (!flagMatches(filter.flag, photo.flag)) return false;
  const text = filter.text?.trim().toLowerCase();
  if (text) {
    const haystack = [photo.originalName, photo.title, photo.caption, photo.photographer, photo.company, ...photo.keywords]
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
  return {
    photographers: countBy(photos, (p) => p.photographer),
    companies: countBy(photos, (p) => p.company),
    shootDays: countBy(photos, (p) => p.shootDay),
    total: photos.length,
  };
}
