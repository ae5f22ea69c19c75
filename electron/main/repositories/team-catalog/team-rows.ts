import type { Face } from '../../../../shared/model/face';
import type { Photo } from '../../../../shared/model/photo';
import type { CollectionName, CollectionTypes } from '../catalog.repository';
import type { PhotoRow, Stored } from '../catalog-store';

/**
 * How a catalog record sits in the team database: photos and faces in their own tables with columns for what is
 * filtered and sorted, every other collection in `records` by kind. The whole record is the JSONB `data` (a face's
 * descriptor apart: bytes, not base64 text), so a record read back is the record written.
 */
export type TableOf = 'photos' | 'faces' | 'records';

export function tableOf(c: CollectionName): TableOf {
  return c === 'photos' ? 'photos' : c === 'faces' ? 'faces' : 'records';
}

/** The row's columns for one record, in the order `insertSql` names them (after id and data). */
export function columnsOf<C extends CollectionName>(c: C, record: CollectionTypes[C]): unknown[] {
  if (c === 'photos') {
    const p = record as Photo;
    return [p.capturedAt, p.rating, p.flag, p.photographer, p.companyId, p.workers, p.thumbnail, p.width, p.height];
  }
  if (c === 'faces') {
    const f = record as Face;
    return [f.photoId, f.workerId, f.state, f.descriptor ? Buffer.from(f.descriptor, 'base64') : null];
  }
  return [];
}

/** What `data` keeps: the record, a face without its descriptor (the bytea column holds it). */
export function dataOf<C extends CollectionName>(c: C, record: CollectionTypes[C]): string {
  if (c === 'faces') {
    const { descriptor: _bytes, ...rest } = record as Face;
    return JSON.stringify(rest);
  }
  return JSON.stringify(record);
}

const PHOTO_COLUMNS = 'captured_at, rating, flag, photographer, company_id, worker_ids, thumbnail, width, height';
const FACE_COLUMNS = 'photo_id, worker_id, state, descriptor';

/**
 * An upsert that answers the new version; with `$n` for an expected version, a row that moved on is not updated
 * (and nothing is answered). Parameters: id, data, editor, the columns, [kind], [expected version].
 */
export function upsertSql(c: CollectionName, expectVersion: boolean): string {
  const table = tableOf(c);
  const columns = table === 'photos' ? PHOTO_COLUMNS : table === 'faces' ? FACE_COLUMNS : '';
  const names = columns ? columns.split(', ') : [];
  const values = names.map((_, i) => `$${i + 4}`);
  const kind = table === 'records' ? `$${names.length + 4}` : null;
  const expected = `$${names.length + (kind ? 5 : 4)}`;
  const key = table === 'records' ? '(kind, id)' : '(id)';
  const insertNames = ['id', 'data', 'changed_by', ...names, ...(kind ? ['kind'] : [])].join(', ');
  const insertValues = ['$1', '$2::jsonb', '$3', ...values, ...(kind ? [kind] : [])].join(', ');
  const updates = ['data = excluded.data', 'changed_by = excluded.changed_by', 'changed_at = now()']
    .concat(names.map((n) => `${n} = excluded.${n}`))
    .concat([`version = ${table}.version + 1`])
    .join(', ');
  return (
    `insert into ${table} (${insertNames}) values (${insertValues}) on conflict ${key} do update set ${updates}` +
    (expectVersion ? ` where ${table}.version = ${expected}` : '') +
    ' returning version'
  );
}

/** A row read back as the record it holds, with its version. */
export function recordOf<C extends CollectionName>(
  c: C,
  row: { data: unknown; version: number; descriptor?: Buffer | null },
): Stored<CollectionTypes[C]> {
  const record = { ...(row.data as object), version: row.version } as Stored<CollectionTypes[C]>;
  if (c === 'faces') (record as unknown as Face).descriptor = row.descriptor ? row.descriptor.toString('base64') : null;
  return record;
}

/** `select` of a whole record: the data, its version, and for a face its descriptor. */
export function selectSql(c: CollectionName, where: string): string {
  const table = tableOf(c);
  const extra = table === 'faces' ? ', descriptor' : '';
  return `select data, version${extra} from ${table} where ${where}`;
}

/** Drops the version a stored record was read with, so what is written is the record alone. */
export function withoutVersion<T>(record: T): T {
  if (record && typeof record === 'object' && 'version' in record) {
    const { version: _v, ...rest } = record as T & { version: unknown };
    return rest as T;
  }
  return record;
}

export interface PhotoRowColumns {
  id: string;
  thumbnail: string | null;
  width: number;
  height: number;
  rating: number;
  flag: string | null;
  captured_at: string | null;
  worker_ids: string[];
}

export function photoRowOf(r: PhotoRowColumns): PhotoRow {
  return {
    id: r.id,
    thumbnail: r.thumbnail,
    width: r.width,
    height: r.height,
    rating: r.rating,
    flag: (r.flag as PhotoRow['flag']) ?? null,
    capturedAt: r.captured_at,
    workerIds: r.worker_ids,
  };
}
