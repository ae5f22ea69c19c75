import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { AppError, isAppError } from '../../../shared/errors';
import type { ImportDefaults } from '../../../shared/api/contract';
import type { RequestOf } from '../../../shared/api/schemas';
import { copyFileName } from '../../../shared/logic/copy-name';
import { normalizeMetadata, type MetadataFace } from '../../../shared/logic/exif-normalize';
import { regionToDisplayed } from '../../../shared/logic/region-orientation';
import { planImport, type FoundFile, type ImportCandidate } from '../../../shared/logic/import-plan';
import { describeContent, sniffFormat } from '../../../shared/logic/photo-format';
import type { ImportFailure, ImportJob, ImportProgress, ImportSummary } from '../../../shared/model/import-job';
import type { Photo } from '../../../shared/model/photo';
import type { Company } from '../../../shared/model/roster';
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import type { CatalogRepository } from '../repositories/catalog.repository';
import type { ImageRepository } from '../repositories/image.repository';
import type { MetadataRepository } from '../repositories/metadata.repository';
import type { StorageRepository } from '../repositories/storage.repository';
import type { ProjectSession } from './project-session';
import type { RosterService } from './roster.service';

export type ImportRequest = RequestOf<'import.start'>;

interface ImportDeps {
  session: ProjectSession;
  storage: StorageRepository;
  metadata: MetadataRepository;
  image: ImageRepository;
  events: EventBus;
  roster: RosterService;
  logger: Logger;
  /** parallel files; defaults to the core count */
  concurrency?: number;
}

interface RunningJob {
  job: ImportJob;
  cancelled: boolean;
  done: Promise<ImportSummary>;
}

type Outcome = { kind: 'imported'; id: string } | { kind: 'duplicate'; id: string } | { kind: 'failed'; failure: ImportFailure };

const PROGRESS_EVERY_MS = 100;

/** Brings a shoot into the catalog: hash, read metadata, make thumbnail and preview, never touch the original. */
export class ImportService {
  private readonly jobs = new Map<string, RunningJob>();
  private readonly concurrency: number;

  constructor(private readonly deps: ImportDeps) {
    this.concurrency = Math.max(1, deps.concurrency ?? os.availableParallelism());
  }

  /** Starts an import in the background and returns at once; progress arrives as events. */
  start(req: ImportRequest): { jobId: string } {
    this.deps.session.require();
    const id = randomUUID().slice(0, 8);
    const running: RunningJob = {
      job: { id, state: 'running', progress: emptyProgress(id), summary: null },
      cancelled: false,
      done: Promise.resolve(null as never),
    };
    this.jobs.set(id, running);
    running.done = this.execute(running, req);
    running.done.catch((err) => this.deps.logger.error(`import ${id} failed`, err));
    return { jobId: id };
  }

  /** Runs an import to the end (the CLI and tests wait for it). */
  async run(req: ImportRequest, onProgress?: (p: ImportProgress) => void): Promise<ImportSummary> {
    const { jobId } = this.start(req);
    const unsubscribe = onProgress
      ? this.deps.events.subscribe((name, payload) => {
          if (name === 'import.progress' && (payload as ImportProgress).jobId === jobId) onProgress(payload as ImportProgress);
        })
      : () => undefined;
    try {
      return await this.jobs.get(jobId)!.done;
    } finally {
      unsubscribe();
    }
  }

  status(jobId: string): ImportJob {
    const running = this.jobs.get(jobId);
    if (!running) throw new AppError('NOT_FOUND', `No import job ${jobId}`);
    return running.job;
  }

  cancel(jobId: string): ImportJob {
    const running = this.jobs.get(jobId);
    if (!running) throw new AppError('NOT_FOUND', `No import job ${jobId}`);
    running.cancelled = true;
    return running.job;
  }

  /** Suggested batch values for the import dialog: the photographer from EXIF Artist, the first shoot day. */
  async defaults(paths: string[]): Promise<ImportDefaults> {
    const { found } = await this.walk(paths);
    const plan = planImport(found);
    const sample = plan.candidates.slice(0, 8);
    let photographer: string | null = null;
    let shootDay: string | null = null;
    for (const c of sample) {
      try {
        const bytes = await this.deps.storage.readFile(c.path);
        const format = sniffFormat(bytes);
        if (!format) continue;
        const { raw } = await this.deps.metadata.read(bytes, format, null);
        const { metadata } = normalizeMetadata(raw);
        photographer ??= metadata.artist;
        const day = metadata.capturedAt?.slice(0, 10) ?? null;
        if (day && (!shootDay || day < shootDay)) shootDay = day;
      } catch {
        /* a bad sample file just gives no hint */
      }
    }
    return { photographer, shootDay, sampled: sample.length };
  }

  private async execute(running: RunningJob, req: ImportRequest): Promise<ImportSummary> {
    const catalog = this.deps.session.require();
    const summary: ImportSummary = { imported: 0, duplicates: [], failed: [], cancelled: false };
    const started = Date.now();
    const progress = running.job.progress;
    let lastEmit = 0;
    let decided = 0; // files reported as failed before any work: they would make the rate look absurd
    const emitProgress = (force = false) => {
      const now = Date.now();
      if (!force && now - lastEmit < PROGRESS_EVERY_MS) return;
      lastEmit = now;
      const elapsed = (now - started) / 1000;
      progress.rate = elapsed > 0.05 ? (progress.done - decided) / elapsed : 0;
      progress.etaSeconds = progress.rate > 0 ? (progress.total - progress.done) / progress.rate : null;
      progress.imported = summary.imported;
      progress.duplicates = summary.duplicates.length;
      progress.failed = summary.failed.length;
      this.deps.events.emit('import.progress', { ...progress });
    };
    try {
      const { found, missing } = await this.walk(req.paths);
      const plan = planImport(found);
      summary.failed.push(...missing);
      // A photo without a photo's name (no extension, a renamed copy) is still a photo: the bytes decide.
      for (const f of plan.failures.filter((x) => x.reason === 'not-a-photo'))
        if (sniffFormat(await this.deps.storage.head(f.path))) plan.candidates.push({ path: f.path, rawPath: null, sidecarPath: null });
      const failures = plan.failures.filter((f) => !plan.candidates.some((c) => c.path === f.path));
      for (const f of failures)
        summary.failed.push(
          f.reason === 'lone-raw'
            ? { path: f.path, code: 'UNSUPPORTED', message: `${path.basename(f.path)}：RAW 文件不能单独导入，请同时拍摄 JPEG 或先转换 / RAW files are not imported on their own; shoot RAW+JPEG or convert it first` }
            : { path: f.path, code: 'UNSUPPORTED', message: `${path.basename(f.path)}：不是可导入的照片格式 / not a photo format we import (JPEG, PNG, TIFF, WebP, AVIF, HEIC/HEIF)` },
        );
      progress.total = plan.candidates.length + summary.failed.length;
      progress.done = decided = summary.failed.length;
      emitProgress(true);

      // The batch company joins the roster (found by full or short name, or added) before the first photo lands.
      const company = req.company?.trim() ? this.deps.roster.ensureCompany(req.company) : null;
      const seqByDay = new Map<string, number>();
      const queue = [...plan.candidates];
      const worker = async () => {
        for (let c = queue.shift(); c; c = queue.shift()) {
          if (running.cancelled) break;
          progress.currentFile = c.path;
          const outcome = await this.importOne(catalog, c, req, company, seqByDay, running.job.id);
          if (outcome.kind === 'imported') summary.imported++;
          else if (outcome.kind === 'duplicate') summary.duplicates.push({ path: c.path, photoId: outcome.id });
          else summary.failed.push(outcome.failure);
          progress.done++;
          emitProgress();
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.concurrency, Math.max(1, queue.length)) }, worker));
      summary.cancelled = running.cancelled;
    } catch (err) {
      running.job.state = 'failed';
      throw err;
    } finally {
      progress.currentFile = null;
      await catalog.flush();
      emitProgress(true);
    }
    // The job reads as ended only once its summary is there and the catalog is saved: a poller never sees one without the other.
    running.job.summary = summary;
    running.job.state = running.cancelled ? 'cancelled' : 'finished';
    this.deps.events.emit('import.finished', { jobId: running.job.id, summary });
    return summary;
  }

  /** Expands folders recursively; a path that does not exist is a failure, not an abort. */
  private async walk(paths: string[]): Promise<{ found: FoundFile[]; missing: ImportFailure[] }> {
    const found: FoundFile[] = [];
    const missing: ImportFailure[] = [];
    const visit = async (p: string) => {
      let st;
      try {
        st = await this.deps.storage.stat(p);
      } catch (err) {
        const e = isAppError(err) ? err : new AppError('IO', String(err));
        missing.push({ path: p, code: e.code, message: e.message });
        return;
      }
      if (st.isDirectory()) {
        let entries;
        try {
          entries = await this.deps.storage.list(p);
        } catch (err) {
          const e = err as AppError;
          missing.push({ path: p, code: e.code ?? 'IO', message: e.message });
          return;
        }
        for (const e of entries) {
          if (e.name.startsWith('.')) continue; // hidden folders and files: system clutter, and our own cache
          if (e.isDir) await visit(e.path);
          else found.push({ path: e.path, dir: p, name: e.name });
        }
      } else {
        const dir = path.dirname(p);
        found.push({ path: p, dir, name: path.basename(p) });
        // A file given on its own still brings its sidecar (IMG_1.xmp, IMG_1.JPG.xmp, any case) along.
        const stem = path.parse(p).name;
        for (const name of [`${stem}.xmp`, `${stem}.XMP`, `${path.basename(p)}.xmp`, `${path.basename(p)}.XMP`])
          if (await this.deps.storage.exists(path.join(dir, name))) found.push({ path: path.join(dir, name), dir, name });
      }
    };
    for (const p of paths) await visit(path.resolve(p));
    return { found, missing };
  }

  private async importOne(
    catalog: CatalogRepository,
    c: ImportCandidate,
    req: ImportRequest,
    company: Company | null,
    seqByDay: Map<string, number>,
    jobId: string,
  ): Promise<Outcome> {
    const label = path.basename(c.path);
    try {
      const bytes = await this.deps.storage.readFile(c.path);
      if (bytes.length === 0) throw new AppError('EMPTY', `${label}：文件为空（0 字节）/ the file is empty (0 bytes)`);
      const format = sniffFormat(bytes);
      if (!format) throw new AppError('UNSUPPORTED', `${label}：不是可导入的照片格式 / not a JPEG, PNG, TIFF, WebP, AVIF or HEIF image (the content is ${describeContent(bytes)})`);
      const sha256 = this.deps.storage.sha256(bytes);
      const id = sha256.slice(0, 16);
      const existing = catalog.photo(id);
      if (existing?.rendered) return { kind: 'duplicate', id };

      const sidecar = c.sidecarPath ? await this.deps.storage.readFile(c.sidecarPath).catch(() => null) : null;
      const read = await this.deps.metadata.read(bytes, format, sidecar);
      const { metadata, faces, warnings } = normalizeMetadata(read.raw);
      const cache = cachePaths(id);
      const inProject = (rel: string) => path.join(catalog.dir, rel);
      await this.deps.storage.ensureDir(path.dirname(inProject(cache.thumbnail)));
      await this.deps.storage.ensureDir(path.dirname(inProject(cache.preview)));

      const record: Photo = existing ?? {
        ...metadata,
        id,
        path: c.path,
        originalName: label,
        originalPath: null,
        sha256,
        format,
        bytes: bytes.length,
        width: 0,
        height: 0,
        rawPath: c.rawPath,
        sidecarPath: c.sidecarPath,
        photographer: this.photographerFor(req.photographer, metadata.artist),
        company: company?.name ?? null,
        companyId: company?.id ?? null,
        workers: [],
        faceRegions: [],
        shootDay: req.shootDay ?? metadata.capturedAt?.slice(0, 10) ?? null,
        rating: metadata.rating ?? 0,
        flag: null,
        importedAt: new Date().toISOString(),
        thumbnail: null,
        preview: null,
        embeddedThumbnail: null,
        rendered: false,
        warnings: [...read.warnings, ...warnings],
      };

      // Fast pass: the camera's own thumbnail lets the grid paint before the full decode.
      if (!existing && format !== 'heif') {
        const header = await this.deps.image.header(bytes, label, metadata.orientation);
        record.width = header.width;
        record.height = header.height;
        const embedded = await this.deps.metadata.embeddedThumbnail(bytes);
        if (embedded) {
          try {
            await this.deps.storage.ensureDir(path.dirname(inProject(cache.embedded)));
            await this.deps.image.writeUpright(embedded, header.orientation, inProject(cache.embedded));
            record.embeddedThumbnail = cache.embedded;
            catalog.putPhoto(record);
            this.deps.events.emit('photos.changed', { ids: [id], jobId });
          } catch {
            /* a broken embedded thumbnail only costs the early paint */
          }
        }
      }

      let size;
      try {
        size = await this.deps.image.render(
          bytes,
          format,
          label,
          { preview: inProject(cache.preview), thumbnail: inProject(cache.thumbnail) },
          metadata.orientation,
        );
      } catch (err) {
        if (!existing) catalog.removePhoto(id);
        throw err;
      }
      if (req.copy && !record.originalPath) await this.copyIntoProject(catalog, record, seqByDay);
      if (!existing) this.tagFromMetadata(catalog, record, faces);
      Object.assign(record, {
        width: size.width,
        height: size.height,
        thumbnail: cache.thumbnail,
        preview: cache.preview,
        rendered: true,
      });
      catalog.putPhoto(record);
      this.deps.events.emit('photos.changed', { ids: [id], jobId });
      return { kind: 'imported', id };
    } catch (err) {
      const e = isAppError(err) ? err : new AppError('INTERNAL', `${label}: ${(err as Error)?.message ?? String(err)}`);
      if (!isAppError(err)) this.deps.logger.error(`importing ${c.path}`, err);
      return { kind: 'failed', failure: { path: c.path, code: e.code, message: e.message } };
    }
  }

  /** The batch photographer, else the EXIF artist; either way a roster entry exists for the credit line. */
  private photographerFor(batch: string | null | undefined, artist: string | null): string | null {
    const name = batch?.trim() || artist;
    return name ? this.deps.roster.ensurePhotographer(name).name : null;
  }

  /**
   * IPTC Person Shown / Organisation in Image (ours, written by `xmp`, or another tool's) become tags when they
   * name exactly one roster worker or company; anything ambiguous stays as text on the photo.
   */
  private tagFromMetadata(catalog: CatalogRepository, record: Photo, faces: MetadataFace[]) {
    const names = [...new Set([...record.personsShown, ...faces.map((f) => f.name)])];
    for (const name of names) {
      try {
        const w = this.deps.roster.resolveWorker(name);
        if (!record.workers.includes(w.id)) record.workers.push(w.id);
        const face = faces.find((f) => f.name === name);
        if (face && !record.faceRegions.some((r) => r.workerId === w.id))
          record.faceRegions.push({ workerId: w.id, ...regionToDisplayed(face, record.orientation) });
        if (!record.companyId && w.companyId) {
          const c = catalog.get('companies', w.companyId);
          if (c) Object.assign(record, { companyId: c.id, company: c.name });
        }
      } catch {
        /* not in the roster, or ambiguous: left as text */
      }
    }
    if (!record.companyId && record.organisations.length === 1) {
      const c = this.deps.roster.findCompany(record.organisations[0]!);
      if (c) Object.assign(record, { companyId: c.id, company: c.name });
    }
  }

  /** `--copy`: the original goes into the project as `{date}_{photographer}_{seq}`, keeping its old name on record. */
  private async copyIntoProject(catalog: CatalogRepository, record: Photo, seqByDay: Map<string, number>) {
    const day = (record.capturedAt ?? record.importedAt).slice(0, 10);
    const dir = path.join(catalog.dir, 'originals', day);
    await this.deps.storage.ensureDir(dir);
    const ext = path.extname(record.path) || `.${record.format}`;
    const seqKey = `${day}|${record.photographer ?? ''}`;
    let seq = seqByDay.get(seqKey) ?? 0;
    for (;;) {
      seq++;
      seqByDay.set(seqKey, seq); // reserved before any await: parallel workers never pick the same number
      const name = copyFileName({ capturedAt: record.capturedAt, fallbackDay: day, photographer: record.photographer, seq, ext });
      const target = path.join(dir, name);
      if (await this.deps.storage.exists(target)) continue;
      await this.deps.storage.copyNew(record.path, target);
      record.originalPath = record.path;
      record.path = target;
      return;
    }
  }
}

/** Project-relative cache files of one photo. */
export function cachePaths(id: string) {
  return {
    thumbnail: path.join('cache', 'thumbs', `${id}.jpg`),
    preview: path.join('cache', 'previews', `${id}.jpg`),
    embedded: path.join('cache', 'embedded', `${id}.jpg`),
  };
}

function emptyProgress(jobId: string): ImportProgress {
  return { jobId, done: 0, total: 0, currentFile: null, rate: 0, etaSeconds: null, imported: 0, duplicates: 0, failed: 0 };
}
