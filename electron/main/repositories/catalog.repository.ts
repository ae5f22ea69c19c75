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
import { CatalogJournal, markOf, sameMark, type FileMark, type JournalEntry } from './catalog-journal';
import type { HeldLock } from './project-lock.repository';
import { ioError } from './storage.repository';

export const CATALOG_FILE = 'project.json';
/** Background edits that land within this window share one journal line. */
const WRITE_DELAY_MS = 250;
/** The journal is taken into a new snapshot once it is over this size, or over half the snapshot's. */
const COMPACT_MIN_BYTES = 4 << 20;
/** The schema that brought the journal: an older catalog has none. */
const JOURNAL_SINCE = 8;

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
const COLLECTIONS: CollectionName[] = [
  'photos',
  'companies',
  'photographers',
  'workers',
  'templates',
  'gifts',
  'exhibitions',
  'labelTemplates',
  'faces',
];

/** Entity states by `collection:id`; undefined means "did not exist". */
export type EntityStates = Map<string, CollectionTypes[CollectionName] | undefined>;

/** What one tracked edit changed: enough to undo it and to redo it. */
export interface TrackedChange {
  before: EntityStates;
  after: EntityStates;
}

const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

/** lowdb's storage for the snapshot: the whole file, written under a temporary name of this process's own, synced, renamed. */
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

/** What was read from disk: the snapshot with the journal's later edits applied, and where each file stood. */
interface ReadState {
  data: CatalogData;
  seq: number;
  /** the snapshot held an older schema: it was migrated in memory */
  migratedFrom: number | null;
  /** the journal held edits the snapshot did not (or a torn last line): a writer takes them into a new snapshot */
  replayed: boolean;
  snapshot: FileMark | null;
  journal: FileMark | null;
  journalEnd: number;
}

/**
 * Owns one project's catalog: project.json (lowdb, the snapshot) and project.journal beside it. Reads go to
 * in-memory indexes. An edit is appended to the journal as one line and synced before it is answered (commit),
 * so an answered edit survives a kill, and costs in proportion to what it changed; the snapshot is rewritten now
 * and then (compaction) and on close. Before every write the catalog checks that the project is still its own
 * (the lock, and both files as it left them) and refuses by name when it is not. A catalog opened without the
 * lock is a read-only view that can follow the writer's edits (refresh). Edits made inside `track()` are
 * recorded entity by entity, so they can be undone and redone.
 */
export class CatalogRepository {
  private readonly index = new Map<CollectionName, Map<string, CollectionTypes[CollectionName]>>();
  private timer: NodeJS.Timeout | null = null;
  private pending: Promise<void> = Promise.resolve();
  private tracking: EntityStates | null = null;
  private lost: Error | null = null;
  /** entities changed since the last commit, by `collection:id` */
  private dirty = new Set<string>();
  private projectDirty = false;
  private readonly journal: CatalogJournal;
  private seq: number;
  private marks: { snapshot: FileMark | null; journal: FileMark | null };
  private journalEnd: number;
  private snapshotBytes: number;

  private constructor(
    readonly dir: string,
    private readonly db: Low<CatalogData>,
    private readonly lock: HeldLock | undefined,
    /** set when another process writes this project: every edit is refused */
    readonly readOnly: ProjectHolder | null,
    state: Pick<ReadState, 'seq' | 'snapshot' | 'journal' | 'journalEnd'>,
  ) {
    this.journal = CatalogJournal.of(dir);
    this.seq = state.seq;
    this.marks = { snapshot: state.snapshot, journal: state.journal };
    this.journalEnd = state.journalEnd;
    this.snapshotBytes = state.snapshot?.size ?? 0;
    this.reindex();
  }

  private reindex() {
    for (const c of COLLECTIONS) this.index.set(c, new Map(this.db.data[c].map((e) => [e.id, e])));
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
    if (
      await fs.stat(file).then(
        () => true,
        () => false,
      )
    )
      throw new AppError('CONFLICT', msg('project.exists', { dir }), { path: dir });
    const data: CatalogData = {
      schemaVersion: CATALOG_SCHEMA_VERSION,
      journalSeq: 0,
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
    const repo = new CatalogRepository(dir, new Low(new CatalogFile(file), data), lock, null, {
      seq: 0,
      snapshot: null,
      journal: null,
      journalEnd: 0,
    });
    await repo.compact().catch((err) => {
      throw ioError(err, file, 'createCatalog');
    });
    return repo;
  }

  /**
   * Reads the snapshot and the journal's later edits as one consistent state. A writer may compact between the two
   * reads (new snapshot, new journal): then the journal starts after the snapshot read, or the snapshot changed
   * under us, and the pair is read again.
   */
  private static async readState(dir: string): Promise<ReadState> {
    const file = CatalogRepository.fileOf(dir);
    const journal = CatalogJournal.of(dir);
    for (let attempt = 0; ; attempt++) {
      const before = await markOf(file);
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT')
          throw new AppError('NOT_FOUND', msg('project.notProject', { dir }), { path: dir });
        throw ioError(err, file, 'openProject');
      }
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(text) as Record<string, unknown>;
      } catch (err) {
        throw new AppError('CORRUPT', msg('project.damaged', { file, detail: (err as Error).message }), { path: file });
      }
      const snapshotSeq = typeof parsed?.journalSeq === 'number' ? parsed.journalSeq : 0;
      // A catalog from before the journal (schema < 8) has none: a file by that name is not ours to apply.
      const journaled = typeof parsed?.schemaVersion === 'number' && parsed.schemaVersion >= JOURNAL_SINCE;
      const read = journaled
        ? await journal.read().catch((err) => {
            throw ioError(err, journal.file, 'openProject');
          })
        : { entries: [], end: 0, torn: false, mark: null };
      const after = await markOf(file);
      const first = read.entries[0]?.s;
      const consistent = sameMark(before, after) && (first === undefined || first <= snapshotSeq + 1);
      if (!consistent && attempt < 20) {
        await new Promise((r) => setTimeout(r, 25));
        continue;
      }
      const later = read.entries.filter((e) => e.s > snapshotSeq);
      if (later.length && parsed && typeof parsed === 'object') applyRaw(parsed, later);
      const seq = Math.max(snapshotSeq, ...later.map((e) => e.s));
      const outcome = migrateCatalog(parsed);
      if (outcome.kind === 'too-new')
        throw new AppError(
          'UNSUPPORTED',
          msg('project.tooNew', { file, version: outcome.version, max: CATALOG_SCHEMA_VERSION }),
          { path: file },
        );
      if (outcome.kind === 'invalid')
        throw new AppError('CORRUPT', msg('project.invalid', { file, detail: outcome.reason }), { path: file });
      outcome.data.journalSeq = seq;
      return {
        data: outcome.data,
        seq,
        migratedFrom: outcome.kind === 'migrated' ? outcome.from : null,
        replayed: read.entries.length > 0 || read.torn,
        snapshot: after,
        journal: read.mark,
        journalEnd: read.end,
      };
    }
  }

  static async open(dir: string, opts: OpenOptions): Promise<CatalogRepository> {
    const file = CatalogRepository.fileOf(dir);
    const state = await CatalogRepository.readState(dir);
    const readOnly = opts.lock ? null : (opts.heldBy ?? { pid: 0, host: '', since: '', app: '' });
    if (opts.toRead) readOnly!.app = TO_READ;
    if (opts.unwritable) readOnly!.app = UNWRITABLE;
    const repo = new CatalogRepository(dir, new Low(new CatalogFile(file), state.data), opts.lock, readOnly, state);
    // A read-only view migrates and replays in memory only: the writer (or the next one) saves them.
    if (!readOnly && (state.migratedFrom !== null || state.replayed || !state.journal)) {
      // Keep the old file beside the new one: a migration must never cost the user their catalog.
      if (state.migratedFrom !== null)
        await fs.copyFile(file, `${file}.v${state.migratedFrom}.bak`).catch(() => undefined);
      await repo.compact().catch((err) => {
        throw ioError(err, file, 'saveCatalog');
      });
    }
    return repo;
  }

  get project() {
    return this.db.data.project;
  }

  /** Project-level settings (campaign words): saved with the next commit. */
  setProject(patch: Partial<CatalogData['project']>): void {
    this.assertWritable();
    Object.assign(this.db.data.project, patch);
    this.projectDirty = true;
    this.scheduleWrite();
  }

  /** Counts every change seen (edits here, and the writer's edits a read-only view took in): what is derived from the catalog (face suggestions) is kept until it moves. */
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
    this.setEntity(c, entity);
    this.dirty.add(`${c}:${entity.id}`);
    this.scheduleWrite();
  }

  /** Puts a record in place of the stored one, whole: a field the new record lacks is gone (put merges). */
  replace<C extends CollectionName>(c: C, entity: CollectionTypes[C]): void {
    this.assertWritable();
    const existing = this.get(c, entity.id) as Record<string, unknown> | undefined;
    if (existing) for (const k of Object.keys(existing)) if (!(k in entity)) delete existing[k];
    this.put(c, entity);
  }

  remove(c: CollectionName, id: string): void {
    this.assertWritable();
    if (!this.index.get(c)!.has(id)) return;
    this.remember(c, id);
    this.dropEntity(c, id);
    this.dirty.add(`${c}:${id}`);
    this.scheduleWrite();
  }

  private setEntity<C extends CollectionName>(c: C, entity: CollectionTypes[C]) {
    const map = this.index.get(c)!;
    const existing = map.get(entity.id);
    if (existing) Object.assign(existing, entity);
    else {
      (this.db.data[c] as CollectionTypes[C][]).push(entity);
      map.set(entity.id, entity);
    }
  }

  private dropEntity(c: CollectionName, id: string) {
    this.index.get(c)!.delete(id);
    (this.db.data[c] as { id: string }[]) = (this.db.data[c] as { id: string }[]).filter((e) => e.id !== id);
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
      this.dirty.add(`photos:${id}`);
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
      else if (this.get(c, id)) {
        Object.assign(this.get(c, id)!, clone(state));
        this.dirty.add(key);
      } else this.put(c, clone(state) as never);
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
    if (this.readOnly?.app === UNWRITABLE)
      throw new AppError('READ_ONLY', msg('project.folderReadOnly', { dir: this.dir }));
    if (this.readOnly) {
      const h = this.readOnly;
      throw new AppError(
        'READ_ONLY',
        msg('project.readOnly', {
          dir: this.dir,
          app: h.app || '?',
          pid: h.pid || '?',
          since: h.since ? localTime(h.since) : '?',
        }),
        { holder: h },
      );
    }
    if (this.lost) throw new AppError('READ_ONLY', msg('project.lockLost', { dir: this.dir }));
  }

  /** The lock was taken over (this process stalled past the stale time): stop writing, say so on the next edit. */
  markLockLost(err: Error): void {
    this.lost ??= err;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Commits what is pending, writes a whole snapshot, and lets go of the project's lock. */
  async close(): Promise<void> {
    try {
      if (!this.readOnly && !this.lost) await this.flush();
      else await this.pending.catch(() => undefined);
    } finally {
      await this.journal.close();
      await this.lock?.release();
    }
  }

  // --- persistence -------------------------------------------------------------------------------

  private scheduleWrite() {
    this.changes++;
    if (this.timer) return;
    // Background work (an import, the face job) is committed a moment later, many edits in one line; an edit a
    // caller answers is committed at once (commit()).
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.commit().catch(() => undefined);
    }, WRITE_DELAY_MS);
  }

  /** Before any write: the lock is still ours and both files are as we left them; else nothing is written. */
  private async assertStillOurs(): Promise<void> {
    if (this.lost) throw new AppError('READ_ONLY', msg('project.lockLost', { dir: this.dir }));
    const ours = this.lock ? await this.lock.verify() : false;
    const snapshot = await markOf(CatalogRepository.fileOf(this.dir));
    const journal = await markOf(this.journal.file);
    const untouched =
      sameMark(snapshot, this.marks.snapshot) && (this.marks.journal === null || sameMark(journal, this.marks.journal));
    if (!ours || !untouched) {
      this.markLockLost(
        new Error(ours ? 'the catalog files were changed by another process' : 'the lock was taken over'),
      );
      throw new AppError('READ_ONLY', msg('project.lockLost', { dir: this.dir }));
    }
  }

  /**
   * Makes every edit so far durable: one journal line, synced, before it returns. Call before an edit is answered
   * or reported as saved. Serialised with every other write; refused by name when the project is no longer ours.
   */
  commit(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.readOnly || (!this.dirty.size && !this.projectDirty)) return this.pending.catch(() => undefined);
    const keys = [...this.dirty];
    const entry: JournalEntry = {
      s: ++this.seq,
      // Serialised now: what the edit made, not what later edits make of the same objects.
      ops: keys.map((key) => {
        const [c, id] = splitKey(key);
        const v = this.get(c, id);
        return v === undefined ? { c, id } : { c, id, v: JSON.parse(JSON.stringify(v)) as unknown };
      }),
      ...(this.projectDirty ? { p: JSON.parse(JSON.stringify(this.db.data.project)) as Record<string, unknown> } : {}),
    };
    const hadProject = this.projectDirty;
    this.dirty.clear();
    this.projectDirty = false;
    const write = this.pending
      .catch(() => undefined)
      .then(async () => {
        await this.assertStillOurs();
        try {
          this.marks.journal = await this.journal.append([entry]);
        } catch (err) {
          throw ioError(err, this.journal.file, 'saveCatalog');
        }
        this.journalEnd = this.marks.journal.size;
        if (this.journalEnd > Math.max(COMPACT_MIN_BYTES, this.snapshotBytes / 2)) await this.writeSnapshot();
      })
      .catch((err: unknown) => {
        // Not written: keep the edit pending (a retry, or the close, writes it), unless the project is gone.
        if (!this.lost) {
          for (const k of keys) this.dirty.add(k);
          this.projectDirty ||= hadProject;
        }
        throw err;
      });
    this.pending = write;
    return write;
  }

  /** Commits what is pending and rewrites the snapshot whole (the journal starts afresh). */
  async flush(): Promise<void> {
    await this.commit();
    await this.compact();
  }

  /** The whole catalog into project.json, then an empty journal: serialised with every other write. */
  private compact(): Promise<void> {
    const write = this.pending.catch(() => undefined).then(() => this.writeSnapshot());
    this.pending = write;
    return write;
  }

  private async writeSnapshot(): Promise<void> {
    if (this.marks.snapshot || this.marks.journal) await this.assertStillOurs();
    this.db.data.journalSeq = this.seq;
    try {
      await this.db.write();
      this.marks.snapshot = await markOf(CatalogRepository.fileOf(this.dir));
      this.snapshotBytes = this.marks.snapshot?.size ?? 0;
      this.marks.journal = await this.journal.reset();
      this.journalEnd = 0;
    } catch (err) {
      throw ioError(err, CatalogRepository.fileOf(this.dir), 'saveCatalog');
    }
  }

  // --- a read-only view following the writer ----------------------------------------------------

  /**
   * Takes in what the writer saved since this view last looked: the journal's new lines, or the whole catalog
   * again after a compaction. Answers the photos that changed (all of them after a whole reload), or null when
   * nothing did. Only for a read-only view.
   */
  async refresh(): Promise<{ photoIds: string[] } | null> {
    if (!this.readOnly) return null;
    const snapshot = await markOf(CatalogRepository.fileOf(this.dir));
    const journal = await markOf(this.journal.file);
    if (!snapshot) return null; // the project was removed: keep showing what we have
    const compacted =
      !sameMark(snapshot, this.marks.snapshot) ||
      (journal && this.marks.journal && journal.ino !== this.marks.journal.ino) ||
      (journal && journal.size < this.journalEnd);
    if (compacted) {
      const state = await CatalogRepository.readState(this.dir);
      this.db.data = state.data;
      this.seq = state.seq;
      this.marks = { snapshot: state.snapshot, journal: state.journal };
      this.journalEnd = state.journalEnd;
      this.reindex();
      this.changes++;
      return { photoIds: this.db.data.photos.map((p) => p.id) };
    }
    if (!journal || journal.size === this.journalEnd) return null;
    const read = await this.journal.read(this.journalEnd);
    const later = read.entries.filter((e) => e.s > this.seq);
    for (const e of later) this.applyEntry(e);
    this.journalEnd = read.end;
    this.marks.journal = read.mark;
    if (!later.length) return null;
    this.seq = later.at(-1)!.s;
    this.changes++;
    return { photoIds: [...new Set(later.flatMap((e) => e.ops.filter((o) => o.c === 'photos').map((o) => o.id)))] };
  }

  private applyEntry(e: JournalEntry) {
    for (const op of e.ops) {
      const c = op.c as CollectionName;
      if (!this.index.has(c)) continue;
      if (op.v === undefined) this.dropEntity(c, op.id);
      else {
        // Replaced whole, not merged: a field the writer removed is gone here too.
        if (this.index.get(c)!.has(op.id)) this.dropEntity(c, op.id);
        this.setEntity(c, op.v as never);
      }
    }
    if (e.p) this.db.data.project = e.p as CatalogData['project'];
  }
}

/** The journal's later edits onto a snapshot as parsed (before any migration: they are in the snapshot's schema). */
function applyRaw(data: Record<string, unknown>, entries: JournalEntry[]) {
  const lists = new Map<string, Map<string, number>>();
  const listOf = (c: string) => {
    const list = data[c];
    if (!Array.isArray(list)) return null;
    if (!lists.has(c)) lists.set(c, new Map(list.map((e: { id: string }, i) => [e.id, i])));
    return list as unknown[];
  };
  for (const e of entries) {
    for (const op of e.ops) {
      const list = listOf(op.c);
      if (!list) continue;
      const at = lists.get(op.c)!;
      const i = at.get(op.id);
      if (op.v === undefined) {
        if (i === undefined) continue;
        list.splice(i, 1);
        lists.set(op.c, new Map(list.map((x, j) => [(x as { id: string }).id, j])));
      } else if (i === undefined) {
        at.set(op.id, list.length);
        list.push(op.v);
      } else list[i] = op.v;
    }
    if (e.p) data.project = e.p;
  }
}

function splitKey(key: string): [CollectionName, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at) as CollectionName, key.slice(at + 1)];
}
