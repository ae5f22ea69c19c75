import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/messages';
import { localTime } from '../../../shared/logic/display';
import { migrateCatalog } from '../../../shared/logic/catalog-migrations';
import { CATALOG_SCHEMA_VERSION, type CatalogData } from '../../../shared/model/catalog';
import type { Exhibition, LabelTemplate } from '../../../shared/model/exhibition';
import type { Face } from '../../../shared/model/face';
import type { Photo } from '../../../shared/model/photo';
import type { Company, Photographer, Worker } from '../../../shared/model/roster';
import type { GiftRecord, GiftTemplate } from '../../../shared/model/gift';
import type { ProjectHolder } from '../../../shared/model/project';
import { writeFileAtomic } from './atomic-write';
import type { HeldLock } from './project-lock.repository';
import { ioError } from './storage.repository';

export const CATALOG_FILE = 'project.json';
/** lowdb rewrites the whole file: edits that land within this window share one write. */
const WRITE_DELAY_MS = 250;

export interface CollectionTypes {
  photos: Photo;
  companies: Company;
  photographers: Photographer;
  workers: Worker;
  templates: GiftTemplate;
  gifts: GiftRecord & { id: string };
  exhibitions: Exhibition;
  labelTemplates: LabelTemplate;
  faces: Face;
}
export type CollectionName = keyof CollectionTypes;
const COLLECTIONS: CollectionName[] = ['photos', 'companies', 'photographers', 'workers', 'templates', 'gifts', 'exhibitions', 'labelTemplates', 'faces'];

/** Entity states by `collection:id`; undefined means "did not exist". */
export type EntityStates = Map<string, CollectionTypes[CollectionName] | undefined>;

/** What one tracked edit changed: enough to undo it and to redo it. */
export interface TrackedChange {
  before: EntityStates;
  after: EntityStates;
}

const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

/**
 * lowdb's storage for the catalog: the whole file, written under a temporary name of this process's own, synced
 * to the disk, then renamed over project.json (lowdb's own adapter uses one shared temp name for every process).
 */
class CatalogFile implements Adapter<CatalogData> {
  constructor(private readonly file: string) {}

  async read(): Promise<CatalogData | null> {
    try {
      return JSON.parse(await fs.readFile(this.file, 'utf8')) as CatalogData;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  write(data: CatalogData): Promise<void> {
    return writeFileAtomic(this.file, JSON.stringify(data, null, 2), true);
  }
}

/** The holder's name for a catalog opened only to read (no lock asked for). */
const TO_READ = '(opened to read)';
const UNWRITABLE = '(folder not writable)';

export interface OpenOptions {
  /** the project's write lock, released on close; without it the catalog is read-only */
  lock?: HeldLock;
  /** who holds the lock when this process does not */
  heldBy?: ProjectHolder;
  /** opened only to read, without asking for the lock: every edit is refused */
  toRead?: boolean;
  /** the project's folder cannot be written (a read-only share, a disc): every edit is refused, saying so */
  unwritable?: boolean;
}

/**
 * Owns one project's lowdb instance. Reads go to in-memory indexes; writes are coalesced and atomic (lowdb's
 * steno writes a temp file and renames it), so a crash leaves either the old or the new catalog, whole.
 * Edits made inside `track()` are recorded entity by entity, so they can be undone and redone.
 */
export class CatalogRepository {
  private readonly index = new Map<CollectionName, Map<string, CollectionTypes[CollectionName]>>();
  private timer: NodeJS.Timeout | null = null;
  private pending: Promise<void> = Promise.resolve();
  private tracking: EntityStates | null = null;
  private lost: Error | null = null;

  private constructor(
    readonly dir: string,
    private readonly db: Low<CatalogData>,
    private readonly lock: HeldLock | undefined,
    /** set when another process writes this project: every edit is refused */
    readonly readOnly: ProjectHolder | null,
  ) {
    for (const c of COLLECTIONS) this.index.set(c, new Map(db.data[c].map((e) => [e.id, e])));
  }

  static fileOf(dir: string) {
    return path.join(dir, CATALOG_FILE);
  }

  static async create(dir: string, name: string, isDemo: boolean, lock: HeldLock): Promise<CatalogRepository> {
    const file = CatalogRepository.fileOf(dir);
    try {
      await fs.mkdir(dir, { recursive: true });
    } catch (err) {
      throw ioError(err, dir, 'createProject');
    }
    if (await fs.stat(file).then(() => true, () => false))
      throw new AppError('CONFLICT', msg('project.exists', { dir }), { path: dir });
    const data: CatalogData = {
      schemaVersion: CATALOG_SCHEMA_VERSION,
      project: { id: randomUUID(), name, createdAt: new Date().toISOString(), ...(isDemo ? { isDemo } : {}) },
      photos: [],
      companies: [],
      photographers: [],
      workers: [],
      templates: [],
      gifts: [],
      exhibitions: [],
      labelTemplates: [],
      faces: [],
    };
    const repo = new CatalogRepository(dir, new Low(new CatalogFile(file), data), lock, null);
    await repo.db.write().catch((err) => {
      throw ioError(err, file, 'createCatalog');
    });
    return repo;
  }

  static async open(dir: string, opts: OpenOptions): Promise<CatalogRepository> {
    const file = CatalogRepository.fileOf(dir);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        throw new AppError('NOT_FOUND', msg('project.notProject', { dir }), { path: dir });
      throw ioError(err, file, 'openProject');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new AppError('CORRUPT', msg('project.damaged', { file, detail: (err as Error).message }), { path: file });
    }
    const outcome = migrateCatalog(parsed);
    if (outcome.kind === 'too-new')
      throw new AppError('UNSUPPORTED', msg('project.tooNew', { file, version: outcome.version, max: CATALOG_SCHEMA_VERSION }), { path: file });
    if (outcome.kind === 'invalid')
      throw new AppError('CORRUPT', msg('project.invalid', { file, detail: outcome.reason }), { path: file });
    const readOnly = opts.lock ? null : (opts.heldBy ?? { pid: 0, host: '', since: '', app: '' });
    if (opts.toRead) readOnly!.app = TO_READ;
    if (opts.unwritable) readOnly!.app = UNWRITABLE;
    const repo = new CatalogRepository(dir, new Low(new CatalogFile(file), outcome.data), opts.lock, readOnly);
    // A read-only view migrates in memory only: the writer (or the next one) saves the migration.
    if (outcome.kind === 'migrated' && !readOnly) {
      // Keep the old file beside the new one: a migration must never cost the user their catalog.
      await fs.copyFile(file, `${file}.v${outcome.from}.bak`).catch(() => undefined);
      await repo.flush();
    }
    return repo;
  }

  get project() {
    return this.db.data.project;
  }

  /** Project-level settings (campaign words): saved with the next write. */
  setProject(patch: Partial<CatalogData['project']>): void {
    this.assertWritable();
    Object.assign(this.db.data.project, patch);
    this.scheduleWrite();
  }

  /** Counts every edit: what is derived from the catalog (face suggestions) is kept until it moves. */
  get revision(): number {
    return this.changes;
  }
  private changes = 0;

  get photoCount() {
    return this.db.data.photos.length;
  }

  // --- generic access -------------------------------------------------------------------------------

  all<C extends CollectionName>(c: C): CollectionTypes[C][] {
    return this.db.data[c] as CollectionTypes[C][];
  }

  get<C extends CollectionName>(c: C, id: string): CollectionTypes[C] | undefined {
    return this.index.get(c)!.get(id) as CollectionTypes[C] | undefined;
  }

  /** Adds or replaces an entity by id. */
  put<C extends CollectionName>(c: C, entity: CollectionTypes[C]): void {
    this.assertWritable();
    this.remember(c, entity.id);
    const map = this.index.get(c)!;
    const existing = map.get(entity.id);
    if (existing) Object.assign(existing, entity);
    else {
      (this.db.data[c] as CollectionTypes[C][]).push(entity);
      map.set(entity.id, entity);
    }
    this.scheduleWrite();
  }

  remove(c: CollectionName, id: string): void {
    this.assertWritable();
    const map = this.index.get(c)!;
    if (!map.has(id)) return;
    this.remember(c, id);
    map.delete(id);
    (this.db.data[c] as { id: string }[]) = (this.db.data[c] as { id: string }[]).filter((e) => e.id !== id);
    this.scheduleWrite();
  }

  // --- photos, as the import and the library use them ---------------------------------------------

  photos(): Photo[] {
    return this.db.data.photos;
  }

  photo(id: string): Photo | undefined {
    return this.get('photos', id);
  }

  putPhoto(photo: Photo): void {
    this.put('photos', photo);
  }

  /** A photo goes with its faces (and what they look like): nothing of a removed photo stays behind. */
  removePhoto(id: string): void {
    for (const f of this.all('faces').filter((x) => x.photoId === id)) this.remove('faces', f.id);
    this.remove('photos', id);
  }

  updatePhotos(ids: string[], patch: Partial<Photo>): Photo[] {
    this.assertWritable();
    const changed: Photo[] = [];
    for (const id of ids) {
      const p = this.photo(id);
      if (!p) continue;
      this.remember('photos', id);
      Object.assign(p, patch);
      changed.push(p);
    }
    if (changed.length) this.scheduleWrite();
    return changed;
  }

  // --- change tracking for undo/redo ----------------------------------------------------------------

  /** Runs `edit`, recording the state before and after of every entity it touches. */
  track<T>(edit: () => T): { result: T; change: TrackedChange } {
    if (this.tracking) throw new Error('nested catalog tracking');
    this.tracking = new Map();
    try {
      const result = edit();
      const before = this.tracking;
      const after: EntityStates = new Map();
      for (const key of before.keys()) {
        const [c, id] = splitKey(key);
        after.set(key, clone(this.get(c, id)));
      }
      return { result, change: { before, after } };
    } finally {
      this.tracking = null;
    }
  }

  /** Puts entities back as they were (undo) or as they became (redo). */
  restore(states: EntityStates): void {
    this.assertWritable();
    for (const [key, state] of states) {
      const [c, id] = splitKey(key);
      if (state === undefined) this.remove(c, id);
      else if (this.get(c, id)) Object.assign(this.get(c, id)!, clone(state));
      else this.put(c, clone(state) as never);
    }
    this.scheduleWrite();
  }

  private remember(c: CollectionName, id: string) {
    if (!this.tracking) return;
    const key = `${c}:${id}`;
    if (!this.tracking.has(key)) this.tracking.set(key, clone(this.get(c, id)));
  }

  // --- one writer ----------------------------------------------------------------------------------

  /** Refuses an edit in a read-only view, or after the lock was lost, naming who holds the project. */
  assertWritable(): void {
    if (this.readOnly?.app === TO_READ) throw new AppError('READ_ONLY', msg('project.openedToRead', { dir: this.dir }));
    if (this.readOnly?.app === UNWRITABLE) throw new AppError('READ_ONLY', msg('project.folderReadOnly', { dir: this.dir }));
    if (this.readOnly) {
      const h = this.readOnly;
      throw new AppError('READ_ONLY', msg('project.readOnly', { dir: this.dir, app: h.app || '?', pid: h.pid || '?', since: h.since ? localTime(h.since) : '?' }), { holder: h });
    }
    if (this.lost) throw new AppError('READ_ONLY', msg('project.lockLost', { dir: this.dir }));
  }

  /** The lock was taken over (this process stalled past the stale time): stop writing, say so on the next edit. */
  markLockLost(err: Error): void {
    this.lost = err;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Saves what is pending and lets go of the project's lock. */
  async close(): Promise<void> {
    try {
      if (!this.readOnly && !this.lost) await this.flush();
    } finally {
      await this.lock?.release();
    }
  }

  // --- persistence -------------------------------------------------------------------------------

  private scheduleWrite() {
    this.changes++;
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
        throw ioError(err, CatalogRepository.fileOf(this.dir), 'saveCatalog');
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

function splitKey(key: string): [CollectionName, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at) as CollectionName, key.slice(at + 1)];
}
