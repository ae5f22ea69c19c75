import type { z } from 'zod';

/**
 * read: answers from the catalog; edit: changes the catalog (refused in a read-only view, committed before it is
 * answered); export: writes files from what the catalog holds, so it works on a read-only view (another window
 * may be editing), yet is no call for a read-only token; session: opens, closes, chooses places.
 */
export type MethodKind = 'read' | 'edit' | 'export' | 'session';

/** One method of the API, declared once: what it takes (its schema), what it does (its kind), what it answers. */
export interface MethodDeclaration<S extends z.ZodType = z.ZodType, R = unknown> {
  kind: MethodKind;
  schema: S;
  /** the exhibition kiosk's read-only token may call it */
  kiosk?: boolean;
  /** what it answers: a type only, never set at run time */
  readonly reply?: R;
}

/**
 * Declares a method: `method<Reply>()({ kind, schema })`. Two calls, so the reply is written out while the
 * schema's type is inferred.
 */
export const method =
  <R>() =>
  <S extends z.ZodType>(declaration: { kind: MethodKind; schema: S; kiosk?: boolean }): MethodDeclaration<S, R> =>
    declaration;

export type ReplyOf<D> = D extends { readonly reply?: infer R } ? R : never;
