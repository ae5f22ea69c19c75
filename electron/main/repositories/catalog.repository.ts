import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { AppError } from '../../../shared/errors';
import { migrateCatalog } from '../../../shared/logic/catalog-migrations';
import { CATALOG_SCHEMA_VERSION, type CatalogData } from '../../../shared/model/catalog';
import type { Photo } from '../../../shared/model/photo';
import { ioError } from './storage.repository';

export const CATALOG_FILE = 'project.json';
/** lowdb rewrites the whole file: edits that land within this window share one write. */
const WRITE_DELAY_MS = 250;

/**
 * Owns one project's lowdb instance. Reads go to in-memory indexes; writes are coalesced and atomic (lowdb's
 * steno writes a temp file and renames it), so a crash leaves either the old or the new catalog, whole.
 */
export class CatalogRepository {
  private readonly byId = new Map<string, Photo>();
  private timer: NodeJS.Timeout | null = null;
  private pending: Promise<void> = Promise.resolve();

  private constructor(
    readonly dir: string,
    private readonly db: Low<CatalogData>,
  ) {
    for (const p of db.data.photos) this.byId.set(p.id, p);
  }

  static fileOf(dir: string) {
    return path.join(dir, CATALOG_FILE);
  }

  static async create(dir: string, name: string, isDemo = false): Promise<CatalogRepository> {
    const file = CatalogRepository.fileOf(dir);
    try {
      await fs.mkdir(dir, { recursive: true });
    } catch (err) {
      throw ioError(err, dir, 'creating the project folder');
    }
    if (await fs.stat(file).then(() => true, () => false))
      throw new AppError('CONFLICT', `${dir} already holds a project (project.json); open it instead`, { path: dir });
    const data: CatalogData = {
      schemaVersion: CATALOG_SCHEMA_VERSION,
      project: { id: randomUUID(), name, createdAt: new Date().toISOString(), ...(isDemo ? { isDemo } : {}) },
      photos: [],
    };
    const repo = new CatalogRepository(dir, new Low(new JSONFile<CatalogData>(file), data));
    await repo.db.write().catch((err) => {
      throw ioError(err, file, 'creating the catalog');
    });
    return repo;
  }

  static async open(dir: string): Promise<CatalogRepository> {
    const file = CatalogRepository.fileOf(dir);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        throw new AppError('NOT_FOUND', `${dir} is not a Chasing Light project: it has no project.json`, { path: dir });
      throw ioError(err, file, 'opening the project');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new AppError('CORRUPT', `${file} is damaged (${(err as Error).message}); it was left untouched — restore it from a backup`, { path: file });
    }
    const outcome = migrateCatalog(parsed);
    if (outcome.kind === 'too-new')
      throw new AppError('UNSUPPORTED', `${file} was written by a newer Chasing Light (schema ${outcome.version}, this one reads up to ${CATALOG_SCHEMA_VERSION}); update the app — the file was left untouched`, { path: file });
    if (outcome.kind === 'invalid')
      throw new AppError('CORRUPT', `${file} is not a valid catalog: ${outcome.reason}; it was left untouched`, { path: file });
    const repo = new CatalogRepository(dir, new Low(new JSONFile<CatalogData>(file), outcome.data));
    if (outcome.kind === 'migrated') {
      // Keep the old file beside the new one: a migration must never cost the user their catalog.
      await fs.copyFile(file, `${file}.v${outcome.from}.bak`).catch(() => undefined);
      await repo.flush();
    }
    return repo;
  }

  get project() {
    return this.db.data.project;
  }

  photos(): Photo[] {
    return this.db.data.photos;
  }

  photo(id: string): Photo | undefined {
    return this.byId.get(id);
  }

  get photoCount() {
    return this.db.data.photos.length;
  }

  /** Adds or replaces a photo by id. */
  putPhoto(photo: Photo): void {
    const existing = this.byId.get(photo.id);
    if (existing) Object.assign(existing, photo);
    else {
      this.db.data.photos.push(photo);
      this.byId.set(photo.id, photo);
    }
    this.scheduleWrite();
  }

  removePhoto(id: string): void {
    if (!this.byId.delete(id)) return;
    this.db.data.photos = this.db.data.photos.filter((p) => p.id !== id);
    this.scheduleWrite();
  }

  updatePhotos(ids: string[], patch: Partial<Photo>): Photo[] {
    const changed: Photo[] = [];
    for (const id of ids) {
      const p = this.byId.get(id);
      if (!p) continue;
      Object.assign(p, patch);
      changed.push(p);
    }
    if (changed.length) this.scheduleWrite();
    return changed;
  }

  private scheduleWrite() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.writeNow();
    }, WRITE_DELAY_MS);
  }

  private writeNow(): Promise<void> {
    // Serialised: each write waits for the one before, and a failure is reported, not swallowed.
    this.pending = this.pending.catch(() => undefined).then(() =>
      this.db.write().catch((err) => {
        throw ioError(err, CatalogRepository.fileOf(this.dir), 'saving the catalog');
      }),
    );
    return this.pending;
  }

  /** Writes now whatever is pending. Call before a process exits or a result is reported as saved. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.writeNow();
  }
}
