import { z } from 'zod';
import { method } from '../method';
import { photoId, id, optText, isoDate, cropSchema, giftTemplateSchema, exportOptionsSchema, empty } from '../schemas';
import type { GiftTemplate, GiftView, SheetPreview } from '../../model/gift';
import type { ExportJobView } from '../replies';

/** Gifts: templates, one framed sheet per worker, their preview and export. */
export const giftsMethods = {
  'templates.list': method<GiftTemplate[]>()({ kind: 'read', schema: empty }),
  /** frame textures available to templates (files in assets/frames) */
  'templates.textures': method<string[]>()({ kind: 'read', schema: empty }),
  /** refuses unknown caption variables, unknown sizes and a mat that leaves no room */
  'templates.save': method<GiftTemplate>()({
    kind: 'edit',
    schema: z.object({ template: giftTemplateSchema }).strict(),
  }),
  'gifts.list': method<GiftView[]>()({
    kind: 'read',
    schema: z.object({ templateId: id.optional(), size: z.string().max(40).optional() }).strict(),
  }),
  'gifts.choosePhoto': method<GiftView>()({
    kind: 'edit',
    schema: z.object({ workerId: id, photoId: photoId.nullable() }).strict(),
  }),
  'gifts.setCrop': method<GiftView>()({
    kind: 'edit',
    schema: z.object({ workerId: id, crop: cropSchema.nullable() }).strict(),
  }),
  'gifts.setHandOver': method<GiftView>()({
    kind: 'edit',
    schema: z
      .object({
        workerId: id,
        patch: z
          .object({
            printedAt: isoDate.nullable().optional(),
            framedAt: isoDate.nullable().optional(),
            handedOverAt: isoDate.nullable().optional(),
            handedOverBy: optText(100),
          })
          .strict(),
      })
      .strict(),
  }),
  /** marks the given gifts 已印制 (those not already printed), as one step of the history */
  'gifts.markPrinted': method<{ marked: number }>()({
    kind: 'edit',
    schema: z.object({ workerIds: z.array(id).min(1).max(100000) }).strict(),
  }),
  /** the sheet rendered by the export pipeline at screen resolution; shown through the media route (kind "sheet") */
  'gifts.preview': method<SheetPreview>()({
    kind: 'read',
    schema: z
      .object({
        workerId: id,
        templateId: id.optional(),
        template: giftTemplateSchema.optional(),
        size: z.string().max(40).optional(),
      })
      .strict(),
  }),
  'export.start': method<{ jobId: string }>()({ kind: 'export', schema: exportOptionsSchema }),
  'export.cancel': method<ExportJobView>()({
    kind: 'export',
    schema: z.object({ jobId: z.string().min(1).max(64) }).strict(),
  }),
  'export.status': method<ExportJobView>()({
    kind: 'read',
    schema: z.object({ jobId: z.string().min(1).max(64) }).strict(),
  }),
};
