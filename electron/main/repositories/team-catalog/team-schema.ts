import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { AppError } from '../../../../shared/errors';
import { msg } from '../../../../shared/i18n/messages';
import { assetsDir } from '../assets';
import { shownUrl } from './team-connection';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

let migrations: Migration[] | null = null;

/** assets/catalog-sql/NNN_name.sql, in order: one file per schema version. */
export function teamMigrations(): Migration[] {
  if (migrations) return migrations;
  const dir = path.join(assetsDir(), 'catalog-sql');
  if (!existsSync(dir)) throw new Error(`The team catalog's migrations are missing: no ${dir}`);
  migrations = readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(path.join(dir, f), 'utf8') }));
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Team catalog migrations: ${m.name} is not version ${i + 1}`);
  });
  return migrations;
}

export const TEAM_SCHEMA_VERSION = (): number => teamMigrations().length;

/** Any one key both processes agree on: two machines opening a new database at once migrate it once. */
const MIGRATION_LOCK = 4_242_001;

/**
 * Brings a database to this version's schema, one migration per transaction, under an advisory lock. A database
 * that holds another program's tables, or a schema newer than this version reads, is refused before anything is
 * written; so is opening an empty one (there is nothing to open). Answers the version found before (0: empty).
 */
export async function migrateTeamCatalog(
  client: pg.ClientBase,
  url: string,
  opts: { createIfEmpty: boolean },
): Promise<number> {
  const all = teamMigrations();
  await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    const found = await schemaVersion(client, url);
    // Opening (not creating) an empty database: there is no project to open, and nothing is set up in it.
    if (found === 0 && !opts.createIfEmpty)
      throw new AppError('NOT_FOUND', msg('team.noProject', { db: shownUrl(url) }));
    if (found > all.length)
      throw new AppError('UNSUPPORTED', msg('team.tooNew', { db: shownUrl(url), version: found, max: all.length }));
    for (const m of all.slice(found)) {
      await client.query('begin');
      try {
        await client.query(m.sql);
        await client.query('insert into chasing_light_schema (version) values ($1)', [m.version]);
        await client.query('commit');
      } catch (err) {
        await client.query('rollback');
        throw err;
      }
    }
    return found;
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

/** The schema version a database holds: 0 when empty; refused when it is another program's. */
async function schemaVersion(client: pg.ClientBase, url: string): Promise<number> {
  const ours = await client.query<{ t: string | null }>(`select to_regclass('chasing_light_schema')::text as t`);
  if (ours.rows[0]?.t) {
    const v = await client.query<{ v: number | null }>('select max(version) as v from chasing_light_schema');
    return v.rows[0]?.v ?? 0;
  }
  const tables = await client.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name limit 5`,
  );
  if (tables.rows.length)
    throw new AppError(
      'CONFLICT',
      msg('team.foreignDatabase', { db: shownUrl(url), tables: tables.rows.map((r) => r.name).join(', ') }),
    );
  return 0;
}
