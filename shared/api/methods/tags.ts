import { z } from 'zod';
import { method } from '../method';
import { photoId, id, regionSchema } from '../schemas';
import type { Photo } from '../../model/photo';

/** Tags: who is in a photo, and where. */
export const tagsMethods = {
  'photos.tag': method<Photo[]>()({
    kind: 'edit',
    schema: z
      .object({
        ids: z.array(photoId).min(1).max(100000),
        worker: id,
        region: regionSchema.nullable().optional(),
        company: z.enum(['keep', 'worker']).optional(),
      })
      .strict(),
  }),
  'photos.untag': method<Photo[]>()({
    kind: 'edit',
    schema: z.object({ ids: z.array(photoId).min(1).max(100000), workerId: id }).strict(),
  }),
  'photos.setRegion': method<Photo>()({
    kind: 'edit',
    schema: z.object({ id: photoId, workerId: id, region: regionSchema.nullable() }).strict(),
  }),
};
