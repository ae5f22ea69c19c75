import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { AppError } from '../../../../shared/errors';
import { msg } from '../../../../shared/i18n/messages';
import type { HistoryLabel } from '../../../../shared/model/history';
import type { CollectionName, CollectionTypes, EntityStates } from '../catalog.repository';
import type {
  CatalogChange,
  CatalogEdit,
  CatalogStore,
  Edited,
  Editor,
  HistoryLine,
  PhotoPage,
  PhotoPageQuery,
  ProjectRecord,
  Stored,
} from '../catalog-store';
import { namedFailure, poolFor, shownUrl } from './team-connection';
import { migrateTeamCatalog } from './team-schema';
import {
  columnsOf,
  dataOf,
  photoRowOf,
  recordOf,
  selectSql,
  tableOf,
  upsertSql,
  withoutVersion,
  type PhotoRowColumns,
} from './team-rows';
import { TeamChangeFeed } from './team-change-feed';

/** Two edits that wait on each other (a deadlock) or a serialisation failure: the edit is run again on fresh rows. */
const RETRIED = new Set(['40P01', '40001']);
const RETRIES = 5;
const PROJECT_KEY = 'project:project';

/**
 * A team project's catalog in PostgreSQL: several windows, processes and machines write at once. Every edit is one
 * transaction: the rows it reads are locked until it commits (so an edit is redone on the fresh row, never lost),
 * a put that names the version it was read at is refused when someone else moved the row on, and the edit is
 * recorded with who made it (history, undo) and announced to the other writers (NOTIFY).
 */
export class TeamCatalogRepository implements CatalogStore {
  readonly kind = 'team' as const;
  private readonly feed: TeamChangeFeed;
  private readonly own = new Set<number>();

  private constructor(
    readonly dir: string,
    readonly editor: Editor,
    private readonly url: string,
    private readonly pool: pg.Pool,
  ) {
    this.feed = new TeamChangeFeed(url, this.own);
  }

  /** Makes the database a new project's catalog (migrating it first); refused when it already holds a project. */
  static async create(url: string, dir: string, name: string, editor: Editor): Promise<TeamCatalogRepository> {
    const repo = await TeamCatalogRepository.connect(url, dir, editor, true);
    try {
      await repo.transaction(async (client) => {
        const existing = await client.query<{ name: string }>('select name from project for update');
        if (existing.rows.length)
          throw new AppError(
            'CONFLICT',
            msg('team.projectExists', { db: shownUrl(url), name: existing.rows[0]!.name }),
          );
        await client.query('insert into project (id, name, created_at) values ($1, $2, $3)', [
          randomUUID(),
          name,
          new Date().toISOString(),
        ]);
      });
      await repo.feed.start();
      return repo;
    } catch (err) {
      await repo.pool.end().catch(() => undefined);
      throw err;
    }
  }

  /** Opens a database that holds a project (migrating it to this version's schema first). */
  static async open(url: string, dir: string, editor: Editor): Promise<TeamCatalogRepository> {
    const repo = await TeamCatalogRepository.connect(url, dir, editor, false);
    try {
      const project = await repo.pool.query('select 1 from project');
      if (!project.rows.length) throw new AppError('NOT_FOUND', msg('team.noProject', { db: shownUrl(url) }));
      await repo.feed.start();
      return repo;
    } catch (err) {
      await repo.pool.end().catch(() => undefined);
      throw namedFailure(err, url);
    }
  }

  private static async connect(
    url: string,
    dir: string,
    editor: Editor,
    createIfEmpty: boolean,
  ): Promise<TeamCatalogRepository> {
    const pool = poolFor(url);
    try {
      const client = await pool.connect();
      try {
        await migrateTeamCatalog(client, url, { createIfEmpty });
      } finally {
        client.release();
      }
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw namedFailure(err, url);
    }
    return new TeamCatalogRepository(dir, editor, url, pool);
  }

  // --- reads: each its own query, answering copies ----------------------------------------------------------

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(sql, params);
    } catch (err) {
      throw namedFailure(err, this.url);
    }
  }

  async project(): Promise<ProjectRecord> {
    const r = await this.query<{ id: string; name: string; created_at: string; data: object }>(
      'select id, name, created_at, data from project',
    );
    const row = r.rows[0];
    if (!row) throw new AppError('NOT_FOUND', msg('team.noProject', { db: shownUrl(this.url) }));
    return { ...(row.data as Partial<ProjectRecord>), id: row.id, name: row.name, createdAt: row.created_at };
  }

  async get<C extends CollectionName>(c: C, id: string): Promise<Stored<CollectionTypes[C]> | undefined> {
    const { where, params } = byId(c, id);
    const r = await this.query<{ data: unknown; version: number; descriptor?: Buffer }>(selectSql(c, where), params);
    return r.rows[0] ? recordOf(c, r.rows[0]) : undefined;
  }

  async list<C extends CollectionName>(c: C): Promise<CollectionTypes[C][]> {
    const table = tableOf(c);
    const sql =
      table === 'records' ? selectSql(c, 'kind = $1') + ' order by id' : selectSql(c, 'true') + ' order by id';
    const r = await this.query<{ data: unknown; version: number; descriptor?: Buffer }>(
      sql,
      table === 'records' ? [c] : [],
    );
    return r.rows.map((row) => withoutVersion(recordOf(c, row)) as CollectionTypes[C]);
  }

  async count(c: CollectionName): Promise<number> {
    const table = tableOf(c);
    const r = await this.query<{ n: string }>(
      `select count(*) as n from ${table}${table === 'records' ? ' where kind = $1' : ''}`,
      table === 'records' ? [c] : [],
    );
    return Number(r.rows[0]?.n ?? 0);
  }

  async photoPage(q: PhotoPageQuery): Promise<PhotoPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (q.companyId !== undefined) where.push(`company_id = ${param(q.companyId)}`);
    if (q.workerIds?.length) where.push(`worker_ids @> ${param(q.workerIds)}::text[]`);
    if (q.minRating !== undefined) where.push(`rating >= ${param(q.minRating)}`);
    if (q.flag === 'none') where.push('flag is null');
    else if (q.flag) where.push(`flag = ${param(q.flag)}`);
    if (q.photographer !== undefined) where.push(`photographer = ${param(q.photographer)}`);
    const filter = where.length ? `where ${where.join(' and ')}` : '';
    const counted = [...params];
    const [total, rows] = await Promise.all([
      this.query<{ n: string }>(`select count(*) as n from photos ${filter}`, counted),
      this.query<PhotoRowColumns>(
        `select id, thumbnail, width, height, rating, flag, captured_at, worker_ids from photos ${filter}
          order by captured_at asc nulls last, id limit ${param(q.limit)} offset ${param(q.offset)}`,
        params,
      ),
    ]);
    return { total: Number(total.rows[0]?.n ?? 0), rows: rows.rows.map(photoRowOf) };
  }

  async history(c: CollectionName, id: string): Promise<HistoryLine[]> {
    const r = await this.query<{ seq: string; at: Date; who: string; what: HistoryLabel }>(
      'select seq, at, who, what from edits where keys @> array[$1]::text[] order by seq',
      [`${c}:${id}`],
    );
    return r.rows.map((row) => ({ seq: Number(row.seq), at: row.at.toISOString(), who: row.who, what: row.what }));
  }

  // --- edits: one transaction each ---------------------------------------------------------------------------

  async edit<T>(what: HistoryLabel, body: (tx: CatalogEdit) => Promise<T>): Promise<Edited<T>> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.transaction(async (client) => {
          const tx = new TeamEdit(client, this.editor, this.url);
          const result = await body(tx);
          if (!tx.before.size) return { result, seq: null, change: { before: tx.before, after: new Map() } };
          const after: EntityStates = new Map();
          for (const key of tx.before.keys()) {
            // The project's own words are named in the feed and the history, not undone record by record.
            if (key === PROJECT_KEY) continue;
            const [c, id] = splitKey(key);
            after.set(key, await tx.current(c, id));
          }
          const keys = [...tx.before.keys()];
          const r = await client.query<{ seq: string }>(
            'insert into edits (who, what, keys, before, after) values ($1, $2, $3, $4, $5) returning seq',
            [
              this.editor.name,
              JSON.stringify(what),
              keys,
              JSON.stringify(statesJson(tx.before)),
              JSON.stringify(statesJson(after)),
            ],
          );
          const seq = Number(r.rows[0]!.seq);
          this.own.add(seq);
          // Delivered when the transaction commits, to every window listening (this one included).
          await client.query('select pg_notify($1, $2)', [TeamChangeFeed.CHANNEL, String(seq)]);
          return { result, seq, change: { before: tx.before, after } };
        });
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code && RETRIED.has(code) && attempt < RETRIES) continue;
        throw namedFailure(err, this.url);
      }
    }
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect().catch((err: unknown) => {
      throw namedFailure(err, this.url);
    });
    let broken = false;
    try {
      await client.query('begin');
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (err) {
      await client.query('rollback').catch(() => {
        broken = true;
      });
      throw err;
    } finally {
      client.release(broken);
    }
  }

  onChange(listener: (change: CatalogChange) => void): () => void {
    return this.feed.subscribe(listener);
  }

  async close(): Promise<void> {
    await this.feed.stop();
    await this.pool.end();
  }
}

/** One edit's view of the catalog: reads lock what they read; the first touch of a record keeps its before. */
class TeamEdit implements CatalogEdit {
  readonly before: EntityStates = new Map();

  constructor(
    private readonly client: pg.PoolClient,
    private readonly editor: Editor,
    private readonly url: string,
  ) {}

  async get<C extends CollectionName>(c: C, id: string): Promise<Stored<CollectionTypes[C]> | undefined> {
    const { where, params } = byId(c, id);
    const r = await this.client.query<{ data: unknown; version: number; descriptor?: Buffer }>(
      `${selectSql(c, where)} for update`,
      params,
    );
    const found = r.rows[0] ? recordOf(c, r.rows[0]) : undefined;
    this.remember(c, id, found);
    return found;
  }

  /** The record as it stands inside this transaction (no version): the after of an undo record. */
  async current<C extends CollectionName>(c: C, id: string): Promise<CollectionTypes[C] | undefined> {
    const { where, params } = byId(c, id);
    const r = await this.client.query<{ data: unknown; version: number; descriptor?: Buffer }>(
      selectSql(c, where),
      params,
    );
    return r.rows[0] ? (withoutVersion(recordOf(c, r.rows[0])) as CollectionTypes[C]) : undefined;
  }

  async put<C extends CollectionName>(c: C, stored: CollectionTypes[C], expect?: { version: number }): Promise<void> {
    const record = withoutVersion(stored);
    const key = `${c}:${record.id}`;
    if (!this.before.has(key)) await this.get(c, record.id);
    const params: unknown[] = [record.id, dataOf(c, record), this.editor.name, ...columnsOf(c, record)];
    if (tableOf(c) === 'records') params.push(c);
    if (expect) params.push(expect.version);
    const r = await this.client.query(upsertSql(c, !!expect), params);
    if (expect && !r.rows.length) await this.refuseMoved(c, record.id);
  }

  async remove(c: CollectionName, id: string): Promise<void> {
    if (!this.before.has(`${c}:${id}`)) await this.get(c, id);
    const { where, params } = byId(c, id);
    await this.client.query(`delete from ${tableOf(c)} where ${where}`, params);
  }

  async setProject(patch: Partial<Omit<ProjectRecord, 'id' | 'createdAt'>>): Promise<void> {
    const { name, ...data } = patch;
    await this.client.query(
      `update project set name = coalesce($1, name), data = data || $2::jsonb, version = version + 1`,
      [name ?? null, JSON.stringify(data)],
    );
    this.before.set(PROJECT_KEY, undefined);
  }

  private remember(c: CollectionName, id: string, found: Stored<CollectionTypes[CollectionName]> | undefined) {
    const key = `${c}:${id}`;
    if (!this.before.has(key)) this.before.set(key, found === undefined ? undefined : withoutVersion(found));
  }

  /** The row moved on since it was read: name who moved it, for the window to say so. */
  private async refuseMoved(c: CollectionName, id: string): Promise<never> {
    const table = tableOf(c);
    const r = await this.client.query<{ changed_by: string }>(
      `select changed_by from ${table} where ${table === 'records' ? 'kind = $2 and ' : ''}id = $1`,
      table === 'records' ? [id, c] : [id],
    );
    const who = r.rows[0]?.changed_by;
    throw new AppError(
      'CONFLICT',
      who === undefined ? msg('team.removedMeanwhile', { id }) : msg('team.changedMeanwhile', { who: who || '?', id }),
      { who: who ?? null, collection: c, id, db: shownUrl(this.url) },
    );
  }
}

function byId(c: CollectionName, id: string): { where: string; params: unknown[] } {
  return tableOf(c) === 'records'
    ? { where: 'kind = $1 and id = $2', params: [c, id] }
    : { where: 'id = $1', params: [id] };
}

function splitKey(key: string): [CollectionName, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at) as CollectionName, key.slice(at + 1)];
}

function statesJson(states: EntityStates): Record<string, unknown> {
  return Object.fromEntries([...states].map(([k, v]) => [k, v ?? null]));
}
