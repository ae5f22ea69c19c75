import { AppError } from '../../../shared/errors';
import { photoUsage, type PhotoUsage } from '../../../shared/logic/photo-usage';
import type { Photo } from '../../../shared/model/photo';
import type { FaceRegion } from '../../../shared/model/roster';
import type { HistoryService } from './history.service';
import type { ProjectSession } from './project-session';
import type { RosterService } from './roster.service';
import { msg } from '../../../shared/i18n/messages';

export type Region = Omit<FaceRegion, 'workerId'>;

/** What a batch edit on a selection may set. `undefined` leaves a field alone; `null` clears it. */
export interface PhotoPatch {
  companyId?: string | null;
  photographer?: string | null;
  shootDay?: string | null;
  title?: string | null;
  caption?: string | null;
}

/** Who is in each photo, where their face is, and the batch edits union staff make on a selection. */
export class TaggingService {
  constructor(private readonly deps: { session: ProjectSession; history: HistoryService; roster: RosterService }) {}

  private photosOf(ids: string[]): Photo[] {
    const catalog = this.deps.session.require();
    const missing = ids.filter((id) => !catalog.photo(id));
    if (missing.length)
      throw new AppError('NOT_FOUND', msg('photo.notFoundMany', { ids: missing.slice(0, 5).join(', ') }), {
        ids: missing,
      });
    return ids.map((id) => catalog.photo(id)!);
  }

  /**
   * Tags a worker on photos; a photo without a company takes the worker's. A photo already at another company is
   * not changed silently: without `company` ('keep' the photo's, or take the 'worker's') the call is refused with
   * CONFLICT naming both, so the person can choose. An optional face region for one photo.
   */
  tag(photoIds: string[], workerIdOrName: string, region?: Region | null, companyChoice?: 'keep' | 'worker'): Photo[] {
    const worker = this.deps.roster.resolveWorker(workerIdOrName);
    const photos = this.photosOf(photoIds);
    if (region && photos.length !== 1) throw new AppError('VALIDATION', msg('tag.regionOnePhoto'));
    if (region) checkRegion(region);
    const company = worker.companyId ? this.deps.roster.company(worker.companyId) : null;
    const elsewhere = company
      ? photos.filter((p) => p.companyId && p.companyId !== company.id && !p.workers.includes(worker.id))
      : [];
    if (elsewhere.length && !companyChoice) {
      const current = [...new Set(elsewhere.map((p) => p.company ?? p.companyId!))].join('、');
      throw new AppError(
        'CONFLICT',
        msg('tag.companyConflict', { current, worker: worker.name, next: company!.name }),
        { photoIds: elsewhere.map((p) => p.id), workerCompany: company!.name, current },
      );
    }
    const label = {
      zh: `为 ${photos.length} 张照片标注 ${worker.name}`,
      en: `Tagged ${worker.name} on ${photos.length} photo(s)`,
    };
    return this.deps.history.record(label, () => {
      const catalog = this.deps.session.require();
      for (const p of photos) {
        const patch: Partial<Photo> = {};
        if (!p.workers.includes(worker.id)) patch.workers = [...p.workers, worker.id];
        if (company && (!p.companyId || (companyChoice === 'worker' && p.companyId !== company.id)))
          Object.assign(patch, { companyId: company.id, company: company.name });
        if (region)
          patch.faceRegions = [
            ...p.faceRegions.filter((r) => r.workerId !== worker.id),
            { workerId: worker.id, ...region },
          ];
        if (Object.keys(patch).length) catalog.updatePhotos([p.id], patch);
      }
      return photos;
    });
  }

  untag(photoIds: string[], workerId: string): Photo[] {
    const worker = this.deps.roster.worker(workerId);
    const photos = this.photosOf(photoIds);
    const label = {
      zh: `从 ${photos.length} 张照片移除 ${worker.name}`,
      en: `Removed ${worker.name} from ${photos.length} photo(s)`,
    };
    return this.deps.history.record(label, () => {
      const catalog = this.deps.session.require();
      for (const p of photos.filter((x) => x.workers.includes(workerId)))
        catalog.updatePhotos([p.id], {
          workers: p.workers.filter((w) => w !== workerId),
          faceRegions: p.faceRegions.filter((r) => r.workerId !== workerId),
        });
      return photos;
    });
  }

  /** Draws (or clears, with null) a tagged worker's face on one photo. */
  setRegion(photoId: string, workerId: string, region: Region | null): Photo {
    const [photo] = this.photosOf([photoId]);
    const worker = this.deps.roster.worker(workerId);
    if (!photo!.workers.includes(workerId))
      throw new AppError('VALIDATION', msg('tag.notTagged', { name: worker.name }));
    if (region) checkRegion(region);
    const label = region
      ? { zh: `框选 ${worker.name} 的面部`, en: `Marked ${worker.name}'s face` }
      : { zh: `清除 ${worker.name} 的面部框`, en: `Cleared ${worker.name}'s face` };
    return this.deps.history.record(label, () => {
      const others = photo!.faceRegions.filter((r) => r.workerId !== workerId);
      this.deps.session
        .require()
        .updatePhotos([photoId], { faceRegions: region ? [...others, { workerId, ...region }] : others });
      return photo!;
    });
  }

  /** One undoable batch edit over a selection. */
  update(photoIds: string[], patch: PhotoPatch): Photo[] {
    const photos = this.photosOf(photoIds);
    const set: Partial<Photo> = {};
    if (patch.companyId !== undefined) {
      const company = patch.companyId ? this.deps.roster.company(patch.companyId) : null;
      Object.assign(set, { companyId: company?.id ?? null, company: company?.name ?? null });
    }
    if (patch.photographer !== undefined)
      set.photographer = patch.photographer ? this.deps.roster.ensurePhotographer(patch.photographer).name : null;
    for (const k of ['shootDay', 'title', 'caption'] as const)
      if (patch[k] !== undefined) set[k] = patch[k]?.trim() || null;
    const fields = Object.keys(set).length;
    if (!fields) throw new AppError('VALIDATION', msg('tag.nothingToChange'));
    const what = describePatch(set);
    const label = { zh: `为 ${photos.length} 张照片设置${what.zh}`, en: `Set ${what.en} on ${photos.length} photo(s)` };
    return this.deps.history.record(label, () => this.deps.session.require().updatePhotos(photoIds, set));
  }

  usage(photoId: string): PhotoUsage {
    const [photo] = this.photosOf([photoId]);
    return photoUsage(photo!.workers.map((id) => this.deps.roster.worker(id)));
  }
}

function checkRegion(r: Region) {
  const ok =
    [r.x, r.y, r.w, r.h].every((v) => Number.isFinite(v)) &&
    r.x >= 0 &&
    r.y >= 0 &&
    r.w > 0 &&
    r.h > 0 &&
    r.x + r.w <= 1.000001 &&
    r.y + r.h <= 1.000001;
  if (!ok) throw new AppError('VALIDATION', msg('tag.badRegion', { values: [r.x, r.y, r.w, r.h].join(',') }));
}

/** The history label's "what": 企业（科润智控）、拍摄日（2025-05-12） / company (科润智控), shoot day (…). */
function describePatch(set: Partial<Photo>) {
  const parts: [string, string][] = [];
  const value = (v: unknown, none: string) => (v === null || v === undefined ? none : String(v));
  if ('companyId' in set)
    parts.push([`企业（${value(set.company, '无')}）`, `company (${value(set.company, 'none')})`]);
  if ('photographer' in set)
    parts.push([`摄影师（${value(set.photographer, '无')}）`, `photographer (${value(set.photographer, 'none')})`]);
  if ('shootDay' in set)
    parts.push([`拍摄日（${value(set.shootDay, '无')}）`, `shoot day (${value(set.shootDay, 'none')})`]);
  if ('title' in set) parts.push(['标题', 'title']);
  if ('caption' in set) parts.push(['说明', 'caption']);
  return { zh: parts.map((p) => p[0]).join('、'), en: parts.map((p) => p[1]).join(', ') };
}
