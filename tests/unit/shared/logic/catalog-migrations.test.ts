import { describe, expect, it } from 'vitest';
import { migrateCatalog } from '../../../../shared/logic/catalog-migrations';
import { CATALOG_SCHEMA_VERSION } from '../../../../shared/model/catalog';

const project = { id: 'p', name: '追光', createdAt: '2025-05-01T00:00:00Z' };

describe('migrateCatalog', () => {
  it('accepts the current version as it is', () => {
    const data = {
      schemaVersion: CATALOG_SCHEMA_VERSION,
      project,
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
    expect(migrateCatalog(data)).toEqual({ kind: 'current', data });
  });
  it('migrates the unversioned layout forward', () => {
    const out = migrateCatalog({ project, items: [{ id: 'a' }] });
    expect(out).toMatchObject({
      kind: 'migrated',
      from: 0,
      data: { schemaVersion: CATALOG_SCHEMA_VERSION, photos: [{ id: 'a', workers: [], companyId: null }], workers: [] },
    });
  });
  it('gives a schema-4 catalog an empty exhibition list', () => {
    const v4 = {
      schemaVersion: 4,
      project,
      photos: [],
      companies: [],
      photographers: [],
      workers: [],
      templates: [],
      gifts: [],
    };
    expect(migrateCatalog(v4)).toMatchObject({
      kind: 'migrated',
      from: 4,
      data: { schemaVersion: 8, exhibitions: [], labelTemplates: [], faces: [] },
    });
    const v5 = { ...v4, schemaVersion: 5, exhibitions: [{ id: 'default' }] };
    expect(migrateCatalog(v5)).toMatchObject({
      kind: 'migrated',
      from: 5,
      data: { schemaVersion: 8, exhibitions: [{ id: 'default' }], labelTemplates: [], faces: [] },
    });
    // 6 → 7: faces arrive empty; a list already there is kept.
    expect(migrateCatalog({ ...v5, schemaVersion: 6, labelTemplates: [] })).toMatchObject({
      kind: 'migrated',
      from: 6,
      data: { schemaVersion: 8, faces: [] },
    });
    // 7 → 8: the journal arrives; the snapshot holds none of it yet.
    expect(migrateCatalog({ ...v5, schemaVersion: 7, labelTemplates: [], faces: [] })).toMatchObject({
      kind: 'migrated',
      from: 7,
      data: { schemaVersion: 8, journalSeq: 0 },
    });
  });
  it('refuses a catalog from a newer app', () => {
    expect(migrateCatalog({ schemaVersion: CATALOG_SCHEMA_VERSION + 1, project, photos: [] })).toEqual({
      kind: 'too-new',
      version: CATALOG_SCHEMA_VERSION + 1,
    });
  });
  it.each([
    [null, 'not a JSON object'],
    [[], 'not a JSON object'],
    [{ schemaVersion: 'one', project, photos: [] }, 'not a version number'],
    [{ schemaVersion: CATALOG_SCHEMA_VERSION, photos: [] }, 'project section is missing'],
    [{ schemaVersion: CATALOG_SCHEMA_VERSION, project, photos: {} }, 'photo list is missing'],
    [
      {
        schemaVersion: CATALOG_SCHEMA_VERSION,
        project,
        photos: [],
        companies: [],
        photographers: [],
        workers: [],
        templates: [],
      },
      'gifts list is missing',
    ],
    [
      {
        schemaVersion: CATALOG_SCHEMA_VERSION,
        project,
        photos: [],
        companies: [],
        photographers: [],
        workers: [],
        templates: [],
        gifts: [],
      },
      'exhibitions list is missing',
    ],
  ])('says why %j is invalid', (input, reason) => {
    const out = migrateCatalog(input);
    expect(out.kind).toBe('invalid');
    expect((out as { reason: string }).reason).toContain(reason);
  });
});

describe('migrating schema 1 to 2', () => {
  it('turns company and photographer names into roster entries and keeps the photos pointing at them', () => {
    const v1 = {
      schemaVersion: 1,
      project,
      photos: [
        { id: 'a', company: '科润智能控制股份有限公司 ', photographer: '陈晓明' },
        { id: 'b', company: '科润智能控制股份有限公司', photographer: null },
        { id: 'c', company: null, photographer: '王丽华' },
      ],
    };
    const out = migrateCatalog(v1);
    expect(out.kind).toBe('migrated');
    const data = (out as { data: import('../../../../shared/model/catalog').CatalogData }).data;
    expect(data.companies.map((c) => c.name)).toEqual(['科润智能控制股份有限公司']);
    expect(data.photographers.map((p) => p.name).sort()).toEqual(['王丽华', '陈晓明'].sort());
    expect(data.photos[0]!.companyId).toBe(data.companies[0]!.id);
    expect(data.photos[1]!.companyId).toBe(data.companies[0]!.id);
    expect(data.photos[2]!).toMatchObject({ companyId: null, workers: [], faceRegions: [] });
    // Deterministic: migrating the same file twice gives the same ids.
    expect((migrateCatalog(v1) as { data: { companies: { id: string }[] } }).data.companies[0]!.id).toBe(
      data.companies[0]!.id,
    );
  });
});
