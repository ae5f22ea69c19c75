import pg from 'pg';
import { AppError } from '../../../../shared/errors';
import { msg } from '../../../../shared/i18n/messages';

/**
 * A team database's address as it may be shown: the password (if one was written into it) is never said, logged or
 * kept; PGPASSWORD or ~/.pgpass give it, as for psql.
 */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString().replace(/^postgres(ql)?:\/\/([^@/]*)@/, (_m, ql, user) => `postgres${ql ?? ''}://${user}@`);
  } catch {
    return '(not an address)';
  }
}

/** Is it a PostgreSQL address at all? Said by name before any connection is tried. */
export function checkUrl(url: string): void {
  let u: URL | null = null;
  try {
    u = new URL(url);
  } catch {
    u = null;
  }
  if (!u || !/^postgres(ql)?:$/.test(u.protocol) || !u.hostname || u.pathname.length < 2)
    throw new AppError('VALIDATION', msg('team.badUrl', { url: u ? shownUrl(url) : url.slice(0, 200) }));
}

/** One pool per open team catalog: edits take a client for their transaction, reads take one for a query. */
export function poolFor(url: string): pg.Pool {
  checkUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    connectionTimeoutMillis: 5_000,
    application_name: 'chasing-light',
  });
  // A server restart or a dropped network ends idle clients: the pool makes new ones, the next call says what failed.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * What went wrong with the server, named for the user: an address that leads nowhere, a wrong password, a missing
 * database, a refused right, a connection lost during an edit. Anything else is passed on as it is.
 */
export function namedFailure(err: unknown, url: string): unknown {
  if (err instanceof AppError) return err;
  const e = err as { code?: string; message?: string };
  const db = shownUrl(url);
  const detail = e.message ?? String(err);
  switch (e.code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case '57P01': // admin shutdown
    case '57P03': // cannot connect now (starting up)
      return new AppError('IO', msg('team.unreachable', { db, detail }), { db });
    case '28P01':
    case '28000':
      return new AppError('FORBIDDEN', msg('team.authFailed', { db }), { db });
    case '3D000':
      return new AppError('NOT_FOUND', msg('team.noDatabase', { db }), { db });
    case '42501':
      return new AppError('FORBIDDEN', msg('team.notAllowed', { db, detail }), { db });
    case 'ECONNRESET':
    case 'EPIPE':
      return new AppError('IO', msg('team.connectionLost', { db }), { db });
  }
  // No password came from the address, PGPASSWORD or ~/.pgpass, and the server asks for one.
  if (/client password must be a string|password authentication failed/i.test(detail))
    return new AppError('FORBIDDEN', msg('team.authFailed', { db }), { db });
  if (/Connection terminated|connection timeout|Client has encountered a connection error/i.test(detail))
    return new AppError('IO', msg('team.connectionLost', { db }), { db });
  return err;
}
