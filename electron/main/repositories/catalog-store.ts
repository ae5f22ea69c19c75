import type { CatalogData } from '../../../shared/model/catalog';
import type { HistoryLabel } from '../../../shared/model/history';
import type { Flag } from '../../../shared/model/photo';
import type { CollectionName, CollectionTypes, EntityStates } from './catalog.repository';

/**
 * The catalog as the services will reach it, whichever store keeps it: the project's file (one writer, the lock) or
 * a team's PostgreSQL database (several writers at once). Everything is async and answers copies, never live
 * records; every edit is one transaction that carries its undo record and names who made it; other writers' edits
 * arrive on the change feed. Chosen in one place (the container); no service knows which store it talks to.
 */
export interface CatalogStore {
  /** 'file': project.json and its journal in the folder · 'team': a PostgreSQL database the folder points at */
  readonly kind: 'file' | 'team';
  /** the project's folder: originals copied in, caches (catalog paths are relative to it) */
  readonly dir: string;
  /** who this store's edits are recorded as */
  readonly editor: Editor;

  project(): Promise<ProjectRecord>;
  get<C extends CollectionName>(c: C, id: string): Promise<Stored<CollectionTypes[C]> | undefined>;
  list<C extends CollectionName>(c: C): Promise<CollectionTypes[C][]>;
  count(c: CollectionName): Promise<number>;
  /** the grid's rows, slim (never whole records), one page at a time, with how many match */
  photoPage(query: PhotoPageQuery): Promise<PhotoPage>;
  /** every edit that touched one record, oldest first */
  history(c: CollectionName, id: string): Promise<HistoryLine[]>;

  /**
   * Runs `body` as one transaction and records it as one edit under `what`. A record read through the edit is held
   * until it ends (no one else's edit lands in between); a put that names the version it was read at is refused
   * (CONFLICT, naming who changed it) when the record moved on since.
   */
  edit<T>(what: HistoryLabel, body: (tx: CatalogEdit) => Promise<T>): Promise<Edited<T>>;

  /** Other writers' edits (and this store's own), as they commit. Returns the unsubscribe. */
  onChange(listener: (change: CatalogChange) => void): () => void;
  close(): Promise<void>;
}

/** Who made an edit: a name chosen at first start, or the OS user. */
export interface Editor {
  name: string;
}

/** The project's own record: what `project.json` keeps beside the collections. */
export type ProjectRecord = CatalogData['project'];

/** A record with the version it was read at (1 for a new one; each committed change adds one). */
export type Stored<T> = T & { readonly version: number };

export interface CatalogEdit {
  get<C extends CollectionName>(c: C, id: string): Promise<Stored<CollectionTypes[C]> | undefined>;
  /** Adds or replaces by id; with `expect`, refused unless the stored record is still at that version. */
  put<C extends CollectionName>(c: C, record: CollectionTypes[C], expect?: { version: number }): Promise<void>;
  remove(c: CollectionName, id: string): Promise<void>;
  setProject(patch: Partial<Omit<ProjectRecord, 'id' | 'createdAt'>>): Promise<void>;
}

export interface Edited<T> {
  result: T;
  /** null when the edit changed nothing (nothing to undo, nothing recorded) */
  seq: number | null;
  /** the before and after of every record touched: undo puts `before` back */
  change: { before: EntityStates; after: EntityStates };
}

export interface CatalogChange {
  seq: number;
  who: string;
  /** `collection:id` of every record the edit touched */
  keys: string[];
  /** made through this store (this window), not by another writer */
  own: boolean;
}

export interface HistoryLine {
  seq: number;
  at: string;
  who: string;
  what: HistoryLabel;
}

export interface PhotoPageQuery {
  offset: number;
  limit: number;
  companyId?: string;
  workerIds?: string[];
  minRating?: number;
  flag?: Exclude<Flag, null> | 'none';
  photographer?: string;
}

/** What the grid draws for one photo: enough for a thumbnail, its badges and its place. */
export interface PhotoRow {
  id: string;
  thumbnail: string | null;
  width: number;
  height: number;
  rating: number;
  flag: Flag;
  capturedAt: string | null;
  workerIds: string[];
}

export interface PhotoPage {
  total: number;
  rows: PhotoRow[];
}

/** The grid's order, the same in both stores: capture time (undated last), then id. */
export function comparePhotoRows(a: PhotoRow, b: PhotoRow): number {
  if (a.capturedAt !== b.capturedAt) {
    if (a.capturedAt === null) return 1;
    if (b.capturedAt === null) return -1;
    return a.capturedAt < b.capturedAt ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
