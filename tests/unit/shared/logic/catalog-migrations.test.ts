import { describe, expect, it } from 'vitest';
import { migrateCatalog } from '../../../../shared/logic/catalog-migrations';
import { CATALOG_SCHEMA_VERSION } from '../../../../shared/model/catalog';

const project = { id: 'p', name: '追光', createdAt: '2025-05-01T00:00:00Z' };

describe('migrateCatalog', () => {
  it('accepts the current version as it is', () => {
    const data = { schemaVersion: CATALOG_SCHEMA_VERSION, project, photos: [] };
    expect(migrateCatalog(data)).toEqual({ kind: 'current', data });
  });
  it('migrates the unversioned layout forward', () => {
    const out = migrateCatalog({ project, items: [{ id: 'a' }] });
    expect(out).toMatchObject({ kind: 'migrated', from: 0, data: { schemaVersion: 1, photos: [{ id: 'a' }] } });
  });
  it('refuses a catalog from a newer app', () => {
    expect(migrateCatalog({ schemaVersion: CATALOG_SCHEMA_VERSION + 1, project, photos: [] })).toEqual({ kind: 'too-new', version: CATALOG_SCHEMA_VERSION + 1 });
  });
  it.each([
    [null, 'not a JSON object'],
    [[], 'not a JSON object'],
    [{ schemaVersion: 'one', project, photos: [] }, 'not a version number'],
    [{ schemaVersion: 1, photos: [] }, 'project section is missing'],
    [{ schemaVersion: 1, project, photos: {} }, 'photo list is missing'],
  ])('says why %j is invalid', (input, reason) => {
    const out = migrateCatalog(input);
    expect(out.kind).toBe('invalid');
    expect((out as { reason: string }).reason).toContain(reason);
  });
});
