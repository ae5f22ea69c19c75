import { CATALOG_SCHEMA_VERSION, type CatalogData } from '../model/catalog';

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/** migrations[n] turns a version-n catalog into version n+1. */
const migrations: Record<number, Migration> = {
  // 0: the pre-release layout had no version and called photos "items".
  0: (d) => {
    const { items, ...rest } = d as { items?: unknown[] };
    return { ...rest, photos: (rest as { photos?: unknown[] }).photos ?? items ?? [], schemaVersion: 1 };
  },
};

export type MigrationOutcome =
  | { kind: 'current'; data: CatalogData }
  | { kind: 'migrated'; data: CatalogData; from: number }
  | { kind: 'too-new'; version: number }
  | { kind: 'invalid'; reason: string };

export function migrateCatalog(input: unknown, target = CATALOG_SCHEMA_VERSION): MigrationOutcome {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { kind: 'invalid', reason: 'it is not a JSON object' };
  let data = input as Record<string, unknown>;
  const raw = data.schemaVersion;
  const from = raw === undefined ? 0 : raw;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) return { kind: 'invalid', reason: `schemaVersion ${JSON.stringify(raw)} is not a version number` };
  if (from > target) return { kind: 'too-new', version: from };
  for (let v = from; v < target; v++) {
    const step = migrations[v];
    if (!step) return { kind: 'invalid', reason: `no migration from schema ${v}` };
    data = step(data);
  }
  if (!data.project || typeof data.project !== 'object') return { kind: 'invalid', reason: 'the project section is missing' };
  if (!Array.isArray(data.photos)) return { kind: 'invalid', reason: 'the photo list is missing' };
  const result = data as unknown as CatalogData;
  return from === target ? { kind: 'current', data: result } : { kind: 'migrated', data: result, from };
}
