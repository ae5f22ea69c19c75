import path from 'node:path';
import { AppError, isAppError } from '../../../shared/errors';
import { msg, type Message } from '../../../shared/i18n/messages';
import type { ImportDefaults } from '../../../shared/api/contract';
import type { RequestOf } from '../../../shared/api/contract';
import { copyFileName } from '../../../shared/logic/copy-name';
import { normalizeMetadata, type MetadataFace } from '../../../shared/logic/exif-normalize';
import { regionToDisplayed } from '../../../shared/logic/region-orientation';
import type { ImportCandidate } from '../../../shared/logic/import-plan';
import { displayName, displayPath } from '../../../shared/logic/file-path';
import { formatBytes } from '../../../shared/logic/display';
import { describeContent, sniffFormat } from '../../../shared/logic/photo-format';
import type { ImportFailure, ImportJob, ImportProgress, ImportSummary } from '../../../shared/model/import-job';
import type { Photo, PhotoFormat } from '../../../shared/model/photo';
import type { Company } from '../../../shared/model/roster';
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import type { CatalogRepository } from '../repositories/catalog.repository';
import type { ImageRepository } from '../repositories/image.repository';
import type { MetadataRepository } from '../repositories/metadata.repository';
import type { RawRepository } from '../repositories/raw.repository';
import type { ReadLimits, StorageRepository } from '../repositories/storage.repository';
import type { JobProgress } from '../../../shared/model/job';
import { walkImport } from './import-walk';
import type { JobControl, JobService } from './jobs.service';
import type { ProjectSession } from './project-session';
import type { RosterService } from './roster.service';

export type ImportRequest = RequestOf<'import.start'>;

interface ImportDeps {
  session: ProjectSession;
  storage: StorageRepository;
  metadata: MetadataRepository;
  image: ImageRepository;
  raw: RawRepository;
  events: EventBus;
  roster: RosterService;
  logger: Logger;
  jobs: JobService;
}

type Outcome =
  { kind: 'imported'; id: string } | { kind: 'duplicate'; id: string } | { kind: 'failed'; failure: ImportFailure };

/** A photo file: up to 2 GiB (a 268 MP TIFF fits), read within a minute. */
const PHOTO_LIMITS: ReadLimits = { maxBytes: 2 * 1024 ** 3 - 1, timeoutMs: 60_000 };
/** A sidecar is text of a few kilobytes; Lightroom's largest are well under this. */
const SIDECAR_LIMITS: ReadLimits = { maxBytes: 4 * 1024 ** 2, timeoutMs: 10_000 };
/** A RAW's preview stands for the photo only when it is large: at least this long edge, or this share of the RAW's. */
const MIN_PREVIEW_EDGE = 1000;
const RAW_PREVIEW_SHARE = 0.5;

/** What an import decodes: the photo's own bytes, or for a lone RAW its embedded preview. */
interface PhotoSource {
  format: PhotoFormat;
  decode: Buffer;
  rawMetadata: Awaited<ReturnType<RawRepository['metadata']>> | null;
  renderSource: string | null;
  preview: { width: number; height: number } | null;
}

/** Brings a shoot into the catalog: hash, read metadata, make thumbnail and preview, never touch the original. */
export class ImportService {
  constructor(private readonly deps: ImportDeps) {
    deps.jobs.define<ImportRequest, ImportSummary>('import', {
      prepare: (req) => {
        this.deps.session.require();
        return (control) => this.execute(req, control);
      },
      cancelledIn: (summary) => summary.cancelled,
    });
  }

  /** Starts an import as a job of the one job service and returns at once; progress arrives as job events. */
  start(req: ImportRequest): Promise<{ jobId: string }> {
    return this.deps.jobs.start('import', req);
  }

  /** Runs an import to the end (the tests and the demo wait for it); `onProgress` hears its progress. */
  async run(req: ImportRequest, onProgress?: (p: JobProgress) => void): Promise<ImportSummary> {
    let jobId: string | null = null;
    const unsubscribe = onProgress
      ? this.deps.events.subscribe((name, payload) => {
          if (name === 'job.progress' && (payload as JobProgress).jobId === jobId) onProgress(payload as JobProgress);
        })
      : () => undefined;
    try {
      jobId = (await this.start(req)).jobId;
      return await this.deps.jobs.done<ImportSummary>(jobId);
    } finally {
      unsubscribe();
    }
  }

  /** The job as `import.status` said it before `jobs.status` (kept for one version). */
  status(jobId: string): ImportJob {
    const view = this.deps.jobs.status<ImportSummary>(jobId);
    const p = view.progress;
    const progress: ImportProgress = {
      jobId,
      done: p.done,
      total: p.total,
      currentFile: p.current,
      rate: p.rate,
      etaSeconds: p.etaSeconds,
      imported: p.counts.imported ?? 0,
      duplicates: p.counts.duplicates ?? 0,
      failed: p.counts.failed ?? 0,
      notPhotos: p.counts.notPhotos ?? 0,
    };
    return { id: view.id, state: view.state, progress, summary: view.result };
  }

  cancel(jobId: string): ImportJob {
    this.deps.jobs.cancel(jobId);
    return this.status(jobId);
  }

  /** Suggested batch values for the import dialog: the photographer from EXIF Artist, the first shoot day. */
  async defaults(paths: string[]): Promise<ImportDefaults> {
    const { plan } = await walkImport(this.deps.storage, paths);
    const sample = plan.candidates.filter((c) => !c.fromRaw).slice(0, 8);
    let photographer: string | null = null;
    let shootDay: string | null = null;
    for (const c of sample) {
      try {
        const bytes = await this.deps.storage.readFile(c.path, PHOTO_LIMITS);
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

  private async execute(req: ImportRequest, control: JobControl): Promise<ImportSummary> {
    const catalog = this.deps.session.require();
    const summary: ImportSummary = { imported: 0, duplicates: [], failed: [], notPhotos: 0, cancelled: false };
    const counted = () => {
      control.count('imported', summary.imported);
      control.count('duplicates', summary.duplicates.length);
      control.count('failed', summary.failed.length);
      control.count('notPhotos', summary.notPhotos);
    };
    try {
      const { plan, failures } = await walkImport(this.deps.storage, req.paths);
      summary.failed.push(...failures);
      // Notes, videos and card index files are not photos: counted as skipped, never as failures or in the total.
      summary.notPhotos = plan.notPhotos.length;
      counted();
      // Files refused before any reading are done, but without work: they do not count towards the rate.
      control.setTotal(plan.candidates.length + summary.failed.length, summary.failed.length);

      // The batch company joins the roster (found by full or short name, or added) before the first photo lands.
      const company = req.company?.trim() ? this.deps.roster.ensureCompany(req.company) : null;
      const seqByDay = new Map<string, number>();
      await control.pool(plan.candidates, async (c) => {
        control.working(displayPath(c.path));
        const outcome = await this.importOne(catalog, c, req, company, seqByDay, control.jobId);
        if (outcome.kind === 'imported') summary.imported++;
        else if (outcome.kind === 'duplicate')
          summary.duplicates.push({ path: displayPath(c.path), photoId: outcome.id });
        else summary.failed.push(outcome.failure);
        counted();
        control.step();
      });
      summary.cancelled = control.cancelled;
    } finally {
      // Synced to the journal before the import says it is done: what it reports is what the project holds.
      await catalog.commit();
    }
    return summary;
  }

  /** The photo's bytes and what they are; a lone RAW stands in by its embedded preview, kept in the project. */
  private async source(
    catalog: CatalogRepository,
    c: ImportCandidate,
    id: string,
    bytes: Buffer,
    label: string,
  ): Promise<PhotoSource> {
    if (!c.fromRaw) {
      const format = sniffFormat(bytes);
      if (!format)
        throw new AppError(
          'UNSUPPORTED',
          msg('import.notPhoto', { name: label, content: msg(`content.${describeContent(bytes)}`) }),
        );
      return { format, decode: bytes, rawMetadata: null, renderSource: null, preview: null };
    }
    // Photo Mechanic's way with a RAW: show and print the full-size JPEG the camera embedded in it. A RAW cut short
    // (a copy that stopped) is named as such, rather than as one "without a preview" when its preview is the lost part.
    this.deps.image.checkWhole(bytes, label);
    const file = displayPath(c.path);
    const [previews, tags] = await Promise.all([
      this.deps.raw.previews(file),
      this.deps.raw.metadata(file).catch(() => null),
    ]);
    let best: { jpeg: Buffer; width: number; height: number } | null = null;
    for (const p of previews) {
      const size = await this.deps.image.header(p.jpeg, label).catch(() => null);
      if (size && (!best || size.width * size.height > best.width * best.height))
        best = { jpeg: p.jpeg, width: size.width, height: size.height };
    }
    const rawLong = tags?.size ? Math.max(tags.size.width, tags.size.height) : 0;
    const needed = rawLong ? Math.min(MIN_PREVIEW_EDGE, RAW_PREVIEW_SHARE * rawLong) : MIN_PREVIEW_EDGE;
    if (!best || Math.max(best.width, best.height) < needed) {
      const detail = best
        ? msg('raw.previewTooSmall', {
            preview: `${best.width}×${best.height}`,
            image: tags?.size ? `${tags.size.width}×${tags.size.height}` : '?',
          })
        : msg('raw.noPreview');
      throw new AppError('NO_PREVIEW', msg('import.noPreview', { name: label, detail }));
    }
    const renderSource = cachePaths(id).raw;
    await this.deps.storage.ensureDir(path.dirname(path.join(catalog.dir, renderSource)));
    await this.deps.storage.writeAtomic(path.join(catalog.dir, renderSource), best.jpeg);
    return {
      format: 'raw',
      decode: best.jpeg,
      rawMetadata: tags,
      renderSource,
      preview: { width: best.width, height: best.height },
    };
  }

  private async importOne(
    catalog: CatalogRepository,
    c: ImportCandidate,
    req: ImportRequest,
    company: Company | null,
    seqByDay: Map<string, number>,
    jobId: string,
  ): Promise<Outcome> {
    const label = displayName(c.path);
    let id: string | null = null;
    try {
      const bytes = await this.deps.storage.readFile(c.path, PHOTO_LIMITS);
      if (bytes.length === 0) throw new AppError('EMPTY', msg('import.empty', { name: label }));
      if (!c.fromRaw && !sniffFormat(bytes))
        throw new AppError(
          'UNSUPPORTED',
          msg('import.notPhoto', { name: label, content: msg(`content.${describeContent(bytes)}`) }),
        );
      const sha256 = this.deps.storage.sha256(bytes);
      id = sha256.slice(0, 16);
      const existing = catalog.photo(id);
      if (existing?.rendered) return { kind: 'duplicate', id };

      const src = await this.source(catalog, c, id, bytes, label);
      const sidecar = await this.readSidecar(c.sidecarPath);
      const read = await this.deps.metadata.read(
        src.format === 'raw' ? bytes : src.decode,
        src.format === 'raw' ? 'tiff' : src.format,
        sidecar.bytes,
      );
      // exifr reads TIFF-based RAW files (DNG, NEF, ARW, CR2); for the others (CR3) ExifTool's reading stands in.
      if (src.rawMetadata && !read.raw.exif) read.raw.exif = src.rawMetadata.exif;
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
        format: src.format,
        bytes: bytes.length,
        width: 0,
        height: 0,
        rawPath: c.rawPath,
        sidecarPath: c.sidecarPath,
        renderSource: src.renderSource,
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
        warnings: [
          ...sidecar.warnings,
          ...read.warnings,
          ...warnings,
          ...(src.preview ? [msg('warning.rawPreview', src.preview)] : []),
        ],
      };

      // Fast pass: the camera's own thumbnail lets the grid paint before the full decode.
      if (!existing && src.format !== 'heif' && src.format !== 'raw') {
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
          src.decode,
          src.format === 'raw' ? 'jpeg' : src.format,
          label,
          { preview: inProject(cache.preview), thumbnail: inProject(cache.thumbnail) },
          metadata.orientation,
        );
      } catch (err) {
        // The RAW file read well; what is damaged is the JPEG inside it.
        if (src.format === 'raw' && isAppError(err) && err.code === 'DAMAGED')
          throw new AppError(
            'DAMAGED',
            msg('import.damagedPreview', { name: label, reason: err.params?.reason ?? err.message }),
          );
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
      const e = isAppError(err)
        ? err
        : new AppError(
            'INTERNAL',
            msg('import.unexpected', { name: label, detail: (err as Error)?.message ?? String(err) }),
          );
      if (!isAppError(err)) this.deps.logger.error(`importing ${displayPath(c.path)}`, err);
      if (id) await this.discard(catalog, id, jobId);
      return {
        kind: 'failed',
        failure: { path: displayPath(c.path), code: e.code, message: e.message, key: e.key, params: e.params },
      };
    }
  }

  /**
   * A file that failed leaves nothing behind: not the record its fast pass painted in the grid, nor the camera
   * thumbnail, the RAW preview or any render kept for it. A photo another worker finished meanwhile (the same
   * bytes under another name) is left alone.
   */
  private async discard(catalog: CatalogRepository, id: string, jobId: string) {
    if (catalog.photo(id)?.rendered) return;
    try {
      const shown = !!catalog.photo(id);
      if (shown) catalog.removePhoto(id);
      const cache = cachePaths(id);
      for (const rel of [cache.embedded, cache.raw, cache.preview, cache.thumbnail])
        await this.deps.storage.remove(path.join(catalog.dir, rel));
      if (shown) this.deps.events.emit('photos.changed', { ids: [id], jobId });
    } catch (err) {
      // The failure is reported either way; cache files no photo owns are swept when the project next opens.
      this.deps.logger.error(`discarding what ${id} left`, err);
    }
  }

  /** A sidecar is small text: one over the limit is not read (a warning says so) rather than stalling the import. */
  private async readSidecar(file: string | null): Promise<{ bytes: Buffer | null; warnings: Message[] }> {
    if (!file) return { bytes: null, warnings: [] };
    try {
      return { bytes: await this.deps.storage.readFile(file, SIDECAR_LIMITS), warnings: [] };
    } catch (err) {
      if (isAppError(err) && err.code === 'TOO_LARGE')
        return {
          bytes: null,
          warnings: [
            msg('warning.sidecarTooLarge', {
              size: formatBytes((err.details as { bytes: number }).bytes),
              limit: formatBytes(SIDECAR_LIMITS.maxBytes),
            }),
          ],
        };
      return { bytes: null, warnings: [msg('warning.sidecarUnreadable')] };
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
        // Not in the roster, or ambiguous: the name stays as text, and where the file drew the face is kept.
        const face = faces.find((f) => f.name === name);
        if (face)
          record.namedRegions = [
            ...(record.namedRegions ?? []),
            { name, ...regionToDisplayed(face, record.orientation) },
          ];
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
      const name = copyFileName({
        capturedAt: record.capturedAt,
        fallbackDay: day,
        photographer: record.photographer,
        seq,
        ext,
      });
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
    /** a lone RAW's embedded full-size JPEG: what prints in its place */
    raw: path.join('cache', 'raw', `${id}.jpg`),
    /** the loupe's 100% view, rendered on demand (the newest few are kept) */
    full: path.join('cache', 'full', `${id}.jpg`),
  };
}
