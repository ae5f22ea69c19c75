import { z } from 'zod';
import { EXHIBITION_OUTPUTS } from '../model/exhibition';
import { ROSTER_FIELDS } from '../logic/roster-headers';
import { CONSENTS } from '../model/roster';

/**
 * The pieces every method's request schema is built from (ids, paths, filters, templates, export options). Each
 * method declares its own schema in its domain's file (methods/*.ts): renderer input is untrusted, so every
 * request is parsed before a handler acts.
 */

export const photoId = z.string().regex(/^[0-9a-f]{12,64}$/, 'a photo id is 12-64 hex characters');
export const faceId = z.string().regex(/^[0-9a-f]{16}$/, 'a face id is 16 hex characters');
/** A file-system path as text: a NUL cannot be in one (the OS would refuse it deep inside with a 500). */
export const noNul = (t: string) => !t.includes('\0');
export const NUL = 'a path cannot hold a NUL character';
export const pathText = z.string().max(4096).refine(noNul, NUL);
export const nonEmptyPath = z.string().trim().min(1, 'a path is required').max(4096).refine(noNul, NUL);
export const personName = z.string().trim().max(100).nullable().optional();
export const day = z
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
    workerId: z.string().max(64).nullable().optional(),
    consent: z.enum(CONSENTS).nullable().optional(),
    untagged: z.boolean().optional(),
    missingRegion: z.boolean().optional(),
  })
  .strict();

export const id = z.string().trim().min(1).max(64);
export const optText = (max: number) => z.string().max(max).nullable().optional();
export const fraction = z.number().finite().min(0).max(1);
/** A face as fractions of the displayed photo; it must lie inside it. */
export const regionSchema = z
  .object({
    x: fraction,
    y: fraction,
    w: fraction.refine((v) => v > 0, 'w must be > 0'),
    h: fraction.refine((v) => v > 0, 'h must be > 0'),
  })
  .strict()
  .refine((r) => r.x + r.w <= 1.000001 && r.y + r.h <= 1.000001, 'the region must lie inside the photo');

export const companyFields = {
  shortName: optText(100),
  district: optText(200),
  contact: optText(200),
  logo: pathText.nullable().optional(),
};
export const workerFields = {
  pinyin: optText(200),
  companyId: id.nullable().optional(),
  department: optText(100),
  craft: optText(100),
  joined: z.number().int().min(1900).max(2100).nullable().optional(),
  employeeNo: optText(50),
  phone: optText(50),
  quote: optText(1000),
  consent: z.enum(CONSENTS).optional(),
  consentDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a consent date is YYYY-MM-DD')
    .nullable()
    .optional(),
  consentNote: optText(500),
  note: optText(1000),
};
export const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'a date is YYYY-MM-DD');
export const cropSchema = z
  .object({
    x: fraction,
    y: fraction,
    w: fraction.refine((v) => v > 0, 'w must be > 0'),
    h: fraction.refine((v) => v > 0, 'h must be > 0'),
  })
  .strict();
export const captionSchema = z
  .object({
    text: z.string().max(500),
    font: z.enum(['sans', 'serif']),
    sizePt: z.number().min(1).max(96),
    weight: z.enum(['normal', 'bold']),
    color,
    align: z.enum(['left', 'center', 'right']),
    leading: z.number().min(0.8).max(3).optional(),
    maxLines: z.number().int().min(1).max(10).optional(),
  })
  .strict();
export const giftTemplateSchema = z
  .object({
    id: z.string().max(64).optional(),
    name: z.string().trim().min(1, 'a template needs a name').max(100),
    size: z.string().trim().min(1).max(40),
    orientation: z.enum(['portrait', 'landscape', 'auto']),
    frame: z
      .object({
        widthMm: z.number().min(0).max(100),
        color,
        texture: z
          .string()
          .regex(/^[\w.-]{1,100}$/, 'a texture is a file name in assets/frames')
          .nullable()
          .optional(),
      })
      .strict(),
    mat: z
      .object({
        color,
        topMm: z.number().min(0).max(300),
        sideMm: z.number().min(0).max(300),
        bottomMm: z.number().min(0).max(300),
      })
      .strict(),
    photoAspect: z.number().min(0.2).max(5).nullable(),
    captions: z.array(captionSchema).max(8),
    logo: z
      .object({ path: nonEmptyPath, heightMm: z.number().min(3).max(100) })
      .strict()
      .nullable(),
    paper: z.string().trim().max(40).optional(),
  })
  .strict();
export const labelTemplateSchema = z
  .object({
    id: z.string().max(64).optional(),
    name: z.string().trim().min(1, 'a template needs a name').max(100),
    size: z.string().trim().min(1).max(40),
    background: color,
    blocks: z.array(captionSchema).min(1).max(8),
    qr: z.boolean(),
  })
  .strict();
/** What an exhibition export writes and how: the same request awaited (CLI) or started as a job (window). */
export const exhibitionExportSchema = z
  .object({
    exhibitionId: id.optional(),
    what: z.enum(EXHIBITION_OUTPUTS),
    format: z.enum(['pdf', 'jpeg', 'tiff']).optional(),
    dpi: z.number().int().min(30).max(600).optional(),
    bleedMm: z.number().min(0).max(20).optional(),
    marks: z.boolean().optional(),
    outDir: nonEmptyPath.optional(),
    baseUrl: z.string().trim().max(2000).optional(),
    allowLowRes: z.boolean().optional(),
    material: z.string().trim().max(40).optional(),
    labelTemplateId: id.optional(),
    labelSheet: z.enum(['A4', 'A3', 'single']).optional(),
    catalogueSize: z.enum(['A4', '210x285']).optional(),
    landscape: z.boolean().optional(),
    coverPhotoId: id.optional(),
    posterSize: z.enum(['A2', 'A1']).optional(),
  })
  .strict();
export const exportOptionsSchema = z
  .object({
    templateId: id,
    size: z.string().max(40).optional(),
    dpi: z.number().int().min(72).max(1200),
    format: z.enum(['jpeg', 'tiff', 'pdf']),
    bleedMm: z.number().min(0).max(20),
    marks: z.boolean(),
    cmyk: z.boolean(),
    per: z.enum(['worker', 'photo']),
    workerIds: z.array(id).max(100000).optional(),
    photoIds: z.array(photoId).max(100000).optional(),
    outDir: pathText.optional(),
    namePattern: z.string().max(200).optional(),
    impose: z.enum(['A4', 'A3']).nullable().optional(),
    rasterMarks: z.boolean().optional(),
    allowLowRes: z.boolean().optional(),
    icc: nonEmptyPath.optional(),
  })
  .strict();

export const importSchema = z
  .object({
    paths: z.array(nonEmptyPath).min(1, 'choose at least one file or folder').max(10000),
    photographer: personName,
    company: z.string().trim().max(200).nullable().optional(),
    shootDay: day,
    copy: z.boolean().optional(),
  })
  .strict();
export const galleryExportSchema = z
  .object({ outDir: nonEmptyPath, baseUrl: z.string().trim().max(2000).optional(), exhibitionId: id.optional() })
  .strict();
export const faceDetectSchema = z
  .object({
    photoIds: z.array(photoId).min(1).max(100000).optional(),
    again: z.boolean().optional(),
    thorough: z.boolean().optional(),
  })
  .strict();

export const rosterMappingSchema = z.record(z.string().max(50), z.enum(ROSTER_FIELDS).nullable());

export const empty = z.object({}).strict();
