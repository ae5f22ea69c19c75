import type { Exhibition, LabelTemplate } from './exhibition';
import type { Face } from './face';
import type { Campaign, GiftRecord, GiftTemplate } from './gift';
import type { Photo } from './photo';
import type { Company, Photographer, Worker } from './roster';

/** What `project.json` holds. Bump CATALOG_SCHEMA_VERSION and add a migration when this shape changes. */
export const CATALOG_SCHEMA_VERSION = 8;

export interface CatalogData {
  schemaVersion: number;
  /** the last journal entry (project.journal) this snapshot holds; later ones are applied on open (schema 8) */
  journalSeq?: number;
  project: { id: string; name: string; createdAt: string; isDemo?: boolean; campaign?: Campaign };
  photos: Photo[];
  companies: Company[];
  photographers: Photographer[];
  workers: Worker[];
  /** the project's own gift templates (built-ins ship with the app) */
  templates: GiftTemplate[];
  /** one per worker who has one: chosen photo, crop, hand-over */
  gifts: (GiftRecord & { id: string })[];
  /** one per venue; auto-fill keeps the default one */
  exhibitions: Exhibition[];
  /** the project's own wall label templates (built-ins ship with the app) */
  labelTemplates: LabelTemplate[];
  /** every face found or drawn, with what it looks like (kept here only) and who it is */
  faces: Face[];
}
