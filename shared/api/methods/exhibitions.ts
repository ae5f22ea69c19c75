import { z } from 'zod';
import { method } from '../method';
import { nonEmptyPath, id, labelTemplateSchema, exhibitionExportSchema, empty } from '../schemas';
import { EXHIBIT_ORDERS } from '../../model/exhibition';
import type {
  Exhibition,
  ExhibitionExportResult,
  ExhibitionPlan,
  FoundWorker,
  LabelPreview,
  LabelTemplate,
} from '../../model/exhibition';
import type { JobView } from '../../model/job';

/** The exhibition: boards, wall labels, the kiosk’s finding, and its print products. */
export const exhibitionsMethods = {
  /** creates or refreshes an exhibition by auto-fill; photos left out are listed with the reason */
  'exhibitions.plan': method<ExhibitionPlan>()({
    kind: 'edit',
    schema: z
      .object({
        id: id.optional(),
        title: z.string().trim().max(200).optional(),
        boards: z.number().int().min(1).max(200).optional(),
        boardSize: z.string().trim().max(40).optional(),
        order: z.enum(EXHIBIT_ORDERS).optional(),
        background: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/)
          .optional(),
        marginMm: z.number().min(0).max(500).optional(),
        gutterMm: z.number().min(0).max(200).optional(),
        header: z.boolean().optional(),
      })
      .strict(),
  }),
  'exhibitions.list': method<Exhibition[]>()({ kind: 'read', schema: empty }),
  /** photos with a worker not yet asked, confirmed by the user for the wall (placed at the next auto-fill) */
  'exhibitions.confirm': method<Exhibition>()({
    kind: 'edit',
    schema: z.object({ id: id.optional(), photoIds: z.array(id).min(1).max(100000) }).strict(),
  }),
  'exhibitions.get': method<Exhibition>()({ kind: 'read', schema: z.object({ id: id.optional() }).strict() }),
  'exhibitions.export': method<ExhibitionExportResult>()({ kind: 'export', schema: exhibitionExportSchema }),
  'exhibitions.exportStart': method<{ jobId: string }>()({ kind: 'export', schema: exhibitionExportSchema }),
  'exhibitions.exportStatus': method<JobView<ExhibitionExportResult>>()({
    kind: 'read',
    schema: z.object({ jobId: z.string().min(1).max(64) }).strict(),
  }),
  'exhibitions.exportCancel': method<JobView<ExhibitionExportResult>>()({
    kind: 'export',
    schema: z.object({ jobId: z.string().min(1).max(64) }).strict(),
  }),
  'exhibitions.update': method<Exhibition>()({
    kind: 'edit',
    schema: z
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
  }),
  'find.worker': method<FoundWorker[]>()({
    kind: 'read',
    kiosk: true,
    schema: z.object({ query: z.string().max(10000), exhibitionId: id.optional() }).strict(),
  }),
  /** the kiosk's wall label for a photo it lists (consent checked when asked) */
  'find.label': method<LabelPreview>()({
    kind: 'read',
    kiosk: true,
    schema: z.object({ photoId: id, exhibitionId: id.optional() }).strict(),
  }),
  'find.kiosk': method<{ title: string; subtitle: string; companies: { name: string; workers: FoundWorker[] }[] }>()({
    kind: 'read',
    kiosk: true,
    schema: z.object({ exhibitionId: id.optional() }).strict(),
  }),
  'labels.templates': method<LabelTemplate[]>()({ kind: 'read', schema: empty }),
  'labels.saveTemplate': method<LabelTemplate>()({
    kind: 'edit',
    schema: z.object({ template: labelTemplateSchema }).strict(),
  }),
  'exhibitions.leftOff': method<Pick<ExhibitionPlan, 'excluded' | 'toAsk'>>()({
    kind: 'read',
    schema: z.object({ id: id.optional() }).strict(),
  }),
  'exhibitions.move': method<Exhibition>()({
    kind: 'edit',
    schema: z.object({ id: id.optional(), photoId: id, toBoardId: id, beforePhotoId: id.nullable() }).strict(),
  }),
  'exhibitions.setLarge': method<Exhibition>()({
    kind: 'edit',
    schema: z.object({ id: id.optional(), photoId: id, large: z.boolean() }).strict(),
  }),
  'exhibitions.remove': method<Exhibition>()({
    kind: 'edit',
    schema: z.object({ id: id.optional(), photoId: id }).strict(),
  }),
  'exhibitions.restore': method<Exhibition>()({
    kind: 'edit',
    schema: z.object({ id: id.optional(), photoId: id }).strict(),
  }),
  'exhibitions.labelPreview': method<LabelPreview>()({
    kind: 'read',
    schema: z
      .object({ id: id.optional(), photoId: id, templateId: id.optional(), template: labelTemplateSchema.optional() })
      .strict(),
  }),
};
