import type { Photo } from './photo';

/** What `project.json` holds. Bump CATALOG_SCHEMA_VERSION and add a migration when this shape changes. */
export const CATALOG_SCHEMA_VERSION = 1;

export interface CatalogData {
  schemaVersion: number;
  project: { id: string; name: string; createdAt: string; isDemo?: boolean };
  photos: Photo[];
}
