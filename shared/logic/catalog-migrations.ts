import { CATALOG_SCHEMA_VERSION, type CatalogData } from '../model/catalog';
import { normalizeCompanyName, normalizePersonName, stableId } from './names';

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/** migrations[n] turns a version-n catalog into version n+1. */
const migrations: Record<number, Migration> = {
  // 0: the pre-release layout had no version and called photos "items".
  0: (d) => {
    const { items, ...rest } = d as { items?: unknown[] };
    return { ...rest, photos: (rest as { photos?: unknown[] }).photos ?? items ?? [], schemaVersion: 1 };
  },
  // 1: photos named their company and photographer as text; 2 keeps rosters, and photos refer to companies by id.
  1: (d) => {
    const photos = ((d.photos as Record<string, unknown>[]) ?? []).map((p) => ({ ...p }));
    const companies = new Map<string, Record<string, unknown>>();
    const photographers = new Map<string, Record<string, unknown>>();
    for (const p of photos) {
      const company = normalizeCompanyName(p.company);
      if (company && !companies.has(company))
        companies.set(company, {
          id: stableId('co', company),
          name: company,
          shortName: null,
          district: null,
          contact: null,
          logo: null,
        });
      const who = normalizePersonName(p.photographer);
      if (who && !photographers.has(who))
        photographers.set(who, { id: stableId('ph', who), name: who, organisation: null, credit: null });
      p.company = company || null;
      p.companyId = company ? companies.get(company)!.id : null;
      p.workers = Array.isArray(p.workers) ? p.workers : [];
      p.faceRegions = Array.isArray(p.faceRegions) ? p.faceRegions : [];
    }
    return {
      ...d,
      photos,
      companies: [...companies.values()],
      photographers: [...photographers.values()],
      workers: [],
      schemaVersion: 2,
    };
  },
  // 2: gift sheets arrive: project templates and per-worker gift records.
  2: (d) => ({
    ...d,
    templates: Array.isArray(d.templates) ? d.templates : [],
    gifts: Array.isArray(d.gifts) ? d.gifts : [],
    schemaVersion: 3,
  }),
  // 3: warnings were English sentences; 4 keeps them as messages by key, said in each user's language.
  3: (d) => ({
    ...d,
    photos: ((d.photos as Record<string, unknown>[]) ?? []).map((p) => ({
      ...p,
      warnings: (Array.isArray(p.warnings) ? p.warnings : []).map((w) =>
        typeof w === 'string' ? { key: 'warning.legacy', params: { text: w } } : w,
      ),
    })),
    schemaVersion: 4,
  }),
  // 4: the exhibition arrives: boards and where each photo hangs.
  4: (d) => ({ ...d, exhibitions: Array.isArray(d.exhibitions) ? d.exhibitions : [], schemaVersion: 5 }),
  // 5: wall label templates of the project's own.
  5: (d) => ({ ...d, labelTemplates: Array.isArray(d.labelTemplates) ? d.labelTemplates : [], schemaVersion: 6 }),
  // 6: faces found in the photos, and who they are.
  6: (d) => ({ ...d, faces: Array.isArray(d.faces) ? d.faces : [], schemaVersion: 7 }),
  // 7: edits go to project.journal first (synced before they are answered); the snapshot says how far it holds
  // them. An older version would not read the journal, so it must refuse the catalog: hence a new version.
  7: (d) => ({ ...d, journalSeq: typeof d.journalSeq === 'number' ? d.journalSeq : 0, schemaVersion: 8 }),
};

export type MigrationOutcome =
  | { kind: 'current'; data: CatalogData }
  | { kind: 'migrated'; data: CatalogData; from: number }
  | { kind: 'too-new'; version: number }
  | { kind: 'invalid'; reason: string };

export function migrateCatalog(input: unknown, target = CATALOG_SCHEMA_VERSION): MigrationOutcome {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return { kind: 'invalid', reason: 'it is not a JSON object' };
  let data = input as Record<string, unknown>;
  const raw = data.schemaVersion;
  const from = raw === undefined ? 0 : raw;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0)
    return { kind: 'invalid', reason: `schemaVersion ${JSON.stringify(raw)} is not a version number` };
  if (from > target) return { kind: 'too-new', version: from };
  for (let v = from; v < target; v++) {
    const step = migrations[v];
    if (!step) return { kind: 'invalid', reason: `no migration from schema ${v}` };
    data = step(data);
  }
  if (!data.project || typeof data.project !== 'object')
    return { kind: 'invalid', reason: 'the project section is missing' };
  if (!Array.isArray(data.photos)) return { kind: 'invalid', reason: 'the photo list is missing' };
  for (const list of [
    'companies',
    'photographers',
    'workers',
    'templates',
    'gifts',
    'exhibitions',
    'labelTemplates',
    'faces',
  ])
    if (!Array.isArray(data[list])) return { kind: 'invalid', reason: `the ${list} list is missing` };
  const result = data as unknown as CatalogData;
  return from === target ? { kind: 'current', data: result } : { kind: 'migrated', data: result, from };
}
