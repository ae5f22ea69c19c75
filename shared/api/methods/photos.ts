import { z } from 'zod';
import { method } from '../method';
import { photoId, pathText, nonEmptyPath, day, photoFilterSchema, id, optText, importSchema, empty } from '../schemas';
import { SORT_KEYS } from '../../logic/photo-filter';
import type { ImportJob } from '../../model/import-job';
import type { Photo } from '../../model/photo';
import type { PhotoFacets } from '../../logic/photo-filter';
import type { PhotoUsage } from '../../logic/photo-usage';
import type { ImportDefaults, XmpRefusal } from '../replies';

/** Photos: the library, culling, import, XMP sidecars. */
export const photosMethods = {
  'photos.list': method<Photo[]>()({
    kind: 'read',
    schema: z
      .object({
        filter: photoFilterSchema.optional(),
        sort: z
          .object({ by: z.enum(SORT_KEYS), dir: z.enum(['asc', 'desc']) })
          .strict()
          .optional(),
      })
      .strict(),
  }),
  'photos.get': method<Photo>()({ kind: 'read', schema: z.object({ id: photoId }).strict() }),
  /** renders the photo upright at full size from the original (cached), for the loupe's 100% view: media kind "full" */
  'photos.full': method<{ width: number; height: number }>()({
    kind: 'read',
    schema: z.object({ id: photoId }).strict(),
  }),
  'photos.facets': method<PhotoFacets>()({ kind: 'read', schema: empty }),
  'photos.setRating': method<Photo[]>()({
    kind: 'edit',
    schema: z.object({ ids: z.array(photoId).min(1).max(100000), rating: z.number().int().min(0).max(5) }).strict(),
  }),
  'photos.setFlag': method<Photo[]>()({
    kind: 'edit',
    schema: z
      .object({ ids: z.array(photoId).min(1).max(100000), flag: z.enum(['picked', 'rejected']).nullable() })
      .strict(),
  }),
  'import.start': method<{ jobId: string }>()({ kind: 'edit', schema: importSchema }),
  'import.cancel': method<ImportJob>()({
    kind: 'edit',
    schema: z.object({ jobId: z.string().min(1).max(64) }).strict(),
  }),
  'import.status': method<ImportJob>()({
    kind: 'read',
    schema: z.object({ jobId: z.string().min(1).max(64) }).strict(),
  }),
  'import.defaults': method<ImportDefaults>()({
    kind: 'read',
    schema: z.object({ paths: z.array(nonEmptyPath).min(1).max(10000) }).strict(),
  }),
  'photos.update': method<Photo[]>()({
    kind: 'edit',
    schema: z
      .object({
        ids: z.array(photoId).min(1).max(100000),
        patch: z
          .object({
            companyId: id.nullable().optional(),
            photographer: optText(100),
            shootDay: day,
            title: optText(500),
            caption: optText(5000),
          })
          .strict(),
      })
      .strict(),
  }),
  /** may the photo be exhibited or gifted, given who is in it */
  'photos.usage': method<PhotoUsage>()({ kind: 'read', schema: z.object({ id: photoId }).strict() }),
  /** writes IPTC/XMP sidecars (never touching originals), merging into one already there; returns the files written */
  'xmp.write': method<{ written: string[]; refused: XmpRefusal[] }>()({
    kind: 'export',
    schema: z.object({ ids: z.array(photoId).max(100000).optional(), outDir: pathText.optional() }).strict(),
  }),
};
