import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/messages';
import {
  FaceIndex,
  SAME_FACE_OVERLAP,
  groupFaces,
  isSure,
  overlap,
  type KnownFace,
  type UnknownFace,
} from '../../../shared/logic/face-match';
import type {
  Face,
  FaceState,
  FaceSuggestion,
  FaceView,
  PeopleOverview,
  WorkerFaces,
} from '../../../shared/model/face';
import type { Photo } from '../../../shared/model/photo';
import type { Worker } from '../../../shared/model/roster';
import type { CatalogRepository } from '../repositories/catalog.repository';
import type { HistoryService } from './history.service';
import type { ProjectSession } from './project-session';
import type { RosterService } from './roster.service';

/** A face with who it is as far as anyone said: confirmed on the face, or a region drawn or imported for it. */
interface Linked {
  face: Face;
  workerId: string | null;
}

/**
 * Faces and who they are: suggestions (nearest confirmed faces), look-alike groups, and naming. Confirmed faces
 * are the photo's tags and face regions, so XMP and prints carry them as before. The faces come from the face job.
 */
export class FaceService {
  private memo: {
    catalog: CatalogRepository;
    revision: number;
    linked: Linked[];
    index: FaceIndex;
    suggestions: Map<string, FaceSuggestion | null>;
  } | null = null;
  private readonly decoded = new Map<string, { from: string; d: Float32Array }>();

  constructor(private readonly deps: { session: ProjectSession; history: HistoryService; roster: RosterService }) {}

  private get catalog(): CatalogRepository {
    return this.deps.session.require();
  }

  // --- who each face may be ----------------------------------------------------------------------

  private descriptorOf(f: Face): Float32Array | null {
    if (!f.descriptor) return null;
    const hit = this.decoded.get(f.id);
    if (hit?.from === f.descriptor) return hit.d;
    const buf = Buffer.from(f.descriptor, 'base64');
    const d = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    this.decoded.set(f.id, { from: f.descriptor, d });
    return d;
  }

  /** Each face with who it is: its own confirmation, else a region of the photo over it (drawn after the scan). */
  private linked(): Linked[] {
    const catalog = this.catalog;
    const byPhoto = new Map<string, Face[]>();
    for (const f of catalog.all('faces')) {
      const faces = byPhoto.get(f.photoId);
      if (faces) faces.push(f);
      else byPhoto.set(f.photoId, [f]);
    }
    const out: Linked[] = [];
    for (const [photoId, faces] of byPhoto) {
      const regions = catalog.photo(photoId)?.faceRegions ?? [];
      for (const face of faces) {
        let workerId = face.workerId;
        if (!workerId && face.state === 'face') {
          const r = regions.find(
            (x) => overlap(face.box, x) >= SAME_FACE_OVERLAP && !faces.some((o) => o.workerId === x.workerId),
          );
          workerId = r?.workerId ?? null;
        }
        out.push({ face, workerId });
      }
    }
    return out;
  }

  /** Who must never be suggested: those switched off, and those who declined unless switched on by hand. */
  private excluded(): Set<string> {
    const off = (w: Worker) => w.faceSuggestions === false || (w.consent === 'declined' && w.faceSuggestions !== true);
    return new Set(
      this.catalog
        .all('workers')
        .filter(off)
        .map((w) => w.id),
    );
  }

  private index(linked: Linked[]): FaceIndex {
    const known: KnownFace[] = [];
    for (const l of linked) {
      const d = l.workerId && l.face.state === 'face' ? this.descriptorOf(l.face) : null;
      if (l.workerId && d) known.push({ workerId: l.workerId, photoId: l.face.photoId, d });
    }
    const index = new FaceIndex(known, this.excluded());
    for (const l of linked) if (l.workerId) index.take(l.face.photoId, l.workerId);
    for (const p of this.catalog.photos()) for (const r of p.faceRegions) index.take(p.id, r.workerId);
    return index;
  }

  private unknownOf(l: Linked): UnknownFace | null {
    if (l.workerId || l.face.state !== 'face') return null;
    const d = this.descriptorOf(l.face);
    return d ? { faceId: l.face.id, photoId: l.face.photoId, d, rejected: l.face.rejected } : null;
  }

  /**
   * Who each face is and the index of confirmed faces, for the catalog as it is now; suggestions are worked out
   * face by face as asked and kept until the next edit (the loupe asks for one photo's, the People view for all).
   */
  private now() {
    const catalog = this.catalog;
    if (this.memo?.catalog !== catalog || this.memo.revision !== catalog.revision) {
      const linked = this.linked();
      this.memo = { catalog, revision: catalog.revision, linked, index: this.index(linked), suggestions: new Map() };
    }
    return this.memo;
  }

  private suggestionOf(l: Linked): FaceSuggestion | null {
    const memo = this.now();
    let s = memo.suggestions.get(l.face.id);
    if (s === undefined) {
      const u = this.unknownOf(l);
      s = u ? memo.index.suggest(u) : null;
      memo.suggestions.set(l.face.id, s);
    }
    return s;
  }

  private view(l: Linked, withSuggestion = true): FaceView {
    const f = l.face;
    return {
      faceId: f.id,
      photoId: f.photoId,
      box: f.box,
      score: f.score,
      workerId: l.workerId,
      suggestion: withSuggestion ? this.suggestionOf(l) : null,
      state: f.state,
      source: f.source,
      hasCrop: !!f.crop,
    };
  }

  /** Faces (people only, or every state with `all`), with who they are or may be. */
  list(opts: { photoId?: string; workerId?: string; all?: boolean } = {}): FaceView[] {
    return this.now()
      .linked.filter(
        (l) =>
          (opts.all || l.face.state === 'face') &&
          (!opts.photoId || l.face.photoId === opts.photoId) &&
          (!opts.workerId || l.workerId === opts.workerId),
      )
      .map((l) => this.view(l))
      .sort((a, b) => a.photoId.localeCompare(b.photoId) || a.box.x - b.box.x);
  }

  /** The People view: unnamed faces in look-alike groups, and every worker with faces or suggestions. */
  people(): PeopleOverview {
    const views = this.now().linked.map((l) => ({ l, v: this.view(l) }));
    const unnamed = views.filter(({ v }) => v.state === 'face' && !v.workerId && !v.suggestion);
    const groups = groupFaces(
      unnamed.flatMap(({ l, v }) => {
        const d = this.descriptorOf(l.face);
        return d ? [{ faceId: v.faceId, photoId: v.photoId, d, score: v.score, v }] : [];
      }),
    );
    const byWorker = new Map<string, { confirmed: number; suggested: number; faceId: string | null; best: number }>();
    for (const { v } of views) {
      if (v.state !== 'face') continue;
      const key = v.workerId ?? v.suggestion?.workerId;
      if (!key) continue;
      const e = byWorker.get(key) ?? { confirmed: 0, suggested: 0, faceId: null, best: -1 };
      if (v.workerId) {
        e.confirmed++;
        // Their surest face with a crop stands for them in the list.
        if (v.hasCrop && v.score > e.best) Object.assign(e, { faceId: v.faceId, best: v.score });
      } else e.suggested++;
      byWorker.set(key, e);
    }
    const excluded = this.excluded();
    const photos = this.catalog.photos();
    return {
      groups: groups.map((g) => ({ id: g[0]!.faceId, faces: g.map((x) => x.v) })),
      workers: [...byWorker]
        .map(([workerId, e]) => ({
          workerId,
          confirmed: e.confirmed,
          suggested: e.suggested,
          faceId: e.faceId,
          suggestions: !excluded.has(workerId),
        }))
        .sort((a, b) => b.suggested - a.suggested || b.confirmed - a.confirmed),
      counts: {
        photos: photos.length,
        scanned: photos.filter((p) => p.faceScan && !p.faceScan.error).length,
        faces: views.filter(({ v }) => v.state === 'face').length,
        named: views.filter(({ v }) => v.state === 'face' && v.workerId).length,
        unnamed: unnamed.length,
        ignored: views.filter(({ v }) => v.state === 'ignored').length,
      },
    };
  }

  /**
   * One worker's faces and the faces that may be them, surest first (suggested as them before anyone else): the
   * sure ones ("confirm all" takes them) apart from the doubtful ones, confirmed one at a time (SURE_SUGGESTION).
   */
  forWorker(workerIdOrName: string): WorkerFaces {
    const worker = this.deps.roster.resolveWorker(workerIdOrName);
    const { linked, index } = this.now();
    const unknown = linked.flatMap((l) => this.unknownOf(l) ?? []);
    const ranked = index.rankFor(worker.id, unknown);
    const byId = new Map(linked.map((l) => [l.face.id, l]));
    const mine = ranked.map((r) => this.view(byId.get(r.faceId)!)).filter((v) => v.suggestion?.workerId === worker.id);
    const confirmed = linked
      .filter((l) => l.workerId === worker.id && l.face.state === 'face')
      .map((l) => this.view(l, false));
    return {
      workerId: worker.id,
      confirmed,
      suggestions: mine.filter((v) => isSure(v.suggestion!)),
      doubtful: mine.filter((v) => !isSure(v.suggestion!)),
    };
  }

  // --- naming ------------------------------------------------------------------------------------

  private faces(ids: string[]): Face[] {
    const missing = ids.filter((id) => !this.catalog.get('faces', id));
    if (missing.length)
      throw new AppError('NOT_FOUND', msg('faces.notFound', { id: missing.slice(0, 5).join(', ') }), { ids: missing });
    return ids.map((id) => this.catalog.get('faces', id)!);
  }

  /**
   * Says who faces are: each becomes the photo's tag and face region (so XMP carries it), in one undoable step.
   * Two faces of one photo can never be the same person: refused, naming the photo.
   */
  assign(faceIds: string[], workerIdOrName: string): FaceView[] {
    const worker = this.deps.roster.resolveWorker(workerIdOrName);
    const faces = this.faces(faceIds);
    const catalog = this.catalog;
    const seen = new Set<string>();
    for (const f of faces) {
      const photo = catalog.photo(f.photoId)!;
      const elsewhere = catalog
        .all('faces')
        .some((o) => o.photoId === f.photoId && o.id !== f.id && o.workerId === worker.id && !faceIds.includes(o.id));
      if (elsewhere || seen.has(f.photoId))
        throw new AppError('CONFLICT', msg('faces.takenInPhoto', { name: worker.name, photo: photo.originalName }), {
          photoId: photo.id,
        });
      seen.add(f.photoId);
    }
    const company = worker.companyId ? catalog.get('companies', worker.companyId) : undefined;
    const label = {
      zh: `确认 ${faces.length} 张人脸为 ${worker.name}`,
      en: `Named ${faces.length} face(s) ${worker.name}`,
    };
    this.deps.history.record(label, () => {
      for (const f of faces) {
        const photo = catalog.photo(f.photoId)!;
        catalog.put('faces', {
          ...f,
          workerId: worker.id,
          state: 'face',
          rejected: f.rejected.filter((w) => w !== worker.id),
        });
        // A face named again: the one it was said to be loses this face's tag and region.
        if (f.workerId && f.workerId !== worker.id) this.untag(photo.id, f.workerId);
        const workers = photo.workers.includes(worker.id) ? photo.workers : [...photo.workers, worker.id];
        const faceRegions = [
          ...photo.faceRegions.filter((r) => r.workerId !== worker.id),
          { workerId: worker.id, ...f.box },
        ];
        const patch: Partial<Photo> = { workers, faceRegions };
        if (company && !photo.companyId) Object.assign(patch, { companyId: company.id, company: company.name });
        catalog.updatePhotos([photo.id], patch);
      }
    });
    return this.viewsOf(faceIds);
  }

  /** These faces as the window sees them (only their own suggestions are worked out), in the order `list` gives. */
  private viewsOf(faceIds: string[]): FaceView[] {
    const byId = new Map(this.now().linked.map((l) => [l.face.id, l]));
    return faceIds
      .flatMap((id) => byId.get(id) ?? [])
      .map((l) => this.view(l))
      .sort((a, b) => a.photoId.localeCompare(b.photoId) || a.box.x - b.box.x);
  }

  /** Within an edit: the photo loses a worker's tag and face region (their face there was unnamed or set aside). */
  private untag(photoId: string, workerId: string) {
    const photo = this.catalog.photo(photoId)!;
    this.catalog.updatePhotos([photoId], {
      workers: photo.workers.filter((w) => w !== workerId),
      faceRegions: photo.faceRegions.filter((r) => r.workerId !== workerId),
    });
  }

  /**
   * "Not them": the face's suggestion (or the worker given) is never offered for it again. A face confirmed as that
   * worker is unnamed as well: the photo loses their tag and region.
   */
  reject(faceIds: string[], workerId?: string): FaceView[] {
    const faces = this.faces(faceIds);
    const catalog = this.catalog;
    const current = new Map(this.viewsOf(faceIds).map((v) => [v.faceId, v]));
    const who = faces.map((f) => workerId ?? current.get(f.id)?.suggestion?.workerId ?? f.workerId ?? null);
    const none = faces.find((_, i) => !who[i]);
    if (none) throw new AppError('VALIDATION', msg('faces.noSuggestion', { id: none.id }));
    const label = { zh: `拒绝 ${faces.length} 个建议`, en: `Rejected ${faces.length} suggestion(s)` };
    this.deps.history.record(label, () =>
      faces.forEach((f, i) => {
        const named = f.workerId === who[i] || current.get(f.id)?.workerId === who[i];
        if (named) this.untag(f.photoId, who[i]!);
        catalog.put('faces', {
          ...f,
          workerId: named ? null : f.workerId,
          rejected: [...new Set([...f.rejected, who[i]!])],
        });
      }),
    );
    return this.viewsOf(faceIds);
  }

  /** Not a face, a passer-by to leave unnamed, or (back to) a face; a named face set aside loses its tag. */
  setState(faceIds: string[], state: FaceState): FaceView[] {
    const faces = this.faces(faceIds);
    const catalog = this.catalog;
    const label =
      state === 'not-face'
        ? { zh: `${faces.length} 处标为“不是人脸”`, en: `Marked ${faces.length} as not a face` }
        : state === 'ignored'
          ? { zh: `忽略 ${faces.length} 张人脸`, en: `Ignored ${faces.length} face(s)` }
          : { zh: `恢复 ${faces.length} 张人脸`, en: `Restored ${faces.length} face(s)` };
    this.deps.history.record(label, () => {
      for (const f of faces) {
        if (state !== 'face' && f.workerId) this.untag(f.photoId, f.workerId);
        catalog.put('faces', { ...f, state, workerId: state === 'face' ? f.workerId : null });
      }
    });
    return this.viewsOf(faceIds);
  }

  /** Whether a worker may be suggested at all (off for someone who declined to be in the campaign). */
  setSuggestions(workerId: string, on: boolean): Worker {
    const worker = this.deps.roster.resolveWorker(workerId);
    const label = on
      ? { zh: `允许为 ${worker.name} 建议人脸`, en: `Suggest faces for ${worker.name}` }
      : { zh: `不再为 ${worker.name} 建议人脸`, en: `Never suggest ${worker.name}` };
    this.deps.history.record(label, () => this.catalog.put('workers', { ...worker, faceSuggestions: on }));
    return this.catalog.get('workers', worker.id)!;
  }

  /** The crop of a face, for the media route. */
  cropFile(faceId: string): string | undefined {
    const catalog = this.deps.session.current;
    const face = catalog?.get('faces', faceId);
    return face?.crop ? path.join(catalog!.dir, face.crop) : undefined;
  }

  /** Where the gift and print crops centre when no face was drawn: the detected faces of the photo. */
  focusOf(photoId: string, workerId: string | null): { x: number; y: number } | null {
    const faces = this.now().linked.filter((l) => l.face.photoId === photoId && l.face.state === 'face');
    const pick =
      (workerId && faces.find((l) => l.workerId === workerId)) ||
      faces.sort((a, b) => b.face.box.w * b.face.box.h - a.face.box.w * a.face.box.h)[0];
    return pick ? { x: pick.face.box.x + pick.face.box.w / 2, y: pick.face.box.y + pick.face.box.h / 2 } : null;
  }
}
