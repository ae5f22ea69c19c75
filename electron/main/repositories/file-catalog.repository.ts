import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/messages';
import type { HistoryLabel } from '../../../shared/model/history';
import type { Photo } from '../../../shared/model/photo';
import type { CatalogRepository, CollectionName, CollectionTypes, EntityStates } from './catalog.repository';
import {
  comparePhotoRows,
  type CatalogChange,
  type CatalogEdit,
  type CatalogStore,
  type Edited,
  type Editor,
  type HistoryLine,
  type PhotoPage,
  type PhotoPageQuery,
  type PhotoRow,
  type ProjectRecord,
  type Stored,
} from './catalog-store';

/** Who did what, one JSON line per edit, beside the catalog: a record's history outlives the journal's compaction. */
export const HISTORY_FILE = 'project.history.jsonl';

const copy = <T>(v: T): T => structuredClone(v);

/**
 * The file project's catalog as the store contract says it: project.json and its journal (CatalogRepository, one
 * writer under the lock), reached through async calls that answer copies. Edits run one at a time; an edit that
 * throws is rolled back in memory before anything is written. Versions count this process's changes (no other
 * process writes a file project while it holds the lock).
 */
export class FileCatalogRepository implements CatalogStore {
  readonly kind = 'file' as const;
  private readonly versions = new Map<string, number>();
  private readonly listeners = new Set<(c: CatalogChange) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private seq: number | null = null;

  constructor(
    private readonly catalog: CatalogRepository,
    readonly editor: Editor,
  ) {}

  get dir(): string {
    return this.catalog.dir;
  }

  private get historyFile() {
    return path.join(this.dir, HISTORY_FILE);
  }

  private versionOf(key: string): number {
    return this.versions.get(key) ?? 1;
  }

  private stored<C extends CollectionName>(c: C, id: string): Stored<CollectionTypes[C]> | undefined {
    const found = this.catalog.get(c, id);
    return found === undefined ? undefined : { ...copy(found), version: this.versionOf(`${c}:${id}`) };
  }

  async project(): Promise<ProjectRecord> {
    return copy(this.catalog.project);
  }

  async get<C extends CollectionName>(c: C, id: string): Promise<Stored<CollectionTypes[C]> | undefined> {
    return this.stored(c, id);
  }

  async list<C extends CollectionName>(c: C): Promise<CollectionTypes[C][]> {
    return copy(this.catalog.all(c)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async count(c: CollectionName): Promise<number> {
    return this.catalog.all(c).length;
  }

  async photoPage(q: PhotoPageQuery): Promise<PhotoPage> {
    const rows = this.catalog
      .photos()
      .filter((p) => matches(p, q))
      .map(photoRow)
      .sort(comparePhotoRows);
    return { total: rows.length, rows: rows.slice(q.offset, q.offset + q.limit) };
  }

  async history(c: CollectionName, id: string): Promise<HistoryLine[]> {
    const key = `${c}:${id}`;
    return (await this.readHistory())
      .filter((l) => l.keys.includes(key))
      .map(({ seq, at, who, what }) => ({ seq, at, who, what }));
  }

  private async readHistory(): Promise<(HistoryLine & { keys: string[] })[]> {
    let text = '';
    try {
      text = await fs.readFile(this.historyFile, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const lines: (HistoryLine & { keys: string[] })[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        lines.push(JSON.parse(line) as HistoryLine & { keys: string[] });
      } catch {
        // a line torn by a crash: the edit it named is in the catalog; only its history line is lost
      }
    }
    return lines;
  }

  edit<T>(what: HistoryLabel, body: (tx: CatalogEdit) => Promise<T>): Promise<Edited<T>> {
    const run = this.queue.catch(() => undefined).then(() => this.runEdit(what, body));
    this.queue = run;
    return run;
  }

  private async runEdit<T>(what: HistoryLabel, body: (tx: CatalogEdit) => Promise<T>): Promise<Edited<T>> {
    this.catalog.assertWritable();
    const tx = new FileEdit(this.catalog, (key) => this.versionOf(key), this.editor);
    let result: T;
    try {
      result = await body(tx);
    } catch (err) {
      // Nothing of a failed edit stays: what it touched is put back as it was.
      if (tx.before.size) this.catalog.restore(tx.before);
      throw err;
    }
    if (!tx.before.size) return { result, seq: null, change: { before: tx.before, after: new Map() } };
    await this.catalog.commit();
    const after: EntityStates = new Map();
    for (const key of tx.before.keys()) {
      if (key === PROJECT_KEY) continue;
      const [c, id] = splitKey(key);
      const now = this.catalog.get(c, id);
      after.set(key, copy(now));
      // A new record starts at 1, as in the team store; a removed one forgets its count.
      if (now === undefined) this.versions.delete(key);
      else this.versions.set(key, tx.before.get(key) === undefined ? 1 : this.versionOf(key) + 1);
    }
    this.seq ??= (await this.readHistory()).reduce((m, l) => Math.max(m, l.seq), 0);
    const seq = ++this.seq;
    const keys = [...tx.before.keys()];
    const line = { seq, at: new Date().toISOString(), who: this.editor.name, what, keys };
    await fs.appendFile(this.historyFile, `${JSON.stringify(line)}\n`).catch(() => undefined);
    const change: CatalogChange = { seq, who: this.editor.name, keys, own: true };
    for (const l of this.listeners) l(change);
    return { result, seq, change: { before: tx.before, after } };
  }

  onChange(listener: (change: CatalogChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.catalog.close();
  }
}

const PROJECT_KEY = 'project:project';

class FileEdit implements CatalogEdit {
  readonly before: EntityStates = new Map();

  constructor(
    private readonly catalog: CatalogRepository,
    private readonly versionOf: (key: string) => number,
    private readonly editor: Editor,
  ) {}

  async get<C extends CollectionName>(c: C, id: string): Promise<Stored<CollectionTypes[C]> | undefined> {
    const found = this.catalog.get(c, id);
    this.remember(c, id);
    return found === undefined ? undefined : { ...copy(found), version: this.versionOf(`${c}:${id}`) };
  }

  async put<C extends CollectionName>(c: C, stored: CollectionTypes[C], expect?: { version: number }): Promise<void> {
    const { version: _v, ...record } = stored as CollectionTypes[C] & { version?: number };
    const key = `${c}:${record.id}`;
    if (expect) {
      const exists = this.catalog.get(c, record.id) !== undefined;
      if (!exists) throw new AppError('CONFLICT', msg('team.removedMeanwhile', { id: record.id }));
      if (this.versionOf(key) !== expect.version)
        throw new AppError('CONFLICT', msg('team.changedMeanwhile', { who: this.editor.name, id: record.id }));
    }
    this.remember(c, record.id);
    // Replaced whole: a field the new record does not have is gone, as in the team store.
    this.catalog.replace(c, copy(record) as CollectionTypes[C]);
  }

  async remove(c: CollectionName, id: string): Promise<void> {
    this.remember(c, id);
    this.catalog.remove(c, id);
  }

  async setProject(patch: Partial<Omit<ProjectRecord, 'id' | 'createdAt'>>): Promise<void> {
    this.catalog.setProject(copy(patch));
    this.before.set(PROJECT_KEY, undefined);
  }

  private remember(c: CollectionName, id: string) {
    const key = `${c}:${id}`;
    if (!this.before.has(key)) this.before.set(key, copy(this.catalog.get(c, id)));
  }
}

function matches(p: Photo, q: PhotoPageQuery): boolean {
  if (q.companyId !== undefined && p.companyId !== q.companyId) return false;
  if (q.workerIds?.length && !q.workerIds.every((w) => p.workers.includes(w))) return false;
  if (q.minRating !== undefined && p.rating < q.minRating) return false;
  if (q.flag === 'none' ? p.flag !== null : q.flag && p.flag !== q.flag) return false;
  if (q.photographer !== undefined && p.photographer !== q.photographer) return false;
  return true;
}

function photoRow(p: Photo): PhotoRow {
  return {
    id: p.id,
    thumbnail: p.thumbnail,
    width: p.width,
    height: p.height,
    rating: p.rating,
    flag: p.flag,
    capturedAt: p.capturedAt,
    workerIds: [...p.workers],
  };
}

function splitKey(key: string): [CollectionName, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at) as CollectionName, key.slice(at + 1)];
}
