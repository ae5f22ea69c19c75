import { z } from 'zod';
import { method } from '../method';
import { companyFields, empty, id, nonEmptyPath, optText, rosterMappingSchema, workerFields } from '../schemas';
import type { RosterPreview } from '../../logic/roster-plan';
import type { Company, Photographer, Worker } from '../../model/roster';

/** The roster: companies, photographers, workers, and spreadsheets of them. */
export const rosterMethods = {
  'companies.list': method<Company[]>()({ kind: 'read', schema: empty }),
  'companies.create': method<Company>()({
    kind: 'edit',
    schema: z.object({ name: z.string().trim().min(1, 'a company needs a name').max(200), ...companyFields }).strict(),
  }),
  'companies.update': method<Company>()({
    kind: 'edit',
    schema: z
      .object({
        id,
        patch: z.object({ name: z.string().trim().min(1).max(200).optional(), ...companyFields }).strict(),
      })
      .strict(),
  }),
  'companies.delete': method<null>()({ kind: 'edit', schema: z.object({ id }).strict() }),
  'photographers.list': method<Photographer[]>()({ kind: 'read', schema: empty }),
  'photographers.update': method<Photographer>()({
    kind: 'edit',
    schema: z
      .object({
        id,
        patch: z
          .object({
            name: z.string().trim().min(1).max(100).optional(),
            organisation: optText(200),
            credit: optText(200),
          })
          .strict(),
      })
      .strict(),
  }),
  /** with a query: best matches on name, pinyin, initials, employee number, company */
  'workers.list': method<Worker[]>()({
    kind: 'read',
    schema: z
      .object({ query: z.string().max(100).optional(), limit: z.number().int().min(1).max(10000).optional() })
      .strict(),
  }),
  'workers.create': method<Worker>()({
    kind: 'edit',
    schema: z.object({ name: z.string().trim().min(1, 'a worker needs a name').max(100), ...workerFields }).strict(),
  }),
  'workers.update': method<Worker>()({
    kind: 'edit',
    schema: z
      .object({ id, patch: z.object({ name: z.string().trim().min(1).max(100).optional(), ...workerFields }).strict() })
      .strict(),
  }),
  'workers.delete': method<null>()({ kind: 'edit', schema: z.object({ id }).strict() }),
  /** reads a spreadsheet and says what applying it would do, row by row; changes nothing */
  'roster.preview': method<RosterPreview>()({
    kind: 'read',
    schema: z
      .object({
        file: nonEmptyPath,
        mapping: rosterMappingSchema.optional(),
        createCompanies: z.boolean().optional(),
        headerRow: z.number().int().min(0).max(10000).optional(),
      })
      .strict(),
  }),
  /** applies it as one undoable change */
  'roster.apply': method<RosterPreview>()({
    kind: 'edit',
    schema: z
      .object({
        file: nonEmptyPath,
        mapping: rosterMappingSchema.optional(),
        createCompanies: z.boolean().optional(),
        headerRow: z.number().int().min(0).max(10000).optional(),
      })
      .strict(),
  }),
};
