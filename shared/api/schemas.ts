import { z } from 'zod';
import { EXHIBIT_ORDERS, EXHIBITION_OUTPUTS } from '../model/exhibition';
import { ROSTER_FIELDS } from '../logic/roster-headers';
import { CONSENTS } from '../model/roster';
import { FACE_STATES } from '../model/face';
import { SORT_KEYS } from '../logic/photo-filter';
import type { ApiMethod } from './contract';

/** Runtime checks for every API request: renderer input is untrusted, so handlers parse before they act. */

const photoId = z.string().regex(/^[0-9a-f]{12,64}$/, 'a photo id is 12-64 hex characters');
const faceId = z.string().regex(/^[0-9a-f]{16}$/, 'a face id is 16 hex characters');
/** A file-system path as text: a NUL cannot be in one (the OS would refuse it deep inside with a 500). */
const noNul = (t: string) => !t.includes('\0');
const NUL = 'a path cannot hold a NUL character';
const pathText = z.string().max(4096).refine(noNul, NUL);
const nonEmptyPath = z.string().trim().min(1, 'a path is required').max(4096).refine(noNul, NUL);
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
    workerId: z.string().max(64).nullable().optional(),
    consent: z.enum(CONSENTS).nullable().optional(),
    untagged: z.boolean().optional(),
    missingRegion: z.boolean().optional(),
  })
  .strict();

const id = z.string().trim().min(1).max(64);
const optText = (max: number) => z.string().max(max).nullable().optional();
const fraction = z.number().finite().min(0).max(1);
/** A face as fractions of the displayed photo; it must lie inside it. */
export const regionSchema = z
  .object({ x: fraction, y: fraction, w: fraction.refine((v) => v > 0, 'w must be > 0'), h: fraction.refine((v) => v > 0, 'h must be > 0') })
  .strict()
  .refine((r) => r.x + r.w <= 1.000001 && r.y + r.h <= 1.000001, 'the region must lie inside the photo');

const companyFields = {
  shortName: optText(100),
  district: optText(200),
  contact: optText(200),
  logo: pathText.nullable().optional(),
};
const workerFields = {
  pinyin: optText(200),
  companyId: id.nullable().optional(),
  department: optText(100),
  craft: optText(100),
  joined: z.number().int().min(1900).max(2100).nullable().optional(),
  employeeNo: optText(50),
  phone: optText(50),
  quote: optText(1000),
  consent: z.enum(CONSENTS).optional(),
  consentDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a consent date is YYYY-MM-DD').nullable().optional(),
  consentNote: optText(500),
  note: optText(1000),
};
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'a date is YYYY-MM-DD');
export const cropSchema = z
  .object({ x: fraction, y: fraction, w: fraction.refine((v) => v > 0, 'w must be > 0'), h: fraction.refine((v) => v > 0, 'h must be > 0') })
  .strict();
const captionSchema = z
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
    frame: z.object({ widthMm: z.number().min(0).max(100), color, texture: z.string().regex(/^[\w.-]{1,100}$/, 'a texture is a file name in assets/frames').nullable().optional() }).strict(),
    mat: z.object({ color, topMm: z.number().min(0).max(300), sideMm: z.number().min(0).max(300), bottomMm: z.number().min(0).max(300) }).strict(),
    photoAspect: z.number().min(0.2).max(5).nullable(),
    captions: z.array(captionSchema).max(8),
    logo: z.object({ path: nonEmptyPath, heightMm: z.number().min(3).max(100) }).strict().nullable(),
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
const exhibitionExportSchema = z
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

const importSchema = z
  .object({
    paths: z.array(nonEmptyPath).min(1, 'choose at least one file or folder').max(10000),
    photographer: personName,
    company: z.string().trim().max(200).nullable().optional(),
    shootDay: day,
    copy: z.boolean().optional(),
  })
  .strict();
const galleryExportSchema = z.object({ outDir: nonEmptyPath, baseUrl: z.string().trim().max(2000).optional(), exhibitionId: id.optional() }).strict();
const faceDetectSchema = z.object({ photoIds: z.array(photoId).min(1).max(100000).optional(), again: z.boolean().optional(), thorough: z.boolean().optional() }).strict();

export const rosterMappingSchema = z.record(z.string().max(50), z.enum(ROSTER_FIELDS).nullable());

const empty = z.object({}).strict();

export const requestSchemas = {
  'app.info': empty,
  'projects.create': z.object({ dir: nonEmptyPath, name: z.string().trim().max(200).optional() }).strict(),
  'projects.open': z.object({ dir: nonEmptyPath, toRead: z.boolean().optional() }).strict(),
  'projects.openDemo': empty,
  'projects.recent': empty,
  'projects.current': empty,
  'projects.close': empty,
  'photos.list': z.object({ filter: photoFilterSchema.optional(), sort: z.object({ by: z.enum(SORT_KEYS), dir: z.enum(['asc', 'desc']) }).strict().optional() }).strict(),
  'photos.full': z.object({ id: photoId }).strict(),
  'photos.get': z.object({ id: photoId }).strict(),
  'photos.facets': empty,
  'photos.setRating': z.object({ ids: z.array(photoId).min(1).max(100000), rating: z.number().int().min(0).max(5) }).strict(),
  'photos.setFlag': z
    .object({ ids: z.array(photoId).min(1).max(100000), flag: z.enum(['picked', 'rejected']).nullable() })
    .strict(),
  'import.start': importSchema,
  'import.cancel': z.object({ jobId: z.string().min(1).max(64) }).strict(),
  'import.status': z.object({ jobId: z.string().min(1).max(64) }).strict(),
  'import.defaults': z.object({ paths: z.array(nonEmptyPath).min(1).max(10000) }).strict(),
  'folders.browse': z.object({ path: pathText.optional(), show: z.enum(['photos', 'spreadsheets']).optional() }).strict(),
  'folders.choose': z.object({ paths: z.array(nonEmptyPath).min(1).max(1000), purpose: z.enum(['project', 'import', 'spreadsheet', 'export', 'image']) }).strict(),
  'dialogs.pickPaths': z.object({ mode: z.enum(['folder', 'files']), title: z.string().max(200).optional(), filter: z.enum(['photos', 'spreadsheets']).optional() }).strict(),

  'companies.list': empty,
  'companies.create': z.object({ name: z.string().trim().min(1, 'a company needs a name').max(200), ...companyFields }).strict(),
  'companies.update': z.object({ id, patch: z.object({ name: z.string().trim().min(1).max(200).optional(), ...companyFields }).strict() }).strict(),
  'companies.delete': z.object({ id }).strict(),
  'photographers.list': empty,
  'photographers.update': z.object({ id, patch: z.object({ name: z.string().trim().min(1).max(100).optional(), organisation: optText(200), credit: optText(200) }).strict() }).strict(),
  'workers.list': z.object({ query: z.string().max(100).optional(), limit: z.number().int().min(1).max(10000).optional() }).strict(),
  'workers.create': z.object({ name: z.string().trim().min(1, 'a worker needs a name').max(100), ...workerFields }).strict(),
  'workers.update': z.object({ id, patch: z.object({ name: z.string().trim().min(1).max(100).optional(), ...workerFields }).strict() }).strict(),
  'workers.delete': z.object({ id }).strict(),
  'roster.preview': z.object({ file: nonEmptyPath, mapping: rosterMappingSchema.optional(), createCompanies: z.boolean().optional(), headerRow: z.number().int().min(0).max(10000).optional() }).strict(),
  'roster.apply': z.object({ file: nonEmptyPath, mapping: rosterMappingSchema.optional(), createCompanies: z.boolean().optional(), headerRow: z.number().int().min(0).max(10000).optional() }).strict(),
  'photos.tag': z.object({ ids: z.array(photoId).min(1).max(100000), worker: id, region: regionSchema.nullable().optional(), company: z.enum(['keep', 'worker']).optional() }).strict(),
  'photos.untag': z.object({ ids: z.array(photoId).min(1).max(100000), workerId: id }).strict(),
  'photos.setRegion': z.object({ id: photoId, workerId: id, region: regionSchema.nullable() }).strict(),
  'photos.update': z
    .object({
      ids: z.array(photoId).min(1).max(100000),
      patch: z
        .object({ companyId: id.nullable().optional(), photographer: optText(100), shootDay: day, title: optText(500), caption: optText(5000) })
        .strict(),
    })
    .strict(),
  'photos.usage': z.object({ id: photoId }).strict(),
  'history.list': empty,
  'history.undo': empty,
  'history.redo': empty,
  'xmp.write': z.object({ ids: z.array(photoId).max(100000).optional(), outDir: pathText.optional() }).strict(),

  'campaign.get': empty,
  'campaign.update': z.object({ theme: z.string().trim().max(200).optional(), organizer: z.string().trim().max(200).optional() }).strict(),
  'templates.list': empty,
  'templates.textures': empty,
  'templates.save': z.object({ template: giftTemplateSchema }).strict(),
  'gifts.list': z.object({ templateId: id.optional(), size: z.string().max(40).optional() }).strict(),
  'gifts.choosePhoto': z.object({ workerId: id, photoId: photoId.nullable() }).strict(),
  'gifts.setCrop': z.object({ workerId: id, crop: cropSchema.nullable() }).strict(),
  'exhibitions.plan': z
    .object({
      id: id.optional(),
      title: z.string().trim().max(200).optional(),
      boards: z.number().int().min(1).max(200).optional(),
      boardSize: z.string().trim().max(40).optional(),
      order: z.enum(EXHIBIT_ORDERS).optional(),
      background: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
      marginMm: z.number().min(0).max(500).optional(),
      gutterMm: z.number().min(0).max(200).optional(),
      header: z.boolean().optional(),
    })
    .strict(),
  'exhibitions.list': empty,
  'exhibitions.get': z.object({ id: id.optional() }).strict(),
  'exhibitions.confirm': z.object({ id: id.optional(), photoIds: z.array(id).min(1).max(100000) }).strict(),
  'exhibitions.update': z
    .object({
      id: id.optional(),
      title: z.string().trim().min(1).max(200).optional(),
      subtitle: z.string().trim().max(200).optional(),
      venue: z.string().trim().max(200).nullable().optional(),
      dates: z.string().trim().max(100).nullable().optional(),
      organizers: z.string().trim().max(200).nullable().optional(),
      galleryUrl: z.string().trim().max(2000).nullable().optional(),
      preface: z.string().max(20000).nullable().optional(),
      coverPhotoId: id.nullable().optional(),
      logos: z.array(nonEmptyPath).max(6).optional(),
    })
    .strict(),
  'exhibitions.leftOff': z.object({ id: id.optional() }).strict(),
  'exhibitions.move': z.object({ id: id.optional(), photoId: id, toBoardId: id, beforePhotoId: id.nullable() }).strict(),
  'exhibitions.remove': z.object({ id: id.optional(), photoId: id }).strict(),
  'exhibitions.setLarge': z.object({ id: id.optional(), photoId: id, large: z.boolean() }).strict(),
  'exhibitions.restore': z.object({ id: id.optional(), photoId: id }).strict(),
  'exhibitions.labelPreview': z.object({ id: id.optional(), photoId: id, templateId: id.optional(), template: labelTemplateSchema.optional() }).strict(),
  'labels.templates': empty,
  'gallery.check': z.object({ exhibitionId: id.optional() }).strict(),
  'gallery.export': galleryExportSchema,
  'find.kiosk': z.object({ exhibitionId: id.optional() }).strict(),
  'find.label': z.object({ photoId: id, exhibitionId: id.optional() }).strict(),
  'find.worker': z.object({ query: z.string().max(10000), exhibitionId: id.optional() }).strict(),
  'labels.saveTemplate': z.object({ template: labelTemplateSchema }).strict(),
  'exhibitions.export': exhibitionExportSchema,
  'exhibitions.exportStart': exhibitionExportSchema,
  'exhibitions.exportStatus': z.object({ jobId: z.string().min(1).max(64) }).strict(),
  'exhibitions.exportCancel': z.object({ jobId: z.string().min(1).max(64) }).strict(),
  'gifts.markPrinted': z.object({ workerIds: z.array(id).min(1).max(100000) }).strict(),
  'gifts.setHandOver': z
    .object({ workerId: id, patch: z.object({ printedAt: isoDate.nullable().optional(), framedAt: isoDate.nullable().optional(), handedOverAt: isoDate.nullable().optional(), handedOverBy: optText(100) }).strict() })
    .strict(),
  'gifts.preview': z.object({ workerId: id, templateId: id.optional(), template: giftTemplateSchema.optional(), size: z.string().max(40).optional() }).strict(),
  'faces.detectStart': faceDetectSchema,
  'faces.detectStatus': z.object({ jobId: z.string().min(1).max(64) }).strict(),
  'faces.detectCancel': z.object({ jobId: z.string().min(1).max(64) }).strict(),
  'faces.detectCurrent': empty,
  'faces.list': z.object({ photoId: photoId.optional(), workerId: id.optional(), all: z.boolean().optional() }).strict(),
  'faces.people': empty,
  'faces.forWorker': z.object({ workerId: id }).strict(),
  'faces.assign': z.object({ faceIds: z.array(faceId).min(1).max(10000), workerId: z.string().trim().min(1).max(100) }).strict(),
  'faces.reject': z.object({ faceIds: z.array(faceId).min(1).max(10000), workerId: id.optional() }).strict(),
  'faces.setState': z.object({ faceIds: z.array(faceId).min(1).max(10000), state: z.enum(FACE_STATES) }).strict(),
  'faces.setSuggestions': z.object({ workerId: id, on: z.boolean() }).strict(),
  'export.start': exportOptionsSchema,
  'export.cancel': z.object({ jobId: z.string().min(1).max(64) }).strict(),
  'export.status': z.object({ jobId: z.string().min(1).max(64) }).strict(),
  // One way to start every long task: its kind, and that kind's own request, checked by that kind's schema.
  'jobs.start': z.discriminatedUnion('kind', [
    importSchema.extend({ kind: z.literal('import') }),
    exportOptionsSchema.extend({ kind: z.literal('export') }),
    exhibitionExportSchema.extend({ kind: z.literal('exhibition-export') }),
    galleryExportSchema.extend({ kind: z.literal('gallery-export') }),
    faceDetectSchema.extend({ kind: z.literal('faces') }),
  ]),
  'jobs.status': z.object({ jobId: z.string().min(1).max(64) }).strict(),
  'jobs.cancel': z.object({ jobId: z.string().min(1).max(64) }).strict(),
  'jobs.list': empty,
} as const satisfies Record<ApiMethod, z.ZodType>;

export type RequestSchemas = typeof requestSchemas;
export type RequestOf<K extends keyof RequestSchemas> = z.input<RequestSchemas[K]>;
