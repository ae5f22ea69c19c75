import { z } from 'zod';
import type { ApiMethod } from './contract';

/** Runtime checks for every API request: renderer input is untrusted, so handlers parse before they act. */

const photoId = z.string().regex(/^[0-9a-f]{12,64}$/, 'a photo id is 12-64 hex characters');
const nonEmptyPath = z.string().trim().min(1, 'a path is required').max(4096);
const personName = z.string().trim().max(100).nullable().optional();
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a shoot day is YYYY-MM-DD')
  .nullable()
  .optional();

export const photoFilterSchema = z
  .object({
    photographer: z.string().max(100).nullable().optional(),
    company: z.string().max(200).nullable().optional(),
    shootDay: day,
    minRating: z.number().int().min(0).max(5).optional(),
    flag: z.enum(['picked', 'rejected', 'unflagged']).nullable().optional(),
    text: z.string().max(200).optional(),
  })
  .strict();

const empty = z.object({}).strict();

export const requestSchemas = {
  'app.info': empty,
  'projects.create': z.object({ dir: nonEmptyPath, name: z.string().trim().max(200).optional() }).strict(),
  'projects.open': z.object({ dir: nonEmptyPath }).strict(),
  'projects.openDemo': empty,
  'projects.recent': empty,
  'projects.current': empty,
  'projects.close': empty,
  'photos.list': z.object({ filter: photoFilterSchema.optional() }).strict(),
  'photos.get': z.object({ id: photoId }).strict(),
  'photos.facets': empty,
  'photos.setRating': z.object({ ids: z.array(photoId).min(1).max(100000), rating: z.number().int().min(0).max(5) }).strict(),
  'photos.setFlag': z
    .object({ ids: z.array(photoId).min(1).max(100000), flag: z.enum(['picked', 'rejected']).nullable() })
    .strict(),
  'import.start': z
    .object({
      paths: z.array(nonEmptyPath).min(1, 'choose at least one file or folder').max(10000),
      photographer: personName,
      company: z.string().trim().max(200).nullable().optional(),
      shootDay: day,
      copy: z.boolean().optional(),
    })
    .strict(),
  'import.cancel': z.object({ jobId: z.string().min(1).max(64) }).strict(),
  'import.status': z.object({ jobId: z.string().min(1).max(64) }).strict(),
  'import.defaults': z.object({ paths: z.array(nonEmptyPath).min(1).max(10000) }).strict(),
  'folders.browse': z.object({ path: z.string().max(4096).optional() }).strict(),
  'dialogs.pickPaths': z.object({ mode: z.enum(['folder', 'files']), title: z.string().max(200).optional() }).strict(),
} as const satisfies Record<ApiMethod, z.ZodType>;

export type RequestSchemas = typeof requestSchemas;
export type RequestOf<K extends keyof RequestSchemas> = z.input<RequestSchemas[K]>;
