import { z } from 'zod';
import { method } from '../method';
import { id, galleryExportSchema } from '../schemas';
import type { GalleryCheck, GalleryResult } from '../../model/gallery';

/** The web gallery: what it would publish, and writing it. */
export const galleryMethods = {
  'gallery.check': method<GalleryCheck>()({ kind: 'read', schema: z.object({ exhibitionId: id.optional() }).strict() }),
  'gallery.export': method<GalleryResult>()({ kind: 'export', schema: galleryExportSchema }),
};
