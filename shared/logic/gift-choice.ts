import type { Photo } from '../model/photo';

/**
 * The photo a worker's gift starts with: never a rejected one; a picked one first, then the highest rated, then
 * one with their face boxed, then the earliest. The user can always choose another.
 */
export function bestPhotoFor(workerId: string, photos: Photo[]): Photo | null {
  const theirs = photos.filter((p) => p.workers.includes(workerId) && p.flag !== 'rejected');
  if (!theirs.length) return null;
  const score = (p: Photo) => [
    p.flag === 'picked' ? 1 : 0,
    p.rating,
    p.faceRegions.some((r) => r.workerId === workerId) ? 1 : 0,
  ];
  return [...theirs].sort((a, b) => {
    const sa = score(a);
    const sb = score(b);
    for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sb[i]! - sa[i]!;
    return (a.capturedAt ?? '\uffff').localeCompare(b.capturedAt ?? '\uffff');
  })[0]!;
}
