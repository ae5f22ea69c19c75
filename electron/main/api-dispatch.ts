import { isApiMethod, METHODS, type AppApi } from '../../shared/api/contract';
import { fail, ok, type Result } from '../../shared/api/result';
import { AppError, isAppError } from '../../shared/errors';
import type { Logger } from './logger';
import { msg } from '../../shared/i18n/messages';

/** Readable zod issues: `ids.0: a photo id is 12-64 hex characters`. */
function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * The one boundary every transport (IPC, HTTP, CLI) goes through: allowlist the method, validate the request
 * against its schema, run the handler, and turn any outcome into a Result. Unknown errors become INTERNAL and
 * are logged with their stack; the caller sees only a generic message.
 */
export async function dispatch(
  handlers: AppApi,
  method: unknown,
  request: unknown,
  logger: Logger,
): Promise<Result<unknown>> {
  if (!isApiMethod(method)) return fail({ code: 'NOT_FOUND', message: `Unknown API method ${JSON.stringify(method)}` });
  const parsed = METHODS[method].schema.safeParse(request ?? {});
  if (!parsed.success)
    return fail({
      code: 'VALIDATION',
      message: `${method}: ${describeIssues(parsed.error.issues)}`,
      details: parsed.error.issues,
    });
  try {
    const handler = handlers[method] as (req: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (err) {
    if (isAppError(err)) return fail(err.toJSON());
    logger.error(`${method} failed`, err);
    return fail(new AppError('INTERNAL', msg('api.unexpected', { method })).toJSON());
  }
}
