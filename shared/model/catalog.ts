import type { Photo } from './photo';
import type { Company, Photographer, Worker } from './roster';

/** What `project.json` holds. Bump CATALOG_SCHEMA_VERSION and add a migration when this shape changes. */
export const CATALOG_SCHEMA_VERSION = 2;

export interface CatalogData {
  schemaVersion: number;
  project: { id: string; name: string; createdAt: string; isDemo?: boolean };
  photos: Photo[];
  companies: Company[];
  photographers: Photographer[];
  workers: Worker[];
}
