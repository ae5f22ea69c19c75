import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestContext } from 'vitest';
import { toolsRequired } from './tools';

/**
 * The throwaway PostgreSQL cluster the tests use (scripts/test-postgres.js): `.ci/run` starts one and hands its URL
 * over; locally the test setup starts one when PostgreSQL is installed. The URL is a superuser's with a password.
 */
export const adminUrl: string | undefined = process.env.CHASING_LIGHT_TEST_DATABASE_URL || undefined;
export const hasPostgres = !!adminUrl;

/** For `describe.skipIf(...)`: skip without a server, except in CI, where the tests run (and fail, saying why). */
export const lacksPostgres = !hasPostgres && !toolsRequired;
export const NO_POSTGRES =
  "no PostgreSQL server for the tests (install Debian's postgresql, or set CHASING_LIGHT_TEST_DATABASE_URL): the team catalog tests were not run";

export function needPostgres(ctx: TestContext): string {
  if (!adminUrl && toolsRequired)
    throw new Error('CI must give the tests a PostgreSQL server (CHASING_LIGHT_TEST_DATABASE_URL)');
  if (!adminUrl) ctx.skip(NO_POSTGRES);
  return adminUrl!;
}

function requireAdmin(): string {
  if (!adminUrl) throw new Error(NO_POSTGRES);
  return adminUrl;
}

/** A new empty database on the test server; answers its URL (same superuser). */
export async function freshDatabase(): Promise<string> {
  const admin = requireAdmin();
  const name = `cl_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs SQL on a database as the superuser (to set a stage: another program's tables, a newer schema). */
export async function sql(url: string, text: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}
