import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/messages';
import { SAME_FACE_OVERLAP, overlap } from '../../../shared/logic/face-match';
import { displayPath } from '../../../shared/logic/file-path';
import type { Box, Face, FaceDetectResult } from '../../../shared/model/face';
import type { Photo } from '../../../shared/model/photo';
import type { EventBus } from '../events';
import type { CatalogRepository } from '../repositories/catalog.repository';
import type { DetectedFace, Detection, FaceDetectorRepository } from '../repositories/face-detector';
import type { StorageRepository } from '../repositories/storage.repository';
import type { JobControl, JobService } from './jobs.service';
import type { ProjectSession } from './project-session';

/** Photos in flight at once: enough to keep every helper busy while results are stored. */
const IN_FLIGHT = 4;

export interface DetectOptions {
  /** only these photos (default: every photo not yet scanned) */
  photoIds?: string[];
  /** scan again photos scanned before (faces people named or dismissed are kept) */
  again?: boolean;
  /**
   * Look closer for small faces (a group, someone across the workshop) in tiles of the preview, ~5× slower: true
   * on every photo, false on none; by default on photos whose whole view showed no face or a small one.
   */
  thorough?: boolean;
}

/**
 * The face job: every face in the photos found in the background, from the preview, in helper processes, and
 * stored unassigned (box, score, what it looks like, a crop); regions drawn or imported become confirmed faces.
 * One job at a time; it steps aside while an import runs.
 */
export class FaceJobService {
  /** Start the face job after each import: the window does; the command line runs `faces detect` itself. */
  afterImport = false;

  constructor(
    private readonly deps: {
      session: ProjectSession;
      events: EventBus;
      storage: StorageRepository;
      detector: FaceDetectorRepository;
      jobs: JobService;
    },
  ) {
    // One at a time per process: starting while it runs answers the running one.
    deps.jobs.define<DetectOptions, FaceDetectResult>('faces', {
      prepare: (opts) => {
        this.catalog.assertWritable();
        return (control) => this.detect(opts, control);
      },
      single: true,
      cancelledIn: (r) => r.cancelled,
    });
    // The window finds faces after every import of its own.
    deps.events.subscribe((name, payload) => {
      const ended = payload as { kind?: string; state?: string };
      if (
        name === 'job.finished' &&
        ended.kind === 'import' &&
        ended.state !== 'failed' &&
        this.afterImport &&
        this.deps.session.current &&
        !this.deps.session.current.readOnly
      )
        void this.start().catch(() => undefined);
    });
  }

  private get catalog(): CatalogRepository {
    return this.deps.session.require();
  }

  /** Starts the face job (or says which one already runs: one at a time per process). */
  start(opts: DetectOptions = {}): Promise<{ jobId: string }> {
    return this.deps.jobs.start('faces', opts);
  }

  /** Runs the face job to the end (the command line and the tests wait for it). */
  async run(opts: DetectOptions = {}): Promise<FaceDetectResult> {
    return this.deps.jobs.done(await this.start(opts).then((j) => j.jobId));
  }

  /** The face job running now, if any: the window shows its progress after an import started it. */
  current() {
    return this.deps.jobs.running('faces');
  }

  private async detect(opts: DetectOptions, control: JobControl): Promise<FaceDetectResult> {
    const catalog = this.catalog;
    const started = performance.now();
    const wanted = opts.photoIds ? new Set(opts.photoIds) : null;
    if (opts.photoIds) {
      const unknown = opts.photoIds.filter((id) => !catalog.photo(id));
      if (unknown.length)
        throw new AppError('NOT_FOUND', msg('photo.notFoundMany', { ids: unknown.slice(0, 5).join(', ') }), {
          ids: unknown,
        });
    }
    const todo = catalog
      .photos()
      .filter((p) => (wanted ? wanted.has(p.id) : true) && (opts.again || !p.faceScan || p.faceScan.error));
    const seen = new Set(todo.map((p) => p.id));
    const result: FaceDetectResult = { photos: 0, faces: 0, seconds: 0, tooSmall: 0, failed: [], cancelled: false };
    control.setTotal(todo.length);
    /** The next photo; photos imported while the job ran join it (unless it was given its photos). */
    const take = (): Photo | undefined => {
      if (!todo.length && !wanted) {
        const more = catalog.photos().filter((p) => !seen.has(p.id) && !p.faceScan);
        for (const p of more) seen.add(p.id);
        todo.push(...more);
        if (more.length) control.setTotal(seen.size);
      }
      return todo.shift();
    };
    try {
      /** The next photo, once no import runs: an import has the cores to itself, its speed must not change. */
      const next = async (): Promise<Photo | undefined> => {
        while (this.deps.jobs.running('import') && !control.cancelled) await new Promise((r) => setTimeout(r, 250));
        // A project closed meanwhile ends the job quietly: its results would have nowhere to go.
        return control.cancelled || this.deps.session.current !== catalog ? undefined : take();
      };
      await control.pool(
        next,
        async (photo) => {
          control.working(photo.originalName);
          const source = await this.sourceOf(catalog, photo);
          const detection: Detection = source
            ? await this.deps.detector.detect(source, path.join(catalog.dir, 'cache', 'faces', `${photo.id}-`), {
                thorough: opts.thorough,
              })
            : { ok: false, code: 'MISSING', reason: '' };
          // A region drawn or imported where the detector saw no face is measured all the same: it then teaches.
          const unseen = detection.ok
            ? [...photo.faceRegions, ...(photo.namedRegions ?? [])].filter(
                (r) => !detection.faces.some((f) => overlap(f.box, r) >= SAME_FACE_OVERLAP),
              )
            : [];
          const regions =
            unseen.length && source
              ? await this.deps.detector.describe(
                  source,
                  unseen,
                  path.join(catalog.dir, 'cache', 'faces', `${photo.id}-r`),
                )
              : [];
          // The project may have been closed meanwhile: its results are dropped, not written elsewhere.
          if (this.deps.session.current !== catalog || !catalog.photo(photo.id)) return;
          this.store(photo, detection, result, regions, source);
          control.step();
        },
        IN_FLIGHT,
      );
    } finally {
      await this.deps.detector.close();
    }
    result.cancelled = control.cancelled || this.deps.session.current !== catalog;
    result.seconds = Math.round((performance.now() - started) / 10) / 100;
    this.deps.events.emit('catalog.changed', { history: false });
    return result;
  }

  /** The preview (2048 px, upright) when it is there; the original otherwise (a photo not rendered yet). */
  private async sourceOf(catalog: CatalogRepository, photo: Photo): Promise<string | null> {
    const dir = catalog.dir;
    for (const rel of [photo.preview, photo.renderSource])
      if (rel && (await this.deps.storage.exists(path.join(dir, rel)))) return path.join(dir, rel);
    return (await this.deps.storage.exists(photo.path)) ? photo.path : null;
  }

  /** Keeps what the detector found: faces people already named or dismissed stay; the regions link up. */
  private store(photo: Photo, d: Detection, result: FaceDetectResult, regions: DetectedFace[], source: string | null) {
    const catalog = this.catalog;
    const at = new Date().toISOString();
    if (!d.ok) {
      // A preview cut short (a disk that filled, a sync that stopped) is named, not searched for half its faces.
      const message =
        d.code === 'MISSING'
          ? msg('faces.photoMissing', { name: photo.originalName, path: photo.path })
          : d.code === 'DAMAGED'
            ? msg('faces.damaged', {
                name: photo.originalName,
                path: displayPath(source ?? photo.path),
                reason: d.damage,
              })
            : msg('faces.undecodable', { name: photo.originalName, reason: d.reason });
      result.failed.push({ photoId: photo.id, name: photo.originalName, message });
      catalog.updatePhotos([photo.id], {
        faceScan: { at, model: this.deps.detector.model, faces: 0, tooSmall: 0, error: message },
      });
      return;
    }
    // The photo's faces, read once: what people named or dismissed stays, the rest gives way to this scan's.
    const faces: Face[] = [];
    for (const f of catalog.all('faces').filter((x) => x.photoId === photo.id)) {
      if (f.workerId || f.state !== 'face' || f.rejected.length || f.source === 'region') faces.push(f);
      else catalog.remove('faces', f.id);
    }
    const kept = faces.length;
    for (const found of d.faces) {
      if (faces.slice(0, kept).some((k) => overlap(k.box, found.box) >= SAME_FACE_OVERLAP)) continue;
      faces.push(
        this.put(photo, found.box, {
          score: found.score,
          descriptor: found.descriptor,
          crop: found.crop,
          source: 'detected',
          workerId: null,
        }),
      );
    }
    const added = faces.length - kept;
    this.linkRegions(photo, faces, regions);
    result.photos++;
    result.faces += added;
    result.tooSmall += d.tooSmall;
    catalog.updatePhotos([photo.id], {
      faceScan: { at, model: this.deps.detector.model, faces: d.faces.length, tooSmall: d.tooSmall, error: null },
    });
  }

  /**
   * A region that came with the photo (a sidecar's MWG region) or was drawn is a confirmed face: the detected face
   * under it takes its worker; a region no face was found under becomes a face of its own.
   */
  private linkRegions(photo: Photo, faces: Face[], measured: DetectedFace[]) {
    /** A face where a region says one is: measured when the helper could, with its crop. */
    const regionFace = (r: Box, workerId: string | null) => {
      const m = measured.find((x) => overlap(x.box, r) >= 0.5);
      faces.push(
        this.put(
          photo,
          { x: r.x, y: r.y, w: r.w, h: r.h },
          { score: 1, descriptor: m?.descriptor ?? null, crop: m?.crop ?? null, source: 'region', workerId },
        ),
      );
    };
    for (const r of photo.faceRegions) {
      if (faces.some((f) => f.workerId === r.workerId)) continue;
      const under = faces
        .filter((f) => !f.workerId && f.state === 'face')
        .sort((a, b) => overlap(b.box, r) - overlap(a.box, r))[0];
      if (under && overlap(under.box, r) >= SAME_FACE_OVERLAP)
        this.catalog.put('faces', { ...under, workerId: r.workerId });
      else regionFace(r, r.workerId);
    }
    // A face the file names (not a roster worker yet) where the detector saw none: an unnamed face all the same.
    for (const r of photo.namedRegions ?? [])
      if (!faces.some((f) => overlap(f.box, r) >= SAME_FACE_OVERLAP)) regionFace(r, null);
  }

  /** A new face of the photo in the catalog; its crop kept project-relative. */
  private put(photo: Photo, box: Box, f: Pick<Face, 'score' | 'descriptor' | 'crop' | 'source' | 'workerId'>): Face {
    const face: Face = {
      id: newFaceId(),
      photoId: photo.id,
      box,
      ...f,
      crop: f.crop && path.relative(this.catalog.dir, f.crop),
      rejected: [],
      state: 'face',
    };
    this.catalog.put('faces', face);
    return face;
  }
}

/** Hex, as media ids are. */
const newFaceId = () => randomBytes(8).toString('hex');
